package io.github.bsoptions.pricing.backend;

import io.github.bsoptions.pricing.PricingStatus;
import io.github.bsoptions.pricing.batch.BatchModel;
import io.github.bsoptions.pricing.batch.GreeksBatch;
import io.github.bsoptions.pricing.batch.OptionBatch;
import io.github.bsoptions.pricing.formula.ImpliedVolResult;
import io.github.bsoptions.pricing.formula.ImpliedVolatility;
import io.github.bsoptions.pricing.internal.BachelierKernel;
import io.github.bsoptions.pricing.internal.BlackImpliedVol;
import io.github.bsoptions.pricing.internal.BlackScholesKernel;
import io.github.bsoptions.pricing.internal.RowChecks;
import io.github.bsoptions.pricing.spi.BackendCapability;
import io.github.bsoptions.pricing.spi.PricingBackend;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The pure-Java CPU backend: the reference every other backend is compared with, and the final
 * fallback (always available). Batches of at least {@value #PARALLEL_THRESHOLD} rows are split
 * across the common fork-join pool, unless the system property {@value #THREADS_PROPERTY} is 1
 * (single-core measurements, or callers that parallelise themselves).
 */
public final class ScalarPricingBackend implements PricingBackend {
  /** Rows per parallel chunk, and the smallest batch that is split across cores. */
  public static final int PARALLEL_THRESHOLD = 16_384;

  /**
   * System property limiting the threads a batch may use ({@code 1} = the calling thread only);
   * every backend honours it.
   */
  public static final String THREADS_PROPERTY = "bsoptions.pricing.threads";

  private static final byte OK = PricingStatus.OK.code();
  private static final Set<BackendCapability> CAPABILITIES =
      EnumSet.of(
          BackendCapability.BATCH_PRICE,
          BackendCapability.BATCH_GREEKS,
          BackendCapability.BATCH_IV,
          BackendCapability.BLACK_SCHOLES,
          BackendCapability.BLACK_76,
          BackendCapability.BACHELIER,
          BackendCapability.PARALLEL);

  @Override
  public String name() {
    return "scalar";
  }

  @Override
  public Set<BackendCapability> capabilities() {
    return EnumSet.copyOf(CAPABILITIES);
  }

  @Override
  public void price(BatchModel model, OptionBatch batch, double[] priceOut, byte[] statusOut) {
    requireSupported(BackendCapability.BATCH_PRICE, model);
    int n = batch.size();
    requireCapacity(priceOut.length, n, "priceOut");
    requireCapacity(statusOut.length, n, "statusOut");
    forChunks(n, (from, to) -> priceRange(model, batch, priceOut, statusOut, from, to));
  }

  @Override
  public void priceGreeks(BatchModel model, OptionBatch batch, GreeksBatch out) {
    requireSupported(BackendCapability.BATCH_GREEKS, model);
    int n = batch.size();
    requireCapacity(out.capacity(), n, "out");
    forChunks(n, (from, to) -> greeksRange(model, batch, out, from, to));
  }

  @Override
  public void impliedVolatility(
      BatchModel model, OptionBatch batch, double[] prices, double[] volOut, byte[] statusOut) {
    requireSupported(BackendCapability.BATCH_IV, model);
    int n = batch.size();
    requireCapacity(prices.length, n, "prices");
    requireCapacity(volOut.length, n, "volOut");
    requireCapacity(statusOut.length, n, "statusOut");
    forChunks(n, (from, to) -> ivRange(model, batch, prices, volOut, statusOut, from, to));
  }

  private static void priceRange(
      BatchModel model, OptionBatch b, double[] priceOut, byte[] statusOut, int from, int to) {
    boolean[] call = b.call();
    double[] s = b.spot();
    double[] k = b.strike();
    double[] t = b.expiry();
    double[] r = b.rate();
    double[] q = b.dividendYield();
    double[] vol = requireVol(b);
    boolean black76 = model == BatchModel.BLACK_76;
    boolean bachelier = model == BatchModel.BACHELIER;
    for (int i = from; i < to; i++) {
      double qi = black76 ? r[i] : q[i];
      byte code = RowChecks.validate(model, s[i], k[i], t[i], r[i], q[i], vol[i]);
      statusOut[i] = code;
      if (code != OK) {
        priceOut[i] = Double.NaN;
      } else if (bachelier) {
        priceOut[i] = BachelierKernel.price(call[i], s[i], k[i], t[i], r[i], q[i], vol[i]);
      } else {
        priceOut[i] = BlackScholesKernel.fastPrice(call[i], s[i], k[i], t[i], r[i], qi, vol[i]);
      }
    }
  }

  private static void greeksRange(
      BatchModel model, OptionBatch b, GreeksBatch out, int from, int to) {
    boolean[] call = b.call();
    double[] s = b.spot();
    double[] k = b.strike();
    double[] t = b.expiry();
    double[] r = b.rate();
    double[] q = b.dividendYield();
    double[] vol = requireVol(b);
    double[] price = out.price();
    double[] delta = out.delta();
    double[] gamma = out.gamma();
    double[] vega = out.vega();
    double[] theta = out.theta();
    double[] rho = out.rho();
    byte[] status = out.statusCodes();
    boolean black76 = model == BatchModel.BLACK_76;
    boolean bachelier = model == BatchModel.BACHELIER;
    double[] tmp = new double[6];
    for (int i = from; i < to; i++) {
      byte code = RowChecks.validate(model, s[i], k[i], t[i], r[i], q[i], vol[i]);
      status[i] = code;
      if (code != OK) {
        price[i] = delta[i] = gamma[i] = vega[i] = theta[i] = rho[i] = Double.NaN;
        continue;
      }
      double qi = black76 ? r[i] : q[i];
      if (bachelier) {
        BachelierKernel.firstOrder(call[i], s[i], k[i], t[i], r[i], q[i], vol[i], tmp, 0);
      } else {
        BlackScholesKernel.fastFirstOrder(call[i], s[i], k[i], t[i], r[i], qi, vol[i], tmp, 0);
      }
      price[i] = tmp[0];
      delta[i] = tmp[1];
      gamma[i] = tmp[2];
      vega[i] = tmp[3];
      theta[i] = tmp[4];
      // Black-76 rho holds the forward fixed: dV/dr = -T V.
      rho[i] = black76 ? -t[i] * tmp[0] : tmp[5];
    }
  }

  private static void ivRange(
      BatchModel model,
      OptionBatch b,
      double[] prices,
      double[] volOut,
      byte[] statusOut,
      int from,
      int to) {
    boolean[] call = b.call();
    double[] s = b.spot();
    double[] k = b.strike();
    double[] t = b.expiry();
    double[] r = b.rate();
    double[] q = b.dividendYield();
    boolean black76 = model == BatchModel.BLACK_76;
    for (int i = from; i < to; i++) {
      if (model == BatchModel.BACHELIER) {
        ImpliedVolResult res =
            ImpliedVolatility.bachelier(call[i], s[i], k[i], t[i], r[i], q[i], prices[i]);
        statusOut[i] = res.status().code();
        volOut[i] = res.volatility();
        continue;
      }
      byte code = RowChecks.validate(model, s[i], k[i], t[i], r[i], q[i], 0);
      if (code != OK) {
        statusOut[i] = code;
        volOut[i] = Double.NaN;
        continue;
      }
      double qi = black76 ? r[i] : q[i];
      double v = BlackImpliedVol.solve(call[i], s[i], k[i], t[i], r[i], qi, prices[i], null);
      if (v > 0) {
        statusOut[i] = OK;
        volOut[i] = v;
      } else {
        statusOut[i] = BlackImpliedVol.status(v).code();
        volOut[i] = Double.NaN;
      }
    }
  }

  private void requireSupported(BackendCapability op, BatchModel model) {
    if (!supports(op, model)) {
      throw new UnsupportedOperationException(
          "backend " + name() + " does not support " + op + " for " + model);
    }
  }

  private static double[] requireVol(OptionBatch b) {
    if (b.volatility() == null) {
      throw new IllegalArgumentException("batch has no volatility column");
    }
    return b.volatility();
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
    int threads = Integer.getInteger(THREADS_PROPERTY, Runtime.getRuntime().availableProcessors());
    if (n < PARALLEL_THRESHOLD || threads < 2) {
      task.run(0, n);
      return;
    }
    int chunks = (n + PARALLEL_THRESHOLD - 1) / PARALLEL_THRESHOLD;
    IntStream.range(0, chunks)
        .parallel()
        .forEach(c -> task.run(c * PARALLEL_THRESHOLD, Math.min(n, (c + 1) * PARALLEL_THRESHOLD)));
  }
}
