package io.github.bsoptions.risk.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.bsoptions.pricing.backend.PricingBackends;
import io.github.bsoptions.pricing.formula.BlackScholesFormulas;
import io.github.bsoptions.pricing.greeks.Greeks;
import io.github.bsoptions.pricing.pricer.BlackScholesModel;
import io.github.bsoptions.pricing.product.ExerciseStyle;
import io.github.bsoptions.pricing.product.OptionType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PortfolioAnalyzerTest {
  private static final double TOL = 1e-9;
  static final MarketState MARKET = new MarketState(Map.of("AAPL", 100.0, "MSFT", 400.0));

  static OptionInstrument call(String u, double k) {
    return OptionInstrument.european(u, OptionType.CALL, k, 0.5, 0.25, 0.03, 0.01);
  }

  static OptionInstrument put(String u, double k) {
    return OptionInstrument.european(u, OptionType.PUT, k, 0.5, 0.25, 0.03, 0.01);
  }

  @Test
  void dollarGreeksOfOneCallFollowTheDocumentedConventions() {
    Position p = Position.of("c", call("AAPL", 105), 3);
    GreekExposure e = PortfolioAnalyzer.DEFAULT.exposure(p, MARKET);
    Greeks g = BlackScholesFormulas.greeks(true, 100, 105, 0.5, 0.03, 0.01, 0.25);
    double units = 300;
    assertThat(e.value()).isCloseTo(g.price() * units, within(TOL));
    assertThat(e.deltaUnits()).isCloseTo(g.delta() * units, within(TOL));
    assertThat(e.dollarDelta()).isCloseTo(g.delta() * 100 * units, within(TOL));
    assertThat(e.dollarGamma()).isCloseTo(g.gamma() * 100 * 100 / 100 * units, within(TOL));
    assertThat(e.vega()).isCloseTo(g.vegaPerVolPoint() * units, within(TOL));
    assertThat(e.theta()).isCloseTo(g.theta() / 365 * units, within(TOL));
    assertThat(e.rho()).isCloseTo(g.rhoPerPercent() * units, within(TOL));
    assertThat(e.grossNotional()).isCloseTo(30_000, within(TOL));
  }

  @Test
  void dollarGammaIsTheChangeOfDollarDeltaForAOnePercentMove() {
    Position p = Position.of("c", call("AAPL", 100), 1);
    GreekExposure e = PortfolioAnalyzer.DEFAULT.exposure(p, MARKET);
    double dDelta =
        (BlackScholesFormulas.delta(true, 100.01, 100, 0.5, 0.03, 0.01, 0.25)
                - BlackScholesFormulas.delta(true, 99.99, 100, 0.5, 0.03, 0.01, 0.25))
            / 0.02;
    // Change of delta units for a 1% move, times spot: the dollar gamma.
    assertThat(e.dollarGamma()).isCloseTo(dDelta * 1.0 * 100 * 100, within(1e-4));
  }

  @Test
  void stockHasDeltaOneAndNoOtherGreeks() {
    GreekExposure e =
        PortfolioAnalyzer.DEFAULT.exposure(
            Position.of("s", new StockInstrument("MSFT"), -50), MARKET);
    assertThat(e.value()).isEqualTo(-20_000);
    assertThat(e.dollarDelta()).isEqualTo(-20_000);
    assertThat(e.deltaUnits()).isEqualTo(-50);
    assertThat(e.dollarGamma()).isZero();
    assertThat(e.vega()).isZero();
    assertThat(e.grossNotional()).isEqualTo(20_000);
  }

  @Test
  void aggregatesPerUnderlyingAndInTotal() {
    Portfolio book =
        new Portfolio(
            List.of(
                new Position("c1", call("AAPL", 100), 2, "spread"),
                new Position("c2", call("AAPL", 110), -2, "spread"),
                Position.of("p", put("MSFT", 380), -1),
                Position.of("s", new StockInstrument("MSFT"), 10)));
    PortfolioGreeks g = PortfolioAnalyzer.DEFAULT.greeks(book, MARKET);
    GreekExposure aapl =
        PortfolioAnalyzer.DEFAULT
            .exposure(book.positions().get(0), MARKET)
            .plus(PortfolioAnalyzer.DEFAULT.exposure(book.positions().get(1), MARKET));
    assertThat(g.underlying("AAPL").dollarDelta()).isCloseTo(aapl.dollarDelta(), within(1e-8));
    assertThat(g.underlying("AAPL").vega()).isCloseTo(aapl.vega(), within(1e-8));
    assertThat(g.total().value())
        .isCloseTo(g.underlying("AAPL").value() + g.underlying("MSFT").value(), within(1e-8));
    assertThat(g.total().value())
        .isCloseTo(PortfolioAnalyzer.DEFAULT.value(book, MARKET), within(1e-8));
    assertThat(g.perPosition()).hasSize(4);
    assertThat(book.groups()).containsKeys("spread", "p", "s");
    assertThat(book.groups().get("spread")).hasSize(2);
  }

  @Test
  void batchedAndRowByRowPathsAgree() {
    // A wrapper that is not BlackScholesModel.INSTANCE forces the row-by-row path.
    RiskPricers rowByRow =
        new RiskPricers(
            new DelegatingModel(BlackScholesModel.INSTANCE),
            BlackScholesModel.INSTANCE,
            PricingBackends.scalar());
    Portfolio book =
        Portfolio.of(
            Position.of("a", call("AAPL", 95), 5),
            Position.of("b", put("MSFT", 410), -3),
            Position.of("c", call("AAPL", 120).withStyle(ExerciseStyle.AMERICAN), 1));
    PortfolioGreeks batched =
        new PortfolioAnalyzer(RiskPricers.BLACK_SCHOLES_ONLY).greeks(book, MARKET);
    PortfolioGreeks rows = new PortfolioAnalyzer(rowByRow).greeks(book, MARKET);
    for (int i = 0; i < 3; i++) {
      GreekExposure x = batched.perPosition().get(i);
      GreekExposure y = rows.perPosition().get(i);
      assertThat(x.value()).isCloseTo(y.value(), within(1e-9));
      assertThat(x.dollarDelta()).isCloseTo(y.dollarDelta(), within(1e-8));
      assertThat(x.dollarGamma()).isCloseTo(y.dollarGamma(), within(1e-8));
      assertThat(x.vega()).isCloseTo(y.vega(), within(1e-9));
      assertThat(x.theta()).isCloseTo(y.theta(), within(1e-9));
    }
  }

  @Test
  void americanSlotSelectsTheModelByStyle() {
    RiskPricers pricers = RiskPricers.withAmerican(new DelegatingModel(BlackScholesModel.INSTANCE));
    assertThat(pricers.model(ExerciseStyle.EUROPEAN)).isSameAs(BlackScholesModel.INSTANCE);
    assertThat(pricers.model(ExerciseStyle.AMERICAN)).isInstanceOf(DelegatingModel.class);
    assertThat(pricers.batched(ExerciseStyle.AMERICAN)).isFalse();
    assertThat(RiskPricers.BLACK_SCHOLES_ONLY.batched(ExerciseStyle.AMERICAN)).isTrue();
  }

  @Test
  void badInputIsRefusedNamingTheField() {
    assertThatThrownBy(() -> OptionInstrument.european("X", OptionType.CALL, -1, 1, 0.2, 0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("strike");
    assertThatThrownBy(
            () -> OptionInstrument.european("X", OptionType.CALL, 1, 1, Double.NaN, 0, 0))
        .hasMessageContaining("volatility");
    assertThatThrownBy(() -> Position.of("x", new StockInstrument("X"), 0))
        .hasMessageContaining("quantity");
    assertThatThrownBy(
            () ->
                Portfolio.of(
                    Position.of("x", new StockInstrument("X"), 1),
                    Position.of("x", new StockInstrument("Y"), 1)))
        .hasMessageContaining("duplicate position id x");
    assertThatThrownBy(() -> MarketState.of("X", Double.NaN)).hasMessageContaining("spot of X");
    assertThatThrownBy(
            () ->
                PortfolioAnalyzer.DEFAULT.greeks(
                    Portfolio.of(Position.of("x", new StockInstrument("ZZZ"), 1)), MARKET))
        .hasMessageContaining("no spot for underlying ZZZ");
  }

  @Test
  void emptyPortfolioHasZeroExposure() {
    PortfolioGreeks g = PortfolioAnalyzer.DEFAULT.greeks(Portfolio.EMPTY, MARKET);
    assertThat(g.total()).isEqualTo(GreekExposure.ZERO);
    assertThat(g.perUnderlying()).isEmpty();
  }
}
