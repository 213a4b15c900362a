package io.github.bsoptions.app.cli;

import io.github.bsoptions.app.config.AppConfig;
import io.github.bsoptions.app.config.ConfigKey;
import io.github.bsoptions.app.loop.PersistentPaperBroker;
import io.github.bsoptions.app.store.DataSources;
import io.github.bsoptions.app.store.JdbcTradingStore;
import io.github.bsoptions.data.MarketDataProviders;
import io.github.bsoptions.data.spi.MarketDataProvider;
import io.github.bsoptions.exec.engine.ExecutionEngine;
import io.github.bsoptions.exec.journal.EntryType;
import io.github.bsoptions.exec.journal.JdbcJournal;
import io.github.bsoptions.exec.journal.Journal;
import io.github.bsoptions.exec.journal.JournalRecord;
import io.github.bsoptions.exec.journal.JournalStore;
import io.github.bsoptions.exec.paper.FillModel;
import io.github.bsoptions.exec.paper.QuoteSource;
import io.github.bsoptions.exec.routing.SmartOrderRouter;
import io.github.bsoptions.exec.spi.BrokerClient;
import io.github.bsoptions.exec.spi.BrokerContext;
import io.github.bsoptions.exec.spi.BrokerFactory;
import io.github.bsoptions.exec.spi.PreTradeGate;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * What the trading commands ({@code order}, {@code orders}, {@code positions}, {@code cancel})
 * share: the broker, the state directory and an {@link ExecutionEngine} over a database journal
 * ({@link JdbcJournal}, one journal per broker name): on the configured {@code db.url} (PostgreSQL
 * or H2), else on an embedded HSQLDB database {@code journal-db/journal} in the state directory
 * (see {@link JdbcTradingStore#embeddedJournalUrl}). A journal left by an earlier version is
 * imported once into a new database journal: from the embedded H2 database {@code journal.mv.db}
 * (left in place), or from a file journal {@code <broker>.journal} (then renamed {@code
 * <broker>.journal.imported}).
 *
 * <p>The paper broker lives only in this process, so its state is kept in the state directory as
 * the event log of a {@link PersistentPaperBroker} ({@code paper-broker.log}, the same account
 * {@code bs run} keeps): on start the log is replayed into a fresh broker with the times and quotes
 * it recorded (quotes come from the seeded simulated market, which is not advanced), and the engine
 * then replays its own journal and reconciles against it. The starting cash and fill model ({@code
 * --set initialCash=...}, {@code slippage}, ...) are those of the invocation that created the
 * account.
 */
final class TradingSession implements AutoCloseable {
  /** Picocli options of every trading command (a mixin). */
  public static final class Options {
    @Option(
        names = "--broker",
        defaultValue = "paper",
        description = "paper, alpaca-paper or alpaca-live (default ${DEFAULT-VALUE}).")
    String broker;

    @Option(
        names = "--state-dir",
        description = "Journal and paper-broker state (default $BS_STATE_DIR or ~/.bs-options).")
    Path stateDir;

    @Option(
        names = "--confirm-live",
        description = "Required with --broker alpaca-live: this trades real money.")
    boolean confirmLive;

    @Option(
        names = "--set",
        description =
            "Broker or market-data setting KEY=VALUE (e.g. baseUrl, initialCash, SIM_SEED;"
                + " APCA_* override the environment).")
    Map<String, String> settings = new HashMap<>();

    @Mixin ConfigOptions config = new ConfigOptions();
  }

  private final MarketDataProvider market;
  private final BrokerClient broker;
  private final JournalStore journal;
  private final ExecutionEngine engine;

  private TradingSession(
      MarketDataProvider market,
      BrokerClient broker,
      JournalStore journal,
      ExecutionEngine engine) {
    this.market = market;
    this.broker = broker;
    this.journal = journal;
    this.engine = engine;
  }

  /**
   * Opens the broker, recovers its state and starts the engine.
   *
   * @throws IllegalArgumentException for a bad broker name, missing keys or an unconfirmed live
   *     broker
   */
  static TradingSession open(Options o) throws IOException {
    String name = o.broker;
    if (!List.of("paper", "alpaca-paper", "alpaca-live").contains(name)) {
      throw new IllegalArgumentException(
          "--broker must be paper, alpaca-paper or alpaca-live, was '" + name + "'");
    }
    if (name.equals("alpaca-live") && !o.confirmLive) {
      throw new IllegalArgumentException(
          "--broker alpaca-live trades real money: add --confirm-live to proceed");
    }
    Map<String, String> env = new HashMap<>(System.getenv());
    Map<String, String> settings = new HashMap<>();
    o.settings.forEach(
        (k, v) -> {
          if (k.startsWith("APCA_") || k.startsWith("SIM_")) {
            env.put(k, v);
          } else {
            settings.put(k, v);
          }
        });
    if (name.startsWith("alpaca")) {
      for (String k : List.of("APCA_API_KEY_ID", "APCA_API_SECRET_KEY")) {
        String v = env.get(k);
        if (v == null || v.isBlank()) {
          throw new IllegalArgumentException(
              "--broker " + name + " needs the environment variable " + k);
        }
      }
    }
    if (name.equals("alpaca-live")) {
      settings.put("confirmLive", "true");
    }
    Path dir = stateDir(o.stateDir);
    Files.createDirectories(dir);
    AppConfig config = o.config.load();
    Clock clock = Clock.systemUTC();
    MarketDataProvider market =
        name.equals("paper") ? MarketDataProviders.create("simulated", env) : null;
    BrokerClient broker = null;
    JournalStore journal = null;
    try {
      broker =
          name.equals("paper")
              ? PersistentPaperBroker.open(
                  dir.resolve("paper-broker.log"),
                  name,
                  QuoteSource.of(market),
                  fillModel(settings),
                  clock::instant,
                  number(settings, "initialCash", Double.POSITIVE_INFINITY))
              : BrokerFactory.createBroker(name, new BrokerContext(settings, env, market, clock));
      journal = openJournal(config, dir, name);
      ExecutionEngine engine =
          ExecutionEngine.start(
              journal,
              SmartOrderRouter.single(broker, clock),
              PreTradeGate.ACCEPT_ALL,
              Instant.EPOCH,
              3);
      return new TradingSession(market, broker, journal, engine);
    } catch (RuntimeException | IOException e) {
      closeQuietly(journal);
      closeQuietly(broker);
      closeQuietly(market);
      throw e;
    }
  }

  /**
   * The paper broker's fill model from the {@code --set} settings, with the keys and defaults of
   * bs-exec's {@code paper} broker factory: {@code slippage}, {@code feePerUnit}, {@code
   * minFeePerFill}, {@code partialFills}, {@code optionMultiplier}.
   */
  static FillModel fillModel(Map<String, String> settings) {
    return new FillModel(
        number(settings, "slippage", 0),
        number(settings, "feePerUnit", 0),
        number(settings, "minFeePerFill", 0),
        Boolean.parseBoolean(settings.getOrDefault("partialFills", "true")),
        (int) number(settings, "optionMultiplier", 100));
  }

  private static double number(Map<String, String> settings, String key, double def) {
    String v = settings.get(key);
    if (v == null) {
      return def;
    }
    try {
      return Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be a number, was '" + v + "'", e);
    }
  }

  /**
   * Opens the broker's journal in the configured database ({@code db.url}), else in the embedded
   * HSQLDB database {@code <state-dir>/journal-db/journal}; imports an earlier version's journal
   * once.
   */
  static JournalStore openJournal(AppConfig config, Path dir, String broker) throws IOException {
    return openJournal(config, dir, broker, "cli", dir.resolve(broker + ".journal"));
  }

  /**
   * Opens the journal {@code name} (namespace {@code namespace} when new) in the configured
   * database ({@code db.url}), else in the embedded HSQLDB database {@link #embeddedJournal} of
   * {@code dir}; when that journal is new, imports the same journal from the embedded H2 database
   * {@code <dir>/journal} of earlier versions, then the file journal {@code legacy} (renamed {@code
   * .imported}), whichever exists.
   */
  static JdbcJournal openJournal(
      AppConfig config, Path dir, String name, String namespace, Path legacy) throws IOException {
    String url = config.get(ConfigKey.DB_URL);
    boolean embedded = url.isEmpty();
    if (embedded) {
      url = JdbcTradingStore.embeddedJournalUrl(embeddedJournal(dir));
    }
    JdbcJournal j =
        JdbcJournal.open(
            DataSources.of(url, config.get(ConfigKey.DB_USER), config.get(ConfigKey.DB_PASSWORD)),
            name,
            namespace);
    try {
      if (embedded) {
        importH2(j, dir.resolve("journal"));
      }
      importLegacy(j, legacy);
    } catch (RuntimeException | IOException e) {
      j.close();
      throw e;
    }
    return j;
  }

  /** The base path of the embedded journal database's files in state directory {@code dir}. */
  static Path embeddedJournal(Path dir) {
    return dir.resolve("journal-db").resolve("journal");
  }

  /**
   * Copies journal {@code j.name()} from the embedded H2 database {@code h2} (without suffix) that
   * versions before the HSQLDB journal wrote, when {@code j} is new and that database has it. The
   * H2 file is left in place (it may hold other brokers' journals); once copied, {@code j} is no
   * longer new, so nothing is copied twice.
   */
  private static void importH2(JdbcJournal j, Path h2) {
    if (j.nextSeq() != 1 || !Files.exists(h2.resolveSibling(h2.getFileName() + ".mv.db"))) {
      return;
    }
    String url = JdbcTradingStore.embeddedUrl(h2) + ";IFEXISTS=TRUE";
    try (JdbcJournal old = JdbcJournal.open(DataSources.of(url, "", ""), j.name(), j.namespace())) {
      if (!old.namespace().equals(j.namespace())) {
        throw new IllegalStateException(
            h2
                + ".mv.db: journal '"
                + j.name()
                + "' has namespace "
                + old.namespace()
                + ", expected "
                + j.namespace());
      }
      for (JournalRecord r : old.readAll()) {
        if (r.type() != EntryType.HEADER) {
          j.append(r.type(), r.clientOrderId(), r.fields());
        }
      }
    }
  }

  private static void importLegacy(JdbcJournal j, Path legacy) throws IOException {
    if (!Files.exists(legacy)) {
      return;
    }
    if (j.nextSeq() != 1) {
      throw new IllegalStateException(
          "both "
              + legacy
              + " and a database journal '"
              + j.name()
              + "' exist; move one away (the database journal is used)");
    }
    List<JournalRecord> old = Journal.read(legacy).records();
    if (!old.isEmpty() && !j.namespace().equals(old.get(0).get("namespace"))) {
      throw new IllegalStateException(
          legacy + ": namespace " + old.get(0).get("namespace") + ", expected " + j.namespace());
    }
    for (JournalRecord r : old) {
      if (r.type() != EntryType.HEADER) {
        j.append(r.type(), r.clientOrderId(), r.fields());
      }
    }
    Files.move(legacy, legacy.resolveSibling(legacy.getFileName() + ".imported"));
  }

  static int fail(PrintWriter err, String command, String message, int code) {
    err.println("bs " + command + ": " + message);
    err.flush();
    return code;
  }

  static Path stateDir(Path option) {
    if (option != null) {
      return option;
    }
    String env = System.getenv("BS_STATE_DIR");
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    return Path.of(System.getProperty("user.home"), ".bs-options");
  }

  ExecutionEngine engine() {
    return engine;
  }

  BrokerClient broker() {
    return broker;
  }

  @Override
  public void close() {
    closeQuietly(engine);
    closeQuietly(journal);
    closeQuietly(broker);
    closeQuietly(market);
  }

  private static void closeQuietly(AutoCloseable c) {
    if (c == null) {
      return;
    }
    try {
      c.close();
    } catch (Exception e) {
      // closing on the way out: nothing left to do with the failure
    }
  }
}
