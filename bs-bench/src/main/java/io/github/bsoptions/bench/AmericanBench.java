package io.github.bsoptions.bench;

import io.github.bsoptions.pricing.american.AndersenLakeOffengelter;
import io.github.bsoptions.pricing.american.BaroneAdesiWhaley;
import io.github.bsoptions.pricing.american.BinomialTree;
import io.github.bsoptions.pricing.american.BjerksundStensland;
import io.github.bsoptions.pricing.american.TreeType;
import io.github.bsoptions.pricing.formula.ImpliedVolResult;
import io.github.bsoptions.pricing.pricer.AmericanModel;
import io.github.bsoptions.pricing.product.OptionType;
import java.util.SplittableRandom;
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
 * American option throughput on one thread: every benchmark prices the same {@value #N} random
 * options (fixed seed; calls and puts, moneyness e^{+-0.3}, 0.1 to 2 years, r 1-8%, q 0-5%, vol
 * 10-60%), so the score is options per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class AmericanBench {
  static final int N = 256;

  private final boolean[] call = new boolean[N];
  private final double[] spot = new double[N];
  private final double[] strike = new double[N];
  private final double[] expiry = new double[N];
  private final double[] rate = new double[N];
  private final double[] div = new double[N];
  private final double[] vol = new double[N];
  private final double[] price = new double[N];
  private final AmericanModel model = AmericanModel.create();

  /** Draws the options and their ALO prices. */
  @Setup(Level.Trial)
  public void setUp() {
    SplittableRandom rnd = new SplittableRandom(42);
    for (int i = 0; i < N; i++) {
      call[i] = rnd.nextBoolean();
      spot[i] = 100;
      strike[i] = 100 * Math.exp(rnd.nextDouble(-0.3, 0.3));
      expiry[i] = rnd.nextDouble(0.1, 2);
      rate[i] = rnd.nextDouble(0.01, 0.08);
      div[i] = rnd.nextDouble(0.0, 0.05);
      vol[i] = rnd.nextDouble(0.1, 0.6);
      price[i] =
          AndersenLakeOffengelter.price(
              call[i], spot[i], strike[i], expiry[i], rate[i], div[i], vol[i]);
    }
  }

  /** ALO (default scheme) prices. */
  @Benchmark
  @OperationsPerInvocation(N)
  public double aloPrice() {
    double sum = 0;
    for (int i = 0; i < N; i++) {
      sum +=
          AndersenLakeOffengelter.price(
              call[i], spot[i], strike[i], expiry[i], rate[i], div[i], vol[i]);
    }
    return sum;
  }

  /** ALO prices with the fast scheme. */
  @Benchmark
  @OperationsPerInvocation(N)
  public double aloFastPrice() {
    double sum = 0;
    for (int i = 0; i < N; i++) {
      sum +=
          AndersenLakeOffengelter.price(
              call[i],
              spot[i],
              strike[i],
              expiry[i],
              rate[i],
              div[i],
              vol[i],
              AndersenLakeOffengelter.Scheme.FAST);
    }
    return sum;
  }

  /** Barone-Adesi-Whaley prices. */
  @Benchmark
  @OperationsPerInvocation(N)
  public double bawPrice() {
    double sum = 0;
    for (int i = 0; i < N; i++) {
      sum +=
          BaroneAdesiWhaley.price(call[i], spot[i], strike[i], expiry[i], rate[i], div[i], vol[i]);
    }
    return sum;
  }

  /** Bjerksund-Stensland 2002 prices. */
  @Benchmark
  @OperationsPerInvocation(N)
  public double bjsPrice() {
    double sum = 0;
    for (int i = 0; i < N; i++) {
      sum +=
          BjerksundStensland.price(call[i], spot[i], strike[i], expiry[i], rate[i], div[i], vol[i]);
    }
    return sum;
  }

  /** Leisen-Reimer tree prices, 501 steps. */
  @Benchmark
  @OperationsPerInvocation(N)
  public double lrTree501() {
    double sum = 0;
    for (int i = 0; i < N; i++) {
      sum +=
          BinomialTree.price(
              call[i],
              spot[i],
              strike[i],
              expiry[i],
              rate[i],
              div[i],
              vol[i],
              501,
              TreeType.LEISEN_REIMER);
    }
    return sum;
  }

  /** American implied volatility (inverting the default ALO model). */
  @Benchmark
  @OperationsPerInvocation(N)
  public double americanIv() {
    double sum = 0;
    for (int i = 0; i < N; i++) {
      ImpliedVolResult r =
          model.impliedVolatility(
              call[i] ? OptionType.CALL : OptionType.PUT,
              spot[i],
              strike[i],
              expiry[i],
              rate[i],
              div[i],
              price[i]);
      sum += r.volatility();
    }
    return sum;
  }
}
