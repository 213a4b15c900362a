/**
 * Backend discovery and selection ({@link io.github.bsoptions.pricing.backend.PricingBackends}) and
 * the pure-Java scalar backend.
 */
package io.github.bsoptions.pricing.backend;
