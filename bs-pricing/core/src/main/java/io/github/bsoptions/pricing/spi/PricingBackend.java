package io.github.bsoptions.pricing.spi;

import io.github.bsoptions.pricing.PricingStatus;
import io.github.bsoptions.pricing.batch.BatchModel;
import io.github.bsoptions.pricing.batch.GreeksBatch;
import io.github.bsoptions.pricing.batch.OptionBatch;
import java.util.Set;

/**
 * A batch pricing engine (CPU scalar, CPU SIMD, GPU, ...).
 *
 * <p>Contract for every method: outputs go to caller-provided arrays of at least {@code
 * batch.size()} rows; nothing is thrown for a bad row, which gets a {@link PricingStatus} code and
 * NaN outputs instead; valid rows get results equal to the scalar backend's within the backend's
 * documented tolerance and identical statuses. Argument errors (null or short arrays) throw {@link
 * IllegalArgumentException}. A model or operation the backend does not declare in {@link
 * #capabilities()} throws {@link UnsupportedOperationException}.
 *
 * <p>Implementations are thread-safe.
 */
public interface PricingBackend {

  /** Returns the backend's name (e.g. {@code scalar}, {@code simd}, {@code cuda}). */
  String name();

  /** Returns what this backend can do. */
  Set<BackendCapability> capabilities();

  /**
   * Returns the smallest batch for which this backend is worth using ({@code auto} routes smaller
   * batches elsewhere), e.g. the measured GPU crossover. Defaults to 0.
   */
  default int minimumEfficientBatch() {
    return 0;
  }

  /** Returns true when the backend declares both the operation and the model. */
  default boolean supports(BackendCapability operation, BatchModel model) {
    Set<BackendCapability> caps = capabilities();
    return caps.contains(operation) && caps.contains(capabilityOf(model));
  }

  /** Computes prices into {@code priceOut} and statuses into {@code statusOut}. */
  void price(BatchModel model, OptionBatch batch, double[] priceOut, byte[] statusOut);

  /** Computes prices with delta, gamma, vega, theta and rho into {@code out}. */
  void priceGreeks(BatchModel model, OptionBatch batch, GreeksBatch out);

  /**
   * Solves implied volatilities for {@code prices} (the batch's volatility column is ignored) into
   * {@code volOut} and statuses into {@code statusOut}.
   */
  void impliedVolatility(
      BatchModel model, OptionBatch batch, double[] prices, double[] volOut, byte[] statusOut);

  /** Returns the capability that stands for {@code model}. */
  static BackendCapability capabilityOf(BatchModel model) {
    switch (model) {
      case BLACK_76:
        return BackendCapability.BLACK_76;
      case BACHELIER:
        return BackendCapability.BACHELIER;
      default:
        return BackendCapability.BLACK_SCHOLES;
    }
  }
}
