package io.github.bsoptions.bench;

import io.github.bsoptions.bench.frozen.FrozenBlackImpliedVol;
import io.github.bsoptions.pricing.PricingStatus;
import io.github.bsoptions.pricing.batch.BatchModel;
import io.github.bsoptions.pricing.batch.OptionBatch;
import io.github.bsoptions.pricing.formula.BlackScholesFormulas;
import io.github.bsoptions.pricing.formula.ImpliedVolResult;
import io.github.bsoptions.pricing.formula.ImpliedVolatility;
import io.github.bsoptions.pricing.internal.RowChecks;
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
 * {@link PricingBench#iv} (this pass's scalar entry point) next to the same entry point over a
 * frozen copy of main ae0752a's solver, for a same-run comparison of the seventh IV pass. Same
 * chain (seed 42, 1,024 options); scores are options per second.
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
  private double[] prices;

  /** Builds the chain (fixed seed) and its prices. */
  @Setup(Level.Trial)
  public void setUp() {
    OptionBatch b = BackendBench.randomBatch(N, 42);
    call = b.call();
    spot = b.spot();
    strike = b.strike();
    expiry = b.expiry();
    rate = b.rate();
    div = b.dividendYield();
    prices = new double[N];
    for (int i = 0; i < N; i++) {
      prices[i] =
          BlackScholesFormulas.price(
              call[i], spot[i], strike[i], expiry[i], rate[i], div[i], b.volatility()[i]);
    }
  }

  /** BSM implied volatility through the scalar API (as {@link PricingBench#iv}). */
  @Benchmark
  @OperationsPerInvocation(N)
  public double iv() {
    double sum = 0;
    for (int i = 0; i < N; i++) {
      ImpliedVolResult r =
          ImpliedVolatility.blackScholes(
              call[i], spot[i], strike[i], expiry[i], rate[i], div[i], prices[i]);
      sum += r.volatility();
    }
    return sum;
  }

  /** The same entry point over the frozen ae0752a solver. */
  @Benchmark
  @OperationsPerInvocation(N)
  public double ivFrozen() {
    double sum = 0;
    for (int i = 0; i < N; i++) {
      sum +=
          frozen(call[i], spot[i], strike[i], expiry[i], rate[i], div[i], prices[i]).volatility();
    }
    return sum;
  }

  /** {@code ImpliedVolatility.blackScholes} as in ae0752a, over the frozen solver. */
  static ImpliedVolResult frozen(
      boolean isCall,
      double spot,
      double strike,
      double expiry,
      double rate,
      double dividendYield,
      double price) {
    byte code =
        RowChecks.validate(BatchModel.BLACK_SCHOLES, spot, strike, expiry, rate, dividendYield, 0);
    int[] iterations = new int[1];
    double v =
        code != PricingStatus.OK.code()
            ? -code
            : FrozenBlackImpliedVol.solve(
                isCall, spot, strike, expiry, rate, dividendYield, price, iterations);
    PricingStatus status = FrozenBlackImpliedVol.status(v);
    return new ImpliedVolResult(status.isOk() ? v : Double.NaN, status, iterations[0]);
  }
}
