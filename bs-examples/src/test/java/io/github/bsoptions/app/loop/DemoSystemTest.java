package io.github.bsoptions.app.loop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.bsoptions.app.obs.AppMetrics;
import io.github.bsoptions.app.obs.Stage;
import io.github.bsoptions.app.obs.StageLatency;
import io.github.bsoptions.app.report.RunReport;
import io.github.bsoptions.app.store.JdbcTradingStore;
import io.github.bsoptions.app.store.StoredFill;
import io.github.bsoptions.app.web.LiveDashboardState;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The composed system on two simulated days with 30-minute steps (about 30 loop steps). */
class DemoSystemTest {
  @TempDir Path dir;

  @Test
  void warmUpsAreReportedAndLeaveTheResultsUnchanged() throws Exception {
    RunReport warm = twoDays("warm", OrderPathWarmUp.DEFAULT_ROUNDS);
    RunReport cold = twoDays("cold", 0);
    assertThat(warm.notes())
        .anyMatch(
            n ->
                n.startsWith("order path warmed up before day 1 (JIT): 2000 throwaway orders")
                    && n.contains("not in the results or the latency table"));
    assertThat(warm.notes())
        .anyMatch(
            n ->
                n.startsWith("signal path warmed up before day 1 (JIT): 10800 strategy evaluations")
                    && n.contains("not in the results or the latency table"));
    assertThat(cold.notes()).noneMatch(n -> n.startsWith("order path warmed up"));
    assertThat(cold.notes()).noneMatch(n -> n.startsWith("signal path warmed up"));
    // the throwaway market, engine, journal, broker and strategies share nothing with the run
    assertThat(warm.trades()).isEqualTo(cold.trades()).isNotEmpty();
    assertThat(warm.counts()).isEqualTo(cold.counts());
    assertThat(warm.equity()).isEqualTo(cold.equity());
    assertThat(warm.latency().get(Stage.ORDER_SUBMISSION.ordinal()).count())
        .isEqualTo(cold.latency().get(Stage.ORDER_SUBMISSION.ordinal()).count());
  }

  private RunReport twoDays(String name, int warmUpRounds) throws Exception {
    DemoSystem.Settings d = DemoSystem.Settings.defaults(7, 2);
    DemoSystem.Settings settings =
        new DemoSystem.Settings(
            d.seed(),
            2,
            Duration.ofMinutes(30),
            Map.of("SPY", new double[] {500, 0.18}),
            d.startingCash(),
            d.forecaster(),
            d.maxOpenTrades());
    try (JdbcTradingStore store =
            JdbcTradingStore.open(JdbcTradingStore.embeddedUrl(dir.resolve(name + "/db")), "", "");
        DemoSystem system =
            new DemoSystem(
                settings,
                dir.resolve(name + "/journal"),
                new AppMetrics(),
                store,
                store,
                new LiveDashboardState())) {
      system.warmUpRounds(warmUpRounds);
      return system.run(null);
    }
  }

  @Test
  void tradesPersistsPublishesAndReports() throws Exception {
    DemoSystem.Settings d = DemoSystem.Settings.defaults(42, 2);
    DemoSystem.Settings settings =
        new DemoSystem.Settings(
            d.seed(),
            2,
            Duration.ofMinutes(30),
            Map.of("SPY", new double[] {500, 0.18}),
            d.startingCash(),
            d.forecaster(),
            d.maxOpenTrades());
    AppMetrics metrics = new AppMetrics();
    LiveDashboardState state = new LiveDashboardState();
    RunReport r;
    try (JdbcTradingStore store =
            JdbcTradingStore.open(JdbcTradingStore.embeddedUrl(dir.resolve("db")), "", "");
        DemoSystem system =
            new DemoSystem(settings, dir.resolve("journal"), metrics, store, store, state)) {
      r = system.run(null);
      RunReport.Counts c = r.counts();
      assertThat(c.chains()).isGreaterThan(20);
      assertThat(c.optionsPriced()).isGreaterThan(c.chains() * 100);
      // the demo's strategy ladder and limits trade several structures on one underlying, and
      // every order that went out passed the real pre-trade check (none denied by the engine)
      assertThat(c.ordersSubmitted()).isGreaterThanOrEqualTo(4);
      assertThat(c.ordersDenied()).isZero();
      assertThat(c.fills()).isGreaterThanOrEqualTo(c.ordersSubmitted());
      // every fill is persisted against an order the store knows
      assertThat(store.fills()).hasSize((int) c.fills());
      for (StoredFill f : store.fills()) {
        assertThat(store.order(f.clientOrderId())).isPresent();
      }
      assertThat(store.pnl(Instant.EPOCH, Instant.now().plusSeconds(86_400L * 400)))
          .hasSize(r.equity().size());
      assertThat(store.forecasts()).hasSize(2);
      assertThat(store.latestSignals(100)).hasSize((int) c.signals());
    }
    assertThat(r.forecasts()).hasSize(1);
    assertThat(r.forecasts().get(0).forecasts()).isEqualTo(1);
    assertThat(r.latency()).extracting(StageLatency::stage).contains(Stage.END_TO_END);
    // the table covers day 2 (day 1 is the warm-up, reported in a note): one sample per option
    long day2 = r.latency().get(Stage.PRICING_PER_OPTION.ordinal()).count();
    assertThat(day2).isPositive().isLessThan(r.counts().optionsPriced());
    assertThat(r.notes())
        .anyMatch(
            n ->
                n.startsWith("latency table: day 2; day 1 (warm-up")
                    && n.contains("pricing per option"));
    // equity = starting cash + realized + unrealized, at the end
    assertThat(r.pnl().endEquity())
        .isCloseTo(
            r.pnl().startEquity() + r.pnl().realized() + r.pnl().unrealized(),
            org.assertj.core.data.Offset.offset(1e-6));
    JsonNode chain = LiveDashboardState.mapper().readTree(state.current("chain"));
    assertThat(chain.get("rows").size()).isPositive();
    assertThat(LiveDashboardState.mapper().readTree(state.current("surface")).get("smiles").size())
        .isPositive();
    assertThat(state.current("portfolio")).isNotNull();
    assertThat(metrics.scrape()).contains("bs_fills_total");
  }

  @Test
  void aSignalsBetHasItsOwnExpectedProfitPerContract() {
    io.github.bsoptions.risk.sizing.TradeProfile p =
        DemoSystem.profile(signal(-1.50, 0.70, 0.20, 3.50));
    // loss = max loss per share x 100; expectation = pop * win - (1 - pop) * loss = 20 per contract
    assertThat(p.maxLossPerContract()).isCloseTo(350, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(p.expectedPnl()).isCloseTo(20, org.assertj.core.data.Offset.offset(1e-9));
    // no expected profit: no bet
    assertThat(DemoSystem.profile(signal(-1.50, 0.70, -0.01, 3.50))).isNull();
    // unbounded loss: the stop times the gap allowance
    io.github.bsoptions.risk.sizing.TradeProfile u =
        DemoSystem.profile(signal(-2.00, 0.70, 0.20, Double.POSITIVE_INFINITY));
    assertThat(u.maxLossPerContract())
        .isCloseTo(200 * 2.0 * DemoSystem.GAP, org.assertj.core.data.Offset.offset(1e-9));
  }

  private static io.github.bsoptions.signals.strategy.Signal signal(
      double net, double pop, double expected, double maxLoss) {
    io.github.bsoptions.data.model.OptionContract c =
        io.github.bsoptions.data.model.OptionContract.parse("SPY260220C00505000");
    return new io.github.bsoptions.signals.strategy.Signal(
        "short-premium",
        "SPY",
        "test",
        List.of(new io.github.bsoptions.signals.strategy.SignalLeg(c, -1, -net)),
        net,
        new io.github.bsoptions.signals.strategy.ExitRules(
            0.5, 2.0, java.time.LocalDate.of(2026, 2, 13)),
        0.5,
        pop,
        expected,
        maxLoss,
        "test",
        Instant.EPOCH);
  }

  @Test
  void engineIdsAreShortAlphanumeric() {
    assertThat(DemoSystem.engineId("short-premium")).isEqualTo("shortpremium");
    assertThat(DemoSystem.engineId("long-volatility-exit")).isEqualTo("longvolatilityX");
    assertThat(DemoSystem.engineId("a-very-long-strategy-name")).hasSize(16);
  }
}
