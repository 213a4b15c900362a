/**
 * American option formulas on primitives: the Andersen-Lake-Offengelter exercise-boundary method
 * ({@link io.github.bsoptions.pricing.american.AndersenLakeOffengelter}, the accurate default), the
 * Barone-Adesi-Whaley and Bjerksund-Stensland (2002) approximations, and Cox-Ross-Rubinstein and
 * Leisen-Reimer binomial trees with discrete cash dividends. Models built on them live in {@link
 * io.github.bsoptions.pricing.pricer.AmericanModel}.
 */
package io.github.bsoptions.pricing.american;
