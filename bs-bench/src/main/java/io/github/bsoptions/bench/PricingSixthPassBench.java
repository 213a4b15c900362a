package io.github.bsoptions.bench;

import io.github.bsoptions.pricing.PricingStatus;
import io.github.bsoptions.pricing.batch.BatchModel;
import io.github.bsoptions.pricing.batch.OptionBatch;
import io.github.bsoptions.pricing.formula.BlackScholesFormulas;
import io.github.bsoptions.pricing.formula.ImpliedVolResult;
import io.github.bsoptions.pricing.formula.ImpliedVolatility;
import io.github.bsoptions.pricing.internal.BlackImpliedVol;
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
 * {@link PricingBench#iv} (this pass's scalar entry point) next to variants of the scalar entry
 * point's work outside the solver (result allocation, iteration-count slot), for a same-run
 * comparison of the sixth IV pass. Same chain (seed 42, 1,024 options); scores are options per
 * second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PricingSixthPassBench {
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

  /** The kernel alone: no input checks, no result object, no iteration count (a bound). */
  @Benchmark
  @OperationsPerInvocation(N)
  public double ivKernelOnly() {
    double sum = 0;
    for (int i = 0; i < N; i++) {
      sum +=
          BlackImpliedVol.solve(
              call[i], spot[i], strike[i], expiry[i], rate[i], div[i], prices[i], null);
    }
    return sum;
  }

  /** The scalar API's checks and one result allocation site, no iteration count (a bound). */
  @Benchmark
  @OperationsPerInvocation(N)
  public double ivNoCount() {
    double sum = 0;
    for (int i = 0; i < N; i++) {
      sum +=
          noCount(call[i], spot[i], strike[i], expiry[i], rate[i], div[i], prices[i]).volatility();
    }
    return sum;
  }

  private static ImpliedVolResult noCount(
      boolean isCall,
      double spot,
      double strike,
      double expiry,
      double rate,
      double dividendYield,
      double price) {
    byte code =
        RowChecks.validate(BatchModel.BLACK_SCHOLES, spot, strike, expiry, rate, dividendYield, 0);
    double v =
        code != PricingStatus.OK.code()
            ? -code
            : BlackImpliedVol.solve(isCall, spot, strike, expiry, rate, dividendYield, price, null);
    PricingStatus status = BlackImpliedVol.status(v);
    return new ImpliedVolResult(status.isOk() ? v : Double.NaN, status, 0);
  }

  /**
   * The scalar API as before this pass (main 68c4eb8): the iteration-count array and two result
   * allocation sites, which C2 (JDK 17) does not scalar-replace (56 bytes per option).
   */
  @Benchmark
  @OperationsPerInvocation(N)
  public double ivBefore() {
    double sum = 0;
    for (int i = 0; i < N; i++) {
      sum +=
          before(call[i], spot[i], strike[i], expiry[i], rate[i], div[i], prices[i]).volatility();
    }
    return sum;
  }

  private static ImpliedVolResult before(
      boolean isCall,
      double spot,
      double strike,
      double expiry,
      double rate,
      double dividendYield,
      double price) {
    byte code =
        RowChecks.validate(BatchModel.BLACK_SCHOLES, spot, strike, expiry, rate, dividendYield, 0);
    if (code != PricingStatus.OK.code()) {
      return ImpliedVolResult.failed(PricingStatus.of(code));
    }
    int[] iterations = new int[1];
    double v =
        BlackImpliedVol.solve(isCall, spot, strike, expiry, rate, dividendYield, price, iterations);
    PricingStatus status = BlackImpliedVol.status(v);
    return status.isOk()
        ? ImpliedVolResult.ok(v, iterations[0])
        : new ImpliedVolResult(Double.NaN, status, iterations[0]);
  }
}
