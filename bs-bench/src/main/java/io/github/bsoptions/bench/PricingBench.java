package io.github.bsoptions.bench;

import io.github.bsoptions.pricing.backend.ScalarPricingBackend;
import io.github.bsoptions.pricing.batch.BatchModel;
import io.github.bsoptions.pricing.batch.GreeksBatch;
import io.github.bsoptions.pricing.batch.OptionBatch;
import io.github.bsoptions.pricing.formula.BlackScholesFormulas;
import io.github.bsoptions.pricing.formula.ImpliedVolResult;
import io.github.bsoptions.pricing.formula.ImpliedVolatility;
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
 * Scalar bs-pricing throughput: one benchmark operation is one option, so the score is options per
 * second. Inputs are a fixed random chain (seed 42): moneyness e^{±0.5}, expiry 1 day to 2 years,
 * vol 10% to 80%. The batch benchmarks run {@link ScalarPricingBackend} single-threaded ({@code
 * bsoptions.pricing.threads=1}) and on all cores.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PricingBench {
  static final int N = 1024;
  static final int BATCH = 65_536;

  private boolean[] call;
  private double[] spot;
  private double[] strike;
  private double[] expiry;
  private double[] rate;
  private double[] div;
  private double[] vol;
  private double[] prices;
  private final double[] out = new double[6];
  private OptionBatch batch;
  private double[] batchOut;
  private byte[] batchStatus;
  private GreeksBatch batchGreeks;
  private final ScalarPricingBackend scalar = new ScalarPricingBackend();

  /** Builds the chains (fixed seed). */
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
    prices = new double[N];
    for (int i = 0; i < N; i++) {
      prices[i] =
          BlackScholesFormulas.price(
              call[i], spot[i], strike[i], expiry[i], rate[i], div[i], vol[i]);
    }
    batch = BackendBench.randomBatch(BATCH, 7);
    batchOut = new double[BATCH];
    batchStatus = new byte[BATCH];
    batchGreeks = GreeksBatch.allocate(BATCH);
  }

  /** BSM price (validated scalar API). */
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

  /** BSM price with delta, gamma, vega, theta and rho, allocation-free. */
  @Benchmark
  @OperationsPerInvocation(N)
  public double price_first_order_greeks() {
    double sum = 0;
    for (int i = 0; i < N; i++) {
      BlackScholesFormulas.priceAndFirstOrderGreeks(
          call[i], spot[i], strike[i], expiry[i], rate[i], div[i], vol[i], out, 0);
      sum += out[0] + out[1] + out[2] + out[3] + out[4] + out[5];
    }
    return sum;
  }

  /** BSM implied volatility to machine precision (scalar API, with status). */
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

  /** Batch BSM prices through the scalar backend on the calling thread only. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public double[] batch_price_single_thread() {
    System.setProperty(ScalarPricingBackend.THREADS_PROPERTY, "1");
    scalar.price(BatchModel.BLACK_SCHOLES, batch, batchOut, batchStatus);
    return batchOut;
  }

  /** Batch BSM prices through the scalar backend on all cores. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public double[] batch_price_all_cores() {
    System.clearProperty(ScalarPricingBackend.THREADS_PROPERTY);
    scalar.price(BatchModel.BLACK_SCHOLES, batch, batchOut, batchStatus);
    return batchOut;
  }

  /** Batch BSM prices with first-order greeks on all cores. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public GreeksBatch batch_greeks_all_cores() {
    System.clearProperty(ScalarPricingBackend.THREADS_PROPERTY);
    scalar.priceGreeks(BatchModel.BLACK_SCHOLES, batch, batchGreeks);
    return batchGreeks;
  }
}
