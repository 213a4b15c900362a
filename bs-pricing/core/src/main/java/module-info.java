/** Option pricing, greeks and implied volatility with pluggable batch backends. No dependencies. */
module io.github.bsoptions.pricing {
  exports io.github.bsoptions.pricing;
  exports io.github.bsoptions.pricing.product;
  exports io.github.bsoptions.pricing.formula;
  exports io.github.bsoptions.pricing.greeks;
  exports io.github.bsoptions.pricing.pricer;
  exports io.github.bsoptions.pricing.american;
  exports io.github.bsoptions.pricing.batch;
  exports io.github.bsoptions.pricing.spi;
  exports io.github.bsoptions.pricing.backend;
  exports io.github.bsoptions.pricing.internal to
      io.github.bsoptions.pricing.simd,
      io.github.bsoptions.pricing.cuda;

  uses io.github.bsoptions.pricing.spi.PricingBackendProvider;

  provides io.github.bsoptions.pricing.spi.PricingBackendProvider with
      io.github.bsoptions.pricing.backend.ScalarBackendProvider;
}
