/**
 * Conformance kit for {@link io.github.bsoptions.pricing.spi.PricingBackend} implementations.
 *
 * <p>{@link io.github.bsoptions.pricing.testkit.BackendConformance#check} runs a backend against
 * the scalar reference on seeded random batches with invalid and degenerate rows mixed in, and
 * returns a {@link io.github.bsoptions.pricing.testkit.ConformanceReport}; {@link
 * io.github.bsoptions.pricing.testkit.OptionRows} builds the batches; {@link
 * io.github.bsoptions.pricing.testkit.Tolerances} states the accepted differences. The kit depends
 * on bs-pricing only (plain {@link java.util.SplittableRandom}, no test framework), so it can back
 * tests in any framework.
 */
package io.github.bsoptions.pricing.testkit;
