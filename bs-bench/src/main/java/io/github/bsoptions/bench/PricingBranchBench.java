package io.github.bsoptions.bench;

import io.github.bsoptions.pricing.batch.OptionBatch;
import io.github.bsoptions.pricing.formula.BlackScholesFormulas;
import io.github.bsoptions.pricing.formula.ImpliedVolResult;
import io.github.bsoptions.pricing.formula.ImpliedVolatility;
import io.github.bsoptions.pricing.formula.NormalDistribution;
import java.util.Arrays;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Branch-prediction probe for the scalar kernels: {@link PricingBench}'s chain (seed 42, 1,024
 * options) in its random order, and the same options sorted so that the kernels' branches (call or
 * put, sign of the log-moneyness and of {@code d1}, {@code d2}, the normal-probability region, the
 * cancellation fallback; for the implied volatility the call/put, the moneyness sign and the total
 * volatility relative to the central point {@code sqrt(2 |x|)}, which picks Let's Be Rational's
 * branch) come in long runs. The ratio sorted / random bounds what mispredicted branches cost;
 * scores are options per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PricingBranchBench {
  static final int N = PricingBench.N;

  /** {@code random}: the benchmark chain as is; {@code sorted}: grouped by branch outcomes. */
  @Param({"random", "sorted"})
  public String order;

  /** Options in the chain (a power of two, at least 1,024). */
  @Param({"1024", "65536"})
  public int size;

  private int offset;

  private boolean[] call;
  private double[] spot;
  private double[] strike;
  private double[] expiry;
  private double[] rate;
  private double[] div;
  private double[] vol;
  private double[] prices;
  private final double[] out = new double[6];

  /** Builds the chain (seed 42) and orders it. */
  @Setup(Level.Trial)
  public void setUp() {
    int n = size;
    OptionBatch b = BackendBench.randomBatch(n, 42);
    Integer[] idx = new Integer[n];
    double[] key = new double[n];
    for (int i = 0; i < n; i++) {
      idx[i] = i;
      key[i] = "sorted".equals(order) ? key(b, i) : i;
    }
    Arrays.sort(idx, Comparator.comparingDouble(i -> key[i]));
    call = new boolean[n];
    spot = new double[n];
    strike = new double[n];
    expiry = new double[n];
    rate = new double[n];
    div = new double[n];
    vol = new double[n];
    prices = new double[n];
    for (int k = 0; k < n; k++) {
      int i = idx[k];
      call[k] = b.call()[i];
      spot[k] = b.spot()[i];
      strike[k] = b.strike()[i];
      expiry[k] = b.expiry()[i];
      rate[k] = b.rate()[i];
      div[k] = b.dividendYield()[i];
      vol[k] = b.volatility()[i];
      prices[k] =
          BlackScholesFormulas.price(
              call[k], spot[k], strike[k], expiry[k], rate[k], div[k], vol[k]);
    }
  }

  /** Sort key: the branch outcomes as high bits, the IV branch position as the fraction. */
  private static double key(OptionBatch b, int i) {
    boolean c = b.call()[i];
    double t = b.expiry()[i];
    double v = b.volatility()[i] * Math.sqrt(t);
    double x = Math.log(b.spot()[i] / b.strike()[i]) + (b.rate()[i] - b.dividendYield()[i]) * t;
    double d1 = x / v + 0.5 * v;
    double d2 = d1 - v;
    double w = c ? 1 : -1;
    double sdq = b.spot()[i] * Math.exp(-b.dividendYield()[i] * t);
    double kdr = b.strike()[i] * Math.exp(-b.rate()[i] * t);
    double a = sdq * NormalDistribution.cdf(w * d1);
    double bb = kdr * NormalDistribution.cdf(w * d2);
    boolean fallback = w * (a - bb) < (a + bb) / 16;
    int bits = 0;
    bits = 2 * bits + (c ? 1 : 0);
    bits = 2 * bits + (x <= 0 ? 1 : 0);
    bits = 2 * bits + (fallback ? 1 : 0);
    bits = 2 * bits + (w * d1 > 0 ? 1 : 0);
    bits = 2 * bits + (Math.abs(d1) <= 0.67448975 ? 1 : 0);
    bits = 2 * bits + (w * d2 > 0 ? 1 : 0);
    bits = 2 * bits + (Math.abs(d2) <= 0.67448975 ? 1 : 0);
    double rel = v / Math.sqrt(2 * Math.abs(x) + 1e-300);
    return bits + Math.min(rel, 1e6) / (1 + Math.min(rel, 1e6));
  }

  private int next() {
    int start = offset;
    offset = (start + N) & (size - 1);
    return start;
  }

  /** BSM price (validated scalar API). */
  @Benchmark
  @OperationsPerInvocation(N)
  public double price() {
    int start = next();
    double sum = 0;
    for (int i = start; i < start + N; i++) {
      sum +=
          BlackScholesFormulas.price(
              call[i], spot[i], strike[i], expiry[i], rate[i], div[i], vol[i]);
    }
    return sum;
  }

  /** BSM price with delta, gamma, vega, theta and rho. */
  @Benchmark
  @OperationsPerInvocation(N)
  public double price_first_order_greeks() {
    int start = next();
    double sum = 0;
    for (int i = start; i < start + N; i++) {
      BlackScholesFormulas.priceAndFirstOrderGreeks(
          call[i], spot[i], strike[i], expiry[i], rate[i], div[i], vol[i], out, 0);
      sum += out[0] + out[1] + out[2] + out[3] + out[4] + out[5];
    }
    return sum;
  }

  /** BSM implied volatility (scalar API, with status). */
  @Benchmark
  @OperationsPerInvocation(N)
  public double iv() {
    int start = next();
    double sum = 0;
    for (int i = start; i < start + N; i++) {
      ImpliedVolResult r =
          ImpliedVolatility.blackScholes(
              call[i], spot[i], strike[i], expiry[i], rate[i], div[i], prices[i]);
      sum += r.volatility();
    }
    return sum;
  }
}
