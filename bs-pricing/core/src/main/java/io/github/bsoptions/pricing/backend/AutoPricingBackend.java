package io.github.bsoptions.pricing.backend;

import io.github.bsoptions.pricing.batch.BatchModel;
import io.github.bsoptions.pricing.batch.GreeksBatch;
import io.github.bsoptions.pricing.batch.OptionBatch;
import io.github.bsoptions.pricing.spi.BackendCapability;
import io.github.bsoptions.pricing.spi.PricingBackend;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Routes each call to the first backend (highest priority first) that supports the operation and
 * model and whose minimum efficient batch the call reaches; the scalar backend catches the rest.
 */
final class AutoPricingBackend implements PricingBackend {
  private final List<PricingBackend> backends;
  private final PricingBackend fallback = new ScalarPricingBackend();

  AutoPricingBackend(List<PricingBackend> backendsByPriority) {
    this.backends = List.copyOf(backendsByPriority);
  }

  @Override
  public String name() {
    return "auto";
  }

  @Override
  public Set<BackendCapability> capabilities() {
    Set<BackendCapability> all = EnumSet.noneOf(BackendCapability.class);
    all.addAll(fallback.capabilities());
    backends.forEach(b -> all.addAll(b.capabilities()));
    return all;
  }

  /** Returns the backend that would serve this operation, model and batch size. */
  PricingBackend route(BackendCapability op, BatchModel model, int size) {
    for (PricingBackend b : backends) {
      if (b.supports(op, model) && size >= b.minimumEfficientBatch()) {
        return b;
      }
    }
    return fallback;
  }

  @Override
  public void price(BatchModel model, OptionBatch batch, double[] priceOut, byte[] statusOut) {
    route(BackendCapability.BATCH_PRICE, model, batch.size())
        .price(model, batch, priceOut, statusOut);
  }

  @Override
  public void priceGreeks(BatchModel model, OptionBatch batch, GreeksBatch out) {
    route(BackendCapability.BATCH_GREEKS, model, batch.size()).priceGreeks(model, batch, out);
  }

  @Override
  public void impliedVolatility(
      BatchModel model, OptionBatch batch, double[] prices, double[] volOut, byte[] statusOut) {
    route(BackendCapability.BATCH_IV, model, batch.size())
        .impliedVolatility(model, batch, prices, volOut, statusOut);
  }
}
