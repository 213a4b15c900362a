package io.github.bsoptions.bench;

import io.github.bsoptions.data.model.EnrichedOption;
import io.github.bsoptions.data.model.OptionChain;
import io.github.bsoptions.data.model.OptionChainQuery;
import io.github.bsoptions.data.sim.SimulatedMarket;
import io.github.bsoptions.data.sim.SimulationConfig;
import io.github.bsoptions.pricing.backend.PricingBackends;
import io.github.bsoptions.pricing.batch.BatchModel;
import io.github.bsoptions.pricing.batch.OptionBatch;
import io.github.bsoptions.pricing.product.OptionType;
import io.github.bsoptions.pricing.spi.PricingBackend;
import io.github.bsoptions.signals.ntm.ChainEnricher;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The reference app's pricing stage: enriching a simulated 2,002-contract chain (7 expiries x 143
 * strikes x call/put: parity forwards, Black-76 implied volatilities from the mids, spot greeks),
 * as {@code bs demo}, {@code bs backtest} and {@code bs run} do every step. Average time per option
 * in nanoseconds (the reciprocal is option prices per second); 32 consecutive ticks of the chain
 * are cycled so that quotes change between calls as in the loop.
 *
 * <p>{@code enrichChain2000} is the app's path ({@link ChainEnricher#defaultBackend()}: the scalar
 * batch backend unless {@code bsoptions.pricing.backend} names another); {@code
 * enrichChain2000Simd} runs it on {@link PricingBackends#auto()} (the SIMD backend when the JVM has
 * {@code jdk.incubator.vector}; give it 10 or more warm-up iterations, the vector kernels take
 * seconds to compile). The code before the third-round rewrite (boxed maps, one scalar solve and a
 * repricing check per row) measured 386 ns per option against 358 ns in the same quiet run
 * (docs/performance.md); its frozen copy was removed afterwards.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class AppBench {
  private static final int CONTRACTS = 2002;
  private static final int TICKS = 32;

  private OptionChain[] chains;
  private Instant[] times;
  private double rate;
  private PricingBackend scalar;
  private PricingBackend auto;
  private int next;
  private OptionBatch[] ivBatches;
  private double[][] ivPrices;
  private double[] ivOut;
  private byte[] ivStatus;

  /** Records the chain ticks (fixed seed) and checks that every one has 2,002 live contracts. */
  @Setup
  public void setUp() {
    try (SimulatedMarket market =
        SimulatedMarket.create(
            SimulationConfig.builder()
                .seed(1)
                .underlying("SPY", 500, 0.18)
                .strikesPerExpiry(143)
                .providerGreeks(false)
                .build())) {
      rate = market.config().rate();
      chains = new OptionChain[TICKS];
      times = new Instant[TICKS];
      for (int i = 0; i < TICKS; i++) {
        market.advance();
        times[i] = market.now();
        chains[i] = market.optionChain(OptionChainQuery.all("SPY"));
      }
    }
    scalar = PricingBackends.scalar();
    auto = PricingBackends.auto();
    for (int i = 0; i < TICKS; i++) {
      int live = ChainEnricher.enrich(chains[i], rate, 0, times[i], scalar).size();
      if (live != CONTRACTS) {
        throw new IllegalStateException(
            "tick " + i + " has " + live + " live contracts, not " + CONTRACTS);
      }
    }
    ivColumns();
  }

  /** Per tick: the Black-76 columns of the chain's enrichment (forward, strike, years, mid). */
  private void ivColumns() {
    ivBatches = new OptionBatch[TICKS];
    ivPrices = new double[TICKS][];
    for (int i = 0; i < TICKS; i++) {
      List<EnrichedOption> rows = ChainEnricher.enrich(chains[i], rate, 0, times[i], scalar);
      int n = rows.size();
      boolean[] call = new boolean[n];
      double[] f = new double[n];
      double[] k = new double[n];
      double[] t = new double[n];
      double[] r = new double[n];
      double[] mid = new double[n];
      for (int j = 0; j < n; j++) {
        EnrichedOption o = rows.get(j);
        call[j] = o.contract().type() == OptionType.CALL;
        f[j] = o.forward();
        k[j] = o.contract().strike();
        t[j] = o.expiryYears();
        r[j] = rate;
        mid[j] = o.mid();
      }
      ivBatches[i] = OptionBatch.of(call, f, k, t, r, new double[n], null);
      ivPrices[i] = mid;
    }
    ivOut = new double[CONTRACTS];
    ivStatus = new byte[CONTRACTS];
  }

  private int tick() {
    int i = next;
    next = (i + 1) % TICKS;
    return i;
  }

  /** The app's enrichment on its default backend, per option. */
  @Benchmark
  @OperationsPerInvocation(CONTRACTS)
  public List<EnrichedOption> enrichChain2000() {
    int i = tick();
    return ChainEnricher.enrich(chains[i], rate, 0, times[i]);
  }

  /** The app's enrichment on the automatically chosen backend (SIMD when available), per option. */
  @Benchmark
  @OperationsPerInvocation(CONTRACTS)
  public List<EnrichedOption> enrichChain2000Simd() {
    int i = tick();
    return ChainEnricher.enrich(chains[i], rate, 0, times[i], auto);
  }

  /**
   * The floor under the enrichment: only the chain's Black-76 implied volatilities, solved by the
   * scalar batch backend on prepared columns (no grouping, forwards, greeks or result rows).
   */
  @Benchmark
  @OperationsPerInvocation(CONTRACTS)
  public byte[] ivOnlyChain2000() {
    int i = tick();
    scalar.impliedVolatility(BatchModel.BLACK_76, ivBatches[i], ivPrices[i], ivOut, ivStatus);
    return ivStatus;
  }
}
