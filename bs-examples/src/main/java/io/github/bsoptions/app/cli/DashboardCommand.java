package io.github.bsoptions.app.cli;

import io.github.bsoptions.app.config.AppConfig;
import io.github.bsoptions.app.config.ConfigKey;
import io.github.bsoptions.app.obs.AppMetrics;
import io.github.bsoptions.app.store.JdbcTradingStore;
import io.github.bsoptions.app.web.DashboardServer;
import io.github.bsoptions.app.web.LiveDashboardState;
import io.github.bsoptions.app.web.StoreFeed;
import io.github.bsoptions.app.web.Views;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bs dashboard}: serves the web dashboard over the trading store (positions, P&amp;L curve,
 * signals of the last or a concurrent run), refreshed every few seconds, until Ctrl-C.
 */
@Command(
    name = "dashboard",
    description = {
      "Serve the web dashboard (default http://127.0.0.1:8080/).",
      "Shows the trading store: positions, P&L curve and signals of the last or a concurrent run;",
      "with --demo, the simulated system running live. Ctrl-C stops it."
    })
public final class DashboardCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin ConfigOptions configOptions;

  @Option(names = "--port", paramLabel = "N", description = "Port (dashboard.port; 0: any free).")
  Integer port;

  @Option(
      names = "--bind",
      paramLabel = "ADDR",
      description = "Bind address (dashboard.bind); beyond loopback needs BS_DASHBOARD_TOKEN.")
  String bind;

  @Option(
      names = "--refresh",
      paramLabel = "SECONDS",
      defaultValue = "5",
      description = "Seconds between store reads (default: ${DEFAULT-VALUE}).")
  int refreshSeconds;

  @Option(
      names = "--demo",
      description = "Run the simulated system (as ./bs demo --dashboard) behind the dashboard.")
  boolean demo;

  @Option(
      names = "--days",
      defaultValue = "3",
      description = "Simulated trading days with --demo (default: ${DEFAULT-VALUE}).")
  int days;

  @Override
  public Integer call() throws Exception {
    if (demo) {
      java.util.List<String> args = new java.util.ArrayList<>();
      args.add("--dashboard");
      args.add("--days=" + days);
      if (port != null) {
        args.add("--port=" + port);
      }
      if (configOptions.config != null) {
        args.add("--config=" + configOptions.config);
      }
      if (configOptions.output != null) {
        args.add("--output=" + configOptions.output);
      }
      if (bind != null) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--bind with --demo: set BS_DASHBOARD_BIND instead");
      }
      CommandLine demoCl = new CommandLine(new DemoCommand());
      demoCl.setOut(spec.commandLine().getOut());
      demoCl.setErr(spec.commandLine().getErr());
      return demoCl.execute(args.toArray(String[]::new));
    }
    AppConfig c = configOptions.load();
    if (port != null) {
      c = c.with(ConfigKey.DASHBOARD_PORT, Integer.toString(port));
    }
    if (bind != null) {
      c = c.with(ConfigKey.DASHBOARD_BIND, bind);
    }
    if (refreshSeconds < 1) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--refresh must be >= 1, was " + refreshSeconds);
    }
    PrintWriter out = spec.commandLine().getOut();
    LiveDashboardState state = new LiveDashboardState();
    AppMetrics metrics = new AppMetrics();
    CountDownLatch stop = new CountDownLatch(1);
    try (JdbcTradingStore store = JdbcTradingStore.open(c);
        DashboardServer server =
            DashboardServer.start(
                c.get(ConfigKey.DASHBOARD_BIND),
                c.getInt(ConfigKey.DASHBOARD_PORT),
                c.get(ConfigKey.DASHBOARD_TOKEN),
                state,
                metrics)) {
      Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown, "dashboard-stop"));
      StoreFeed feed = new StoreFeed(store, state);
      out.println(
          "dashboard: " + server.url() + "  (store: " + store.describe() + ", Ctrl-C stops)");
      out.flush();
      do {
        Instant now = Instant.now();
        feed.refresh(now);
        state.publishHealth(
            List.of(
                new Views.Health("store", "store", "UP", store.describe(), now.toEpochMilli())));
        state.publishLatency(metrics.latency().snapshot());
      } while (!stop.await(refreshSeconds, java.util.concurrent.TimeUnit.SECONDS));
    }
    return 0;
  }
}
