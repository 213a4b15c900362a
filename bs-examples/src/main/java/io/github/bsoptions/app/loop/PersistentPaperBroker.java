package io.github.bsoptions.app.loop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.bsoptions.data.model.Quote;
import io.github.bsoptions.exec.journal.OrderCodec;
import io.github.bsoptions.exec.order.Account;
import io.github.bsoptions.exec.order.BrokerOrder;
import io.github.bsoptions.exec.order.Fill;
import io.github.bsoptions.exec.order.OrderRequest;
import io.github.bsoptions.exec.order.OrderUpdate;
import io.github.bsoptions.exec.order.Position;
import io.github.bsoptions.exec.paper.FillModel;
import io.github.bsoptions.exec.paper.PaperBroker;
import io.github.bsoptions.exec.paper.QuoteSource;
import io.github.bsoptions.exec.spi.BrokerCapability;
import io.github.bsoptions.exec.spi.BrokerClient;
import io.github.bsoptions.exec.spi.BrokerException;
import io.github.bsoptions.exec.spi.Idempotency;
import io.github.bsoptions.exec.spi.OrderUpdateListener;
import io.github.bsoptions.exec.spi.Outcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * bs-exec's {@link PaperBroker} made to survive a restart, so that {@code bs run} and the trading
 * commands ({@code bs order}, {@code orders}, {@code positions}, {@code cancel}) can stop and
 * resume against the same paper account and the execution engine's start-up reconciliation finds
 * every order of its journal at the broker.
 *
 * <p>The paper broker is deterministic: the same operations, at the same times, against the same
 * quotes, give the same orders, fills, execution ids and cash. So its state is kept as an event
 * log: every operation that can change it ({@code submit}, {@code cancel}, {@code replace}, {@link
 * #matchAll}, {@link #endOfDay}) is written as one JSON line with the clock's time and every quote
 * the broker read while doing it, and forced to the device (data and metadata) before the call
 * returns. {@link #open} replays the log into a fresh broker with the clock and quotes of each
 * line, which rebuilds the account exactly (a replayed fill has the execution id the engine
 * journalled, so its deduplication by execution id holds across restarts); new operations append to
 * the same log. The header line fixes the starting cash and fill model, so a restart with other
 * settings still rebuilds the original account.
 *
 * <p>The line is written after the broker answered (the quotes it read are known only then), and
 * nothing outside sees the operation's effect before the line is forced: the answer is returned and
 * the order updates the broker raised are passed to {@link #subscribe subscribers} only then. If
 * the process dies in between, the operation is lost from the paper account and nobody saw it, so
 * the engine's reconciliation finds the order it journalled as never sent ({@code ABANDONED})
 * rather than a confirmed order gone missing.
 *
 * <p>A log written by an earlier version of {@code bs order} (one request a line, with neither
 * times nor quotes nor a header) is converted once when opened: its requests are applied to a new
 * account with the current clock and quotes (as that version did on every start), the new log
 * replaces it and the old file is kept as {@code <file>.legacy}.
 */
public final class PersistentPaperBroker implements BrokerClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int LOG_FORMAT = 1;
  private static final Set<String> LEGACY_OPS = Set.of("submit", "cancel", "replace");

  private final PaperBroker broker;
  private final FileChannel log;
  private final Recording quotes;
  private final SwitchableClock clock;
  private final int replayed;

  /** The order updates raised by the operation this thread is making, held until it is logged. */
  private final ThreadLocal<List<Runnable>> held = new ThreadLocal<>();

  private PersistentPaperBroker(
      PaperBroker broker, FileChannel log, Recording quotes, SwitchableClock clock, int replayed) {
    this.broker = broker;
    this.log = log;
    this.quotes = quotes;
    this.clock = clock;
    this.replayed = replayed;
  }

  /**
   * Opens the paper account kept in {@code file}: replays the log when it exists, else starts a new
   * account.
   *
   * @param file the event log
   * @param name broker name (as the engine journals it)
   * @param source live quotes
   * @param model fill model of a new account (an existing log keeps its own)
   * @param now the live clock
   * @param initialCash starting cash of a new account (an existing log keeps its own; {@code
   *     +Infinity}: no cash check)
   * @throws IllegalStateException when the log cannot be read back (a complete line is malformed or
   *     names an unknown operation; a torn last line, from a write cut short, is dropped)
   */
  public static PersistentPaperBroker open(
      Path file,
      String name,
      QuoteSource source,
      FillModel model,
      Supplier<Instant> now,
      double initialCash)
      throws IOException {
    Objects.requireNonNull(source, "source");
    Recording rec = new Recording(source);
    SwitchableClock clock = new SwitchableClock(now);
    FillModel m = model;
    double cash = initialCash;
    byte[] bytes = Files.exists(file) ? Files.readAllBytes(file) : new byte[0];
    int complete = bytes.length;
    while (complete > 0 && bytes[complete - 1] != '\n') {
      complete--; // a torn last line: that operation never completed its write
    }
    List<String> lines = new String(bytes, 0, complete, StandardCharsets.UTF_8).lines().toList();
    JsonNode header = null;
    int first = 0;
    while (first < lines.size() && lines.get(first).isBlank()) {
      first++;
    }
    if (first < lines.size()) {
      header = parse(file, lines, first);
      if (isLegacy(header)) {
        return convertLegacy(
            file, lines, first, f -> open(f, name, source, model, now, initialCash));
      }
      if (!"open".equals(header.path("op").asText())) {
        throw new IllegalStateException(file + ": not a paper broker log (no header line)");
      }
      cash = header.path("cash").asDouble();
      JsonNode fm = header.path("fillModel");
      m =
          new FillModel(
              fm.path("slippage").asDouble(),
              fm.path("feePerUnit").asDouble(),
              fm.path("minFeePerFill").asDouble(),
              fm.path("partialByDisplayedSize").asBoolean(),
              fm.path("optionMultiplier").asInt());
    }
    PaperBroker paper = new PaperBroker(name, rec, m, clock, cash);
    int ops = 0;
    for (int i = first + 1; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      JsonNode n = parse(file, lines, i);
      apply(paper, rec, clock, n, file, i + 1);
      ops++;
    }
    clock.live();
    rec.live();
    FileChannel ch =
        FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    if (complete < bytes.length) {
      ch.truncate(complete);
    }
    PersistentPaperBroker out = new PersistentPaperBroker(paper, ch, rec, clock, ops);
    if (header == null) {
      ObjectNode h = JSON.createObjectNode();
      h.put("op", "open");
      h.put("format", LOG_FORMAT);
      h.put("name", name);
      h.put("cash", cash);
      ObjectNode fm = h.putObject("fillModel");
      fm.put("slippage", m.slippage());
      fm.put("feePerUnit", m.feePerUnit());
      fm.put("minFeePerFill", m.minFeePerFill());
      fm.put("partialByDisplayedSize", m.partialByDisplayedSize());
      fm.put("optionMultiplier", m.optionMultiplier());
      h.put("at", now.get().toString());
      out.write(h);
    }
    return out;
  }

  /** A line of the earlier {@code bs order} log: a request with neither time nor quotes. */
  private static boolean isLegacy(JsonNode n) {
    return LEGACY_OPS.contains(n.path("op").asText()) && !n.has("at") && !n.has("quotes");
  }

  /**
   * Applies the requests of a log in the earlier format to a new account, as that version did on
   * every start (current clock and quotes), and puts the new log in its place (the old file is kept
   * as {@code <file>.legacy}); then opens the new log.
   */
  private static PersistentPaperBroker convertLegacy(
      Path file, List<String> lines, int first, Opener opener) throws IOException {
    Path converted = file.resolveSibling(file.getFileName() + ".converting");
    Files.deleteIfExists(converted);
    try (PersistentPaperBroker fresh = opener.open(converted)) {
      for (int i = first; i < lines.size(); i++) {
        if (lines.get(i).isBlank()) {
          continue;
        }
        JsonNode n = parse(file, lines, i);
        String op = n.path("op").asText();
        if (!isLegacy(n)) {
          throw new IllegalStateException(
              file + " line " + (i + 1) + ": unknown operation '" + op + "'");
        }
        try {
          switch (op) {
            case "submit" -> fresh.submit(decode(n));
            case "cancel" -> fresh.cancel(n.path("id").asText());
            default -> fresh.replace(n.path("id").asText(), decode(n));
          }
        } catch (BrokerException e) {
          // refused now as it was then: the request is in the new log, as a replay expects
        }
      }
    }
    Files.copy(
        file,
        file.resolveSibling(file.getFileName() + ".legacy"),
        StandardCopyOption.REPLACE_EXISTING);
    Files.move(
        converted, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    return opener.open(file);
  }

  /** Opens a log with the settings {@link #open} was given. */
  private interface Opener {
    PersistentPaperBroker open(Path file) throws IOException;
  }

  private static JsonNode parse(Path file, List<String> lines, int i) {
    try {
      return JSON.readTree(lines.get(i));
    } catch (IOException e) {
      throw new IllegalStateException(
          file + " line " + (i + 1) + ": malformed paper broker log line", e);
    }
  }

  private static void apply(
      PaperBroker paper, Recording rec, SwitchableClock clock, JsonNode n, Path file, int line) {
    clock.fixed(Instant.parse(n.path("at").asText()));
    Map<String, Quote> q = new HashMap<>();
    JsonNode qs = n.path("quotes");
    for (Map.Entry<String, JsonNode> e : qs.properties()) {
      JsonNode v = e.getValue();
      q.put(
          e.getKey(),
          v.isNull()
              ? null
              : new Quote(
                  e.getKey(),
                  v.get(0).asDouble(),
                  v.get(1).asDouble(),
                  v.get(2).asLong(),
                  v.get(3).asLong(),
                  Instant.parse(v.get(4).asText())));
    }
    rec.replay(q);
    String op = n.path("op").asText();
    try {
      switch (op) {
        case "submit" -> paper.submit(decode(n));
        case "cancel" -> paper.cancel(n.path("id").asText());
        case "replace" -> paper.replace(n.path("id").asText(), decode(n));
        case "match" -> paper.matchAll();
        case "endOfDay" -> paper.endOfDay();
        default ->
            throw new IllegalStateException(
                file + " line " + line + ": unknown operation '" + op + "'");
      }
    } catch (BrokerException e) {
      // the operation failed the same way when it was made; replaying it changes nothing more
    }
  }

  private static OrderRequest decode(JsonNode n) {
    Map<String, String> f = new HashMap<>();
    for (Map.Entry<String, JsonNode> e : n.path("fields").properties()) {
      f.put(e.getKey(), e.getValue().asText());
    }
    return OrderCodec.decode(n.path("clientOrderId").asText(), f);
  }

  /** Returns how many logged operations were replayed when the account was opened. */
  public int replayedOperations() {
    return replayed;
  }

  /** Returns the underlying paper broker (read-only use: changes made on it are not logged). */
  public PaperBroker paper() {
    return broker;
  }

  /** Re-reads quotes and re-matches every resting order; logged. */
  public void matchAll() {
    synchronized (this) {
      if (broker.orders(true).isEmpty()) {
        return; // nothing rests: nothing can change
      }
    }
    logged(
        "match",
        null,
        null,
        () -> {
          broker.matchAll();
          return null;
        });
  }

  /** Expires every open DAY order; logged. */
  public void endOfDay() {
    logged(
        "endOfDay",
        null,
        null,
        () -> {
          broker.endOfDay();
          return null;
        });
  }

  @Override
  public Outcome submit(OrderRequest order) {
    return logged("submit", null, order, () -> broker.submit(order));
  }

  @Override
  public BrokerOrder cancel(String brokerOrderId) {
    return logged("cancel", brokerOrderId, null, () -> broker.cancel(brokerOrderId));
  }

  @Override
  public Outcome replace(String brokerOrderId, OrderRequest replacement) {
    return logged(
        "replace", brokerOrderId, replacement, () -> broker.replace(brokerOrderId, replacement));
  }

  /**
   * Makes one operation at a fixed time, logs it with the quotes it read (forced), then passes on
   * the order updates it raised and returns its answer.
   */
  private <T> T logged(String op, String id, OrderRequest r, Supplier<T> action) {
    List<Runnable> events = new ArrayList<>();
    T out;
    synchronized (this) {
      held.set(events);
      quotes.begin();
      clock.fixed(clock.live.get());
      try {
        out = action.get();
      } finally {
        held.remove();
        logLine(op, id, r);
      }
    }
    for (Runnable e : events) {
      e.run();
    }
    return out;
  }

  private void logLine(String op, String id, OrderRequest r) {
    ObjectNode n = JSON.createObjectNode();
    n.put("op", op);
    n.put("at", clock.instant().toString());
    clock.live();
    if (id != null) {
      n.put("id", id);
    }
    if (r != null) {
      n.put("clientOrderId", r.clientOrderId());
      ObjectNode f = n.putObject("fields");
      OrderCodec.encode(r).forEach(f::put);
    }
    ObjectNode qs = n.putObject("quotes");
    for (Map.Entry<String, Quote> e : quotes.end().entrySet()) {
      Quote q = e.getValue();
      if (q == null) {
        qs.putNull(e.getKey());
      } else {
        ArrayNode a = qs.putArray(e.getKey());
        a.add(q.bid()).add(q.ask()).add(q.bidSize()).add(q.askSize()).add(q.timestamp().toString());
      }
    }
    write(n);
  }

  private void write(ObjectNode n) {
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
    return broker.name();
  }

  @Override
  public Set<BrokerCapability> capabilities() {
    return broker.capabilities();
  }

  @Override
  public Idempotency idempotency() {
    return broker.idempotency();
  }

  @Override
  public BrokerOrder order(String brokerOrderId) {
    return broker.order(brokerOrderId);
  }

  @Override
  public Optional<BrokerOrder> findByClientOrderId(String clientOrderId) {
    return broker.findByClientOrderId(clientOrderId);
  }

  @Override
  public List<BrokerOrder> orders(boolean openOnly) {
    return broker.orders(openOnly);
  }

  @Override
  public List<Position> positions() {
    return broker.positions();
  }

  @Override
  public Account account() {
    return broker.account();
  }

  @Override
  public List<Fill> fills(Instant since) {
    return broker.fills(since);
  }

  /**
   * Subscribes to order updates; an update raised by a logged operation reaches the listener once
   * that operation's line is forced.
   */
  @Override
  public AutoCloseable subscribe(OrderUpdateListener listener) {
    Objects.requireNonNull(listener, "listener");
    return broker.subscribe(
        new OrderUpdateListener() {
          @Override
          public void onUpdate(OrderUpdate update) {
            List<Runnable> h = held.get();
            if (h != null) {
              h.add(() -> listener.onUpdate(update));
            } else {
              listener.onUpdate(update);
            }
          }

          @Override
          public void onDisconnected(String reason) {
            listener.onDisconnected(reason);
          }

          @Override
          public void onReconnected() {
            listener.onReconnected();
          }
        });
  }

  @Override
  public synchronized void close() {
    try {
      log.close();
    } catch (IOException e) {
      // every line was forced when written
    }
    broker.close();
  }

  /**
   * The broker's quote source: live, recording what each operation reads; or, while the log is
   * replayed, answering with what the logged operation read.
   */
  private static final class Recording implements QuoteSource {
    private final QuoteSource live;
    private Map<String, Quote> replay;
    private Map<String, Quote> read = new LinkedHashMap<>();

    Recording(QuoteSource live) {
      this.live = live;
    }

    synchronized void replay(Map<String, Quote> quotes) {
      this.replay = quotes;
    }

    synchronized void live() {
      this.replay = null;
    }

    synchronized void begin() {
      read = new LinkedHashMap<>();
    }

    synchronized Map<String, Quote> end() {
      Map<String, Quote> out = read;
      read = new LinkedHashMap<>();
      return out;
    }

    @Override
    public synchronized Quote quote(String symbol) {
      if (replay != null) {
        return replay.get(symbol);
      }
      if (read.containsKey(symbol)) {
        return read.get(symbol); // one answer per symbol per operation, as the log replays it
      }
      Quote q = live.quote(symbol);
      read.put(symbol, q);
      return q;
    }
  }

  /**
   * A clock fixed at each logged operation's time during replay and for the duration of each live
   * operation (so that the log holds the one time the broker saw), otherwise live.
   */
  private static final class SwitchableClock extends Clock {
    private final Supplier<Instant> live;
    private volatile Instant fixed;

    SwitchableClock(Supplier<Instant> live) {
      this.live = live;
    }

    void fixed(Instant at) {
      this.fixed = at;
    }

    void live() {
      this.fixed = null;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      Instant f = fixed;
      return f != null ? f : live.get();
    }
  }
}
