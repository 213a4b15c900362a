package io.github.bsoptions.signals.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.github.bsoptions.data.model.EnrichedOption;
import io.github.bsoptions.signals.ntm.NearTheMoney;
import io.github.bsoptions.signals.ntm.NtmCriteria;
import io.github.bsoptions.signals.testing.ChainFixtures;
import io.github.bsoptions.signals.vol.VolForecast;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ChainScorerTest {
  private static final List<EnrichedOption> NTM =
      NearTheMoney.select(ChainFixtures.enriched(0.25), NtmCriteria.DEFAULT);
  private static final ScoringContext CTX =
      new ScoringContext(
          new double[] {0.15, 0.18, 0.20, 0.22, 0.30},
          Optional.of(VolForecast.flat("f", 0.2, 120)),
          0.3);

  @Test
  void contributionsSumToScore_andScoresAreRanked() {
    ScoredChain sc = ChainScorer.withDefaults().score(NTM, CTX);
    assertThat(sc.ranked()).hasSize(NTM.size());
    for (ContractScore c : sc.ranked()) {
      double sum = c.explain().values().stream().mapToDouble(Double::doubleValue).sum();
      assertThat(c.score()).isCloseTo(sum, within(1e-12)).isBetween(-1.0, 1.0);
    }
    for (int i = 1; i < sc.ranked().size(); i++) {
      assertThat(sc.ranked().get(i).score()).isLessThanOrEqualTo(sc.ranked().get(i - 1).score());
    }
    ChainMetrics m = sc.metrics();
    assertThat(m.atmIv()).isCloseTo(0.25, within(0.005));
    assertThat(m.ivPercentile()).isEqualTo(0.8);
    assertThat(m.skew()).isPositive();
    assertThat(m.forecastVol()).isCloseTo(0.2, within(1e-12));
  }

  @Test
  void scores_areInvariantToRowOrder() {
    ChainScorer scorer = ChainScorer.withDefaults();
    Map<String, Double> base = bySymbol(scorer.score(NTM, CTX));
    qt().withFixedSeed(23L)
        .withExamples(20)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              List<EnrichedOption> shuffled = new ArrayList<>(NTM);
              Collections.shuffle(shuffled, new Random(seed));
              assertThat(bySymbol(scorer.score(shuffled, CTX))).isEqualTo(base);
            });
  }

  @Test
  void score_isMonotoneInVolume_openInterest_andSpread() {
    ChainScorer scorer = ChainScorer.withDefaults();
    qt().withFixedSeed(29L)
        .withExamples(50)
        .forAll(integers().between(0, NTM.size() - 1), integers().between(1, 100_000))
        .checkAssert(
            (i, bump) -> {
              EnrichedOption o = NTM.get(i);
              double before = bySymbol(scorer.score(NTM, CTX)).get(o.symbol());
              for (Function<EnrichedOption, EnrichedOption> better :
                  List.<Function<EnrichedOption, EnrichedOption>>of(
                      x ->
                          withLiquidity(x, x.volume() + bump, x.openInterest(), x.spreadFraction()),
                      x ->
                          withLiquidity(x, x.volume(), x.openInterest() + bump, x.spreadFraction()),
                      x ->
                          withLiquidity(x, x.volume(), x.openInterest(), x.spreadFraction() / 2))) {
                List<EnrichedOption> changed = new ArrayList<>(NTM);
                changed.set(i, better.apply(o));
                double after = bySymbol(scorer.score(changed, CTX)).get(o.symbol());
                assertThat(after).isGreaterThanOrEqualTo(before);
              }
            });
  }

  @Test
  void ranks_areTheMeanSortedPositionOfEachValue_withTiesNaNAndSignedZero() {
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(5);
    for (int trial = 0; trial < 300; trial++) {
      int n = 1 + rnd.nextInt(300);
      double[] x = new double[n];
      for (int i = 0; i < n; i++) {
        int kind = rnd.nextInt(10);
        x[i] =
            kind == 0
                ? Double.NaN
                : kind == 1
                    ? (rnd.nextBoolean() ? 0.0 : -0.0)
                    : kind < 5
                        ? rnd.nextInt(5) - 2
                        : rnd.nextGaussian() * Math.pow(10, rnd.nextInt(-300, 300));
      }
      double[] r = ChainScorer.ranks(x);
      double[] finite = java.util.Arrays.stream(x).filter(v -> !Double.isNaN(v)).sorted().toArray();
      int m = finite.length;
      for (int i = 0; i < n; i++) {
        if (Double.isNaN(x[i])) {
          assertThat(r[i]).isZero();
          continue;
        }
        int lo = 0;
        while (lo < m && finite[lo] < x[i]) {
          lo++;
        }
        int hi = lo;
        while (hi < m && finite[hi] <= x[i]) {
          hi++;
        }
        double expected = m == 1 ? 1 : 0.5 * (lo + hi - 1) / (m - 1);
        assertThat(r[i]).as("trial %d row %d value %s", trial, i, x[i]).isEqualTo(expected);
      }
    }
  }

  @Test
  void negativeEdgeWeight_prefersCheapVolatility() {
    ScoreWeights buyer = ScoreWeights.of(Map.of(Factor.IV_EDGE, -1.0));
    ScoredChain sc = new ChainScorer(buyer).score(NTM, CTX);
    ContractScore best = sc.ranked().get(0);
    ContractScore worst = sc.ranked().get(sc.ranked().size() - 1);
    assertThat(best.raw(Factor.IV_EDGE)).isLessThan(worst.raw(Factor.IV_EDGE));
  }

  private static Map<String, Double> bySymbol(ScoredChain sc) {
    return sc.ranked().stream()
        .collect(Collectors.toMap(c -> c.option().symbol(), ContractScore::score));
  }

  private static EnrichedOption withLiquidity(EnrichedOption o, long vol, long oi, double spread) {
    return new EnrichedOption(
        o.contract(),
        o.underlyingPrice(),
        o.forward(),
        o.expiryYears(),
        o.bid(),
        o.ask(),
        o.mid(),
        spread,
        vol,
        oi,
        o.impliedVolatility(),
        o.delta(),
        o.gamma(),
        o.theta(),
        o.vega(),
        o.greeksSource(),
        o.quoteTime());
  }
}
