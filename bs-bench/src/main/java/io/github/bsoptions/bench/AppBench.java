package io.github.bsoptions.bench;

import io.github.bsoptions.data.model.EnrichedOption;
import io.github.bsoptions.data.model.OptionChain;
import io.github.bsoptions.data.model.OptionChainQuery;
import io.github.bsoptions.data.sim.SimulatedMarket;
import io.github.bsoptions.data.sim.SimulationConfig;
import io.github.bsoptions.pricing.backend.PricingBackends;
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
 * seconds to compile); {@code enrichChain2000Baseline} is the code before the rewrite (boxed maps,
 * one scalar solve and a repricing check per row).
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
      int baseline = BaselineChainEnricher.enrich(chains[i], rate, 0, times[i]).size();
      if (live != CONTRACTS || baseline != CONTRACTS) {
        throw new IllegalStateException(
            "tick " + i + " has " + live + "/" + baseline + " live contracts, not " + CONTRACTS);
      }
    }
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

  /** The enrichment before the rewrite, per option. */
  @Benchmark
  @OperationsPerInvocation(CONTRACTS)
  public List<EnrichedOption> enrichChain2000Baseline() {
    int i = tick();
    return BaselineChainEnricher.enrich(chains[i], rate, 0, times[i]);
  }
}
