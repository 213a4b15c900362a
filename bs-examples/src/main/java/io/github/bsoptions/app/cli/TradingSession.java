package io.github.bsoptions.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.bsoptions.app.config.AppConfig;
import io.github.bsoptions.app.config.ConfigKey;
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
import io.github.bsoptions.exec.journal.OrderCodec;
import io.github.bsoptions.exec.order.Account;
import io.github.bsoptions.exec.order.BrokerOrder;
import io.github.bsoptions.exec.order.Fill;
import io.github.bsoptions.exec.order.OrderRequest;
import io.github.bsoptions.exec.order.Position;
import io.github.bsoptions.exec.routing.SmartOrderRouter;
import io.github.bsoptions.exec.spi.BrokerCapability;
import io.github.bsoptions.exec.spi.BrokerClient;
import io.github.bsoptions.exec.spi.BrokerContext;
import io.github.bsoptions.exec.spi.BrokerFactory;
import io.github.bsoptions.exec.spi.Idempotency;
import io.github.bsoptions.exec.spi.OrderUpdateListener;
import io.github.bsoptions.exec.spi.Outcome;
import io.github.bsoptions.exec.spi.PreTradeGate;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * What the trading commands ({@code order}, {@code orders}, {@code positions}, {@code cancel})
 * share: the broker, the state directory and an {@link ExecutionEngine} over a database journal
 * ({@link JdbcJournal}, one journal per broker name): on the configured {@code db.url} (PostgreSQL
 * or H2), else on an embedded H2 database {@code journal} in the state directory. A file journal
 * left by an earlier version ({@code <broker>.journal}) is imported once into a new database
 * journal and renamed {@code <broker>.journal.imported}.
 *
 * <p>The paper broker lives only in this process, so its state is kept in the state directory as a
 * write-ahead log of every request sent to it ({@code paper-broker.log}); on start the requests are
 * re-applied to a fresh broker (quotes come from the seeded simulated market, which is not
 * advanced, so the replay reproduces the same orders, fills and ids), and the engine then replays
 * its own journal and reconciles against it.
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

  private static final ObjectMapper JSON = new ObjectMapper();

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
      broker = BrokerFactory.createBroker(name, new BrokerContext(settings, env, market, clock));
      if (name.equals("paper")) {
        broker = LoggedBroker.recover(broker, dir.resolve("paper-broker.log"));
      }
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
   * Opens the broker's journal in the configured database ({@code db.url}), else in the embedded H2
   * database {@code <state-dir>/journal}; imports a legacy file journal once.
   */
  static JournalStore openJournal(AppConfig config, Path dir, String broker) throws IOException {
    return openJournal(config, dir, broker, "cli", dir.resolve(broker + ".journal"));
  }

  /**
   * Opens the journal {@code name} (namespace {@code namespace} when new) in the configured
   * database ({@code db.url}), else in the embedded H2 database {@code <dir>/journal}; imports the
   * file journal {@code legacy} once when it exists (then renamed {@code .imported}).
   */
  static JdbcJournal openJournal(
      AppConfig config, Path dir, String name, String namespace, Path legacy) throws IOException {
    String url = config.get(ConfigKey.DB_URL);
    if (url.isEmpty()) {
      url = JdbcTradingStore.embeddedUrl(dir.resolve("journal"));
    }
    JdbcJournal j =
        JdbcJournal.open(
            DataSources.of(url, config.get(ConfigKey.DB_USER), config.get(ConfigKey.DB_PASSWORD)),
            name,
            namespace);
    try {
      importLegacy(j, legacy);
    } catch (RuntimeException | IOException e) {
      j.close();
      throw e;
    }
    return j;
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

  /**
   * A broker whose requests are forced to a log before they are sent, so that a fresh in-process
   * broker can be brought back to the same state by {@link #recover}.
   */
  static final class LoggedBroker implements BrokerClient {
    private final BrokerClient delegate;
    private final FileChannel log;

    private LoggedBroker(BrokerClient delegate, FileChannel log) {
      this.delegate = delegate;
      this.log = log;
    }

    static LoggedBroker recover(BrokerClient fresh, Path file) throws IOException {
      if (Files.exists(file)) {
        int line = 0;
        for (String s : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          line++;
          if (s.isBlank()) {
            continue;
          }
          JsonNode n;
          try {
            n = JSON.readTree(s);
          } catch (IOException e) {
            // a torn last line: the request was never sent (the log is written first)
            break;
          }
          String op = n.path("op").asText();
          switch (op) {
            case "submit" -> fresh.submit(decode(n));
            case "cancel" -> fresh.cancel(n.path("id").asText());
            case "replace" -> fresh.replace(n.path("id").asText(), decode(n));
            default ->
                throw new IllegalStateException(
                    file + " line " + line + ": unknown operation '" + op + "'");
          }
        }
      }
      FileChannel ch =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
      return new LoggedBroker(fresh, ch);
    }

    private static OrderRequest decode(JsonNode n) {
      Map<String, String> f = new HashMap<>();
      for (Map.Entry<String, JsonNode> e : n.path("fields").properties()) {
        f.put(e.getKey(), e.getValue().asText());
      }
      return OrderCodec.decode(n.path("clientOrderId").asText(), f);
    }

    private void write(String op, String id, OrderRequest r) {
      ObjectNode n = JSON.createObjectNode();
      n.put("op", op);
      if (id != null) {
        n.put("id", id);
      }
      if (r != null) {
        n.put("clientOrderId", r.clientOrderId());
        ObjectNode f = n.putObject("fields");
        OrderCodec.encode(r).forEach(f::put);
      }
      try {
        byte[] b = (JSON.writeValueAsString(n) + "\n").getBytes(StandardCharsets.UTF_8);
        ByteBuffer buf = ByteBuffer.wrap(b);
        while (buf.hasRemaining()) {
          log.write(buf);
        }
        log.force(true);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write the paper broker log", e);
      }
    }

    @Override
    public String name() {
      return delegate.name();
    }

    @Override
    public Set<BrokerCapability> capabilities() {
      return delegate.capabilities();
    }

    @Override
    public Idempotency idempotency() {
      return delegate.idempotency();
    }

    @Override
    public Outcome submit(OrderRequest order) {
      write("submit", null, order);
      return delegate.submit(order);
    }

    @Override
    public BrokerOrder cancel(String brokerOrderId) {
      write("cancel", brokerOrderId, null);
      return delegate.cancel(brokerOrderId);
    }

    @Override
    public Outcome replace(String brokerOrderId, OrderRequest replacement) {
      write("replace", brokerOrderId, replacement);
      return delegate.replace(brokerOrderId, replacement);
    }

    @Override
    public BrokerOrder order(String brokerOrderId) {
      return delegate.order(brokerOrderId);
    }

    @Override
    public Optional<BrokerOrder> findByClientOrderId(String clientOrderId) {
      return delegate.findByClientOrderId(clientOrderId);
    }

    @Override
    public List<BrokerOrder> orders(boolean openOnly) {
      return delegate.orders(openOnly);
    }

    @Override
    public List<Position> positions() {
      return delegate.positions();
    }

    @Override
    public Account account() {
      return delegate.account();
    }

    @Override
    public List<Fill> fills(Instant since) {
      return delegate.fills(since);
    }

    @Override
    public AutoCloseable subscribe(OrderUpdateListener listener) {
      return delegate.subscribe(listener);
    }

    @Override
    public void close() {
      try {
        log.close();
      } catch (IOException e) {
        // the log was forced after every write
      }
      delegate.close();
    }
  }
}
