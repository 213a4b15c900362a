package io.github.bsoptions.exec.alpaca;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.bsoptions.exec.order.Account;
import io.github.bsoptions.exec.order.BrokerOrder;
import io.github.bsoptions.exec.order.Fill;
import io.github.bsoptions.exec.order.OrderRequest;
import io.github.bsoptions.exec.order.OrderUpdate;
import io.github.bsoptions.exec.order.Position;
import io.github.bsoptions.exec.spi.BrokerCapability;
import io.github.bsoptions.exec.spi.BrokerClient;
import io.github.bsoptions.exec.spi.BrokerException;
import io.github.bsoptions.exec.spi.Idempotency;
import io.github.bsoptions.exec.spi.OrderUpdateListener;
import io.github.bsoptions.exec.spi.Outcome;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionSpec;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okio.BufferedSink;
import okio.ByteString;
import retrofit2.Call;
import retrofit2.Retrofit;

/**
 * Alpaca trading API client.
 *
 * <p>The REST endpoints are a Retrofit service ({@code AlpacaTradingApi}) on this client's one
 * configured OkHttp client; bodies are read and written by {@code AlpacaJson}.
 *
 * <p>Order placement ({@code POST /v2/orders}, {@code PATCH /v2/orders/{id}}) is sent at most once:
 * each Retrofit call is executed once and never cloned, OkHttp's {@code retryOnConnectionFailure}
 * is off, redirects are not followed, and the body is one-shot, which stops OkHttp's own re-sends
 * on stale connections, HTTP 408 and 503 with {@code Retry-After: 0}. Outcomes: 200 — confirmed;
 * 400/401/403/404/422 and 429 — refused with the broker's message; a connection that could not be
 * opened — refused, never reached the broker; timeouts, resets after sending, 408, 5xx and
 * unreadable bodies — unknown.
 *
 * <p>Rate limit: at most {@code maxRequestsPerMinute} requests in any rolling minute, and none
 * before {@code X-Ratelimit-Reset} after a 429; a submit that would break either is refused without
 * being sent, a query throws {@link BrokerException.RateLimited}.
 *
 * <p>Credentials go only into the two request headers and the stream's auth frame; nothing here
 * logs them or puts them into messages.
 */
public final class AlpacaBrokerClient implements BrokerClient {
  private static final MediaType JSON = MediaType.get("application/json");
  private final String name;
  private final AlpacaConfig config;
  private final OkHttpClient http;
  private final AlpacaTradingApi api;
  private final Clock clock;
  private final Deque<Long> window = new ArrayDeque<>();
  private final Map<String, String> clientIdByOrderId = new HashMap<>();
  private long blockedUntilMillis;
  private final OkHttpClient streamHttp;
  private final StreamBackoff backoff;

  /**
   * Creates a client.
   *
   * @param name broker name ({@code alpaca-paper} or {@code alpaca-live})
   * @param config connection settings
   * @param clock clock for the rate limiter
   */
  public AlpacaBrokerClient(String name, AlpacaConfig config, Clock clock) {
    this(name, config, clock, StreamBackoff.standard());
  }

  /**
   * Creates a client with explicit stream reconnect delays.
   *
   * @param name broker name ({@code alpaca-paper} or {@code alpaca-live})
   * @param config connection settings
   * @param clock clock for the rate limiter
   * @param backoff reconnect delays of the trade-updates stream
   */
  public AlpacaBrokerClient(String name, AlpacaConfig config, Clock clock, StreamBackoff backoff) {
    this.backoff = java.util.Objects.requireNonNull(backoff, "backoff");
    this.name = name;
    this.config = config;
    this.clock = clock;
    boolean loopback = AlpacaConfig.isLoopback(config.baseUrl().getHost());
    long t = config.callTimeout().toMillis();
    this.http =
        new OkHttpClient.Builder()
            .retryOnConnectionFailure(false)
            .followRedirects(false)
            .followSslRedirects(false)
            .callTimeout(t, TimeUnit.MILLISECONDS)
            .connectTimeout(t, TimeUnit.MILLISECONDS)
            .readTimeout(t, TimeUnit.MILLISECONDS)
            .writeTimeout(t, TimeUnit.MILLISECONDS)
            .connectionSpecs(
                loopback
                    ? List.of(ConnectionSpec.MODERN_TLS, ConnectionSpec.CLEARTEXT)
                    : List.of(ConnectionSpec.MODERN_TLS))
            .build();
    this.streamHttp = http.newBuilder().pingInterval(10, TimeUnit.SECONDS).build();
    String base = config.baseUrl().toString();
    this.api =
        new Retrofit.Builder()
            .callFactory(http)
            .baseUrl(base.endsWith("/") ? base : base + "/")
            .build()
            .create(AlpacaTradingApi.class);
  }

  /** Returns true when the production client would refuse cleartext (non-loopback URL). */
  public boolean cleartextAllowed() {
    return http.connectionSpecs().contains(ConnectionSpec.CLEARTEXT);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Set<BrokerCapability> capabilities() {
    return EnumSet.of(
        BrokerCapability.STOCKS,
        BrokerCapability.OPTIONS,
        BrokerCapability.MULTI_LEG,
        BrokerCapability.REPLACE,
        BrokerCapability.ORDER_STREAM,
        BrokerCapability.FILL_HISTORY);
  }

  @Override
  public Idempotency idempotency() {
    return Idempotency.DURABLE;
  }

  // ---- plumbing ----

  private String keyId() {
    return config.keyId().reveal();
  }

  private String secret() {
    return config.secretKey().reveal();
  }

  /** One-shot JSON body: OkHttp will not transmit it twice. */
  private static RequestBody oneShot(byte[] bytes) {
    return new RequestBody() {
      @Override
      public MediaType contentType() {
        return JSON;
      }

      @Override
      public long contentLength() {
        return bytes.length;
      }

      @Override
      public void writeTo(BufferedSink sink) throws IOException {
        sink.write(bytes);
      }

      @Override
      public boolean isOneShot() {
        return true;
      }
    };
  }

  /** Reserves a request slot; returns 0 when allowed, else the epoch millis when it will be. */
  private synchronized long acquire() {
    long now = clock.millis();
    if (now < blockedUntilMillis) {
      return blockedUntilMillis;
    }
    while (!window.isEmpty() && window.peekFirst() <= now - 60_000) {
      window.pollFirst();
    }
    if (window.size() >= config.maxRequestsPerMinute()) {
      return window.peekFirst() + 60_000;
    }
    window.addLast(now);
    return 0;
  }

  private synchronized void noteRateLimit(Headers h) {
    long until = clock.millis() + 1000;
    String reset = h.get("X-Ratelimit-Reset");
    String retryAfter = h.get("Retry-After");
    try {
      if (reset != null) {
        until = Math.max(until, Long.parseLong(reset.trim()) * 1000);
      } else if (retryAfter != null) {
        until = Math.max(until, clock.millis() + Long.parseLong(retryAfter.trim()) * 1000);
      }
    } catch (NumberFormatException e) {
      // keep the 1 s floor
    }
    blockedUntilMillis = Math.max(blockedUntilMillis, until);
  }

  private record Reply(int code, byte[] body) {}

  /** Returns the body of a Retrofit response: the success body or the (buffered) error body. */
  private static byte[] bytes(retrofit2.Response<ResponseBody> r) throws IOException {
    try (ResponseBody b = r.isSuccessful() ? r.body() : r.errorBody()) {
      return b == null ? new byte[0] : b.bytes();
    }
  }

  /** Executes a query (GET/DELETE) once; maps failures to typed exceptions. */
  private Reply query(Call<ResponseBody> call) {
    long wait = acquire();
    if (wait != 0) {
      throw new BrokerException.RateLimited(
          "rate limited until " + Instant.ofEpochMilli(wait), wait);
    }
    Request req = call.request();
    try {
      retrofit2.Response<ResponseBody> r = call.execute();
      byte[] body = bytes(r);
      if (r.code() == 429) {
        noteRateLimit(r.headers());
        throw new BrokerException.RateLimited("HTTP 429 " + message(body), blockedUntilMillis);
      }
      if (r.code() >= 500 || r.code() == 408) {
        throw new BrokerException.Unavailable("HTTP " + r.code() + " " + message(body), null);
      }
      return new Reply(r.code(), body);
    } catch (IOException e) {
      throw new BrokerException.Unavailable(
          req.method() + " " + req.url().encodedPath() + " failed: " + e.getClass().getSimpleName(),
          null);
    }
  }

  private static String message(byte[] body) {
    try {
      JsonNode n = AlpacaJson.parse(body);
      String m = AlpacaJson.text(n, "message");
      return m == null ? "" : m;
    } catch (IOException e) {
      String s = new String(body, StandardCharsets.UTF_8);
      return s.length() > 200 ? s.substring(0, 200) : s;
    }
  }

  private static String code(byte[] body) {
    try {
      String c = AlpacaJson.text(AlpacaJson.parse(body), "code");
      return c == null ? "" : c;
    } catch (IOException e) {
      return "";
    }
  }

  private static JsonNode json(Reply r, String what) {
    if (r.code() / 100 != 2) {
      throw new BrokerException.Rejected(
          r.code(), what + ": HTTP " + r.code() + " " + message(r.body()));
    }
    try {
      return AlpacaJson.parse(r.body());
    } catch (IOException e) {
      throw new BrokerException.Unavailable(what + ": unreadable response", e);
    }
  }

  private BrokerOrder remember(BrokerOrder o) {
    synchronized (clientIdByOrderId) {
      clientIdByOrderId.put(o.brokerOrderId(), o.clientOrderId());
    }
    return o;
  }

  // ---- orders ----

  @Override
  public Outcome submit(OrderRequest order) {
    return place(order.clientOrderId(), submitCall(order));
  }

  /** The not yet executed {@code POST /v2/orders} call for {@code order} (tests inspect it). */
  Call<ResponseBody> submitCall(OrderRequest order) {
    return api.submit(keyId(), secret(), oneShot(AlpacaJson.orderBody(order)));
  }

  @Override
  public Outcome replace(String brokerOrderId, OrderRequest replacement) {
    return place(replacement.clientOrderId(), replaceCall(brokerOrderId, replacement));
  }

  /** The not yet executed {@code PATCH /v2/orders/{id}} call (tests inspect it). */
  Call<ResponseBody> replaceCall(String brokerOrderId, OrderRequest replacement) {
    return api.replace(
        keyId(), secret(), brokerOrderId, oneShot(AlpacaJson.replaceBody(replacement)));
  }

  /** Executes one order-placing call, exactly once, and classifies its outcome. */
  private Outcome place(String cid, Call<ResponseBody> call) {
    long wait = acquire();
    if (wait != 0) {
      return new Outcome.Refused(
          cid,
          name,
          429,
          "CLIENT_RATE_LIMIT",
          "not sent: rate limited until " + Instant.ofEpochMilli(wait),
          false);
    }
    retrofit2.Response<ResponseBody> r;
    try {
      // Retrofit reads the whole body here (error bodies included): a body cut off mid-way
      // surfaces as an IOException after the status line, i.e. unknown like any other drop
      r = call.execute();
    } catch (ConnectException | UnknownHostException | NoRouteToHostException e) {
      // the connection could not be opened: the request never left (retries are off)
      return new Outcome.Refused(
          cid, name, 0, "", "not sent: " + e.getClass().getSimpleName(), false);
    } catch (IOException e) {
      return new Outcome.Unknown(cid, name, "transport: " + e.getClass().getSimpleName());
    }
    int code = r.code();
    byte[] body;
    try {
      body = bytes(r);
    } catch (IOException e) {
      return new Outcome.Unknown(
          cid, name, "HTTP " + code + " body lost: " + e.getClass().getSimpleName());
    }
    if (code == 200) {
      try {
        return new Outcome.Confirmed(cid, name, remember(AlpacaJson.order(AlpacaJson.parse(body))));
      } catch (IOException | RuntimeException e) {
        return new Outcome.Unknown(cid, name, "HTTP 200 with unreadable order");
      }
    }
    if (code == 429) {
      noteRateLimit(r.headers());
      return new Outcome.Refused(cid, name, 429, code(body), message(body), true);
    }
    if (code == 400 || code == 401 || code == 403 || code == 404 || code == 422) {
      return new Outcome.Refused(cid, name, code, code(body), message(body), true);
    }
    return new Outcome.Unknown(cid, name, "HTTP " + code + " " + message(body));
  }

  @Override
  public BrokerOrder cancel(String brokerOrderId) {
    Reply r = query(api.cancel(keyId(), secret(), brokerOrderId));
    if (r.code() != 204 && r.code() != 200) {
      throw new BrokerException.Rejected(
          r.code(), "cancel " + brokerOrderId + ": HTTP " + r.code() + " " + message(r.body()));
    }
    return order(brokerOrderId);
  }

  @Override
  public BrokerOrder order(String brokerOrderId) {
    JsonNode n = json(query(api.order(keyId(), secret(), brokerOrderId)), "order");
    try {
      return remember(AlpacaJson.order(n));
    } catch (IOException e) {
      throw new BrokerException.Unavailable("order " + brokerOrderId + ": " + e.getMessage(), e);
    }
  }

  @Override
  public Optional<BrokerOrder> findByClientOrderId(String clientOrderId) {
    Reply r = query(api.orderByClientOrderId(keyId(), secret(), clientOrderId));
    if (r.code() == 404) {
      return Optional.empty();
    }
    try {
      return Optional.of(remember(AlpacaJson.order(json(r, "order by client id"))));
    } catch (IOException e) {
      throw new BrokerException.Unavailable("order " + clientOrderId + ": " + e.getMessage(), e);
    }
  }

  @Override
  public List<BrokerOrder> orders(boolean openOnly) {
    JsonNode arr =
        json(query(api.orders(keyId(), secret(), openOnly ? "open" : "all", 500, "asc")), "orders");
    List<BrokerOrder> out = new ArrayList<>();
    try {
      for (JsonNode n : arr) {
        out.add(remember(AlpacaJson.order(n)));
      }
    } catch (IOException e) {
      throw new BrokerException.Unavailable("orders: " + e.getMessage(), e);
    }
    return out;
  }

  @Override
  public List<Position> positions() {
    JsonNode arr = json(query(api.positions(keyId(), secret())), "positions");
    List<Position> out = new ArrayList<>();
    try {
      for (JsonNode n : arr) {
        out.add(AlpacaJson.position(n));
      }
    } catch (IOException e) {
      throw new BrokerException.Unavailable("positions: " + e.getMessage(), e);
    }
    return out;
  }

  @Override
  public Account account() {
    try {
      return AlpacaJson.account(json(query(api.account(keyId(), secret())), "account"));
    } catch (IOException e) {
      throw new BrokerException.Unavailable("account: " + e.getMessage(), e);
    }
  }

  @Override
  public List<Fill> fills(Instant since) {
    List<Fill> out = new ArrayList<>();
    String token = null;
    int pageSize = 100;
    for (int page = 0; page < 10_000; page++) {
      JsonNode arr =
          json(
              query(
                  api.fillActivities(keyId(), secret(), since.toString(), "asc", pageSize, token)),
              "activities");
      try {
        for (JsonNode n : arr) {
          String orderId = AlpacaJson.required(n, "order_id");
          String cid;
          synchronized (clientIdByOrderId) {
            cid = clientIdByOrderId.get(orderId);
          }
          if (cid == null) {
            cid = order(orderId).clientOrderId();
          }
          out.add(AlpacaJson.activityFill(n, cid));
          token = AlpacaJson.required(n, "id");
        }
      } catch (IOException e) {
        throw new BrokerException.Unavailable("activities: " + e.getMessage(), e);
      }
      if (arr.size() < pageSize) {
        return out;
      }
    }
    throw new BrokerException.Unavailable("activities: too many pages", null);
  }

  // ---- stream ----

  /**
   * Reconnect delays of the trade-updates stream: exponential from {@code initial} to {@code max},
   * with "equal jitter" (a uniformly random delay between half and all of the step), from a seeded
   * generator so that a test replays.
   *
   * @param initial first delay
   * @param max largest delay
   * @param seed jitter seed
   */
  public record StreamBackoff(Duration initial, Duration max, long seed) {
    /** 0.5 s doubling to 30 s (Alpaca keeps a dropped session ~90 s; reconnect storms get 429). */
    public static StreamBackoff standard() {
      return new StreamBackoff(Duration.ofMillis(500), Duration.ofSeconds(30), System.nanoTime());
    }

    /** Validates the delays. */
    public StreamBackoff {
      if (initial == null || initial.isNegative() || initial.isZero()) {
        throw new IllegalArgumentException("initial must be positive, was " + initial);
      }
      if (max == null || max.compareTo(initial) < 0) {
        throw new IllegalArgumentException("max must be >= initial, was " + max);
      }
    }

    /**
     * Returns the delay before reconnect attempt {@code attempt} (1 = first after a drop).
     *
     * @param attempt attempt number, {@code >= 1}
     * @param random the jitter source
     */
    public Duration delay(int attempt, Random random) {
      if (attempt < 1) {
        throw new IllegalArgumentException("attempt must be >= 1, was " + attempt);
      }
      long step = initial.toMillis();
      for (int i = 1; i < attempt && step < max.toMillis(); i++) {
        step *= 2;
      }
      step = Math.min(step, max.toMillis());
      long half = step / 2;
      return Duration.ofMillis(half + (long) (random.nextDouble() * (step - half + 1)));
    }
  }

  /**
   * Subscribes to {@code trade_updates}. The subscription reconnects by itself after a drop, with
   * jittered exponential backoff ({@link StreamBackoff}), authenticates and listens again, then
   * calls {@link OrderUpdateListener#onReconnected()} so that the listener resyncs order state from
   * REST (events sent while the stream was down are not replayed by Alpaca). Pings every 10 s
   * detect a silent connection. A refused authorization stops the subscription (wrong keys do not
   * get better by retrying). Closing the returned handle stops it for good.
   */
  @Override
  public AutoCloseable subscribe(OrderUpdateListener listener) {
    TradeStream t = new TradeStream(listener);
    t.connect();
    return t;
  }

  /** One self-healing subscription. */
  private final class TradeStream implements AutoCloseable {
    private final OrderUpdateListener listener;
    private final Random jitter;
    private final ScheduledExecutorService timer;
    private WebSocket current;
    private boolean closed;
    private boolean droppedSinceListening;
    private int attempt;

    TradeStream(OrderUpdateListener listener) {
      this.listener = listener;
      this.jitter = new Random(backoff.seed());
      this.timer =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread th = new Thread(r, "alpaca-" + name + "-stream-reconnect");
                th.setDaemon(true);
                return th;
              });
    }

    synchronized void connect() {
      if (closed) {
        return;
      }
      Request req = new Request.Builder().url(config.streamUrl().toString()).build();
      current = streamHttp.newWebSocket(req, new StreamListener(this));
    }

    synchronized boolean isCurrent(WebSocket ws) {
      return !closed && ws == current;
    }

    /** The socket {@code ws} dropped: report it and schedule the next attempt. */
    void dropped(WebSocket ws, String reason) {
      Duration wait;
      synchronized (this) {
        if (!isCurrent(ws)) {
          return; // closed by us, or an old socket
        }
        current = null;
        droppedSinceListening = true;
        attempt++;
        wait = backoff.delay(attempt, jitter);
      }
      listener.onDisconnected(reason + "; reconnecting in " + wait.toMillis() + " ms");
      try {
        timer.schedule(this::connect, wait.toMillis(), TimeUnit.MILLISECONDS);
      } catch (RejectedExecutionException e) {
        // closed meanwhile
      }
    }

    /**
     * Authenticated and listening. After any drop (even one before the first socket got as far as
     * listening) events may have been missed, so the listener is told to resync.
     */
    void listening(WebSocket ws) {
      boolean again;
      synchronized (this) {
        if (!isCurrent(ws)) {
          return;
        }
        attempt = 0;
        again = droppedSinceListening;
        droppedSinceListening = false;
      }
      if (again) {
        listener.onReconnected();
      }
    }

    void refused(WebSocket ws) {
      synchronized (this) {
        if (!isCurrent(ws)) {
          return;
        }
        closed = true;
        current = null;
      }
      timer.shutdownNow();
      listener.onDisconnected("stream authorization refused; not reconnecting");
      ws.close(1000, "unauthorized");
    }

    OrderUpdateListener listener() {
      return listener;
    }

    @Override
    public void close() {
      WebSocket ws;
      synchronized (this) {
        closed = true;
        ws = current;
        current = null;
      }
      timer.shutdownNow();
      if (ws != null) {
        ws.close(1000, "bye");
      }
    }
  }

  private final class StreamListener extends WebSocketListener {
    private final TradeStream stream;
    private final OrderUpdateListener listener;

    StreamListener(TradeStream stream) {
      this.stream = stream;
      this.listener = stream.listener();
    }

    @Override
    public void onOpen(WebSocket ws, Response response) {
      ObjectNode auth = AlpacaJson.MAPPER.createObjectNode();
      auth.put("action", "authenticate");
      ObjectNode data = auth.putObject("data");
      data.put("key_id", config.keyId().reveal());
      data.put("secret_key", config.secretKey().reveal());
      ws.send(new String(AlpacaJson.bytes(auth), StandardCharsets.UTF_8));
    }

    @Override
    public void onMessage(WebSocket ws, ByteString bytes) {
      onMessage(ws, bytes.utf8()); // the paper endpoint sends binary frames even for JSON
    }

    @Override
    public void onMessage(WebSocket ws, String text) {
      if (!stream.isCurrent(ws)) {
        return;
      }
      JsonNode msg;
      try {
        msg = AlpacaJson.parse(text.getBytes(StandardCharsets.UTF_8));
      } catch (IOException e) {
        return; // not JSON: nothing to apply; the resync after a reconnect covers any gap
      }
      String stream = AlpacaJson.text(msg, "stream");
      JsonNode data = msg.path("data");
      if ("authorization".equals(stream)) {
        if ("authorized".equals(AlpacaJson.text(data, "status"))) {
          ws.send("{\"action\":\"listen\",\"data\":{\"streams\":[\"trade_updates\"]}}");
        } else {
          this.stream.refused(ws);
        }
        return;
      }
      if ("listening".equals(stream)) {
        this.stream.listening(ws);
        return;
      }
      if (!"trade_updates".equals(stream)) {
        return;
      }
      try {
        BrokerOrder order = remember(AlpacaJson.order(data.path("order")));
        String event = AlpacaJson.text(data, "event");
        Fill fill = null;
        if (("fill".equals(event) || "partial_fill".equals(event)) && order.legs().isEmpty()) {
          fill = AlpacaJson.streamFill(data, order);
        }
        // an mleg parent's fill event names no leg ("symbol": ""): its order object carries each
        // leg's cumulative execution, which the engine journals per leg (deduplicated)
        listener.onUpdate(new OrderUpdate(order, fill));
      } catch (IOException | RuntimeException e) {
        listener.onDisconnected("unreadable trade update skipped: " + e.getClass().getSimpleName());
      }
    }

    @Override
    public void onClosing(WebSocket ws, int code, String reason) {
      ws.close(1000, null);
      stream.dropped(ws, "stream closed by the server: " + code);
    }

    @Override
    public void onFailure(WebSocket ws, Throwable t, Response response) {
      stream.dropped(
          ws,
          "stream failed: "
              + t.getClass().getSimpleName()
              + (response == null ? "" : " (HTTP " + response.code() + ")"));
    }

    @Override
    public void onClosed(WebSocket ws, int code, String reason) {
      stream.dropped(ws, "stream closed: " + code);
    }
  }

  @Override
  public void close() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  /** Returns the name and base URL only. */
  @Override
  public String toString() {
    return "AlpacaBrokerClient[" + name + ", " + config.baseUrl() + "]";
  }
}
