package io.github.bsoptions.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bsoptions.app.loop.DemoSystem;
import io.github.bsoptions.app.loop.MarketFeed;
import io.github.bsoptions.app.obs.AppMetrics;
import io.github.bsoptions.app.report.ReportWriter;
import io.github.bsoptions.app.report.RunReport;
import io.github.bsoptions.app.store.JdbcTradingStore;
import io.github.bsoptions.app.store.StoredFill;
import io.github.bsoptions.app.web.DashboardState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A one-day simulated demo recorded with {@code --record}, then replayed by the backtest through
 * the same loop: same inputs, same orders, fills and P&amp;L.
 */
class BacktestReplayTest {
  @TempDir Path dir;

  @Test
  void replayOfARecordedDemoTradesTheSameAndReports() throws Exception {
    DemoSystem.Settings d = DemoSystem.Settings.defaults(42, 1);
    DemoSystem.Settings settings =
        new DemoSystem.Settings(
            d.seed(),
            1,
            Duration.ofMinutes(30),
            Map.of("SPY", new double[] {500, 0.18}),
            d.startingCash(),
            d.forecaster(),
            d.maxOpenTrades());
    Path recording = dir.resolve("demo.jsonl");
    RunReport demo;
    List<String> demoFills;
    try (JdbcTradingStore store =
            JdbcTradingStore.open(JdbcTradingStore.embeddedUrl(dir.resolve("db")), "", "");
        DemoSystem system =
            new DemoSystem(
                settings,
                MarketFeed.recording(DemoSystem.simulatedMarket(settings), recording),
                dir.resolve("journal"),
                new AppMetrics(),
                store,
                store,
                DashboardState.NONE)) {
      demo = system.run(null);
      demoFills = fills(store);
    }
    assertThat(demo.counts().ordersSubmitted()).isPositive();
    assertThat(Files.size(recording)).isPositive();

    Path out = dir.resolve("backtest");
    RunReport bt = BacktestCommand.run(recording, 0.04, d.startingCash(), out, false);
    List<String> btFills;
    try (JdbcTradingStore store =
        JdbcTradingStore.open(JdbcTradingStore.embeddedUrl(out.resolve("data/bs")), "", "")) {
      btFills = fills(store);
    }

    assertThat(bt.mode()).isEqualTo("backtest");
    assertThat(bt.counts().chains()).isEqualTo(demo.counts().chains());
    assertThat(bt.counts().optionsPriced()).isEqualTo(demo.counts().optionsPriced());
    assertThat(bt.counts().signals()).isEqualTo(demo.counts().signals());
    assertThat(bt.counts().ordersSubmitted()).isEqualTo(demo.counts().ordersSubmitted());
    assertThat(bt.counts().ordersDenied()).isEqualTo(demo.counts().ordersDenied());
    assertThat(bt.counts().fills()).isEqualTo(demo.counts().fills());
    assertThat(bt.trades()).isEqualTo(demo.trades());
    assertThat(btFills).isEqualTo(demoFills);
    assertThat(bt.pnl().endEquity()).isEqualTo(demo.pnl().endEquity());
    assertThat(bt.pnl().realized()).isEqualTo(demo.pnl().realized());
    assertThat(bt.equity()).isEqualTo(demo.equity());

    List<Path> files = ReportWriter.write(out, bt);
    assertThat(files).isNotEmpty();
    String text = ReportWriter.text(bt);
    assertThat(text)
        .contains("bs backtest")
        .contains("max drawdown")
        .contains("Sharpe")
        .contains("hit rate")
        .contains("turnover")
        .contains("option prices/s")
        .contains("after warm-up")
        .contains("JIT warm-up included");

    degradesWithoutAChain(recording, dir);

    // the command line: same run, report under <output>/backtest-<time>/
    String[] cli =
        run(
            "backtest",
            "--replay",
            recording.toString(),
            "--output",
            dir.resolve("cli").toString());
    assertThat(cli[0]).as(cli[2]).isEqualTo("0");
    assertThat(cli[1])
        .contains("bs backtest")
        .contains(
            String.format(java.util.Locale.ROOT, "orders %d", demo.counts().ordersSubmitted()))
        .contains("option prices/s");
    try (var listed = Files.list(dir.resolve("cli"))) {
      assertThat(listed.map(f -> f.getFileName().toString()))
          .anyMatch(n -> n.startsWith("backtest-"));
    }
  }

  @Test
  void aMissingRecordingIsAUsageError() {
    String[] r = run("backtest", "--replay", dir.resolve("none.jsonl").toString());
    assertThat(r[0]).isEqualTo("2");
    assertThat(r[2]).contains("--replay: no such file");
  }

  private static String[] run(String... args) {
    picocli.CommandLine cl = io.github.bsoptions.app.Main.commandLine();
    java.io.StringWriter out = new java.io.StringWriter();
    java.io.StringWriter err = new java.io.StringWriter();
    cl.setOut(new java.io.PrintWriter(out));
    cl.setErr(new java.io.PrintWriter(err));
    int code = cl.execute(args);
    return new String[] {Integer.toString(code), out.toString(), err.toString()};
  }

  /** Without the first step's chain the loop skips that step for it and says so in the report. */
  private static void degradesWithoutAChain(Path recording, Path dir) throws Exception {
    List<String> lines = new java.util.ArrayList<>(Files.readAllLines(recording));
    int firstChain = -1;
    for (int i = 0; i < lines.size() && firstChain < 0; i++) {
      if (lines.get(i).contains("\"type\":\"chain\"")) {
        firstChain = i;
      }
    }
    assertThat(firstChain).isPositive();
    lines.remove(firstChain);
    Path cut = dir.resolve("cut.jsonl");
    Files.write(cut, lines);
    RunReport r = BacktestCommand.run(cut, 0.04, 250_000, dir.resolve("cut"), false);
    assertThat(r.notes()).anyMatch(n -> n.contains("had no chain"));
    assertThat(r.counts().chains()).isPositive();
  }

  private static List<String> fills(JdbcTradingStore store) {
    return store.fills().stream()
        .map(
            (StoredFill f) ->
                f.filledAt()
                    + " "
                    + f.symbol()
                    + " "
                    + f.side()
                    + " "
                    + f.quantity()
                    + " @ "
                    + f.price()
                    + " fee "
                    + f.fee())
        .toList();
  }
}
