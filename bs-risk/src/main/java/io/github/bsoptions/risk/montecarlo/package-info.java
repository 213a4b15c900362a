/**
 * Monte Carlo value at risk and expected shortfall by full revaluation: correlated underlyings
 * (Cholesky factor via EJML), antithetic variates, a fixed seed, sections run in parallel, and
 * confidence intervals on every estimate.
 */
package io.github.bsoptions.risk.montecarlo;
