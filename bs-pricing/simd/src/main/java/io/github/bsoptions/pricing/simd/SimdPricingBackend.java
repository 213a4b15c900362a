package io.github.bsoptions.pricing.simd;

import io.github.bsoptions.pricing.backend.ScalarPricingBackend;
import io.github.bsoptions.pricing.batch.BatchModel;
import io.github.bsoptions.pricing.batch.GreeksBatch;
import io.github.bsoptions.pricing.batch.OptionBatch;
import io.github.bsoptions.pricing.spi.BackendCapability;
import io.github.bsoptions.pricing.spi.PricingBackend;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The Vector API backend. Batches of at least {@link ScalarPricingBackend#PARALLEL_THRESHOLD} rows
 * are split across the common fork-join pool unless {@link ScalarPricingBackend#THREADS_PROPERTY}
 * is 1. Only loaded (and only links {@code jdk.incubator.vector}) after the provider's probe found
 * the module.
 */
final class SimdPricingBackend implements PricingBackend {
  private static final int CHUNK = ScalarPricingBackend.PARALLEL_THRESHOLD;
  private static final Set<BackendCapability> CAPABILITIES =
      EnumSet.of(
          BackendCapability.BATCH_PRICE,
          BackendCapability.BATCH_GREEKS,
          BackendCapability.BATCH_IV,
          BackendCapability.BLACK_SCHOLES,
          BackendCapability.BLACK_76,
          BackendCapability.PARALLEL);

  @Override
  public String name() {
    return "simd";
  }

  @Override
  public Set<BackendCapability> capabilities() {
    return EnumSet.copyOf(CAPABILITIES);
  }

  /**
   * Returns the lanes per vector this backend computes ({@code DoubleVector.SPECIES_PREFERRED}).
   */
  static int lanes() {
    return VectorMath.SPECIES.length();
  }

  @Override
  public void price(BatchModel model, OptionBatch batch, double[] priceOut, byte[] statusOut) {
    requireSupported(BackendCapability.BATCH_PRICE, model);
    int n = batch.size();
    requireCapacity(priceOut.length, n, "priceOut");
    requireCapacity(statusOut.length, n, "statusOut");
    requireVol(batch);
    forChunks(n, (from, to) -> SimdKernels.priceRange(model, batch, priceOut, statusOut, from, to));
  }

  @Override
  public void priceGreeks(BatchModel model, OptionBatch batch, GreeksBatch out) {
    requireSupported(BackendCapability.BATCH_GREEKS, model);
    int n = batch.size();
    requireCapacity(out.capacity(), n, "out");
    requireVol(batch);
    forChunks(n, (from, to) -> SimdKernels.greeksRange(model, batch, out, from, to));
  }

  @Override
  public void impliedVolatility(
      BatchModel model, OptionBatch batch, double[] prices, double[] volOut, byte[] statusOut) {
    requireSupported(BackendCapability.BATCH_IV, model);
    int n = batch.size();
    requireCapacity(prices.length, n, "prices");
    requireCapacity(volOut.length, n, "volOut");
    requireCapacity(statusOut.length, n, "statusOut");
    forChunks(
        n, (from, to) -> SimdKernels.ivRange(model, batch, prices, volOut, statusOut, from, to));
  }

  private void requireSupported(BackendCapability op, BatchModel model) {
    if (!supports(op, model)) {
      throw new UnsupportedOperationException(
          "backend " + name() + " does not support " + op + " for " + model);
    }
  }

  private static void requireVol(OptionBatch b) {
    if (b.volatility() == null) {
      throw new IllegalArgumentException("batch has no volatility column");
    }
  }

  private static void requireCapacity(int length, int n, String name) {
    if (length < n) {
      throw new IllegalArgumentException(name + " has length " + length + ", needs " + n);
    }
  }

  private interface RangeTask {
    void run(int from, int to);
  }

  private static void forChunks(int n, RangeTask task) {
    int threads =
        Integer.getInteger(
            ScalarPricingBackend.THREADS_PROPERTY, Runtime.getRuntime().availableProcessors());
    if (n < CHUNK || threads < 2) {
      task.run(0, n);
      return;
    }
    int chunks = (n + CHUNK - 1) / CHUNK;
    IntStream.range(0, chunks)
        .parallel()
        .forEach(c -> task.run(c * CHUNK, Math.min(n, (c + 1) * CHUNK)));
  }
}
