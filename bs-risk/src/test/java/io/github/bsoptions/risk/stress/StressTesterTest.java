package io.github.bsoptions.risk.stress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.bsoptions.pricing.formula.BlackScholesFormulas;
import io.github.bsoptions.pricing.product.OptionType;
import io.github.bsoptions.risk.portfolio.MarketState;
import io.github.bsoptions.risk.portfolio.OptionInstrument;
import io.github.bsoptions.risk.portfolio.Portfolio;
import io.github.bsoptions.risk.portfolio.Position;
import io.github.bsoptions.risk.portfolio.StockInstrument;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StressTesterTest {
  static final MarketState MARKET = new MarketState(Map.of("AAPL", 100.0, "MSFT", 400.0));
  static final OptionInstrument CALL =
      OptionInstrument.european("AAPL", OptionType.CALL, 105, 0.25, 0.30, 0.04, 0.01);
  static final OptionInstrument PUT =
      OptionInstrument.european("MSFT", OptionType.PUT, 380, 0.10, 0.22, 0.04, 0.0);
  static final Portfolio BOOK =
      Portfolio.of(
          Position.of("call", CALL, 4),
          Position.of("put", PUT, -2),
          Position.of("msft", new StockInstrument("MSFT"), 50));

  static double price(OptionInstrument o, double s, double t, double r, double v) {
    return BlackScholesFormulas.price(o.type().isCall(), s, o.strike(), t, r, o.dividendYield(), v);
  }

  @Test
  void pnlEqualsDirectRepricing() {
    StressScenario sc = new StressScenario("mixed", -0.1, Map.of("MSFT", 0.05), 0.07, 10, 0.01);
    StressResult r = StressTester.DEFAULT.run(BOOK, MARKET, List.of(sc));
    double t = 10 / 365.0;
    double call0 = price(CALL, 100, 0.25, 0.04, 0.30) * 400;
    double call1 = price(CALL, 90, 0.25 - t, 0.05, 0.37) * 400;
    double put0 = price(PUT, 400, 0.10, 0.04, 0.22) * -200;
    double put1 = price(PUT, 420, 0.10 - t, 0.05, 0.29) * -200;
    double stock0 = 400 * 50.0;
    double stock1 = 420 * 50.0;
    StressResult.Row row = r.rows().get(0);
    assertThat(row.positionPnl()[0]).isCloseTo(call1 - call0, within(1e-9));
    assertThat(row.positionPnl()[1]).isCloseTo(put1 - put0, within(1e-9));
    assertThat(row.positionPnl()[2]).isCloseTo(stock1 - stock0, within(1e-9));
    assertThat(row.pnl()).isCloseTo(call1 + put1 + stock1 - call0 - put0 - stock0, within(1e-8));
    assertThat(r.baseValue()).isCloseTo(call0 + put0 + stock0, within(1e-8));
    assertThat(r.positionIds()).containsExactly("call", "put", "msft");
  }

  @Test
  void gridIsSpotMajorAndTheZeroScenarioHasZeroPnl() {
    List<StressScenario> grid =
        StressTester.grid(new double[] {-0.2, 0, 0.2}, new double[] {-0.1, 0, 0.1}, 0);
    assertThat(grid).hasSize(9);
    assertThat(grid.get(1).spotShock()).isEqualTo(-0.2);
    assertThat(grid.get(1).volShift()).isEqualTo(0);
    StressResult r = StressTester.DEFAULT.run(BOOK, MARKET, grid);
    assertThat(r.rows().get(4).pnl()).isCloseTo(0, within(1e-9));
    // Long calls gain with spot, short puts gain with spot: P&L rises along spot at fixed vol.
    assertThat(r.rows().get(1).pnl()).isLessThan(r.rows().get(4).pnl());
    assertThat(r.rows().get(4).pnl()).isLessThan(r.rows().get(7).pnl());
    assertThat(r.worst())
        .isSameAs(r.rows().stream().min((a, b) -> Double.compare(a.pnl(), b.pnl())).orElseThrow());
  }

  @Test
  void timePastExpiryLeavesIntrinsicValue() {
    StressResult r =
        StressTester.DEFAULT.run(
            Portfolio.of(Position.of("put", PUT, -2)),
            MARKET,
            List.of(new StressScenario("expire", -0.1, Map.of(), 0, 60, 0)));
    double intrinsic = (380 - 360) * -200.0;
    assertThat(r.rows().get(0).value()).isCloseTo(intrinsic, within(1e-9));
  }

  @Test
  void volatilityFloorsAtZero() {
    StressResult r =
        StressTester.DEFAULT.run(
            Portfolio.of(Position.of("call", CALL, 1)),
            MARKET,
            List.of(StressScenario.of(0, -0.5, 0)));
    assertThat(r.rows().get(0).value())
        .isCloseTo(price(CALL, 100, 0.25, 0.04, 0.0) * 100, within(1e-9));
  }

  @Test
  void historicalScenariosHurtALongStockBook() {
    StressResult r =
        StressTester.DEFAULT.run(
            Portfolio.of(Position.of("s", new StockInstrument("AAPL"), 100)),
            MARKET,
            HistoricalScenarios.all());
    assertThat(r.rows().get(0).pnl()).isCloseTo(-0.205 * 100 * 100, within(1e-9));
    assertThat(r.worst().scenario()).isEqualTo(HistoricalScenarios.CRASH_1987);
  }

  @Test
  void badInput() {
    assertThatThrownBy(() -> StressTester.DEFAULT.run(Portfolio.EMPTY, MARKET, List.of()))
        .hasMessageContaining("empty");
    assertThatThrownBy(() -> StressScenario.of(-1, 0, 0)).hasMessageContaining("spotShock");
    assertThatThrownBy(() -> StressScenario.of(0, Double.NaN, 0)).hasMessageContaining("volShift");
    assertThatThrownBy(() -> StressScenario.of(0, 0, -1)).hasMessageContaining("daysForward");
    assertThatThrownBy(() -> StressTester.DEFAULT.run(BOOK, MarketState.of("AAPL", 100), List.of()))
        .hasMessageContaining("no spot for underlying MSFT");
  }
}
