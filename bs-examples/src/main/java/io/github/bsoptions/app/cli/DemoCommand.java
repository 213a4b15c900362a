package io.github.bsoptions.app.cli;

import io.github.bsoptions.app.config.AppConfig;
import io.github.bsoptions.app.config.ConfigKey;
import io.github.bsoptions.app.loop.DemoSystem;
import io.github.bsoptions.app.obs.AppMetrics;
import io.github.bsoptions.app.report.ProgressBar;
import io.github.bsoptions.app.report.ReportWriter;
import io.github.bsoptions.app.report.RunReport;
import io.github.bsoptions.app.store.InfluxLineProtocolSink;
import io.github.bsoptions.app.store.JdbcTradingStore;
import io.github.bsoptions.app.store.TimeSeriesSink;
import io.github.bsoptions.app.web.DashboardServer;
import io.github.bsoptions.app.web.DashboardState;
import io.github.bsoptions.app.web.LiveDashboardState;
import io.github.bsoptions.app.web.Views;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bs demo}: the whole system on the simulated market with the paper broker for a few
 * simulated trading days, then a report (trades, P&amp;L, risk usage, forecast quality, latency per
 * stage) on stdout and in an output folder with HTML and PNG charts.
 */
@Command(
    name = "demo",
    description = {
      "Run the whole system on the simulated market with the paper broker.",
      "Runs a few simulated trading days, then prints the report and leaves it (HTML, PNG, JSON)",
      "in the output folder."
    })
public final class DemoCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin ConfigOptions configOptions;

  @Mixin LoopOptions loop;

  @Option(
      names = "--days",
      defaultValue = "3",
      description = "Simulated trading days (default: ${DEFAULT-VALUE}).")
  int days;

  @Option(names = "--seed", description = "Market seed (default: the 'seed' key, 42).")
  Long seed;

  @Option(
      names = "--step-minutes",
      defaultValue = "5",
      description = "Simulated minutes per loop step (default: ${DEFAULT-VALUE}).")
  int stepMinutes;

  @Option(
      names = "--dashboard",
      description = "Serve the live dashboard during the run and keep it up until Ctrl-C.")
  boolean dashboard;

  @Option(
      names = "--record",
      paramLabel = "FILE",
      description = "Record every market data query of the run to FILE for bs backtest --replay.")
  Path record;

  @Override
  public Integer call() throws Exception {
    AppConfig c = loop.withPort(configOptions.load());
    if (days < 1 || days > 250) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--days must be in [1, 250], was " + days);
    }
    if (stepMinutes < 1 || stepMinutes > 60) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--step-minutes must be in [1, 60], was " + stepMinutes);
    }
    long s = seed != null ? seed : c.getLong(ConfigKey.SEED);
    PrintWriter out = spec.commandLine().getOut();
    LiveDashboardState live = new LiveDashboardState();
    DashboardState state = dashboard ? live : DashboardState.NONE;
    AppMetrics metrics = new AppMetrics();
    DemoSystem.Settings settings = DemoSystem.Settings.defaults(s, days);
    settings =
        new DemoSystem.Settings(
            settings.seed(),
            settings.days(),
            java.time.Duration.ofMinutes(stepMinutes),
            settings.underlyings(),
            settings.startingCash(),
            settings.forecaster(),
            settings.maxOpenTrades());
    Path outDir =
        c.outputDir()
            .resolve(
                "demo-"
                    + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                        .withZone(ZoneOffset.UTC)
                        .format(Instant.now()));
    DashboardServer server = null;
    // The simulated market's calendar is the same on every run, so each run gets its own embedded
    // database next to its report (a shared one would hold the previous run's rows at the same
    // times); a configured db.url is used as it is.
    JdbcTradingStore opened;
    if (c.get(ConfigKey.DB_URL).isEmpty()) {
      try {
        java.nio.file.Files.createDirectories(outDir.resolve("data"));
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      opened =
          JdbcTradingStore.open(JdbcTradingStore.embeddedUrl(outDir.resolve("data/bs")), "", "");
    } else {
      opened = JdbcTradingStore.open(c);
    }
    try (JdbcTradingStore store = opened) {
      TimeSeriesSink sink =
          InfluxLineProtocolSink.fromConfig(c)
              .<TimeSeriesSink>map(influx -> TimeSeriesSink.both(store, influx))
              .orElse(store);
      if (dashboard) {
        server =
            DashboardServer.start(
                c.get(ConfigKey.DASHBOARD_BIND),
                c.getInt(ConfigKey.DASHBOARD_PORT),
                c.get(ConfigKey.DASHBOARD_TOKEN),
                live,
                metrics);
        out.println("dashboard: " + server.url());
        out.flush();
      }
      RunReport report;
      try (DemoSystem system =
          new DemoSystem(
              settings,
              record == null
                  ? io.github.bsoptions.app.loop.MarketFeed.simulated(
                      DemoSystem.simulatedMarket(settings))
                  : io.github.bsoptions.app.loop.MarketFeed.recording(
                      DemoSystem.simulatedMarket(settings), record),
              c.outputDir().resolve("journal"),
              metrics,
              store,
              sink,
              state)) {
        loop.retrain(system, true);
        out.println(
            "bs demo: "
                + days
                + " simulated trading day(s), seed "
                + s
                + ", underlyings "
                + settings.underlyings().keySet()
                + ", store "
                + store.describe());
        out.flush();
        report = system.run(ProgressBar.onStderr("demo", (long) days * (390 / stepMinutes)));
      }
      List<Path> files = ReportWriter.write(outDir, report);
      out.println();
      out.print(ReportWriter.text(report));
      out.println();
      out.println("Report and charts: " + outDir.toAbsolutePath());
      for (Path f : files) {
        out.println("  " + f.getFileName());
      }
      out.flush();
      live.publishBacktest(
          new Views.Backtest(
              "demo seed " + s,
              System.currentTimeMillis(),
              report.pnl().endEquity() / report.pnl().startEquity() - 1,
              report.pnl().sharpe(),
              report.pnl().maxDrawdown(),
              Double.NaN,
              report.counts().fills(),
              Double.NaN,
              report.counts().optionsPriced() / Math.max(1e-9, report.wallTime().toNanos() / 1e9),
              report.equity()));
      if (server != null) {
        out.println("dashboard still serving at " + server.url() + " (Ctrl-C stops)");
        out.flush();
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown, "demo-stop"));
        stop.await();
      }
    } finally {
      if (server != null) {
        server.close();
      }
    }
    return 0;
  }
}
