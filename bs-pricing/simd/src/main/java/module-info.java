/**
 * Batch pricing backend on the JDK Vector API. The incubator module is optional ({@code requires
 * static}): without {@code --add-modules jdk.incubator.vector} the backend reports itself
 * unavailable with that reason, and discovery moves on.
 */
module io.github.bsoptions.pricing.simd {
  requires transitive io.github.bsoptions.pricing;
  requires static jdk.incubator.vector;
  requires java.management;
  requires static jdk.management;

  exports io.github.bsoptions.pricing.simd;

  provides io.github.bsoptions.pricing.spi.PricingBackendProvider with
      io.github.bsoptions.pricing.simd.SimdBackendProvider;
}
