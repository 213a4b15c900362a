package io.github.bsoptions.pricing.backend;

import io.github.bsoptions.pricing.spi.Availability;
import io.github.bsoptions.pricing.spi.PricingBackend;
import io.github.bsoptions.pricing.spi.PricingBackendProvider;

/** Provides the always-available pure-Java {@link ScalarPricingBackend} (priority 0). */
public final class ScalarBackendProvider implements PricingBackendProvider {
  /** Creates the provider (for {@link java.util.ServiceLoader}). */
  public ScalarBackendProvider() {}

  @Override
  public String name() {
    return "scalar";
  }

  @Override
  public int priority() {
    return 0;
  }

  @Override
  public Availability probe() {
    return Availability.available("pure Java, always available");
  }

  @Override
  public PricingBackend create() {
    return new ScalarPricingBackend();
  }
}
