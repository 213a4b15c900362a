package io.github.bsoptions.data.alpaca;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bsoptions.data.http.TimeSource;
import io.github.bsoptions.data.model.Quote;
import io.github.bsoptions.data.model.Trade;
import io.github.bsoptions.data.spi.StreamListener;
import io.github.bsoptions.data.spi.StreamRequest;
import io.github.bsoptions.data.spi.StreamState;
import io.github.bsoptions.data.spi.Subscription;
import io.github.bsoptions.data.testutil.ToxicProxy;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Response;
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
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;

class AlpacaStreamTest {
  static final String OCC = "AAPL261016C00250000";
  static final Instant TS = Instant.parse("2026-09-14T15:45:59.904512768Z");

  MockWebServer server;
  AlpacaMarketDataProvider alpaca;
  final List<FakeAlpaca> sessions = new CopyOnWriteArrayList<>();
  final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();

  /** One server-side session imitating Alpaca's market-data stream. */
  final class FakeAlpaca extends WebSocketListener {
    final boolean msgpack;
    final boolean acceptAuth;
    final boolean ticking;
    final List<Map<String, Object>> received = new CopyOnWriteArrayList<>();
    volatile WebSocket socket;

    FakeAlpaca(boolean msgpack, boolean acceptAuth) {
      this(msgpack, acceptAuth, false);
    }

    /** With {@code ticking}, a quote follows every 50 ms after the subscription until closed. */
    FakeAlpaca(boolean msgpack, boolean acceptAuth, boolean ticking) {
      this.msgpack = msgpack;
      this.acceptAuth = acceptAuth;
      this.ticking = ticking;
      sessions.add(this);
    }

    boolean send(List<Map<String, Object>> msgs) {
      if (msgpack) {
        return socket.send(ByteString.of(pack(msgs)));
      } else {
        return socket.send(json(msgs));
      }
    }

    private void tick(Map<String, Object> quote) {
      if (send(List.of(quote))) {
        ticker.schedule(() -> tick(quote), 50, TimeUnit.MILLISECONDS);
      }
    }

    @Override
    public void onOpen(WebSocket webSocket, Response response) {
      socket = webSocket;
      send(List.of(Map.of("T", "success", "msg", "connected")));
    }

    @Override
    public void onMessage(WebSocket webSocket, ByteString bytes) {
      try {
        handle(StreamCodec.decodeMsgpack(bytes.toByteArray()).get(0));
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public void onMessage(WebSocket webSocket, String text) {
      try {
        handle(StreamCodec.decodeJson(text).get(0));
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }

    private void handle(Map<String, Object> m) {
      received.add(m);
      if ("auth".equals(m.get("action"))) {
        if (acceptAuth && AlpacaRestTest.SECRET.equals(m.get("secret"))) {
          send(List.of(Map.of("T", "success", "msg", "authenticated")));
        } else {
          send(List.of(Map.of("T", "error", "code", 402L, "msg", "auth failed")));
        }
      } else if ("subscribe".equals(m.get("action"))) {
        send(
            List.of(
                Map.of("T", "subscription", "trades", m.get("trades"), "quotes", m.get("quotes"))));
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("T", "q");
        q.put("S", msgpack ? OCC : "SPY");
        q.put("t", msgpack ? TS : TS.toString());
        q.put("bx", "C");
        q.put("bp", 3.35);
        q.put("bs", 12L);
        q.put("ax", "X");
        q.put("ap", 3.45);
        q.put("as", 20L);
        q.put("c", msgpack ? "A" : List.of("R"));
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("T", "t");
        t.put("S", msgpack ? OCC : "SPY");
        t.put("t", msgpack ? TS : TS.toString());
        t.put("p", 3.40);
        t.put("s", 2L);
        t.put("x", "C");
        t.put("c", "I");
        send(List.of(q, t));
        if (ticking) {
          ticker.schedule(() -> tick(q), 50, TimeUnit.MILLISECONDS);
        }
      }
    }
  }

  static byte[] pack(List<Map<String, Object>> msgs) {
    try (MessageBufferPacker p = MessagePack.newDefaultBufferPacker()) {
      p.packArrayHeader(msgs.size());
      for (Map<String, Object> m : msgs) {
        p.packMapHeader(m.size());
        for (Map.Entry<String, Object> e : m.entrySet()) {
          p.packString(e.getKey());
          packValue(p, e.getValue());
        }
      }
      return p.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static void packValue(MessageBufferPacker p, Object v) throws IOException {
    if (v instanceof String s) {
      p.packString(s);
    } else if (v instanceof Long l) {
      p.packLong(l);
    } else if (v instanceof Double d) {
      p.packDouble(d);
    } else if (v instanceof Instant i) {
      p.packTimestamp(i);
    } else if (v instanceof List<?> l) {
      p.packArrayHeader(l.size());
      for (Object o : l) {
        packValue(p, o);
      }
    } else {
      p.packNil();
    }
  }

  static String json(List<Map<String, Object>> msgs) {
    try {
      return io.github.bsoptions.data.internal.JsonHttp.MAPPER.writeValueAsString(msgs);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static final class Collect implements StreamListener {
    final List<Quote> quotes = new CopyOnWriteArrayList<>();
    final List<Trade> trades = new CopyOnWriteArrayList<>();
    final List<String> states = new CopyOnWriteArrayList<>();
    final List<String> gaps = new CopyOnWriteArrayList<>();

    @Override
    public void onQuote(Quote quote) {
      quotes.add(quote);
    }

    @Override
    public void onTrade(Trade trade) {
      trades.add(trade);
    }

    @Override
    public void onStateChange(StreamState state, String detail) {
      states.add(state + ": " + detail);
    }

    @Override
    public void onGap(String detail) {
      gaps.add(detail);
    }
  }

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start();
    String base = server.url("/").toString();
    alpaca =
        new AlpacaMarketDataProvider(
            AlpacaConfig.of(new AlpacaCredentials(AlpacaRestTest.KEY, AlpacaRestTest.SECRET))
                .withUrls(base, base, base.replace("http", "ws"))
                .withStreamTiming(
                    Duration.ofMillis(20), Duration.ofMillis(100), Duration.ofSeconds(30)),
            TimeSource.SYSTEM);
  }

  @AfterEach
  void stop() throws IOException {
    alpaca.close();
    ticker.shutdownNow();
    for (FakeAlpaca f : sessions) {
      if (f.socket != null) {
        f.socket.close(1001, "test over");
      }
    }
    try {
      server.shutdown();
    } catch (IOException e) {
      // a websocket still draining; the next test starts its own server
    }
  }

  static void await(BooleanSupplier cond) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!cond.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("condition not met within 10 s");
      }
      Thread.sleep(10);
    }
  }

  @Test
  void optionStreamUsesMsgpackAuthenticatesSubscribesAndDecodesTimestamps() throws Exception {
    server.enqueue(new MockResponse().withWebSocketUpgrade(new FakeAlpaca(true, true)));
    Collect c = new Collect();
    Subscription sub =
        alpaca.subscribe(new StreamRequest(Set.of(), Set.of(), Set.of(OCC), Set.of(OCC)), c);
    await(() -> !c.quotes.isEmpty() && !c.trades.isEmpty());
    RecordedRequest up = server.takeRequest();
    assertThat(up.getRequestUrl().encodedPath()).isEqualTo("/v1beta1/indicative");
    assertThat(up.getHeader("Content-Type")).isEqualTo("application/msgpack");
    assertThat(up.getHeader("APCA-API-SECRET-KEY")).isEqualTo(AlpacaRestTest.SECRET);
    Quote q = c.quotes.get(0);
    assertThat(q.symbol()).isEqualTo(OCC);
    assertThat(q.bid()).isEqualTo(3.35);
    assertThat(q.timestamp()).isEqualTo(TS);
    assertThat(c.trades.get(0).price()).isEqualTo(3.40);
    FakeAlpaca s = sessions.get(0);
    assertThat(s.received.get(0))
        .containsEntry("action", "auth")
        .containsEntry("key", AlpacaRestTest.KEY);
    assertThat(s.received.get(1))
        .containsEntry("action", "subscribe")
        .containsEntry("quotes", List.of(OCC))
        .containsEntry("trades", List.of(OCC));
    await(() -> sub.state() == StreamState.STREAMING);
    sub.close();
    assertThat(sub.state()).isEqualTo(StreamState.CLOSED);
  }

  @Test
  void reconnectsWithBackoffResubscribesAndReportsTheGap() throws Exception {
    server.enqueue(new MockResponse().withWebSocketUpgrade(new FakeAlpaca(true, true)));
    server.enqueue(new MockResponse().setResponseCode(429)); // upgrade refused once
    server.enqueue(new MockResponse().withWebSocketUpgrade(new FakeAlpaca(true, true)));
    Collect c = new Collect();
    alpaca.subscribe(new StreamRequest(Set.of(), Set.of(), Set.of(OCC), Set.of()), c);
    await(() -> c.quotes.size() == 1);
    sessions.get(0).socket.close(1011, "server going away"); // drop the connection
    await(() -> c.quotes.size() == 2);
    assertThat(c.gaps).hasSize(1);
    assertThat(c.states).anyMatch(s -> s.startsWith("RECONNECTING"));
    FakeAlpaca second = sessions.get(1);
    assertThat(second.received)
        .extracting(m -> m.get("action"))
        .containsExactly("auth", "subscribe");
    assertThat(second.received.get(1)).containsEntry("quotes", List.of(OCC));
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void authFailureClosesForGoodWithoutReconnecting() throws Exception {
    server.enqueue(new MockResponse().withWebSocketUpgrade(new FakeAlpaca(true, false)));
    Collect c = new Collect();
    Subscription sub =
        alpaca.subscribe(new StreamRequest(Set.of(), Set.of(), Set.of(OCC), Set.of()), c);
    await(() -> c.states.stream().anyMatch(s -> s.startsWith("CLOSED")));
    assertThat(c.states.get(c.states.size() - 1)).contains("402").contains("APCA_API_KEY_ID");
    assertThat(String.join("\n", c.states)).doesNotContain(AlpacaRestTest.SECRET);
    assertThat(sub.state()).isEqualTo(StreamState.CLOSED);
    Thread.sleep(200);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void stockStreamIsJsonAndUnionOfSubscribersIsSubscribedOnce() throws Exception {
    server.enqueue(new MockResponse().withWebSocketUpgrade(new FakeAlpaca(false, true)));
    Collect a = new Collect();
    Collect b = new Collect();
    alpaca.subscribe(new StreamRequest(Set.of("SPY"), Set.of("SPY"), Set.of(), Set.of()), a);
    await(() -> a.quotes.size() == 1 && a.trades.size() == 1);
    Subscription sb =
        alpaca.subscribe(new StreamRequest(Set.of("SPY", "QQQ"), Set.of(), Set.of(), Set.of()), b);
    await(() -> b.quotes.size() == 1);
    assertThat(b.trades).isEmpty(); // b did not ask for trades
    RecordedRequest up = server.takeRequest();
    assertThat(up.getRequestUrl().encodedPath()).isEqualTo("/v2/iex");
    FakeAlpaca s = sessions.get(0);
    List<Object> subs = new ArrayList<>();
    for (Map<String, Object> m : s.received) {
      if ("subscribe".equals(m.get("action"))) {
        subs.add(m.get("quotes"));
      }
    }
    assertThat(subs).containsExactly(List.of("SPY"), List.of("QQQ"));
    sb.close();
    await(() -> s.received.stream().anyMatch(m -> "unsubscribe".equals(m.get("action"))));
    Map<String, Object> un =
        s.received.stream()
            .filter(m -> "unsubscribe".equals(m.get("action")))
            .findFirst()
            .orElseThrow();
    assertThat(un).containsEntry("quotes", List.of("QQQ"));
    assertThat(Collections.frequency(subs, List.of("SPY"))).isEqualTo(1);
  }

  @Test
  void silentConnectionIsDroppedByTheWatchdogAndResubscribed() throws Exception {
    alpaca.close();
    String base = server.url("/").toString();
    alpaca =
        new AlpacaMarketDataProvider(
            AlpacaConfig.of(new AlpacaCredentials(AlpacaRestTest.KEY, AlpacaRestTest.SECRET))
                .withUrls(base, base, base.replace("http", "ws"))
                .withStreamTiming(
                    Duration.ofMillis(20), Duration.ofMillis(50), Duration.ofMillis(300)),
            TimeSource.SYSTEM);
    server.enqueue(new MockResponse().withWebSocketUpgrade(new FakeAlpaca(true, true)));
    server.enqueue(new MockResponse().withWebSocketUpgrade(new FakeAlpaca(true, true)));
    Collect c = new Collect();
    alpaca.subscribe(new StreamRequest(Set.of(), Set.of(), Set.of(OCC), Set.of()), c);
    // each fake session goes silent after its first batch; the watchdog must reconnect
    await(() -> sessions.size() == 2 && c.quotes.size() == 2);
    assertThat(sessions.get(1).received)
        .extracting(m -> m.get("action"))
        .containsExactly("auth", "subscribe");
    assertThat(c.gaps).isNotEmpty();
  }

  // ------------------------------------------------------------------ D-4: toxic proxy

  @Test
  void optionStreamSurvivesResetsStallsAndSlicedFramesThroughAToxicProxy() throws Exception {
    toxicScenario(true, OCC, 20261202L);
  }

  @Test
  void stockStreamSurvivesResetsStallsAndSlicedFramesThroughAToxicProxy() throws Exception {
    toxicScenario(false, "SPY", 20261203L);
  }

  @Test
  void subscribingDuringTheBackoffWaitDoesNotReconnectEarlyAndIsSubscribedOnce() throws Exception {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return new MockResponse().withWebSocketUpgrade(new FakeAlpaca(true, true, true));
          }
        });
    try (ToxicProxy proxy = new ToxicProxy(server.getPort())) {
      alpaca.close();
      String base = server.url("/").toString();
      alpaca =
          new AlpacaMarketDataProvider(
              AlpacaConfig.of(new AlpacaCredentials(AlpacaRestTest.KEY, AlpacaRestTest.SECRET))
                  .withUrls(base, base, "ws://127.0.0.1:" + proxy.port() + "/")
                  .withStreamTiming(
                      Duration.ofSeconds(3), Duration.ofSeconds(3), Duration.ofSeconds(30)),
              TimeSource.SYSTEM);
      Collect a = new Collect();
      alpaca.subscribe(new StreamRequest(Set.of(), Set.of(), Set.of(OCC), Set.of()), a);
      await(() -> a.quotes.size() >= 2);
      proxy.reset();
      await(() -> a.states.stream().anyMatch(st -> st.startsWith("RECONNECTING")));
      int statesBefore = a.states.size();
      Collect b = new Collect();
      String other = "AAPL261016P00250000";
      alpaca.subscribe(new StreamRequest(Set.of(), Set.of(), Set.of(other), Set.of()), b);
      // connect() would have announced CONNECTING synchronously: the backoff wait is kept
      // (the scheduled reconnect comes 1.5 to 3 s after the drop)
      List<String> after = List.copyOf(a.states);
      assertThat(after.subList(statesBefore, after.size()))
          .noneMatch(st -> st.startsWith("CONNECTING"));
      await(() -> sessions.size() == 2 && !a.gaps.isEmpty());
      await(() -> sessions.get(1).received.size() == 2);
      assertThat(sessions.get(1).received)
          .extracting(m -> m.get("action"))
          .containsExactly("auth", "subscribe");
      assertThat(sessions.get(1).received.get(1)).containsEntry("quotes", List.of(OCC, other));
      assertThat(proxy.connections()).isEqualTo(2);
    }
  }

  /**
   * Streams through a {@link ToxicProxy} and injects seeded faults (connection reset, stalled
   * connection, 1-3 byte TCP segments): after each, the client must reconnect with jittered
   * backoff, authenticate and subscribe exactly once on the new session with the full set, report
   * one gap, and deliver data again.
   */
  private void toxicScenario(boolean options, String symbol, long seed) throws Exception {
    Duration backoffMin = Duration.ofMillis(20);
    Duration backoffMax = Duration.ofMillis(200);
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return new MockResponse().withWebSocketUpgrade(new FakeAlpaca(options, true, true));
          }
        });
    try (ToxicProxy proxy = new ToxicProxy(server.getPort())) {
      alpaca.close();
      String base = server.url("/").toString();
      alpaca =
          new AlpacaMarketDataProvider(
              AlpacaConfig.of(new AlpacaCredentials(AlpacaRestTest.KEY, AlpacaRestTest.SECRET))
                  .withUrls(base, base, "ws://127.0.0.1:" + proxy.port() + "/")
                  .withStreamTiming(backoffMin, backoffMax, Duration.ofMillis(2500)),
              TimeSource.SYSTEM);
      proxy.slice(true);
      Collect c = new Collect();
      alpaca.subscribe(
          options
              ? new StreamRequest(Set.of(), Set.of(), Set.of(symbol), Set.of(symbol))
              : new StreamRequest(Set.of(symbol), Set.of(symbol), Set.of(), Set.of()),
          c);
      await(() -> c.quotes.size() >= 3); // whole frames decoded from sliced segments
      SplittableRandom r = new SplittableRandom(seed);
      int faults = 5;
      List<String> injected = new ArrayList<>();
      for (int k = 0; k < faults; k++) {
        int gaps = c.gaps.size();
        boolean stall = k == 1 || (k > 1 && r.nextBoolean());
        injected.add(stall ? "stall" : "reset");
        if (stall) {
          proxy.stall();
        } else {
          proxy.reset();
        }
        proxy.slice(r.nextBoolean());
        await(() -> c.gaps.size() == gaps + 1);
        int quotes = c.quotes.size();
        await(() -> c.quotes.size() >= quotes + 2);
      }
      assertThat(c.gaps).as("one gap per fault %s", injected).hasSize(faults);
      assertThat(c.gaps).allMatch(g -> g.contains("may be missing"));
      assertThat(sessions).hasSize(faults + 1);
      assertThat(proxy.connections()).isEqualTo(faults + 1);
      for (FakeAlpaca s : sessions) {
        assertThat(s.received)
            .as("each session authenticates and subscribes exactly once")
            .extracting(m -> m.get("action"))
            .containsExactly("auth", "subscribe");
        assertThat(s.received.get(1)).containsEntry("quotes", List.of(symbol));
        assertThat(s.received.get(1)).containsEntry("trades", List.of(symbol));
      }
      Pattern p = Pattern.compile("reconnecting in (\\d+) ms \\(attempt (\\d+)\\)");
      int reconnects = 0;
      for (String st : c.states) {
        Matcher m = p.matcher(st);
        if (m.find()) {
          reconnects++;
          long delay = Long.parseLong(m.group(1));
          int attempt = Integer.parseInt(m.group(2));
          long cap =
              Math.min(backoffMax.toMillis(), backoffMin.toMillis() << Math.min(attempt - 1, 20));
          assertThat(delay).as(st).isBetween(cap / 2, cap);
        }
      }
      assertThat(reconnects).isEqualTo(faults);
      assertThat(String.join("\n", c.states)).doesNotContain(AlpacaRestTest.SECRET);
    }
  }
}
