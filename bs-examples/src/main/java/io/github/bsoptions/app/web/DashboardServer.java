package io.github.bsoptions.app.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.bsoptions.app.obs.AppMetrics;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dashboard's HTTP server (JDK {@code com.sun.net.httpserver}).
 *
 * <ul>
 *   <li>{@code GET /}, {@code /portfolio.html}, {@code /system.html}, {@code /backtest.html}: pages
 *       from the jar ({@code web/}); {@code /static/*}: their scripts and styles;
 *   <li>{@code GET /webjars/*}: Chart.js from its WebJar (no CDN);
 *   <li>{@code GET /api/state} and {@code /api/<topic>}: current JSON of the {@link
 *       LiveDashboardState} topics;
 *   <li>{@code GET /events}: server-sent events, one event per topic change (all current topics
 *       first, then changes; slow clients get only the latest value of each topic);
 *   <li>{@code GET /metrics}: Prometheus text format;
 *   <li>{@code GET /healthz}: {@code ok}.
 * </ul>
 *
 * <p>Exposure rules: binds to 127.0.0.1 by default; a non-loopback bind requires a token, and every
 * request must then carry it ({@code Authorization: Bearer}, or {@code ?token=} once, which sets a
 * cookie). Requests whose {@code Host} is not the bound host (DNS rebinding) or whose {@code
 * Origin} is foreign get 403. Only {@code GET} and {@code HEAD} are served: there is no order
 * entry.
 */
public final class DashboardServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DashboardServer.class);
  private static final String WEBJARS = "META-INF/resources/webjars/";
  private static final Set<String> PAGES =
      Set.of("index.html", "portfolio.html", "system.html", "backtest.html");
  private static final long HEARTBEAT_MILLIS = 15_000;

  private final HttpServer server;
  private final ExecutorService executor;
  private final LiveDashboardState state;
  private final AppMetrics metrics;
  private final String token;
  private final boolean loopback;
  private final List<Client> clients = new CopyOnWriteArrayList<>();
  private final Runnable unsubscribe;
  private volatile boolean closed;

  private DashboardServer(
      HttpServer server,
      ExecutorService executor,
      LiveDashboardState state,
      AppMetrics metrics,
      String token,
      boolean loopback) {
    this.server = server;
    this.executor = executor;
    this.state = state;
    this.metrics = metrics;
    this.token = token;
    this.loopback = loopback;
    this.unsubscribe = state.addListener(this::broadcast);
  }

  /**
   * Starts a server.
   *
   * @param bind address to bind ({@code 127.0.0.1} unless exposing on purpose)
   * @param port port, or 0 for any free port
   * @param token access token; required (non-empty) when {@code bind} is not a loopback address
   * @param state what to show
   * @param metrics what {@code /metrics} serves
   * @throws IllegalArgumentException for a non-loopback bind without a token
   * @throws IOException when the port cannot be bound
   */
  public static DashboardServer start(
      String bind, int port, String token, LiveDashboardState state, AppMetrics metrics)
      throws IOException {
    InetAddress addr = InetAddress.getByName(bind);
    boolean loop = addr.isLoopbackAddress();
    if (!loop && (token == null || token.isEmpty())) {
      throw new IllegalArgumentException(
          "dashboard.bind " + bind + " is not loopback: set BS_DASHBOARD_TOKEN to expose it");
    }
    HttpServer http = HttpServer.create(new InetSocketAddress(addr, port), 64);
    AtomicInteger n = new AtomicInteger();
    ExecutorService ex =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "dashboard-http-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    http.setExecutor(ex);
    DashboardServer s = new DashboardServer(http, ex, state, metrics, token, loop);
    http.createContext("/", s::handle);
    http.start();
    LOG.info("dashboard on {}", s.url());
    return s;
  }

  /** Returns the bound address. */
  public InetSocketAddress address() {
    return server.getAddress();
  }

  /** Returns the base URL ({@code http://127.0.0.1:8080/}). */
  public String url() {
    InetSocketAddress a = server.getAddress();
    String host = a.getAddress().getHostAddress();
    if (host.contains(":")) {
      host = "[" + host + "]";
    }
    return "http://" + host + ":" + a.getPort() + "/";
  }

  /** Returns the number of connected event-stream clients. */
  public int eventClients() {
    return clients.size();
  }

  private void handle(HttpExchange ex) throws IOException {
    try {
      String method = ex.getRequestMethod();
      if (!method.equals("GET") && !method.equals("HEAD")) {
        text(ex, 405, "method not allowed");
        return;
      }
      String refused = refusal(ex);
      if (refused != null) {
        text(ex, 403, refused);
        return;
      }
      String path = ex.getRequestURI().getPath();
      if (path.equals("/")) {
        path = "/index.html";
      }
      if (path.equals("/events")) {
        events(ex);
        return;
      }
      if (path.equals("/metrics")) {
        bytes(ex, 200, "text/plain; version=0.0.4; charset=utf-8", utf8(metrics.scrape()));
      } else if (path.equals("/healthz")) {
        text(ex, 200, "ok");
      } else if (path.equals("/api/state")) {
        StringBuilder sb = new StringBuilder("{");
        for (Map.Entry<String, String> e : state.current().entrySet()) {
          if (sb.length() > 1) {
            sb.append(',');
          }
          sb.append('"').append(e.getKey()).append("\":").append(e.getValue());
        }
        bytes(ex, 200, "application/json", utf8(sb.append('}').toString()));
      } else if (path.startsWith("/api/")) {
        String topic = path.substring(5);
        String json = LiveDashboardState.TOPICS.contains(topic) ? state.current(topic) : null;
        if (json == null) {
          text(ex, 404, "no such topic or no value yet: " + topic);
        } else {
          bytes(ex, 200, "application/json", utf8(json));
        }
      } else if (PAGES.contains(path.substring(1))) {
        resource(ex, "web" + path);
      } else if (path.startsWith("/static/") && safe(path)) {
        resource(ex, "web" + path);
      } else if (path.startsWith("/webjars/") && safe(path)) {
        resource(ex, webjarResource(path.substring("/webjars/".length())));
      } else {
        text(ex, 404, "not found");
      }
    } catch (IOException e) {
      LOG.debug("dashboard request failed: {}", e.toString());
    } finally {
      if (!ex.getRequestURI().getPath().equals("/events")) {
        ex.close();
      }
    }
  }

  /** Returns why a request is refused, or null when it may proceed. */
  private String refusal(HttpExchange ex) {
    String host = ex.getRequestHeaders().getFirst("Host");
    if (host == null || !hostAllowed(host)) {
      return "foreign Host header";
    }
    String origin = ex.getRequestHeaders().getFirst("Origin");
    if (origin != null) {
      try {
        URI o = URI.create(origin);
        String h = o.getHost() == null ? "" : o.getHost();
        int p = o.getPort() < 0 ? 80 : o.getPort();
        if (!hostAllowed(h + ":" + p)) {
          return "foreign Origin";
        }
      } catch (IllegalArgumentException e) {
        return "bad Origin";
      }
    }
    if (token != null && !token.isEmpty() && !tokenOk(ex)) {
      return "missing or wrong token";
    }
    return null;
  }

  private boolean hostAllowed(String hostHeader) {
    String h = hostHeader.toLowerCase(Locale.ROOT);
    int port = server.getAddress().getPort();
    String name = h;
    int hostPort = 80;
    int colon = h.lastIndexOf(':');
    if (colon > 0 && !h.endsWith("]")) {
      name = h.substring(0, colon);
      try {
        hostPort = Integer.parseInt(h.substring(colon + 1));
      } catch (NumberFormatException e) {
        return false;
      }
    }
    if (hostPort != port) {
      return false;
    }
    if (loopback) {
      return name.equals("127.0.0.1") || name.equals("localhost") || name.equals("[::1]");
    }
    return true; // exposed on purpose: the token decides
  }

  private boolean tokenOk(HttpExchange ex) {
    String auth = ex.getRequestHeaders().getFirst("Authorization");
    if (auth != null && auth.startsWith("Bearer ") && same(auth.substring(7), token)) {
      return true;
    }
    String cookie = ex.getRequestHeaders().getFirst("Cookie");
    if (cookie != null) {
      for (String c : cookie.split(";")) {
        String t = c.strip();
        if (t.startsWith("bs_token=") && same(t.substring(9), token)) {
          return true;
        }
      }
    }
    String q = ex.getRequestURI().getRawQuery();
    if (q != null) {
      for (String kv : q.split("&")) {
        if (kv.startsWith("token=")
            && same(java.net.URLDecoder.decode(kv.substring(6), StandardCharsets.UTF_8), token)) {
          ex.getResponseHeaders()
              .add("Set-Cookie", "bs_token=" + token + "; HttpOnly; SameSite=Strict; Path=/");
          return true;
        }
      }
    }
    return false;
  }

  private static boolean same(String a, String b) {
    return MessageDigest.isEqual(utf8(a), utf8(b));
  }

  private static boolean safe(String path) {
    return !path.contains("..") && !path.contains("//") && !path.contains("\\");
  }

  /**
   * Maps {@code name/rest} to the WebJar resource, inserting the WebJar's version when the path has
   * none (pages refer to {@code /webjars/chart.js/dist/chart.umd.js}, so a version bump of the
   * WebJar needs no page change).
   */
  public static String webjarResource(String path) {
    ClassLoader cl = DashboardServer.class.getClassLoader();
    if (cl.getResource(WEBJARS + path) != null) {
      return WEBJARS + path;
    }
    int slash = path.indexOf('/');
    if (slash <= 0) {
      return WEBJARS + path;
    }
    String name = path.substring(0, slash);
    for (String group : List.of("org.webjars.npm", "org.webjars")) {
      String props = "META-INF/maven/" + group + "/" + name + "/pom.properties";
      try (InputStream in = cl.getResourceAsStream(props)) {
        if (in != null) {
          java.util.Properties p = new java.util.Properties();
          p.load(in);
          return WEBJARS + name + "/" + p.getProperty("version") + path.substring(slash);
        }
      } catch (IOException e) {
        // fall through: not found
      }
    }
    return WEBJARS + path;
  }

  private void resource(HttpExchange ex, String name) throws IOException {
    try (InputStream in = DashboardServer.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        text(ex, 404, "not found");
        return;
      }
      byte[] body = in.readAllBytes();
      ex.getResponseHeaders().set("Cache-Control", "no-cache");
      bytes(ex, 200, contentType(name), body);
    }
  }

  private static String contentType(String name) {
    if (name.endsWith(".html")) {
      return "text/html; charset=utf-8";
    }
    if (name.endsWith(".js")) {
      return "text/javascript; charset=utf-8";
    }
    if (name.endsWith(".css")) {
      return "text/css; charset=utf-8";
    }
    if (name.endsWith(".json") || name.endsWith(".map")) {
      return "application/json";
    }
    if (name.endsWith(".svg")) {
      return "image/svg+xml";
    }
    return "application/octet-stream";
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static void text(HttpExchange ex, int status, String body) throws IOException {
    bytes(ex, status, "text/plain; charset=utf-8", utf8(body));
  }

  private static void bytes(HttpExchange ex, int status, String type, byte[] body)
      throws IOException {
    ex.getResponseHeaders().set("Content-Type", type);
    ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    ex.getResponseHeaders()
        .set(
            "Content-Security-Policy",
            "default-src 'self'; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'");
    boolean head = ex.getRequestMethod().equals("HEAD");
    ex.sendResponseHeaders(status, head ? -1 : (body.length == 0 ? -1 : body.length));
    if (!head && body.length > 0) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    }
  }

  // ---- server-sent events ----

  /** One event-stream client: the latest value per topic plus queued equity points. */
  private static final class Client {
    final Map<String, String> pending = new LinkedHashMap<>();
    final ArrayDeque<String> points = new ArrayDeque<>();
    boolean resendEquity;
  }

  private void broadcast(String topic, String json) {
    for (Client c : clients) {
      synchronized (c) {
        if (topic.equals("equity-point")) {
          if (c.points.size() >= 1000) {
            c.points.clear();
            c.resendEquity = true;
          } else if (!c.resendEquity) {
            c.points.addLast(json);
          }
        } else {
          c.pending.remove(topic);
          c.pending.put(topic, json);
        }
        c.notifyAll();
      }
    }
  }

  private void events(HttpExchange ex) throws IOException {
    ex.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
    ex.getResponseHeaders().set("Cache-Control", "no-cache");
    ex.getResponseHeaders().set("X-Accel-Buffering", "no");
    ex.sendResponseHeaders(200, 0);
    Client c = new Client();
    synchronized (c) {
      c.pending.putAll(state.current());
    }
    clients.add(c);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(utf8("retry: 2000\n\n"));
      out.flush();
      while (!closed) {
        StringBuilder batch = new StringBuilder();
        synchronized (c) {
          if (c.pending.isEmpty() && c.points.isEmpty() && !c.resendEquity) {
            c.wait(HEARTBEAT_MILLIS);
          }
          if (c.resendEquity) {
            c.resendEquity = false;
            String eq = state.current("equity");
            if (eq != null) {
              c.pending.put("equity", eq);
            }
          }
          for (Map.Entry<String, String> e : c.pending.entrySet()) {
            event(batch, e.getKey(), e.getValue());
          }
          c.pending.clear();
          for (String p : c.points) {
            event(batch, "equity-point", p);
          }
          c.points.clear();
        }
        if (batch.length() == 0) {
          batch.append(": keep-alive\n\n");
        }
        out.write(utf8(batch.toString()));
        out.flush();
      }
    } catch (IOException e) {
      LOG.debug("event client gone: {}", e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      clients.remove(c);
      ex.close();
    }
  }

  private static void event(StringBuilder sb, String topic, String json) {
    sb.append("event: ").append(topic).append('\n');
    sb.append("data: ").append(json).append("\n\n");
  }

  /** Stops the server and ends every event stream. */
  @Override
  public void close() {
    closed = true;
    unsubscribe.run();
    for (Client c : clients) {
      synchronized (c) {
        c.notifyAll();
      }
    }
    server.stop(0);
    executor.shutdownNow();
    try {
      executor.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
