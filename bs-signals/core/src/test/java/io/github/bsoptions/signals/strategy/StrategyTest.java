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
  void strategies_areDiscoverable() {
    assertThat(Strategies.discover())
        .extracting(Strategy::name)
        .contains("short-premium", "long-volatility");
    assertThat(Strategies.byName("short-premium")).isInstanceOf(ShortPremiumStrategy.class);
  }
}
