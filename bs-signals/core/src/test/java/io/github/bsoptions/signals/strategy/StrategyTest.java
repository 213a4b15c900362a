package io.github.bsoptions.signals.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bsoptions.data.model.EnrichedOption;
import io.github.bsoptions.signals.ntm.NearTheMoney;
import io.github.bsoptions.signals.ntm.NtmCriteria;
import io.github.bsoptions.signals.score.ChainScorer;
import io.github.bsoptions.signals.score.ScoringContext;
import io.github.bsoptions.signals.testing.ChainFixtures;
import io.github.bsoptions.signals.vol.VolForecast;
import java.util.List;
import org.junit.jupiter.api.Test;

class StrategyTest {

  private static MarketView view(double atmIv, double forecastVol, List<Position> positions) {
    List<EnrichedOption> all = ChainFixtures.enriched(atmIv);
    VolForecast f = VolForecast.flat("test", forecastVol, 120);
    return new MarketView(
        "XYZ",
        ChainFixtures.SPOT,
        ChainFixtures.RATE,
        0,
        ChainFixtures.AS_OF,
        all,
        ChainScorer.withDefaults()
            .score(NearTheMoney.select(all, NtmCriteria.DEFAULT), ScoringContext.of(f)),
        f,
        positions);
  }

  @Test
  void richIv_givesIronCondorForACredit() {
    List<Signal> s = new ShortPremiumStrategy().evaluate(view(0.30, 0.20, List.of()));
    assertThat(s).hasSize(1);
    Signal sig = s.get(0);
    assertThat(sig.structure()).isEqualTo("iron condor");
    assertThat(sig.legs()).hasSize(4);
    assertThat(sig.isCredit()).isTrue();
    assertThat(sig.legs().stream().mapToInt(SignalLeg::quantity).sum()).isZero();
    // strikes ascend: long put < short put < short call < long call
    double[] k = sig.legs().stream().mapToDouble(l -> l.contract().strike()).toArray();
    assertThat(k).isSorted();
    assertThat(sig.probabilityOfProfit()).isBetween(0.3, 0.95);
    assertThat(sig.maxLoss()).isFinite().isPositive();
    assertThat(sig.expectedProfit()).isPositive(); // sold vol above the forecast
    assertThat(sig.confidence()).isBetween(0.0, 1.0);
    assertThat(sig.exit().exitBy()).isBefore(sig.legs().get(0).contract().expiration());
    assertThat(new LongVolatilityStrategy().evaluate(view(0.30, 0.20, List.of()))).isEmpty();
  }

  @Test
  void cheapIv_givesLongStraddle() {
    List<Signal> s = new LongVolatilityStrategy().evaluate(view(0.18, 0.28, List.of()));
    assertThat(s).hasSize(1);
    Signal sig = s.get(0);
    assertThat(sig.structure()).isEqualTo("long straddle");
    assertThat(sig.legs()).hasSize(2).allMatch(SignalLeg::isBuy);
    assertThat(sig.legs().get(0).contract().strike())
        .isEqualTo(sig.legs().get(1).contract().strike());
    assertThat(sig.netPrice()).isPositive();
    assertThat(sig.expectedProfit()).isPositive();
    assertThat(new ShortPremiumStrategy().evaluate(view(0.18, 0.28, List.of()))).isEmpty();
  }

  @Test
  void fairIv_givesNoSignal_andHeldExpiryIsSkipped() {
    assertThat(new ShortPremiumStrategy().evaluate(view(0.21, 0.20, List.of()))).isEmpty();
    assertThat(new LongVolatilityStrategy().evaluate(view(0.21, 0.20, List.of()))).isEmpty();
    Signal first = new ShortPremiumStrategy().evaluate(view(0.30, 0.20, List.of())).get(0);
    List<Position> held = List.of(new Position(first.legs().get(1).contract(), -1));
    assertThat(new ShortPremiumStrategy().evaluate(view(0.30, 0.20, held))).isEmpty();
  }

  @Test
  void risingTrend_givesCallDebitSpread_fallingTrend_putDebitSpread() {
    MarketView up = view(0.21, 0.20, List.of()).withTrend(2.5);
    List<Signal> s = new DirectionalDeltaStrategy().evaluate(up);
    assertThat(s).hasSize(1);
    Signal bull = s.get(0);
    assertThat(bull.structure()).isEqualTo("call debit spread");
    assertThat(bull.legs()).hasSize(2);
    SignalLeg longLeg = bull.legs().get(0);
    SignalLeg shortLeg = bull.legs().get(1);
    assertThat(longLeg.isBuy()).isTrue();
    assertThat(shortLeg.isBuy()).isFalse();
    assertThat(shortLeg.contract().strike()).isGreaterThan(longLeg.contract().strike());
    double width = shortLeg.contract().strike() - longLeg.contract().strike();
    assertThat(bull.netPrice()).isPositive().isLessThan(width);
    assertThat(bull.maxLoss())
        .isCloseTo(bull.netPrice(), org.assertj.core.data.Offset.offset(1e-9));
    assertThat(bull.confidence()).isCloseTo(2.5 / 4.0, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(bull.probabilityOfProfit()).isBetween(0.05, 0.95);

    Signal bear = new DirectionalDeltaStrategy().evaluate(up.withTrend(-3)).get(0);
    assertThat(bear.structure()).isEqualTo("put debit spread");
    assertThat(bear.legs().get(1).contract().strike())
        .isLessThan(bear.legs().get(0).contract().strike());
    assertThat(bear.confidence()).isEqualTo(0.75);
  }

  @Test
  void weakOrUnknownTrend_orHeldExpiry_givesNoDirectionalSignal() {
    DirectionalDeltaStrategy d = new DirectionalDeltaStrategy();
    MarketView flat = view(0.21, 0.20, List.of());
    assertThat(flat.trend()).isNaN();
    assertThat(d.evaluate(flat)).isEmpty();
    assertThat(d.evaluate(flat.withTrend(1.99))).isEmpty();
    assertThat(d.evaluate(flat.withTrend(-1.99))).isEmpty();
    Signal first = d.evaluate(flat.withTrend(2)).get(0);
    List<Position> held = List.of(new Position(first.legs().get(0).contract(), 1));
    assertThat(d.evaluate(view(0.21, 0.20, held).withTrend(2))).isEmpty();
  }

  @Test
  void trendStatistic_isTheTStatOfTheMeanLogReturn() {
    double[] closes = {100, 101, 100.5, 102, 103.5, 103};
    double[] r = new double[5];
    for (int i = 1; i < closes.length; i++) {
      r[i - 1] = Math.log(closes[i] / closes[i - 1]);
    }
    double mean = java.util.Arrays.stream(r).average().orElseThrow();
    double ss = java.util.Arrays.stream(r).map(x -> (x - mean) * (x - mean)).sum();
    double expected = mean / (Math.sqrt(ss / 4) / Math.sqrt(5));
    assertThat(Trend.tStatistic(closes, 5))
        .isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-12));
    // only the last lookback + 1 closes count
    assertThat(Trend.tStatistic(new double[] {1, 5, 101, 100.5, 102, 103.5, 103}, 4))
        .isEqualTo(Trend.tStatistic(closes, 4));
    assertThat(Trend.tStatistic(closes, 6)).isNaN();
    assertThat(Trend.tStatistic(new double[] {100, 100, 100}, 2)).isNaN();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Trend.tStatistic(closes, 1))
        .hasMessageContaining("lookback");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> Trend.tStatistic(new double[] {100, -1, 100}, 2))
        .hasMessageContaining("closes[1]");
  }

  @Test
  void strategies_areDiscoverable() {
    assertThat(Strategies.discover())
        .extracting(Strategy::name)
        .contains("short-premium", "long-volatility", "directional-delta");
    assertThat(Strategies.byName("short-premium")).isInstanceOf(ShortPremiumStrategy.class);
  }
}
