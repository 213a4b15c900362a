package io.github.bsoptions.data.alpaca;

import io.github.bsoptions.data.http.TimeSource;
import io.github.bsoptions.data.model.Quote;
import io.github.bsoptions.data.model.Trade;
import io.github.bsoptions.data.spi.StreamListener;
import io.github.bsoptions.data.spi.StreamState;
import io.github.bsoptions.data.spi.Subscription;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okio.ByteString;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Alpaca market-data WebSocket connection (options or stocks) shared by every subscriber of the
 * provider: connect, authenticate, subscribe the union of the subscribers' symbols, decode quotes
 * and trades, and on a drop reconnect with jittered exponential backoff, re-authenticate and
 * re-subscribe, reporting the gap. A connection silent for the data timeout is dropped and
 * reconnected. Authentication failures and missing entitlements close it for good.
 */
final class AlpacaStream {
  private static final Logger LOG = LoggerFactory.getLogger(AlpacaStream.class);
  private static final Set<Integer> FATAL = Set.of(402, 409, 410, 411, 412, 413);

  private final AlpacaConfig config;
  private final OkHttpClient client;
  private final TimeSource time;
  private final String url;
  private final boolean msgpack;
  private final ScheduledExecutorService scheduler;
  private final SplittableRandom jitter = new SplittableRandom();
  private final List<Entry> entries = new CopyOnWriteArrayList<>();

  private WebSocket socket;
  private int generation;
  private StreamState state = StreamState.CONNECTING;
  private boolean authenticated;
  private boolean closed;
  private boolean reconnectScheduled;
  private int attempt;
  private long lastMessageNanos;
  private Instant disconnectedAt;
  private final Set<String> sentQuotes = new TreeSet<>();
  private final Set<String> sentTrades = new TreeSet<>();
  private ScheduledFuture<?> watchdog;

  AlpacaStream(
      AlpacaConfig config, OkHttpClient client, TimeSource time, String url, boolean msgpack) {
    this.config = config;
    this.client = client;
    this.time = time;
    this.url = url;
    this.msgpack = msgpack;
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "alpaca-stream-" + (msgpack ? "options" : "stocks"));
              t.setDaemon(true);
              return t;
            });
  }

  private final class Entry implements Subscription {
    final Set<String> quotes;
    final Set<String> trades;
    final StreamListener listener;
    volatile boolean open = true;

    Entry(Set<String> quotes, Set<String> trades, StreamListener listener) {
      this.quotes = Set.copyOf(quotes);
      this.trades = Set.copyOf(trades);
      this.listener = listener;
    }

    @Override
    public StreamState state() {
      synchronized (AlpacaStream.this) {
        return open ? state : StreamState.CLOSED;
      }
    }

    @Override
    public void close() {
      remove(this);
    }
  }

  synchronized Subscription add(Set<String> quotes, Set<String> trades, StreamListener l) {
    if (closed) {
      throw new IllegalStateException("stream is shut down");
    }
    Entry e = new Entry(quotes, trades, l);
    entries.add(e);
    if (socket == null && !reconnectScheduled) {
      connect(); // during a backoff wait the scheduled reconnect subscribes the new entry too
    } else if (authenticated) {
      syncSubscriptions();
    }
    l.onStateChange(state, "subscribed");
    return e;
  }

  private void remove(Entry e) {
    StreamListener l;
    synchronized (this) {
      if (!e.open) {
        return;
      }
      e.open = false;
      entries.remove(e);
      l = e.listener;
      if (entries.isEmpty()) {
        stopSocket("no subscribers");
      } else if (authenticated) {
        syncSubscriptions();
      }
    }
    l.onStateChange(StreamState.CLOSED, "closed by caller");
  }

  synchronized void shutdown() {
    closed = true;
    stopSocket("provider closed");
    scheduler.shutdownNow();
    for (Entry e : entries) {
      e.open = false;
      e.listener.onStateChange(StreamState.CLOSED, "provider closed");
    }
    entries.clear();
  }

  private void stopSocket(String why) {
    generation++;
    reconnectScheduled = false;
    if (socket != null) {
      socket.close(1000, why);
      socket = null;
    }
    if (watchdog != null) {
      watchdog.cancel(false);
      watchdog = null;
    }
    authenticated = false;
    sentQuotes.clear();
    sentTrades.clear();
  }

  // ------------------------------------------------------------------ connection

  private void connect() {
    int gen = ++generation;
    authenticated = false;
    sentQuotes.clear();
    sentTrades.clear();
    setState(StreamState.CONNECTING, "connecting to " + url);
    Request.Builder rb = new Request.Builder().url(url);
    if (msgpack) {
      rb.header("Content-Type", "application/msgpack");
    }
    lastMessageNanos = time.nanoTime();
    socket = client.newWebSocket(rb.build(), new Listener(gen));
    if (watchdog == null) {
      long period = Math.max(10, config.streamDataTimeout().toMillis() / 4);
      watchdog =
          scheduler.scheduleAtFixedRate(this::checkSilence, period, period, TimeUnit.MILLISECONDS);
    }
  }

  private synchronized void checkSilence() {
    if (socket != null
        && time.nanoTime() - lastMessageNanos > config.streamDataTimeout().toNanos()) {
      LOG.warn("alpaca stream {} silent for {}; reconnecting", url, config.streamDataTimeout());
      WebSocket s = socket;
      s.cancel(); // onFailure follows and schedules the reconnect
    }
  }

  private synchronized void dropped(int gen, String why) {
    if (gen != generation || closed) {
      return;
    }
    socket = null;
    authenticated = false;
    if (entries.isEmpty()) {
      return;
    }
    if (disconnectedAt == null) {
      disconnectedAt = Instant.ofEpochMilli(time.epochMillis());
    }
    attempt++;
    long cap =
        Math.min(
            config.streamBackoffMax().toMillis(),
            config.streamBackoffMin().toMillis() << Math.min(attempt - 1, 20));
    long delay = cap / 2 + jitter.nextLong(cap / 2 + 1);
    setState(
        StreamState.RECONNECTING,
        why + "; reconnecting in " + delay + " ms (attempt " + attempt + ")");
    int next = ++generation;
    reconnectScheduled = true;
    scheduler.schedule(
        () -> {
          synchronized (AlpacaStream.this) {
            if (generation == next) {
              reconnectScheduled = false;
            }
            if (!closed && generation == next && !entries.isEmpty()) {
              connect();
            }
          }
        },
        delay,
        TimeUnit.MILLISECONDS);
  }

  private synchronized void fatal(String why) {
    LOG.warn("alpaca stream {} closed: {}", url, why);
    closed = true;
    stopSocket(why);
    setState(StreamState.CLOSED, why);
    for (Entry e : entries) {
      e.open = false;
    }
    entries.clear();
    scheduler.shutdownNow();
  }

  private void setState(StreamState s, String detail) {
    state = s;
    for (Entry e : entries) {
      e.listener.onStateChange(s, detail);
    }
  }

  private void send(Map<String, Object> msg) {
    if (socket == null) {
      return;
    }
    if (msgpack) {
      socket.send(ByteString.of(StreamCodec.encodeMsgpack(msg)));
    } else {
      socket.send(StreamCodec.encodeJson(msg));
    }
  }

  /** Sends subscribe/unsubscribe so the server's set equals the union of the subscribers'. */
  private void syncSubscriptions() {
    Set<String> wantQ = new TreeSet<>();
    Set<String> wantT = new TreeSet<>();
    for (Entry e : entries) {
      wantQ.addAll(e.quotes);
      wantT.addAll(e.trades);
    }
    List<String> addQ = diff(wantQ, sentQuotes);
    List<String> addT = diff(wantT, sentTrades);
    List<String> delQ = diff(sentQuotes, wantQ);
    List<String> delT = diff(sentTrades, wantT);
    if (!addQ.isEmpty() || !addT.isEmpty()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("action", "subscribe");
      m.put("trades", addT);
      m.put("quotes", addQ);
      send(m);
    }
    if (!delQ.isEmpty() || !delT.isEmpty()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("action", "unsubscribe");
      m.put("trades", delT);
      m.put("quotes", delQ);
      send(m);
    }
    sentQuotes.clear();
    sentQuotes.addAll(wantQ);
    sentTrades.clear();
    sentTrades.addAll(wantT);
  }

  private static List<String> diff(Set<String> a, Set<String> b) {
    List<String> out = new ArrayList<>();
    for (String s : a) {
      if (!b.contains(s)) {
        out.add(s);
      }
    }
    return out;
  }

  // ------------------------------------------------------------------ messages

  private void handle(int gen, List<Map<String, Object>> msgs) {
    List<Runnable> deliveries = new ArrayList<>();
    synchronized (this) {
      if (gen != generation) {
        return;
      }
      lastMessageNanos = time.nanoTime();
      for (Map<String, Object> m : msgs) {
        Object type = m.get("T");
        if ("q".equals(type) || "t".equals(type)) {
          try {
            if ("q".equals(type)) {
              Quote q = StreamCodec.quote(m);
              for (Entry e : entries) {
                if (e.quotes.contains(q.symbol())) {
                  deliveries.add(() -> e.listener.onQuote(q));
                }
              }
            } else {
              Trade t = StreamCodec.trade(m);
              for (Entry e : entries) {
                if (e.trades.contains(t.symbol())) {
                  deliveries.add(() -> e.listener.onTrade(t));
                }
              }
            }
          } catch (RuntimeException ex) {
            LOG.warn("alpaca stream: skipping malformed {} message: {}", type, ex.getMessage());
          }
        } else if ("success".equals(type)) {
          Object msg = m.get("msg");
          if ("connected".equals(msg)) {
            Map<String, Object> auth = new LinkedHashMap<>();
            auth.put("action", "auth");
            auth.put("key", config.credentials().keyId());
            auth.put("secret", config.credentials().secret());
            send(auth);
          } else if ("authenticated".equals(msg)) {
            authenticated = true;
            syncSubscriptions();
          }
        } else if ("subscription".equals(type)) {
          boolean wasReconnect = disconnectedAt != null;
          String gap =
              wasReconnect
                  ? "reconnected; data between " + disconnectedAt + " and now may be missing"
                  : null;
          disconnectedAt = null;
          attempt = 0;
          if (state != StreamState.STREAMING) {
            setState(StreamState.STREAMING, "subscribed");
          }
          if (gap != null) {
            for (Entry e : entries) {
              deliveries.add(() -> e.listener.onGap(gap));
            }
          }
        } else if ("error".equals(type)) {
          int code = m.get("code") instanceof Number n ? n.intValue() : -1;
          String text = "server error " + code + ": " + m.get("msg");
          if (FATAL.contains(code)) {
            fatal(
                text
                    + (code == 402
                        ? " (check "
                            + AlpacaCredentials.KEY_ENV
                            + "/"
                            + AlpacaCredentials.SECRET_ENV
                            + ")"
                        : ""));
            return;
          }
          if (code == 405) {
            for (Entry e : entries) {
              e.listener.onStateChange(state, text);
            }
          } else if (socket != null) {
            // 406 connection limit, 404 auth timeout, 407 slow client, 500: drop and retry
            WebSocket s = socket;
            dropped(gen, text);
            s.cancel();
            return;
          }
        }
      }
    }
    for (Runnable r : deliveries) {
      try {
        r.run();
      } catch (RuntimeException ex) {
        LOG.warn("stream listener threw; continuing", ex);
      }
    }
  }

  private final class Listener extends WebSocketListener {
    private final int gen;

    Listener(int gen) {
      this.gen = gen;
    }

    @Override
    public void onMessage(WebSocket webSocket, ByteString bytes) {
      try {
        handle(
            gen,
            msgpack
                ? StreamCodec.decodeMsgpack(bytes.toByteArray())
                : StreamCodec.decodeJson(bytes.utf8()));
      } catch (IOException | RuntimeException e) {
        LOG.warn("alpaca stream: undecodable frame ({} bytes): {}", bytes.size(), e.getMessage());
      }
    }

    @Override
    public void onMessage(WebSocket webSocket, String text) {
      try {
        handle(gen, StreamCodec.decodeJson(text));
      } catch (IOException | RuntimeException e) {
        LOG.warn("alpaca stream: undecodable text frame: {}", e.getMessage());
      }
    }

    @Override
    public void onFailure(WebSocket webSocket, Throwable t, Response response) {
      String why =
          response != null
              ? "upgrade refused: HTTP " + response.code()
              : "connection failed: " + t.getClass().getSimpleName();
      if (response != null && (response.code() == 401 || response.code() == 403)) {
        synchronized (AlpacaStream.this) {
          if (gen == generation) {
            fatal(
                why
                    + " (check "
                    + AlpacaCredentials.KEY_ENV
                    + "/"
                    + AlpacaCredentials.SECRET_ENV
                    + ")");
          }
        }
        return;
      }
      dropped(gen, why);
    }

    @Override
    public void onClosing(WebSocket webSocket, int code, String reason) {
      webSocket.close(1000, null);
      dropped(gen, "server closed (" + code + ")");
    }

    @Override
    public void onClosed(WebSocket webSocket, int code, String reason) {
      dropped(gen, "closed (" + code + ")");
    }
  }

  /** Combines per-endpoint subscriptions into one handle. */
  static Subscription combine(List<Subscription> parts) {
    return new Subscription() {
      @Override
      public StreamState state() {
        StreamState worst = StreamState.STREAMING;
        for (Subscription s : parts) {
          StreamState st = s.state();
          if (st.ordinal() > worst.ordinal() || st == StreamState.CONNECTING) {
            worst = st;
          }
        }
        return parts.isEmpty() ? StreamState.CLOSED : worst;
      }

      @Override
      public void close() {
        for (Subscription s : parts) {
          s.close();
        }
      }
    };
  }

  @Override
  public String toString() {
    return "AlpacaStream[" + url + "]";
  }

  Duration dataTimeout() {
    return config.streamDataTimeout();
  }
}
