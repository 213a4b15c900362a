package io.github.bsoptions.bench;

import io.github.bsoptions.bench.frozen.PriceAe0752a;
import io.github.bsoptions.pricing.batch.OptionBatch;
import io.github.bsoptions.pricing.formula.BlackScholesFormulas;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * {@link PricingBench#price} next to the same loop through a frozen copy of the price path as of
 * main ae0752a ({@code bench.frozen}), for a same-run comparison of the seventh scalar price pass.
 * Same chain (seed 42, 1,024 options); scores are options per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PricingSeventhPassBench {
  static final int N = PricingBench.N;

  private boolean[] call;
  private double[] spot;
  private double[] strike;
  private double[] expiry;
  private double[] rate;
  private double[] div;
  private double[] vol;

  /** Builds the chain (fixed seed). */
  @Setup(Level.Trial)
  public void setUp() {
    OptionBatch b = BackendBench.randomBatch(N, 42);
    call = b.call();
    spot = b.spot();
    strike = b.strike();
    expiry = b.expiry();
    rate = b.rate();
    div = b.dividendYield();
    vol = b.volatility();
  }

  /** BSM price, current code (as {@link PricingBench#price}). */
  @Benchmark
  @OperationsPerInvocation(N)
  public double price() {
    double sum = 0;
    for (int i = 0; i < N; i++) {
      sum +=
          BlackScholesFormulas.price(
              call[i], spot[i], strike[i], expiry[i], rate[i], div[i], vol[i]);
    }
    return sum;
  }

  /** BSM price through the frozen ae0752a path. */
  @Benchmark
  @OperationsPerInvocation(N)
  public double priceBefore() {
    double sum = 0;
    for (int i = 0; i < N; i++) {
      sum += PriceAe0752a.price(call[i], spot[i], strike[i], expiry[i], rate[i], div[i], vol[i]);
    }
    return sum;
  }
}
