/**
 * The SIMD batch pricing backend ({@code simd}) on the JDK Vector API ({@code
 * jdk.incubator.vector}): Black-Scholes-Merton and Black-76 prices, first-order greeks and implied
 * volatilities, with results equal to the scalar backend within the testkit's {@code
 * Tolerances.DOUBLE} (prices within 3e-14 relative on every row, 1e-14 where the direct formula
 * does not cancel) and identical statuses. The kernels run as small vector passes over blocks of
 * rows (see {@code Pass}) so that C2 keeps every vector in registers: no allocation per option.
 *
 * <p>Discovered through {@link io.github.bsoptions.pricing.simd.SimdBackendProvider} (priority
 * {@value io.github.bsoptions.pricing.simd.SimdBackendProvider#PRIORITY}, above the scalar
 * backend). The JVM needs {@code --add-modules jdk.incubator.vector}; without it the provider
 * reports the backend unavailable with that reason.
 */
package io.github.bsoptions.pricing.simd;
