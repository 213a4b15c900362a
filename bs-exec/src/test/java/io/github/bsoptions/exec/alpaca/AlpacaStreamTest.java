package io.github.bsoptions.exec.alpaca;

import static io.github.bsoptions.exec.alpaca.AlpacaBrokerClientTest.CALL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.bsoptions.exec.alpaca.AlpacaBrokerClient.StreamBackoff;
import io.github.bsoptions.exec.engine.ExecutionEngine;
import io.github.bsoptions.exec.journal.EntryType;
import io.github.bsoptions.exec.journal.Journal;
import io.github.bsoptions.exec.journal.JournalRecord;
import io.github.bsoptions.exec.journal.Ledger;
import io.github.bsoptions.exec.order.OrderLeg;
import io.github.bsoptions.exec.order.OrderRequest;
import io.github.bsoptions.exec.order.OrderStatus;
import io.github.bsoptions.exec.order.OrderUpdate;
import io.github.bsoptions.exec.order.Side;
import io.github.bsoptions.exec.routing.SmartOrderRouter;
import io.github.bsoptions.exec.spi.OrderUpdateListener;
import io.github.bsoptions.exec.spi.Outcome;
import io.github.bsoptions.exec.spi.PreTradeGate;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okio.ByteString;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code trade_updates} stream against a fake Alpaca (REST book + WebSocket on one
 * MockWebServer) that drops connections: reconnect with jittered backoff, authenticate and listen
 * again, resync from REST so that no fill is lost, duplicates and reordered events counted once.
 */
class AlpacaStreamTest {
  static final String KEY = "PKSTREAMKEY0123456789";
  static final String SECRET = "streamSecretValue0123456789";
  @TempDir Path dir;
  MockWebServer server;
  CuttableProxy proxy;

  /** cid -> {qty, filled, avg, status}. */
  final Map<String, String[]> book = new ConcurrentHashMap<>();

  /** mleg orders: cid -> the parent {qty, status} and its legs. */
  final Map<String, Mleg> mlegs = new ConcurrentHashMap<>();

  /** A leg of the fake's mleg order: a full order of its own, with its cumulative execution. */
  static final class FakeLeg {
    final String id;
    final String symbol;
    final String side;
    final int ratio;
    volatile long filled;
    volatile double avg;

    FakeLeg(String id, String symbol, String side, int ratio) {
      this.id = id;
      this.symbol = symbol;
      this.side = side;
      this.ratio = ratio;
    }

    /** Executes {@code qty} more contracts at {@code price}. */
    void fill(long qty, double price) {
      avg = (avg * filled + price * qty) / (filled + qty);
      filled += qty;
    }
  }

  /** The fake's mleg order, shaped like Alpaca's (empty parent symbol and side, legs as orders). */
  static final class Mleg {
    final long qty;
    final List<FakeLeg> legs = new CopyOnWriteArrayList<>();
    volatile String status = "new";

    Mleg(long qty) {
      this.qty = qty;
    }

    String json(String cid) {
      long units = qty;
      double net = 0;
      StringBuilder legsJson = new StringBuilder();
      for (FakeLeg l : legs) {
        units = Math.min(units, l.filled / l.ratio);
        net += ("buy".equals(l.side) ? 1 : -1) * l.ratio * l.avg;
        legsJson
            .append(legsJson.length() > 0 ? "," : "")
            .append("{\"id\":\"")
            .append(l.id)
            .append("\",\"client_order_id\":\"")
            .append(l.id)
            .append("-c\",\"symbol\":\"")
            .append(l.symbol)
            .append("\",\"side\":\"")
            .append(l.side)
            .append("\",\"ratio_qty\":\"")
            .append(l.ratio)
            .append("\",\"qty\":\"")
            .append(qty * l.ratio)
            .append("\",\"filled_qty\":\"")
            .append(l.filled)
            .append("\",\"filled_avg_price\":")
            .append(l.filled == 0 ? "null" : "\"" + l.avg + "\"")
            .append(",\"order_type\":\"\",\"type\":\"\",\"status\":\"")
            .append(
                l.filled == qty * l.ratio ? "filled" : l.filled > 0 ? "partially_filled" : "new")
            .append("\"}");
      }
      return "{\"id\":\"id-"
          + cid
          + "\",\"client_order_id\":\""
          + cid
          + "\",\"symbol\":\"\",\"asset_id\":\"\",\"asset_class\":\"\",\"side\":\"\","
          + "\"qty\":\""
          + qty
          + "\",\"filled_qty\":\""
          + units
          + "\",\"filled_avg_price\":"
          + (units == 0 ? "null" : "\"" + net + "\"")
          + ",\"order_class\":\"mleg\",\"type\":\"limit\",\"time_in_force\":\"day\","
          + "\"status\":\""
          + status
          + "\",\"legs\":["
          + legsJson
          + "]}";
    }
  }

  final List<WebSocket> sockets = new CopyOnWriteArrayList<>();
  final List<String> frames = new CopyOnWriteArrayList<>();
  final AtomicInteger listening = new AtomicInteger();
  final AtomicInteger refuseUpgrades = new AtomicInteger();
  final AtomicInteger upgrades = new AtomicInteger();
  final AtomicInteger lookups = new AtomicInteger();
  volatile boolean refuseAuth;

  static String orderJson(String cid, String[] o) {
    return AlpacaBrokerClientTest.orderJson(cid, o[3], o[0], o[1], o[2])
        .replace("0d8b2f6e-3c1a", "id-" + cid);
  }

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest r) {
            String path = r.getPath();
            try {
              if (path.equals("/stream")) {
                upgrades.incrementAndGet();
                if (refuseUpgrades.getAndDecrement() > 0) {
                  return new MockResponse().setResponseCode(429);
                }
                return new MockResponse().withWebSocketUpgrade(serverSide());
              }
              if (r.getMethod().equals("POST") && path.equals("/v2/orders")) {
                JsonNode body = new ObjectMapper().readTree(r.getBody().readUtf8());
                String cid = body.get("client_order_id").asText();
                if ("mleg".equals(body.path("order_class").asText())) {
                  Mleg m = new Mleg(body.get("qty").asLong());
                  for (JsonNode l : body.get("legs")) {
                    m.legs.add(
                        new FakeLeg(
                            "leg" + m.legs.size() + "-" + cid,
                            l.get("symbol").asText(),
                            l.get("side").asText(),
                            l.get("ratio_qty").asInt()));
                  }
                  mlegs.put(cid, m);
                  return new MockResponse().setBody(m.json(cid));
                }
                String[] o = {body.get("qty").asText(), "0", null, "new"};
                book.put(cid, o);
                return new MockResponse().setBody(orderJson(cid, o));
              }
              if (path.startsWith("/v2/orders:by_client_order_id")) {
                lookups.incrementAndGet();
                String cid = r.getRequestUrl().queryParameter("client_order_id");
                if (mlegs.containsKey(cid)) {
                  return new MockResponse().setBody(mlegs.get(cid).json(cid));
                }
                String[] o = book.get(cid);
                if (o != null) {
                  return new MockResponse().setBody(orderJson(cid, o));
                }
                return new MockResponse()
                    .setResponseCode(404)
                    .setBody("{\"code\":40410000,\"message\":\"order not found\"}");
              }
              if (path.startsWith("/v2/orders?")) {
                StringBuilder b = new StringBuilder("[");
                book.forEach(
                    (cid, o) -> b.append(b.length() > 1 ? "," : "").append(orderJson(cid, o)));
                mlegs.forEach((cid, m) -> b.append(b.length() > 1 ? "," : "").append(m.json(cid)));
                return new MockResponse().setBody(b.append(']').toString());
              }
              if (path.startsWith("/v2/account/activities") || path.equals("/v2/positions")) {
                return new MockResponse().setBody("[]");
              }
              return new MockResponse().setResponseCode(404);
            } catch (IOException e) {
              return new MockResponse().setResponseCode(400);
            }
          }
        });
    server.start();
    proxy = new CuttableProxy(server.getPort());
  }

  private WebSocketListener serverSide() {
    return new WebSocketListener() {
      @Override
      public void onOpen(WebSocket ws, okhttp3.Response response) {
        sockets.add(ws);
      }

      @Override
      public void onClosing(WebSocket ws, int code, String reason) {
        ws.close(1000, null);
      }

      @Override
      public void onMessage(WebSocket ws, String text) {
        frames.add(text);
        if (text.contains("\"authenticate\"")) {
          ws.send(
              "{\"stream\":\"authorization\",\"data\":{\"status\":\""
                  + (refuseAuth ? "unauthorized" : "authorized")
                  + "\",\"action\":\"authenticate\"}}");
        } else if (text.contains("\"listen\"")) {
          ws.send(
              ByteString.encodeUtf8(
                  "{\"stream\":\"listening\",\"data\":{\"streams\":[\"trade_updates\"]}}"));
          listening.incrementAndGet();
        }
      }
    };
  }

  @AfterEach
  void stop() throws IOException {
    proxy.close();
    server.shutdown();
  }

  AlpacaBrokerClient client() {
    AlpacaConfig cfg =
        AlpacaConfig.of(
            URI.create(server.url("/").toString().replaceAll("/$", "")),
            "ws://127.0.0.1:" + proxy.port() + "/stream", // the stream goes through the proxy
            Secret.of(KEY),
            Secret.of(SECRET),
            false,
            Duration.ofSeconds(3),
            200);
    return new AlpacaBrokerClient(
        "alpaca-paper",
        cfg,
        Clock.systemUTC(),
        new StreamBackoff(Duration.ofMillis(5), Duration.ofMillis(40), 42));
  }

  static void await(String what, BooleanSupplier done) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(5);
    }
  }

  /** Sends a trade update for the order as the book now holds it. */
  private void push(String event, String cid, String exec, long qty, double price) {
    String[] o = book.get(cid);
    String fill =
        exec == null
            ? ""
            : ",\"execution_id\":\""
                + exec
                + "\",\"price\":\""
                + price
                + "\",\"qty\":\""
                + qty
                + "\",\"timestamp\":\"2026-09-14T14:31:02Z\"";
    String msg =
        "{\"stream\":\"trade_updates\",\"data\":{\"event\":\""
            + event
            + "\""
            + fill
            + ",\"order\":"
            + orderJson(cid, o)
            + "}}";
    sockets.get(sockets.size() - 1).send(ByteString.encodeUtf8(msg));
  }

  /** Sends a trade update for an mleg order as the fake now holds it (no leg named, as Alpaca). */
  private void pushMleg(String event, String cid, String exec, long qty, double price) {
    String fill =
        exec == null
            ? ""
            : ",\"execution_id\":\""
                + exec
                + "\",\"price\":\""
                + price
                + "\",\"qty\":\""
                + qty
                + "\",\"timestamp\":\"2026-09-14T14:31:02Z\"";
    String msg =
        "{\"stream\":\"trade_updates\",\"data\":{\"event\":\""
            + event
            + "\""
            + fill
            + ",\"order\":"
            + mlegs.get(cid).json(cid)
            + "}}";
    sockets.get(sockets.size() - 1).send(ByteString.encodeUtf8(msg));
  }

  @Test
  void dropsAreFollowedByReconnectReauthAndRelisten() throws Exception {
    List<String> events = new CopyOnWriteArrayList<>();
    try (AlpacaBrokerClient c = client();
        AutoCloseable sub =
            c.subscribe(
                new OrderUpdateListener() {
                  @Override
                  public void onUpdate(OrderUpdate update) {
                    events.add("update");
                  }

                  @Override
                  public void onDisconnected(String reason) {
                    events.add("down: " + reason);
                  }

                  @Override
                  public void onReconnected() {
                    events.add("up");
                  }
                })) {
      await("first listen", () -> listening.get() == 1);
      for (int drop = 1; drop <= 3; drop++) {
        int n = drop;
        if (drop == 2) {
          sockets.get(sockets.size() - 1).close(1001, "going away"); // clean close by the server
        } else {
          proxy.cut(); // connection reset
        }
        await("relisten " + n, () -> listening.get() == n + 1);
        await("onReconnected " + n, () -> events.stream().filter("up"::equals).count() == n);
      }
      assertThat(events.stream().filter(s -> s.startsWith("down")).count()).isEqualTo(3);
      assertThat(events).allMatch(s -> !s.contains(KEY) && !s.contains(SECRET));
      long auths = frames.stream().filter(f -> f.contains("\"authenticate\"")).count();
      long listens = frames.stream().filter(f -> f.contains("\"listen\"")).count();
      assertThat(auths).isEqualTo(4);
      assertThat(listens).isEqualTo(4);
    }
    // closing stops for good: no further upgrade
    int before = upgrades.get();
    Thread.sleep(100);
    assertThat(upgrades.get()).isEqualTo(before);
  }

  @Test
  void refusedUpgradesBackOffUntilAccepted() throws Exception {
    refuseUpgrades.set(4); // HTTP 429 on the upgrade, as Alpaca does during reconnect storms
    List<String> down = new CopyOnWriteArrayList<>();
    try (AlpacaBrokerClient c = client();
        AutoCloseable sub =
            c.subscribe(
                new OrderUpdateListener() {
                  @Override
                  public void onUpdate(OrderUpdate update) {}

                  @Override
                  public void onDisconnected(String reason) {
                    down.add(reason);
                  }

                  @Override
                  public void onReconnected() {
                    down.add("up");
                  }
                })) {
      await("listen after refusals", () -> listening.get() == 1);
      // drops before the first listen still mean a gap: the listener is told to resync once
      await("resync request", () -> down.contains("up"));
      assertThat(upgrades.get()).isEqualTo(5);
      assertThat(down).hasSize(5);
      assertThat(down.subList(0, 4)).allMatch(s -> s.contains("HTTP 429"));
      assertThat(down.get(4)).isEqualTo("up");
    }
  }

  @Test
  void refusedAuthorizationStopsWithoutRetrying() throws Exception {
    refuseAuth = true;
    List<String> down = new CopyOnWriteArrayList<>();
    try (AlpacaBrokerClient c = client();
        AutoCloseable sub =
            c.subscribe(
                new OrderUpdateListener() {
                  @Override
                  public void onUpdate(OrderUpdate update) {}

                  @Override
                  public void onDisconnected(String reason) {
                    down.add(reason);
                  }
                })) {
      await("refusal reported", () -> !down.isEmpty());
      Thread.sleep(100);
      assertThat(upgrades.get()).isEqualTo(1);
      assertThat(down).containsExactly("stream authorization refused; not reconnecting");
    }
  }

  @Test
  void backoffGrowsToItsCapWithJitterAndReplaysFromItsSeed() {
    StreamBackoff b = new StreamBackoff(Duration.ofMillis(100), Duration.ofMillis(1600), 7);
    Random r1 = new Random(7);
    Random r2 = new Random(7);
    for (int attempt = 1; attempt <= 10; attempt++) {
      long step = Math.min(1600, 100L << Math.min(attempt - 1, 20));
      Duration d = b.delay(attempt, r1);
      assertThat(d.toMillis()).isBetween(step / 2, step);
      assertThat(b.delay(attempt, r2)).isEqualTo(d);
    }
    Random r = new Random(1);
    long distinct =
        java.util.stream.IntStream.range(0, 50)
            .mapToObj(i -> b.delay(5, r).toMillis())
            .distinct()
            .count();
    assertThat(distinct).isGreaterThan(10); // jittered, not a fixed delay
    assertThatThrownBy(() -> b.delay(0, r)).hasMessageContaining("attempt");
    assertThatThrownBy(() -> new StreamBackoff(Duration.ZERO, Duration.ofSeconds(1), 1))
        .hasMessageContaining("initial");
  }

  /** No fill is lost across a drop; duplicates and late reordered events count once. */
  @Test
  void fillsMissedWhileDownAreResyncedAndCountedOnce() throws Exception {
    AlpacaBrokerClient c = client();
    Journal j = Journal.open(dir.resolve("s.journal"), Journal.Durability.NONE, "t");
    ExecutionEngine e =
        ExecutionEngine.start(
            j,
            SmartOrderRouter.single(c, Clock.systemUTC()),
            PreTradeGate.ACCEPT_ALL,
            Instant.EPOCH,
            2);
    try {
      await("listen", () -> listening.get() == 1);
      Outcome o = e.submit("s1", OrderRequest.limit("d", CALL, Side.BUY, 5, 3.45));
      assertThat(o).isInstanceOf(Outcome.Confirmed.class);
      String cid = o.clientOrderId();
      Outcome other = e.submit("s1", OrderRequest.limit("d", CALL, Side.BUY, 1, 3.00));
      String cid2 = other.clientOrderId();

      // fill 1 arrives on the stream, twice
      book.get(cid)[1] = "2";
      book.get(cid)[2] = "3.40";
      book.get(cid)[3] = "partially_filled";
      push("partial_fill", cid, "e-1", 2, 3.40);
      push("partial_fill", cid, "e-1", 2, 3.40);
      await("first fill", () -> e.positions().getOrDefault(CALL, 0L) == 2);

      // the stream drops; meanwhile the rest fills at 3.43 and the other order is canceled
      int before = lookups.get();
      proxy.cut();
      book.get(cid)[1] = "5";
      book.get(cid)[2] = "3.418"; // (2 * 3.40 + 3 * 3.43) / 5
      book.get(cid)[3] = "filled";
      book.get(cid2)[3] = "canceled";
      await("relisten", () -> listening.get() == 2);
      await(
          "resync",
          () ->
              e.order(cid).state().status() == OrderStatus.FILLED
                  && e.order(cid2).state().status() == OrderStatus.CANCELED);
      assertThat(lookups.get() - before).isGreaterThanOrEqualTo(2); // queried by client order id
      assertThat(e.positions()).containsEntry(CALL, 5L);

      // late events of the outage arrive after all: the real fill and a duplicate of fill 1
      push("fill", cid, "e-2", 3, 3.43);
      push("partial_fill", cid, "e-1", 2, 3.40);
      push("canceled", cid2, null, 0, 0);
      await("late events seen", () -> e.alerts().stream().anyMatch(s -> s.contains("e-2")));
      assertThat(e.positions()).containsEntry(CALL, 5L);

      List<JournalRecord> fills =
          j.readAll().stream().filter(r -> r.type() == EntryType.FILL).toList();
      assertThat(fills).extracting(r -> r.get("exec")).hasSize(2).contains("e-1");
      JournalRecord resync = fills.get(1);
      assertThat(resync.get("exec")).startsWith(Ledger.RESYNC_PREFIX);
      assertThat(resync.get("qty")).isEqualTo("3");
      assertThat(Double.parseDouble(resync.get("price"))).isCloseTo(3.43, within(1e-9));
      // the journal replays to the same state
      assertThat(Ledger.replay(j.readAll()).snapshotHash()).isEqualTo(e.stateHash());
    } finally {
      e.close();
      j.close();
      c.close();
    }
  }

  /**
   * An mleg spread fills while the stream is down: after the reconnect the engine queries it by
   * client order id and journals each leg's missing execution from the legs' cumulative figures;
   * the late and duplicated events of the outage change nothing.
   */
  @Test
  void multiLegFillsMissedWhileDownAreResyncedPerLegAndCountedOnce() throws Exception {
    String put = "AAPL261016C00260000";
    AlpacaBrokerClient c = client();
    Journal j = Journal.open(dir.resolve("m.journal"), Journal.Durability.NONE, "t");
    ExecutionEngine e =
        ExecutionEngine.start(
            j,
            SmartOrderRouter.single(c, Clock.systemUTC()),
            PreTradeGate.ACCEPT_ALL,
            Instant.EPOCH,
            2);
    try {
      await("listen", () -> listening.get() == 1);
      Outcome o =
          e.submit(
              "s1",
              OrderRequest.multiLeg(
                  "d",
                  3,
                  1.50,
                  List.of(OrderLeg.of(CALL, Side.BUY, 1), OrderLeg.of(put, Side.SELL, 2))));
      assertThat(o).isInstanceOf(Outcome.Confirmed.class);
      String cid = o.clientOrderId();
      Mleg m = mlegs.get(cid);
      FakeLeg buy = m.legs.get(0);
      FakeLeg sell = m.legs.get(1);

      // one spread unit fills on the stream (the event names no leg), delivered twice
      buy.fill(1, 3.40);
      sell.fill(2, 0.95);
      m.status = "partially_filled";
      pushMleg("partial_fill", cid, "x-1", 1, 1.50);
      pushMleg("partial_fill", cid, "x-1", 1, 1.50);
      await("first unit", () -> e.positions().getOrDefault(CALL, 0L) == 1);
      assertThat(e.positions()).containsEntry(put, -2L);

      // the stream drops; meanwhile the other two units fill at other prices
      int before = lookups.get();
      proxy.cut();
      buy.fill(2, 3.43);
      sell.fill(4, 0.97);
      m.status = "filled";
      await("relisten", () -> listening.get() == 2);
      await("resync", () -> e.order(cid).state().status() == OrderStatus.FILLED);
      assertThat(lookups.get() - before).isGreaterThanOrEqualTo(1); // queried by client order id
      assertThat(e.positions()).containsEntry(CALL, 3L).containsEntry(put, -6L);
      assertThat(e.order(cid).state().filledQty()).isEqualTo(3);

      // late events of the outage: the final fill and a duplicate of the first
      Outcome marker = e.submit("s1", OrderRequest.limit("d", CALL, Side.BUY, 1, 3.00));
      String markerId = marker.clientOrderId();
      pushMleg("fill", cid, "x-2", 2, 1.49);
      pushMleg("partial_fill", cid, "x-1", 1, 1.50);
      book.get(markerId)[3] = "canceled";
      push("canceled", markerId, null, 0, 0); // the stream is ordered: seen after the late events
      await("late events seen", () -> e.order(markerId).state().status() == OrderStatus.CANCELED);
      assertThat(e.resync("alpaca-paper")).isZero(); // a second resync finds nothing to do
      assertThat(e.positions()).containsEntry(CALL, 3L).containsEntry(put, -6L);

      List<JournalRecord> fills =
          j.readAll().stream().filter(r -> r.type() == EntryType.FILL).toList();
      assertThat(fills).hasSize(4); // per leg: the streamed unit, then the resynced rest
      assertThat(fills)
          .extracting(r -> r.get("exec"))
          .allMatch(x -> x.startsWith(Ledger.RESYNC_PREFIX))
          .doesNotHaveDuplicates();
      JournalRecord buyRest =
          fills.stream()
              .filter(r -> r.get("symbol").equals(CALL) && r.get("qty").equals("2"))
              .findFirst()
              .orElseThrow();
      assertThat(Double.parseDouble(buyRest.get("price"))).isCloseTo(3.43, within(1e-9));
      JournalRecord sellRest =
          fills.stream()
              .filter(r -> r.get("symbol").equals(put) && r.get("qty").equals("4"))
              .findFirst()
              .orElseThrow();
      assertThat(sellRest.get("side")).isEqualTo("sell");
      assertThat(Double.parseDouble(sellRest.get("price"))).isCloseTo(0.97, within(1e-9));
      assertThat(e.alerts()).noneMatch(s -> s.contains("not a leg"));
      // the journal replays to the same state
      assertThat(Ledger.replay(j.readAll()).snapshotHash()).isEqualTo(e.stateHash());
    } finally {
      e.close();
      j.close();
      c.close();
    }
  }

  private static org.assertj.core.data.Offset<Double> within(double d) {
    return org.assertj.core.data.Offset.offset(d);
  }
}
