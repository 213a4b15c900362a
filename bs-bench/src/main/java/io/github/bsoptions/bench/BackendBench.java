package io.github.bsoptions.bench;

import io.github.bsoptions.pricing.backend.PricingBackends;
import io.github.bsoptions.pricing.backend.ScalarPricingBackend;
import io.github.bsoptions.pricing.batch.BatchModel;
import io.github.bsoptions.pricing.batch.GreeksBatch;
import io.github.bsoptions.pricing.batch.OptionBatch;
import io.github.bsoptions.pricing.formula.BlackScholesFormulas;
import io.github.bsoptions.pricing.spi.PricingBackend;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Batch throughput of one pricing backend: one benchmark operation is one whole batch, so options
 * per second = score x batch (BenchMain does the conversion).
 *
 * <p>{@code cores} limits the cores a batch may use through {@link
 * ScalarPricingBackend#THREADS_PROPERTY} ({@code 1}: one core; {@code all}: every core, for the
 * backends that split large batches). Run directly with JMH, e.g. {@code java --add-modules
 * jdk.incubator.vector -cp bs-bench/target/benchmarks.jar org.openjdk.jmh.Main BackendBench -p
 * backend=scalar,simd -p batch=1000,100000,1000000 -p cores=1,all -f 1 -wi 2 -i 3 -w 1s -r 1s}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class BackendBench {
  /** Backend name; BenchMain passes the available ones. */
  @Param({"scalar"})
  public String backend;

  /** Rows per batch. */
  @Param({"1000", "100000", "1000000"})
  public int batch;

  /** Cores a batch may use: {@code 1} or {@code all}. */
  @Param({"1"})
  public String cores;

  private PricingBackend engine;
  private OptionBatch options;
  private double[] prices;
  private double[] out;
  private byte[] status;
  private GreeksBatch greeks;

  /** Builds a random, realistic batch (fixed seed). */
  @Setup(Level.Trial)
  public void setUp() {
    System.setProperty(
        ScalarPricingBackend.THREADS_PROPERTY,
        cores.equals("all") ? Integer.toString(Runtime.getRuntime().availableProcessors()) : cores);
    engine = PricingBackends.named(backend);
    options = randomBatch(batch, 42);
    prices = new double[batch];
    out = new double[batch];
    status = new byte[batch];
    greeks = GreeksBatch.allocate(batch);
    boolean[] c = options.call();
    for (int i = 0; i < batch; i++) {
      prices[i] =
          BlackScholesFormulas.price(
              c[i],
              options.spot()[i],
              options.strike()[i],
              options.expiry()[i],
              options.rate()[i],
              options.dividendYield()[i],
              options.volatility()[i]);
    }
  }

  /** Batch BSM prices. */
  @Benchmark
  public double[] price() {
    engine.price(BatchModel.BLACK_SCHOLES, options, out, status);
    return out;
  }

  /** Batch BSM prices with delta, gamma, vega, theta, rho. */
  @Benchmark
  public GreeksBatch price_greeks() {
    engine.priceGreeks(BatchModel.BLACK_SCHOLES, options, greeks);
    return greeks;
  }

  /** Batch BSM implied volatility. */
  @Benchmark
  public double[] iv() {
    engine.impliedVolatility(BatchModel.BLACK_SCHOLES, options, prices, out, status);
    return out;
  }

  /** Returns a batch with moneyness, expiries and vols spread like a real chain. */
  static OptionBatch randomBatch(int n, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    OptionBatch b = OptionBatch.allocate(n);
    for (int i = 0; i < n; i++) {
      b.call()[i] = rnd.nextBoolean();
      b.spot()[i] = 100.0;
      b.strike()[i] = 100.0 * Math.exp(rnd.nextDouble(-0.5, 0.5));
      b.expiry()[i] = rnd.nextDouble(1.0 / 365, 2.0);
      b.rate()[i] = rnd.nextDouble(0.0, 0.06);
      b.dividendYield()[i] = rnd.nextDouble(0.0, 0.03);
      b.volatility()[i] = rnd.nextDouble(0.1, 0.8);
    }
    return b;
  }
}
