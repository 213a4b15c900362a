package io.github.bsoptions.app.cli;

import io.github.bsoptions.app.config.AppConfig;
import io.github.bsoptions.app.loop.DemoSystem;
import io.github.bsoptions.app.loop.MarketFeed;
import io.github.bsoptions.app.obs.AppMetrics;
import io.github.bsoptions.app.report.ProgressBar;
import io.github.bsoptions.app.report.ReportWriter;
import io.github.bsoptions.app.report.RunReport;
import io.github.bsoptions.app.store.JdbcTradingStore;
import io.github.bsoptions.app.web.DashboardState;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bs backtest --replay FILE}: replays a recording (made with {@code bs demo --record FILE})
 * through the demo's own loop, strategies, risk checks and paper broker, then writes the report
 * (equity curve, drawdown, Sharpe, hit rate, turnover, option prices per second) under {@code
 * <output>/backtest-<time>/} ({@code --output DIR} sets the output folder, as for every command).
 */
@Command(
    name = "backtest",
    description = {
      "Replay a recording (bs demo --record FILE) through the demo's trading code.",
      "Uses the same strategy, risk and paper execution code as the demo, then prints the report",
      "and leaves it in the output folder."
    })
public final class BacktestCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin ConfigOptions configOptions;

  @Option(
      names = "--replay",
      required = true,
      paramLabel = "FILE",
      description = "Recording to replay.")
  Path replay;

  @Option(
      names = "--rate",
      defaultValue = "0.04",
      description = "Risk-free rate to price with (default: ${DEFAULT-VALUE}, the simulation's).")
  double rate;

  @Option(
      names = "--cash",
      defaultValue = "250000",
      description = "Paper account cash (default: ${DEFAULT-VALUE}).")
  double cash;

  @Option(
      names = "--ml",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description =
          "Retrain the hybrid LSTM-GARCH every replayed session and trade on it once in service,"
              + " as the demo does (default ${DEFAULT-VALUE}; --no-ml: GARCH refits only).")
  boolean ml;

  @Override
  public Integer call() throws Exception {
    AppConfig c = configOptions.load();
    if (!Files.isRegularFile(replay)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--replay: no such file " + replay);
    }
    PrintWriter out = spec.commandLine().getOut();
    Path outDir =
        c.outputDir()
            .resolve(
                "backtest-"
                    + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                        .withZone(ZoneOffset.UTC)
                        .format(Instant.now()));
    RunReport report = run(replay, rate, cash, outDir, true, ml);
    List<Path> files = ReportWriter.write(outDir, report);
    out.println();
    out.print(ReportWriter.text(report));
    out.println();
    out.println("Report and charts: " + outDir.toAbsolutePath());
    for (Path f : files) {
      out.println("  " + f.getFileName());
    }
    out.flush();
    return 0;
  }

  /**
   * Replays {@code recording} through {@link DemoSystem} with its own embedded database and journal
   * under {@code workDir} (with a progress bar on stderr when asked), and returns the report.
   */
  public static RunReport run(
      Path recording, double rate, double cash, Path workDir, boolean showProgress)
      throws java.io.IOException {
    return run(recording, rate, cash, workDir, showProgress, false);
  }

  /**
   * As {@link #run(Path, double, double, Path, boolean)}, with the learned half of the feedback
   * loop ({@link io.github.bsoptions.app.loop.MlRetrainer#betweenSessions()}) when {@code ml} is
   * set.
   */
  public static RunReport run(
      Path recording, double rate, double cash, Path workDir, boolean showProgress, boolean ml)
      throws java.io.IOException {
    MarketFeed.Replay feed = (MarketFeed.Replay) MarketFeed.replay(recording, rate);
    // The loop's prior volatility (used until the first forecast is fitted) is not in the
    // recording: the demo's own defaults for its symbols, 20% for others. The spot is unused on a
    // feed (chains carry it), so it is left unknown.
    DemoSystem.Settings d = DemoSystem.Settings.defaults(0, 1);
    Map<String, double[]> u = new LinkedHashMap<>();
    for (String s : feed.underlyings()) {
      double[] known = d.underlyings().get(s);
      u.put(s, new double[] {Double.NaN, known != null ? known[1] : 0.20});
    }
    Duration step = feed.step();
    DemoSystem.Settings settings =
        new DemoSystem.Settings(
            0, Math.max(1, feed.sessions()), step, u, cash, d.forecaster(), d.maxOpenTrades());
    Files.createDirectories(workDir.resolve("data"));
    ProgressBar progress =
        showProgress
            ? ProgressBar.onStderr(
                "backtest",
                settings.days() * (Duration.ofMinutes(390).toSeconds() / step.toSeconds()))
            : null;
    try (JdbcTradingStore store =
            JdbcTradingStore.open(
                JdbcTradingStore.embeddedUrl(workDir.resolve("data/bs")), "", "");
        DemoSystem system =
            new DemoSystem(
                settings,
                feed,
                workDir.resolve("journal"),
                new AppMetrics(),
                store,
                store,
                DashboardState.NONE)) {
      if (ml) {
        system.retrainWith(io.github.bsoptions.app.loop.MlRetrainer.betweenSessions());
      }
      return system.run(progress);
    }
  }
}
