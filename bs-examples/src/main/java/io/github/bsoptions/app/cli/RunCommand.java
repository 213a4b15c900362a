package io.github.bsoptions.app.cli;

import io.github.bsoptions.app.config.AppConfig;
import io.github.bsoptions.app.config.ConfigKey;
import io.github.bsoptions.app.loop.DemoSystem;
import io.github.bsoptions.app.loop.LiveLoop;
import io.github.bsoptions.app.loop.MarketFeed;
import io.github.bsoptions.app.loop.PersistentPaperBroker;
import io.github.bsoptions.app.loop.RunState;
import io.github.bsoptions.app.obs.AppMetrics;
import io.github.bsoptions.app.report.ReportWriter;
import io.github.bsoptions.app.report.RunReport;
import io.github.bsoptions.app.store.InfluxLineProtocolSink;
import io.github.bsoptions.app.store.JdbcTradingStore;
import io.github.bsoptions.app.store.TimeSeriesSink;
import io.github.bsoptions.app.web.DashboardServer;
import io.github.bsoptions.app.web.DashboardState;
import io.github.bsoptions.app.web.LiveDashboardState;
import io.github.bsoptions.data.MarketDataProviders;
import io.github.bsoptions.exec.engine.RecoveryException;
import io.github.bsoptions.exec.journal.JournalStore;
import io.github.bsoptions.exec.order.BrokerOrder;
import io.github.bsoptions.exec.paper.QuoteSource;
import io.github.bsoptions.exec.spi.BrokerClient;
import io.github.bsoptions.exec.spi.BrokerContext;
import io.github.bsoptions.exec.spi.BrokerFactory;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bs run}: the live trading loop. The same pipeline as {@code bs demo} (data, pricing,
 * signals and strategies, risk, execution, observability), one cycle at a time in wall time, on a
 * simulated, replayed or Alpaca market, trading through the persistent paper account or Alpaca.
 *
 * <p>Everything the loop needs to resume lives in the state folder: the execution engine's journal
 * ({@code <broker>.journal}, forced to disk on every record), the paper account's event log ({@code
 * paper-broker.log}, see {@link PersistentPaperBroker}), the run state ({@code run-state.json}:
 * feed position and the strategy book) and, unless {@code db.url} is set, the embedded database. On
 * start the paper account is rebuilt from its log, the engine replays its journal and reconciles
 * with the broker before the first order, and the feed is moved to where the last run stopped.
 *
 * <p>Ctrl-C (SIGINT) stops the loop after the cycle in progress: the state is written, the journal
 * and database are closed, and a summary is printed that lists the orders left working at the
 * broker (nothing is canceled).
 */
@Command(
    name = "run",
    description = {
      "Run the trading loop live: simulated, replayed or Alpaca data; paper or Alpaca broker.",
      "Stops cleanly on Ctrl-C and resumes from its journal and state folder on the next start.",
      "Exit codes: 0 stopped cleanly, 1 recovery refused or failure, 2 bad input or settings."
    })
public final class RunCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin ConfigOptions configOptions;

  @Mixin LoopOptions loop;

  @Option(
      names = "--source",
      description = "simulated, replay or alpaca (default: the 'source' key, simulated).")
  String source;

  @Option(
      names = "--broker",
      description = "paper, alpaca-paper or alpaca-live (default: the 'broker' key, paper).")
  String broker;

  @Option(
      names = "--confirm-live",
      description = "Required with --broker alpaca-live: this trades real money.")
  boolean confirmLive;

  @Option(
      names = "--replay",
      paramLabel = "FILE",
      description = "Recording to replay with --source replay (from bs demo --record FILE).")
  Path replay;

  @Option(
      names = "--state-dir",
      paramLabel = "DIR",
      description = "Journal, paper account, run state and database (default: <output.dir>/run).")
  Path stateDir;

  @Option(
      names = "--cycles",
      paramLabel = "N",
      defaultValue = "0",
      description = "Stop after N cycles (default: no bound).")
  long cycles;

  @Option(
      names = "--duration",
      paramLabel = "D",
      description = "Stop after this wall time: 90s, 15m, 2h or ISO-8601 (default: no bound).")
  String duration;

  @Option(
      names = "--interval",
      paramLabel = "D",
      description =
          "Wall time between cycles (default: 1s simulated/replay, 60s alpaca; 0: no wait).")
  String interval;

  @Option(
      names = "--outside-hours",
      description =
          "With --source alpaca: also cycle while the regular session (09:30-16:00 New York) is"
              + " closed, on the last quotes (a dry run with the paper broker); by default the"
              + " loop waits for the open.")
  boolean outsideHours;

  @Option(names = "--seed", description = "Simulated market seed (default: the 'seed' key, 42).")
  Long seed;

  @Option(
      names = "--step-minutes",
      defaultValue = "5",
      description = "Simulated minutes per cycle (default: ${DEFAULT-VALUE}).")
  int stepMinutes;

  @Option(
      names = "--cash",
      defaultValue = "250000",
      description = "Starting cash of a new paper account (default: ${DEFAULT-VALUE}).")
  double cash;

  @Option(
      names = "--rate",
      defaultValue = "0.04",
      description = "Risk-free rate for replay and alpaca sources (default: ${DEFAULT-VALUE}).")
  double rate;

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description = "Broker or data setting (e.g. baseUrl); APCA_* keys override the environment.")
  Map<String, String> settings = new HashMap<>();

  @Option(names = "--dashboard", description = "Serve the live dashboard while the loop runs.")
  boolean dashboard;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    AppConfig c = loop.withPort(configOptions.load());
    String src = source != null ? source : c.get(ConfigKey.SOURCE);
    String brk = broker != null ? broker : c.get(ConfigKey.BROKER);
    LiveLoop.Limits limits;
    Map<String, String> env = new HashMap<>(System.getenv());
    Map<String, String> brokerSettings = new HashMap<>();
    try {
      if (!List.of("simulated", "replay", "alpaca").contains(src)) {
        throw new IllegalArgumentException(
            "--source must be simulated, replay or alpaca, was '" + src + "'");
      }
      if (!List.of("paper", "alpaca-paper", "alpaca-live").contains(brk)) {
        throw new IllegalArgumentException(
            "--broker must be paper, alpaca-paper or alpaca-live, was '" + brk + "'");
      }
      if (brk.equals("alpaca-live") && !confirmLive) {
        throw new IllegalArgumentException(
            "--broker alpaca-live trades real money with the account of APCA_API_KEY_ID:"
                + " add --confirm-live to proceed (or use --broker alpaca-paper)");
      }
      if (src.equals("replay") && (replay == null || !Files.isRegularFile(replay))) {
        throw new IllegalArgumentException(
            "--source replay needs --replay FILE (a recording from bs demo --record), was "
                + replay);
      }
      if (stepMinutes < 1 || stepMinutes > 60) {
        throw new IllegalArgumentException("--step-minutes must be in [1, 60], was " + stepMinutes);
      }
      if (!(cash > 0) || !Double.isFinite(cash)) {
        throw new IllegalArgumentException("--cash must be > 0, was " + cash);
      }
      Duration pace =
          interval != null
              ? parseDuration(interval, "--interval", true)
              : src.equals("alpaca") ? Duration.ofSeconds(60) : Duration.ofSeconds(1);
      limits =
          new LiveLoop.Limits(
              requireNonNegative(cycles),
              duration == null ? null : parseDuration(duration, "--duration", false),
              pace,
              outsideHours);
      settings.forEach(
          (k, v) -> {
            if (k.startsWith("APCA_")) {
              env.put(k, v);
            } else {
              brokerSettings.put(k, v);
            }
          });
      // the keys may also come from the app's own secret keys (environment only)
      env.putIfAbsent("APCA_API_KEY_ID", c.get(ConfigKey.ALPACA_KEY_ID));
      env.putIfAbsent("APCA_API_SECRET_KEY", c.get(ConfigKey.ALPACA_SECRET_KEY));
      if (src.equals("alpaca") || brk.startsWith("alpaca")) {
        for (String k : List.of("APCA_API_KEY_ID", "APCA_API_SECRET_KEY")) {
          if (env.get(k) == null || env.get(k).isBlank()) {
            throw new IllegalArgumentException(
                (src.equals("alpaca") ? "--source alpaca" : "--broker " + brk)
                    + " needs the environment variable "
                    + k);
          }
        }
      }
      if (brk.equals("alpaca-live")) {
        brokerSettings.put("confirmLive", "true");
      }
    } catch (IllegalArgumentException e) {
      return TradingSession.fail(err, "run", e.getMessage(), 2);
    }
    Path dir = stateDir != null ? stateDir : c.outputDir().resolve("run");
    Files.createDirectories(dir);
    Path stateFile = dir.resolve("run-state.json");
    Optional<RunState> prior;
    try {
      prior = RunState.read(stateFile);
    } catch (IllegalStateException e) {
      return TradingSession.fail(err, "run", e.getMessage(), 1);
    }
    long s = src.equals("simulated") ? (seed != null ? seed : c.getLong(ConfigKey.SEED)) : 0;
    MarketFeed feed = openFeed(src, s, c, env);
    DemoSystem.Settings settings = settings(src, s, feed, c);
    long stepSeconds = src.equals("alpaca") ? 0 : settings.step().toSeconds();
    if (prior.isPresent()) {
      RunState p = prior.get();
      if (!p.source().equals(src)
          || !p.broker().equals(brk)
          || p.seed() != s
          || p.stepSeconds() != stepSeconds) {
        feed.close();
        return TradingSession.fail(
            err,
            "run",
            String.format(
                Locale.ROOT,
                "%s was made by --source %s --broker %s (seed %d, step %ds); this run asks for"
                    + " --source %s --broker %s (seed %d, step %ds): use the same settings or"
                    + " another --state-dir",
                dir,
                p.source(),
                p.broker(),
                p.seed(),
                p.stepSeconds(),
                src,
                brk,
                s,
                stepSeconds),
            2);
      }
      try {
        LiveLoop.fastForward(feed, settings.step(), p.feedTime());
      } catch (IllegalStateException e) {
        feed.close();
        return TradingSession.fail(err, "run", e.getMessage(), 2);
      }
    }
    Instant firstStart = prior.map(RunState::firstStart).orElse(feed.now());
    RunState start =
        new RunState(
            src,
            brk,
            s,
            stepSeconds,
            firstStart,
            feed.now(),
            prior.map(RunState::cycles).orElse(0L),
            prior.map(p -> p.runs() + 1).orElse(1),
            prior.map(RunState::book).orElse(RunState.Book.empty()));

    JdbcTradingStore store =
        c.get(ConfigKey.DB_URL).isEmpty()
            ? JdbcTradingStore.open(JdbcTradingStore.embeddedUrl(dir.resolve("db/bs")), "", "")
            : JdbcTradingStore.open(c);
    DashboardServer server = null;
    DemoSystem system = null;
    try {
      TimeSeriesSink sink =
          InfluxLineProtocolSink.fromConfig(c)
              .<TimeSeriesSink>map(influx -> TimeSeriesSink.both(store, influx))
              .orElse(store);
      LiveDashboardState live = new LiveDashboardState();
      AppMetrics metrics = new AppMetrics();
      DemoSystem.Venue venue = openVenue(c, brk, dir, feed, env, brokerSettings, firstStart);
      try {
        system =
            new DemoSystem(
                settings,
                feed,
                venue,
                metrics,
                store,
                sink,
                dashboard ? live : DashboardState.NONE);
      } catch (RecoveryException e) {
        venue.broker().close();
        venue.journal().close();
        feed.close();
        return TradingSession.fail(
            err,
            "run",
            "recovery refused: "
                + e.getMessage()
                + " (the journal and the broker disagree; nothing was sent)",
            1);
      } catch (RuntimeException e) {
        venue.broker().close();
        venue.journal().close();
        feed.close();
        throw e;
      }
      system.mode("run");
      loop.retrain(system, false);
      List<String> dropped = system.restore(start.book());
      if (dashboard) {
        server =
            DashboardServer.start(
                c.get(ConfigKey.DASHBOARD_BIND),
                c.getInt(ConfigKey.DASHBOARD_PORT),
                c.get(ConfigKey.DASHBOARD_TOKEN),
                live,
                metrics);
        out.println("dashboard: " + server.url());
      }
      out.println(
          "bs run: "
              + feed.describe().replace(", paper broker", "")
              + ", broker "
              + brk
              + ", state "
              + dir.toAbsolutePath()
              + ", store "
              + store.describe());
      printResume(out, start, prior.isPresent(), system, dropped);
      out.flush();

      LiveLoop loop = new LiveLoop(system, stateFile, start, limits, out);
      CountDownLatch finished = new CountDownLatch(1);
      Thread hook =
          new Thread(
              () -> {
                loop.requestStop();
                try {
                  finished.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              },
              "bs-run-stop");
      Runtime.getRuntime().addShutdownHook(hook);
      try {
        long wall0 = System.nanoTime();
        LiveLoop.Result result = loop.run();
        summary(out, dir, start, result, system, wall0, firstStart);
      } finally {
        try {
          DemoSystem closing = system;
          system = null;
          closing.close();
          out.flush();
        } finally {
          finished.countDown();
          try {
            Runtime.getRuntime().removeShutdownHook(hook);
          } catch (IllegalStateException e) {
            // shutting down (Ctrl-C): the hook is running and now returns
          }
        }
      }
      return 0;
    } finally {
      if (system != null) {
        system.close();
      }
      if (server != null) {
        server.close();
      }
      store.close();
    }
  }

  private static long requireNonNegative(long n) {
    if (n < 0) {
      throw new IllegalArgumentException("--cycles must be >= 0, was " + n);
    }
    return n;
  }

  /** Parses {@code 90s}, {@code 15m}, {@code 2h}, {@code 500ms}, {@code 0} or ISO-8601. */
  static Duration parseDuration(String text, String flag, boolean zeroAllowed) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    Duration d;
    try {
      if (t.equals("0")) {
        d = Duration.ZERO;
      } else if (t.startsWith("p")) {
        d = Duration.parse(text.strip().toUpperCase(Locale.ROOT));
      } else if (t.endsWith("ms")) {
        d = Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
      } else if (t.endsWith("s")) {
        d = Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)));
      } else if (t.endsWith("m")) {
        d = Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
      } else if (t.endsWith("h")) {
        d = Duration.ofHours(Long.parseLong(t.substring(0, t.length() - 1)));
      } else {
        throw new IllegalArgumentException(text);
      }
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          flag + " must be a duration like 90s, 15m, 2h or PT1M, was '" + text + "'");
    }
    if (d.isNegative() || (!zeroAllowed && d.isZero())) {
      throw new IllegalArgumentException(
          flag + " must be " + (zeroAllowed ? ">= 0" : "> 0") + ", was '" + text + "'");
    }
    return d;
  }

  private MarketFeed openFeed(String src, long s, AppConfig c, Map<String, String> env) {
    return switch (src) {
      case "simulated" ->
          MarketFeed.simulated(DemoSystem.simulatedMarket(simulatedSettings(s, Map.of())));
      case "replay" -> MarketFeed.replay(replay, rate);
      default ->
          MarketFeed.live(MarketDataProviders.create("alpaca", env), Clock.systemUTC(), rate);
    };
  }

  private DemoSystem.Settings simulatedSettings(long s, Map<String, double[]> underlyings) {
    DemoSystem.Settings d = DemoSystem.Settings.defaults(s, 1);
    return new DemoSystem.Settings(
        s,
        1,
        Duration.ofMinutes(stepMinutes),
        underlyings.isEmpty() ? d.underlyings() : underlyings,
        cash,
        d.forecaster(),
        d.maxOpenTrades());
  }

  private DemoSystem.Settings settings(String src, long s, MarketFeed feed, AppConfig c) {
    if (src.equals("simulated")) {
      return simulatedSettings(s, Map.of());
    }
    DemoSystem.Settings d = DemoSystem.Settings.defaults(0, 1);
    List<String> symbols = new ArrayList<>();
    Duration step;
    if (feed instanceof MarketFeed.Replay r) {
      symbols.addAll(r.underlyings());
      step = r.step();
    } else {
      for (String sym : c.get(ConfigKey.SYMBOLS).split(",")) {
        if (!sym.isBlank()) {
          symbols.add(sym.strip().toUpperCase(Locale.ROOT));
        }
      }
      step = Duration.ofMinutes(1);
    }
    // the prior volatility (used until the first forecast is fitted): the demo's own for its
    // symbols, 20% for others; the spot comes from the chains
    Map<String, double[]> u = new LinkedHashMap<>();
    for (String sym : symbols) {
      double[] known = d.underlyings().get(sym);
      u.put(sym, new double[] {Double.NaN, known != null ? known[1] : 0.20});
    }
    return new DemoSystem.Settings(0, 1, step, u, cash, d.forecaster(), d.maxOpenTrades());
  }

  private DemoSystem.Venue openVenue(
      AppConfig config,
      String brk,
      Path dir,
      MarketFeed feed,
      Map<String, String> env,
      Map<String, String> brokerSettings,
      Instant firstStart)
      throws java.io.IOException {
    BrokerClient b;
    Runnable match;
    Runnable endOfDay;
    if (brk.equals("paper")) {
      // the account is rebuilt from its log; a new one starts with --cash
      PersistentPaperBroker p =
          PersistentPaperBroker.open(
              dir.resolve("paper-broker.log"),
              "paper",
              QuoteSource.of(feed.data()),
              DemoSystem.DEMO_FILLS,
              feed::now,
              cash);
      b = p;
      match = p::matchAll;
      endOfDay = p::endOfDay;
    } else {
      b =
          BrokerFactory.createBroker(
              brk, new BrokerContext(brokerSettings, env, feed.data(), Clock.systemUTC()));
      match = () -> {};
      endOfDay = () -> {};
    }
    JournalStore journal;
    try {
      journal =
          TradingSession.openJournal(
              config, dir, journalName(brk), "run", dir.resolve(brk + ".journal"));
    } catch (RuntimeException | java.io.IOException e) {
      b.close();
      throw e;
    }
    return new DemoSystem.Venue(b, match, endOfDay, journal, firstStart);
  }

  /** The name of the run's journal for a broker (one per broker, apart from bs order's). */
  static String journalName(String broker) {
    return "run-" + broker;
  }

  private static void printResume(
      PrintWriter out, RunState start, boolean resumed, DemoSystem system, List<String> dropped) {
    BrokerClient b = system.broker();
    List<BrokerOrder> orders = b.orders(false);
    long openOrders = orders.stream().filter(o -> o.status().isOpen()).count();
    long positions = b.positions().stream().filter(p -> p.qty() != 0).count();
    var rec = system.engine().startupReconciliation();
    if (resumed) {
      out.printf(
          Locale.ROOT,
          "resumed (run %d): feed at %s after %d cycle(s); journal replayed and reconciled with"
              + " %s (%s); broker holds %d order(s) (%d open), %d position(s); %d open"
              + " structure(s) managed, realized P&L %.2f%n",
          start.runs(),
          start.feedTime(),
          start.cycles(),
          b.name(),
          rec.ok() ? "no discrepancies" : "discrepancies",
          orders.size(),
          openOrders,
          positions,
          system.book().open().size(),
          start.book().realized());
    } else {
      out.printf(
          Locale.ROOT,
          "new run: feed at %s; account cash %.2f at %s%n",
          start.feedTime(),
          b.account().cash(),
          b.name());
    }
    for (String d : dropped) {
      out.println("  " + d);
    }
  }

  private void summary(
      PrintWriter out,
      Path dir,
      RunState start,
      LiveLoop.Result result,
      DemoSystem system,
      long wall0,
      Instant firstStart)
      throws java.io.IOException {
    List<String> notes = new ArrayList<>();
    notes.add("stopped: " + result.stoppedBy() + " after " + result.cycles() + " cycle(s)");
    RunReport report = system.report(wall0, start.feedTime(), 1, notes);
    Path reportDir =
        dir.resolve(
            "reports/run-"
                + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                    .withZone(ZoneOffset.UTC)
                    .format(Instant.now()));
    List<Path> files = ReportWriter.write(reportDir, report);
    out.println();
    out.print(ReportWriter.text(report));
    out.println();
    BrokerClient b = system.broker();
    List<BrokerOrder> open = b.orders(true);
    if (open.isEmpty()) {
      out.println("No orders left working at " + b.name() + ".");
    } else {
      out.println(
          open.size()
              + " order(s) left working at "
              + b.name()
              + " (not canceled; the next run reconciles them):");
      for (BrokerOrder o : open) {
        out.println(
            "  "
                + o.clientOrderId()
                + " "
                + o.label()
                + " "
                + o.status()
                + " filled "
                + o.filledQty()
                + "/"
                + o.qty());
      }
    }
    out.printf(
        Locale.ROOT,
        "State saved (%d cycle(s) since %s, run %d): %s%n",
        result.state().cycles(),
        firstStart,
        result.state().runs(),
        dir.toAbsolutePath());
    out.println("Report and charts: " + reportDir.toAbsolutePath());
    for (Path f : files) {
      out.println("  " + f.getFileName());
    }
    out.flush();
  }
}
