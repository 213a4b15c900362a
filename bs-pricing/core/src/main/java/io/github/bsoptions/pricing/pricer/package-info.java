/**
 * Stateless pricing models behind one {@link io.github.bsoptions.pricing.pricer.PricingModel}
 * interface.
 */
package io.github.bsoptions.pricing.pricer;
