package io.github.bsoptions.exec.alpaca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.bsoptions.exec.order.BrokerOrder;
import io.github.bsoptions.exec.order.Fill;
import io.github.bsoptions.exec.order.OrderLeg;
import io.github.bsoptions.exec.order.OrderRequest;
import io.github.bsoptions.exec.order.OrderStatus;
import io.github.bsoptions.exec.order.OrderUpdate;
import io.github.bsoptions.exec.order.PositionIntent;
import io.github.bsoptions.exec.order.Side;
import io.github.bsoptions.exec.spi.BrokerContext;
import io.github.bsoptions.exec.spi.BrokerException;
import io.github.bsoptions.exec.spi.BrokerFactory;
import io.github.bsoptions.exec.spi.OrderUpdateListener;
import io.github.bsoptions.exec.spi.Outcome;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import okio.ByteString;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AlpacaBrokerClientTest {
  static final String KEY = "PKFAKEKEY0123456789";
  static final String SECRET = "fakeSecretValue0123456789abcdef";
  static final String CALL = "AAPL261016C00250000";
  static final List<String> SEEN = new CopyOnWriteArrayList<>();

  MockWebServer server;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start();
  }

  @AfterEach
  void stop() throws IOException {
    server.shutdown();
    for (String s : SEEN) {
      assertThat(s).doesNotContain(KEY).doesNotContain(SECRET);
    }
  }

  AlpacaBrokerClient client(int rpm, Clock clock) {
    return client(server, rpm, clock, Duration.ofMillis(2000));
  }

  static AlpacaBrokerClient client(MockWebServer server, int rpm, Clock clock, Duration timeout) {
    AlpacaConfig cfg =
        AlpacaConfig.of(
            URI.create(server.url("/").toString().replaceAll("/$", "")),
            null,
            Secret.of(KEY),
            Secret.of(SECRET),
            false,
            timeout,
            rpm);
    SEEN.add(cfg.toString());
    AlpacaBrokerClient c = new AlpacaBrokerClient("alpaca-paper", cfg, clock);
    SEEN.add(c.toString());
    return c;
  }

  AlpacaBrokerClient client() {
    return client(200, Clock.systemUTC());
  }

  static String orderJson(String cid, String status, String qty, String filled, String avg) {
    return "{\"id\":\"0d8b2f6e-3c1a\",\"client_order_id\":\""
        + cid
        + "\",\"symbol\":\""
        + CALL
        + "\",\"asset_class\":\"us_option\",\"qty\":\""
        + qty
        + "\",\"filled_qty\":\""
        + filled
        + "\",\"filled_avg_price\":"
        + (avg == null ? "null" : "\"" + avg + "\"")
        + ",\"order_class\":\"\",\"type\":\"limit\",\"side\":\"buy\",\"time_in_force\":\"day\","
        + "\"limit_price\":\"3.45\",\"status\":\""
        + status
        + "\",\"legs\":null,\"extra\":{\"x\":1}}";
  }

  static Outcome note(Outcome o) {
    SEEN.add(o.toString());
    return o;
  }

  @Test
  void submitSendsAlpacaShapes() throws Exception {
    server.enqueue(new MockResponse().setBody(orderJson("c-1", "new", "2", "0", null)));
    Outcome o =
        note(
            client()
                .submit(
                    OrderRequest.limit("c-1", CALL, Side.BUY, 2, 3.45)
                        .withIntent(PositionIntent.BUY_TO_OPEN)));
    assertThat(o)
        .isInstanceOfSatisfying(
            Outcome.Confirmed.class,
            c -> {
              assertThat(c.order().status()).isEqualTo(OrderStatus.NEW);
              assertThat(c.order().brokerOrderId()).isEqualTo("0d8b2f6e-3c1a");
            });
    RecordedRequest r = server.takeRequest();
    assertThat(r.getMethod()).isEqualTo("POST");
    assertThat(r.getPath()).isEqualTo("/v2/orders");
    assertThat(r.getHeader("APCA-API-KEY-ID")).isEqualTo(KEY);
    assertThat(r.getHeader("APCA-API-SECRET-KEY")).isEqualTo(SECRET);
    assertThat(r.getBody().readUtf8())
        .contains(
            "\"client_order_id\":\"c-1\"",
            "\"qty\":\"2\"",
            "\"limit_price\":\"3.45\"",
            "\"time_in_force\":\"day\"",
            "\"position_intent\":\"buy_to_open\"",
            "\"side\":\"buy\"");

    server.enqueue(
        new MockResponse()
            .setBody(
                "{\"id\":\"m1\",\"client_order_id\":\"c-2\",\"symbol\":\"\",\"asset_id\":\"\",\"side\":\"\","
                    + "\"qty\":\"1\",\"filled_qty\":\"0\",\"status\":\"accepted\",\"order_class\":\"mleg\","
                    + "\"legs\":[{\"symbol\":\""
                    + CALL
                    + "\",\"side\":\"sell\",\"ratio_qty\":\"1\"},"
                    + "{\"symbol\":\"AAPL261016C00260000\",\"side\":\"buy\",\"ratio_qty\":\"2\"}]}"));
    Outcome m =
        note(
            client()
                .submit(
                    OrderRequest.multiLeg(
                        "c-2",
                        1,
                        -0.5,
                        List.of(
                            OrderLeg.of(CALL, Side.SELL, 1),
                            OrderLeg.of("AAPL261016C00260000", Side.BUY, 2)))));
    assertThat(((Outcome.Confirmed) m).order().label())
        .isEqualTo("-1" + CALL + "/+2AAPL261016C00260000");
    assertThat(server.takeRequest().getBody().readUtf8())
        .contains("\"order_class\":\"mleg\"", "\"limit_price\":\"-0.5\"", "\"ratio_qty\":\"2\"")
        .doesNotContain("\"symbol\":null");
  }

  @Test
  void refusalsCarryTheBrokersMessage() {
    server.enqueue(
        new MockResponse()
            .setResponseCode(403)
            .setBody(
                "{\"buying_power\":\"1.00\",\"code\":40310000,\"message\":\"insufficient buying power\"}"));
    server.enqueue(
        new MockResponse()
            .setResponseCode(422)
            .setBody("{\"code\":42210000,\"message\":\"invalid symbol\"}"));
    server.enqueue(
        new MockResponse().setResponseCode(401).setBody("{\"message\":\"unauthorized\"}"));
    server.enqueue(new MockResponse().setResponseCode(403).setBody("<html>nginx</html>"));
    AlpacaBrokerClient c = client();
    assertThat(note(c.submit(OrderRequest.market("a", CALL, Side.BUY, 1))))
        .isInstanceOfSatisfying(
            Outcome.Refused.class,
            r -> {
              assertThat(r.httpStatus()).isEqualTo(403);
              assertThat(r.code()).isEqualTo("40310000");
              assertThat(r.message()).isEqualTo("insufficient buying power");
              assertThat(r.reachedBroker()).isTrue();
            });
    assertThat(note(c.submit(OrderRequest.market("b", CALL, Side.BUY, 1))))
        .isInstanceOfSatisfying(
            Outcome.Refused.class, r -> assertThat(r.message()).isEqualTo("invalid symbol"));
    assertThat(note(c.submit(OrderRequest.market("c", CALL, Side.BUY, 1))))
        .isInstanceOfSatisfying(
            Outcome.Refused.class, r -> assertThat(r.httpStatus()).isEqualTo(401));
    assertThat(note(c.submit(OrderRequest.market("d", CALL, Side.BUY, 1))))
        .isInstanceOfSatisfying(
            Outcome.Refused.class, r -> assertThat(r.message()).contains("nginx"));
  }

  /** O-1 and O-3: each fault on a reused connection gives exactly one POST and no REJECTED. */
  @Test
  void neverSendsAnOrderTwice() throws Exception {
    MockResponse[] faults = {
      new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST),
      new MockResponse()
          .setBody(orderJson("x", "new", "1", "0", null))
          .setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY),
      new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE),
      new MockResponse().setResponseCode(408),
      new MockResponse().setResponseCode(503).setHeader("Retry-After", "0"),
      new MockResponse().setResponseCode(503),
      new MockResponse().setResponseCode(504),
      new MockResponse().setResponseCode(200).setBody("{\"id\":\"trunc"),
    };
    List<MockWebServer> servers = new ArrayList<>();
    try {
      for (int i = 0; i < faults.length; i++) {
        MockWebServer srv = new MockWebServer();
        servers.add(srv);
        srv.start();
        AlpacaBrokerClient c = client(srv, 200, Clock.systemUTC(), Duration.ofMillis(2500));
        srv.enqueue(
            new MockResponse().setResponseCode(404).setBody("{}")); // warm-up: pooled connection
        srv.enqueue(faults[i]);
        for (int k = 0; k < 3; k++) {
          srv.enqueue(new MockResponse().setBody(orderJson("x", "new", "1", "0", null)));
        }
        assertThat(c.findByClientOrderId("warm")).isEmpty();
        Outcome o = note(c.submit(OrderRequest.market("x", CALL, Side.BUY, 1)));
        assertThat(o).as("fault %d", i).isInstanceOf(Outcome.Unknown.class);
        srv.takeRequest();
        int posts = 0;
        RecordedRequest r;
        while ((r = srv.takeRequest(300, TimeUnit.MILLISECONDS)) != null) {
          posts += r.getMethod().equals("POST") ? 1 : 0;
        }
        assertThat(posts).as("fault %d: POSTs", i).isEqualTo(1);
        assertThat(srv.getRequestCount()).as("fault %d: requests", i).isEqualTo(2);
        c.close();
      }
    } finally {
      for (MockWebServer srv : servers) {
        try {
          srv.shutdown();
        } catch (IOException e) {
          // a server thread still holding a NO_RESPONSE socket; nothing to assert here
        }
      }
    }
  }

  /**
   * O-1: the requests the Retrofit service builds carry the one-shot bodies the client made (so
   * OkHttp never transmits them twice), the keys only in their headers, and the base URL's path.
   */
  @Test
  void retrofitKeepsOrderBodiesOneShot() throws Exception {
    AlpacaConfig cfg =
        AlpacaConfig.of(
            URI.create(server.url("/prefix").toString()),
            null,
            Secret.of(KEY),
            Secret.of(SECRET),
            false,
            Duration.ofMillis(2000),
            200);
    AlpacaBrokerClient c = new AlpacaBrokerClient("alpaca-paper", cfg, Clock.systemUTC());
    OrderRequest order = OrderRequest.market("c-9", CALL, Side.BUY, 1);
    Request post = c.submitCall(order).request();
    Request patch = c.replaceCall("id/../x", order).request();
    for (Request r : List.of(post, patch)) {
      assertThat(r.body()).isNotNull();
      assertThat(r.body().isOneShot()).as(r.method()).isTrue();
      assertThat(r.header("APCA-API-KEY-ID")).isEqualTo(KEY);
      assertThat(r.header("APCA-API-SECRET-KEY")).isEqualTo(SECRET);
      assertThat(r.header("Accept")).isEqualTo("application/json");
      assertThat(r.url().toString()).doesNotContain(KEY).doesNotContain(SECRET);
    }
    assertThat(post.method()).isEqualTo("POST");
    assertThat(post.url().encodedPath()).isEqualTo("/prefix/v2/orders");
    assertThat(patch.method()).isEqualTo("PATCH");
    // a path value is one encoded segment, never a way out of /v2/orders/
    assertThat(patch.url().encodedPath()).isEqualTo("/prefix/v2/orders/id%2F..%2Fx");

    server.enqueue(new MockResponse().setBody(orderJson("c-9", "new", "1", "0", null)));
    assertThat(note(c.submit(order))).isInstanceOf(Outcome.Confirmed.class);
    RecordedRequest sent = server.takeRequest();
    assertThat(sent.getMethod()).isEqualTo("POST");
    assertThat(sent.getPath()).isEqualTo("/prefix/v2/orders");
    assertThat(sent.getBody().readUtf8()).contains("\"client_order_id\":\"c-9\"");
    c.close();
  }

  /** O-1 control: the default OkHttp client does send a POST twice on a dead pooled connection. */
  @Test
  void defaultOkHttpRepeatsPosts() throws Exception {
    OkHttpClient plain = new OkHttpClient();
    server.enqueue(new MockResponse().setBody("{}"));
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
    server.enqueue(new MockResponse().setBody("{}"));
    try (Response r =
        plain.newCall(new Request.Builder().url(server.url("/warm")).build()).execute()) {
      assertThat(r.code()).isEqualTo(200);
    }
    RequestBody body = RequestBody.create("{}", MediaType.get("application/json"));
    try (Response r =
        plain
            .newCall(new Request.Builder().url(server.url("/v2/orders")).post(body).build())
            .execute()) {
      assertThat(r.code()).isEqualTo(200);
    }
    assertThat(server.getRequestCount()).isEqualTo(3); // warm-up + the same POST twice
    plain.dispatcher().executorService().shutdown();
  }

  @Test
  void unreachableBrokerMeansNotSent() throws IOException {
    AlpacaBrokerClient c = client();
    server.shutdown();
    assertThat(note(c.submit(OrderRequest.market("x", CALL, Side.BUY, 1))))
        .isInstanceOfSatisfying(
            Outcome.Refused.class, r -> assertThat(r.reachedBroker()).isFalse());
    assertThatThrownBy(() -> c.positions())
        .isInstanceOf(BrokerException.Unavailable.class)
        .satisfies(e -> SEEN.add(e.getMessage()));
  }

  /** O-8: client-side budget and the 429 reset header. */
  @Test
  void rateLimits() {
    Clock fixed = Clock.fixed(Instant.parse("2026-10-01T14:30:00Z"), ZoneOffset.UTC);
    AlpacaBrokerClient c = client(2, fixed);
    server.enqueue(new MockResponse().setResponseCode(404));
    server.enqueue(new MockResponse().setResponseCode(404));
    c.findByClientOrderId("a");
    c.findByClientOrderId("b");
    assertThat(note(c.submit(OrderRequest.market("x", CALL, Side.BUY, 1))))
        .isInstanceOfSatisfying(
            Outcome.Refused.class,
            r -> {
              assertThat(r.reachedBroker()).isFalse();
              assertThat(r.httpStatus()).isEqualTo(429);
            });
    assertThat(server.getRequestCount()).isEqualTo(2);

    long reset = fixed.instant().getEpochSecond() + 30;
    AlpacaBrokerClient d = client(200, fixed);
    server.enqueue(
        new MockResponse()
            .setResponseCode(429)
            .setHeader("X-Ratelimit-Reset", Long.toString(reset))
            .setBody("{\"message\":\"too many requests\"}"));
    assertThat(note(d.submit(OrderRequest.market("y", CALL, Side.BUY, 1))))
        .isInstanceOfSatisfying(Outcome.Refused.class, r -> assertThat(r.reachedBroker()).isTrue());
    assertThat(note(d.submit(OrderRequest.market("z", CALL, Side.BUY, 1))))
        .isInstanceOfSatisfying(
            Outcome.Refused.class, r -> assertThat(r.reachedBroker()).isFalse());
    assertThatThrownBy(() -> d.positions())
        .isInstanceOfSatisfying(
            BrokerException.RateLimited.class,
            e -> assertThat(e.retryAtEpochMillis()).isEqualTo(reset * 1000));
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void queries() throws Exception {
    AlpacaBrokerClient c = client();
    server.enqueue(
        new MockResponse()
            .setResponseCode(404)
            .setBody("{\"code\":40410000,\"message\":\"not found\"}"));
    server.enqueue(
        new MockResponse().setBody(orderJson("c-9", "partially_filled", "3", "1", "3.40")));
    assertThat(c.findByClientOrderId("c-9")).isEmpty();
    assertThat(server.takeRequest().getPath())
        .isEqualTo("/v2/orders:by_client_order_id?client_order_id=c-9");
    BrokerOrder o = c.findByClientOrderId("c-9").orElseThrow();
    assertThat(o.filledQty()).isEqualTo(1);
    assertThat(o.avgFillPrice()).isEqualTo(3.40);
    server.takeRequest();

    server.enqueue(new MockResponse().setResponseCode(204));
    server.enqueue(
        new MockResponse().setBody(orderJson("c-9", "pending_cancel", "3", "1", "3.40")));
    assertThat(c.cancel("0d8b2f6e-3c1a").status()).isEqualTo(OrderStatus.PENDING_CANCEL);
    assertThat(server.takeRequest().getMethod()).isEqualTo("DELETE");
    server.takeRequest();
    server.enqueue(
        new MockResponse()
            .setResponseCode(422)
            .setBody("{\"code\":42210000,\"message\":\"order is not cancelable\"}"));
    assertThatThrownBy(() -> c.cancel("0d8b2f6e-3c1a"))
        .isInstanceOfSatisfying(
            BrokerException.Rejected.class, e -> assertThat(e.httpStatus()).isEqualTo(422));
    server.takeRequest();

    server.enqueue(
        new MockResponse()
            .setBody(
                "[{\"symbol\":\""
                    + CALL
                    + "\",\"qty\":\"-2\",\"side\":\"short\",\"avg_entry_price\":\"3.1\"}]"));
    assertThat(c.positions()).singleElement().satisfies(p -> assertThat(p.qty()).isEqualTo(-2));
    server.takeRequest();
    server.enqueue(
        new MockResponse()
            .setBody(
                "{\"id\":\"acc\",\"cash\":\"1000.5\",\"buying_power\":\"2000\",\"options_buying_power\":\"900\","
                    + "\"options_trading_level\":3,\"trading_blocked\":false,\"crypto_status\":\"x\"}"));
    assertThat(c.account().optionsLevel()).isEqualTo(3);
    server.takeRequest();

    server.enqueue(
        new MockResponse()
            .setBody(
                "[{\"id\":\"20260914143102551::6b1f\",\"activity_type\":\"FILL\",\"transaction_time\":\"2026-09-14T14:31:02.551873Z\","
                    + "\"type\":\"partial_fill\",\"price\":\"3.4\",\"qty\":\"1\",\"side\":\"buy\",\"symbol\":\""
                    + CALL
                    + "\","
                    + "\"leaves_qty\":\"1\",\"cum_qty\":\"1\",\"order_id\":\"0d8b2f6e-3c1a\",\"order_status\":\"partially_filled\"}]"));
    List<Fill> fills = c.fills(Instant.parse("2026-09-14T00:00:00Z"));
    assertThat(fills)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.clientOrderId())
                  .isEqualTo("c-9"); // learned from the earlier order lookups
              assertThat(f.executionId()).isEqualTo("20260914143102551::6b1f");
            });
    assertThat(server.takeRequest().getPath())
        .startsWith("/v2/account/activities/FILL?after=2026-09-14T00%3A00%3A00Z");
  }

  @Test
  void tradeUpdatesStream() throws Exception {
    List<String> serverGot = new CopyOnWriteArrayList<>();
    server.enqueue(
        new MockResponse()
            .withWebSocketUpgrade(
                new WebSocketListener() {
                  @Override
                  public void onClosing(WebSocket ws, int code, String reason) {
                    ws.close(1000, null);
                  }

                  @Override
                  public void onMessage(WebSocket ws, String text) {
                    serverGot.add(text);
                    if (text.contains("authenticate")) {
                      ws.send(
                          "{\"stream\":\"authorization\",\"data\":{\"status\":\"authorized\",\"action\":\"authenticate\"}}");
                    } else if (text.contains("listen")) {
                      ws.send(
                          ByteString.encodeUtf8(
                              "{\"stream\":\"listening\",\"data\":{\"streams\":[\"trade_updates\"]}}"));
                      String upd =
                          "{\"stream\":\"trade_updates\",\"data\":{\"event\":\"partial_fill\",\"execution_id\":\"e-1\","
                              + "\"timestamp\":\"2026-09-14T10:31:02.551873-04:00\",\"price\":\"3.40\",\"qty\":\"1\",\"position_qty\":\"1\","
                              + "\"order\":"
                              + orderJson("c-1", "partially_filled", "2", "1", "3.40")
                              + "}}";
                      ws.send(
                          ByteString.encodeUtf8(upd)); // binary frame, as the paper endpoint sends
                      ws.send(ByteString.encodeUtf8(upd)); // duplicate
                    }
                  }
                }));
    CountDownLatch two = new CountDownLatch(2);
    List<OrderUpdate> got = new ArrayList<>();
    AutoCloseable sub =
        client()
            .subscribe(
                new OrderUpdateListener() {
                  @Override
                  public void onUpdate(OrderUpdate u) {
                    synchronized (got) {
                      got.add(u);
                    }
                    two.countDown();
                  }
                });
    assertThat(two.await(10, TimeUnit.SECONDS)).isTrue();
    sub.close();
    assertThat(got.get(0).fill().executionId()).isEqualTo("e-1");
    assertThat(got.get(0).fill().timestamp())
        .isEqualTo(Instant.parse("2026-09-14T14:31:02.551873Z"));
    assertThat(got.get(0).order().status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
    assertThat(serverGot.get(0)).contains("\"key_id\"");
    assertThat(serverGot.get(1))
        .isEqualTo("{\"action\":\"listen\",\"data\":{\"streams\":[\"trade_updates\"]}}");
  }

  @Test
  void configurationGuards() {
    assertThatThrownBy(
            () ->
                AlpacaConfig.fromEnv(
                    Map.of(
                        "APCA_API_KEY_ID",
                        KEY,
                        "APCA_API_SECRET_KEY",
                        SECRET,
                        "APCA_API_BASE_URL",
                        "https://api.alpaca.markets"),
                    Map.of()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("confirmLive")
        .satisfies(e -> SEEN.add(e.getMessage()));
    AlpacaConfig live =
        AlpacaConfig.fromEnv(
            Map.of("APCA_API_KEY_ID", KEY, "APCA_API_SECRET_KEY", SECRET),
            Map.of("baseUrl", "https://api.alpaca.markets", "confirmLive", "true"));
    assertThat(live.live()).isTrue();
    assertThat(live.streamUrl().toString()).isEqualTo("wss://api.alpaca.markets/stream");
    SEEN.add(live.toString());
    SEEN.add(live.keyId().toString() + live.secretKey().toString() + live.keyId().masked());
    assertThat(live.secretKey().toString()).isEqualTo("<redacted>");
    assertThat(new AlpacaBrokerClient("alpaca-live", live, Clock.systemUTC()).cleartextAllowed())
        .isFalse();
    assertThat(
            AlpacaConfig.fromEnv(
                    Map.of("APCA_API_KEY_ID", KEY, "APCA_API_SECRET_KEY", SECRET), Map.of())
                .baseUrl()
                .toString())
        .isEqualTo(AlpacaConfig.PAPER_URL);
    assertThatThrownBy(
            () ->
                AlpacaConfig.fromEnv(
                    Map.of("APCA_API_KEY_ID", KEY, "APCA_API_SECRET_KEY", SECRET),
                    Map.of("baseUrl", "http://paper-api.alpaca.markets")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("https");
    assertThatThrownBy(() -> AlpacaConfig.fromEnv(Map.of("APCA_API_KEY_ID", KEY), Map.of()))
        .hasMessageContaining("APCA_API_SECRET_KEY")
        .satisfies(e -> SEEN.add(e.getMessage()));
    BrokerContext ctx =
        new BrokerContext(
            Map.of(),
            Map.of("APCA_API_KEY_ID", KEY, "APCA_API_SECRET_KEY", SECRET),
            null,
            Clock.systemUTC());
    SEEN.add(ctx.toString());
    assertThat(BrokerFactory.createBroker("alpaca-paper", ctx).name()).isEqualTo("alpaca-paper");
    assertThatThrownBy(() -> BrokerFactory.createBroker("alpaca-live", ctx))
        .hasMessageContaining("confirmLive");
  }
}
