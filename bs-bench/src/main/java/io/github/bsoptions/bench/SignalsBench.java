package io.github.bsoptions.bench;

import io.github.bsoptions.data.model.EnrichedOption;
import io.github.bsoptions.data.model.GreeksSource;
import io.github.bsoptions.data.model.OptionContract;
import io.github.bsoptions.pricing.formula.BlackScholesFormulas;
import io.github.bsoptions.pricing.greeks.Greeks;
import io.github.bsoptions.pricing.product.OptionType;
import io.github.bsoptions.signals.pop.PayoffLeg;
import io.github.bsoptions.signals.pop.PopResult;
import io.github.bsoptions.signals.pop.ProbabilityOfProfit;
import io.github.bsoptions.signals.score.ChainScorer;
import io.github.bsoptions.signals.score.ScoredChain;
import io.github.bsoptions.signals.score.ScoringContext;
import io.github.bsoptions.signals.vol.VolForecast;
import io.github.bsoptions.signals.vol.garch.GarchFit;
import io.github.bsoptions.signals.vol.garch.GarchModel;
import io.github.bsoptions.signals.vol.garch.GarchParameters;
import io.github.bsoptions.signals.vol.garch.GarchSpec;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * bs-signals latency: scoring a 2,000-contract chain, GARCH(1,1) fits on 2,500 returns, and an
 * exact multi-leg probability of profit. Average time per operation in microseconds.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SignalsBench {
  private List<EnrichedOption> chain;
  private ScoringContext context;
  private ChainScorer scorer;
  private double[] returns;
  private List<PayoffLeg> condor;

  /** Builds the fixtures (fixed seeds). */
  @Setup(Level.Trial)
  public void setUp() {
    chain = chain(2000);
    context =
        new ScoringContext(
            new double[] {0.15, 0.18, 0.2, 0.22, 0.25, 0.3},
            Optional.of(VolForecast.flat("bench", 0.2, 400)),
            0.3);
    scorer = ChainScorer.withDefaults();
    returns =
        GarchModel.simulate(
            GarchSpec.garch(),
            GarchParameters.of(3e-4, 2e-6, 0.08, 0.9),
            2500,
            new SplittableRandom(42),
            null);
    condor =
        List.of(
            PayoffLeg.put(85, 1, 0.4),
            PayoffLeg.put(92, -1, 1.3),
            PayoffLeg.call(108, -1, 1.1),
            PayoffLeg.call(115, 1, 0.3));
  }

  /** Scores 2,000 contracts with all eight factors and explanations. */
  @Benchmark
  public ScoredChain scoreChain2000() {
    return scorer.score(chain, context);
  }

  /** GARCH(1,1), normal innovations, constant mean, 2,500 returns, with standard errors. */
  @Benchmark
  public GarchFit garchFitNormal2500() {
    return GarchModel.fit(returns, GarchSpec.garch());
  }

  /** GARCH(1,1), Student-t innovations, 2,500 returns, with standard errors. */
  @Benchmark
  public GarchFit garchFitStudentT2500() {
    return GarchModel.fit(
        returns, GarchSpec.garch().withInnovation(GarchSpec.Innovation.STUDENT_T));
  }

  /** One GARCH(1,1) log-likelihood evaluation on 2,500 returns. */
  @Benchmark
  public double garchLogLikelihood2500() {
    return GarchModel.logLikelihood(
        returns, GarchSpec.garch(), GarchParameters.of(3e-4, 2e-6, 0.08, 0.9));
  }

  /** Exact probability of profit of an iron condor. */
  @Benchmark
  public PopResult popIronCondor() {
    return ProbabilityOfProfit.analyze(condor, 100, 0.1, 0.02, 0.25);
  }

  static List<EnrichedOption> chain(int size) {
    List<EnrichedOption> out = new ArrayList<>(size);
    SplittableRandom rng = new SplittableRandom(7);
    Instant now = Instant.parse("2026-01-05T15:00:00Z");
    LocalDate today = LocalDate.of(2026, 1, 5);
    int[] days = {7, 14, 21, 30, 45, 60, 90, 120, 180, 270};
    int perExpiry = size / days.length / 2;
    for (int d : days) {
      double t = d / 365.0;
      double f = 100 * Math.exp(0.03 * t);
      for (int i = 0; i < perExpiry; i++) {
        double k = 50 + i * (100.0 / perExpiry);
        k = Math.round(k * 100) / 100.0;
        double x = Math.log(k / f);
        double vol = 0.2 - 0.1 * x + 0.5 * x * x;
        for (OptionType type : OptionType.values()) {
          boolean call = type == OptionType.CALL;
          Greeks g = BlackScholesFormulas.greeks(call, 100, k, t, 0.03, 0, vol);
          double mid = Math.max(g.price(), 0.01);
          double spread = 0.01 + 0.01 * mid * rng.nextDouble();
          long volume = rng.nextInt(5000);
          out.add(
              new EnrichedOption(
                  OptionContract.of("XYZ", today.plusDays(d), type, k),
                  100,
                  f,
                  t,
                  mid - spread / 2,
                  mid + spread / 2,
                  mid,
                  spread / mid,
                  volume,
                  volume * 3L,
                  vol,
                  g.delta(),
                  g.gamma(),
                  g.theta(),
                  g.vega(),
                  GreeksSource.COMPUTED,
                  now));
        }
      }
    }
    return out;
  }
}
