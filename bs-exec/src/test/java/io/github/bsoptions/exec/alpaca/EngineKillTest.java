package io.github.bsoptions.exec.alpaca;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.bsoptions.exec.engine.ExecutionEngine;
import io.github.bsoptions.exec.journal.EntryType;
import io.github.bsoptions.exec.journal.JdbcJournal;
import io.github.bsoptions.exec.journal.Journal;
import io.github.bsoptions.exec.journal.JournalBackend;
import io.github.bsoptions.exec.journal.JournalRecord;
import io.github.bsoptions.exec.journal.JournalStore;
import io.github.bsoptions.exec.order.OrderStatus;
import io.github.bsoptions.exec.routing.SmartOrderRouter;
import io.github.bsoptions.exec.spi.PreTradeGate;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * J-1 at the engine level: a real process runs the engine (database journal on embedded HSQLDB or
 * H2, {@code FSYNC}, group commit; or the file journal) against a fake Alpaca in this JVM that
 * fills every order at once, and is killed with SIGKILL while submitting as fast as it can —
 * between an intent commit, its {@code POST}, and the deferred acknowledgement. A restart in this
 * process must then start cleanly: no client order id sent twice, every order the fake holds known
 * and filled, intents that never reached the fake abandoned, positions equal to the fake's.
 */
class EngineKillTest {
  static final String CALL = "AAPL261016C00250000";
  @TempDir Path dir;
  MockWebServer server;

  /** cid -> order JSON (filled). */
  final Map<String, String> book = new ConcurrentHashMap<>();

  final Map<String, AtomicInteger> posts = new ConcurrentHashMap<>();
  final List<String> activities = new java.util.concurrent.CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest r) {
            String path = r.getPath();
            try {
              if (r.getMethod().equals("POST") && path.equals("/v2/orders")) {
                JsonNode body = new ObjectMapper().readTree(r.getBody().readUtf8());
                String cid = body.get("client_order_id").asText();
                posts.computeIfAbsent(cid, k -> new AtomicInteger()).incrementAndGet();
                synchronized (book) {
                  if (book.containsKey(cid)) {
                    return new MockResponse()
                        .setResponseCode(422)
                        .setBody(
                            "{\"code\":40010001,\"message\":\"client_order_id must be unique\"}");
                  }
                  String json =
                      AlpacaBrokerClientTest.orderJson(cid, "filled", "1", "1", "2.5")
                          .replace("0d8b2f6e-3c1a", "id-" + cid);
                  book.put(cid, json);
                  activities.add(
                      "{\"id\":\"act-"
                          + activities.size()
                          + "\",\"activity_type\":\"FILL\",\"order_id\":\"id-"
                          + cid
                          + "\",\"symbol\":\""
                          + CALL
                          + "\",\"side\":\"buy\",\"qty\":\"1\",\"price\":\"2.5\","
                          + "\"transaction_time\":\"2026-09-14T14:31:02Z\"}");
                  return new MockResponse().setBody(json);
                }
              }
              if (path.startsWith("/v2/orders:by_client_order_id")) {
                String json = book.get(r.getRequestUrl().queryParameter("client_order_id"));
                return json != null
                    ? new MockResponse().setBody(json)
                    : new MockResponse()
                        .setResponseCode(404)
                        .setBody("{\"code\":40410000,\"message\":\"order not found\"}");
              }
              if (path.startsWith("/v2/orders/id-")) {
                String json = book.get(path.substring("/v2/orders/id-".length()));
                return json != null
                    ? new MockResponse().setBody(json)
                    : new MockResponse().setResponseCode(404);
              }
              if (path.startsWith("/v2/orders?")) {
                boolean open = !path.contains("status=all") && !path.contains("status=closed");
                return new MockResponse()
                    .setBody(open ? "[]" : "[" + String.join(",", book.values()) + "]");
              }
              if (path.startsWith("/v2/account/activities")) {
                // paged like Alpaca: page_size, then page_token = the last id of the page before
                String token = r.getRequestUrl().queryParameter("page_token");
                String size = r.getRequestUrl().queryParameter("page_size");
                int from = token == null ? 0 : Integer.parseInt(token.substring(4)) + 1;
                int to =
                    Math.min(
                        activities.size(), from + (size == null ? 100 : Integer.parseInt(size)));
                return new MockResponse()
                    .setBody("[" + String.join(",", activities.subList(from, to)) + "]");
              }
              if (path.equals("/v2/positions")) {
                int n = book.size();
                return new MockResponse()
                    .setBody(
                        n == 0
                            ? "[]"
                            : "[{\"symbol\":\""
                                + CALL
                                + "\",\"qty\":\""
                                + n
                                + "\",\"avg_entry_price\":\"2.5\"}]");
              }
              return new MockResponse().setResponseCode(404);
            } catch (IOException e) {
              return new MockResponse().setResponseCode(400);
            }
          }
        });
    server.start();
  }

  @AfterEach
  void stop() throws IOException {
    server.shutdown();
  }

  @ParameterizedTest
  @ValueSource(strings = {"hsqldb", "h2", "file"})
  void killedWhileSubmittingRecoversWithoutDuplicatesOrLostFills(String store) throws Exception {
    killAndRecover(store, 3, 7);
  }

  @ParameterizedTest
  @ValueSource(strings = {"hsqldb", "h2", "file"})
  @Tag("long")
  void manyKills(String store) throws Exception {
    killAndRecover(store, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89);
  }

  private void killAndRecover(String store, int... kills) throws Exception {
    String base = server.url("/").toString().replaceAll("/$", "");
    String target =
        switch (store) {
          case "h2" -> "jdbc:h2:file:" + dir.toAbsolutePath().resolve("journal");
          case "hsqldb" -> JournalBackend.hsqldbUrl(dir.toAbsolutePath().resolve("journal"));
          default -> dir.resolve("engine.journal").toString();
        };
    for (int k : kills) {
      runAndKill(List.of(base, store, target), k);
      try (JournalStore j = open(store, target);
          AlpacaBrokerClient c = EngineKillChild.client(base)) {
        ExecutionEngine e =
            ExecutionEngine.start(
                j,
                SmartOrderRouter.single(c, Clock.systemUTC()),
                PreTradeGate.ACCEPT_ALL,
                Instant.EPOCH,
                2);
        try {
          assertThat(posts.values()).allMatch(n -> n.get() == 1); // no id sent twice
          for (String cid : book.keySet()) {
            assertThat(e.order(cid)).as(cid).isNotNull();
            assertThat(e.order(cid).state().status()).isEqualTo(OrderStatus.FILLED);
          }
          assertThat(e.openOrders()).isEmpty(); // intents that never reached the fake: abandoned
          assertThat(e.positions()).isEqualTo(Map.of(CALL, (long) book.size()));
          assertThat(e.auditOrdersOut()).isEmpty();
          long intents = j.readAll().stream().filter(r -> r.type() == EntryType.INTENT).count();
          assertThat(intents).isGreaterThanOrEqualTo(book.size());
          List<JournalRecord> fills =
              j.readAll().stream().filter(r -> r.type() == EntryType.FILL).toList();
          assertThat(fills).hasSize(book.size()); // each fill journalled once
        } finally {
          e.close();
        }
      }
    }
    assertThat(book.size()).isGreaterThanOrEqualTo(java.util.Arrays.stream(kills).sum());
  }

  private static JournalStore open(String store, String target) {
    if (store.equals("hsqldb")) {
      return JdbcJournal.open(JournalBackend.hsqldb(target), "alpaca", "kill");
    }
    if (store.equals("h2")) {
      JdbcDataSource ds = new JdbcDataSource();
      ds.setURL(target);
      return JdbcJournal.open(ds, "alpaca", "kill");
    }
    return Journal.open(Path.of(target), Journal.Durability.FSYNC, "kill");
  }

  private void runAndKill(List<String> args, int confirmations) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(EngineKillChild.class.getName());
    cmd.addAll(args);
    Path errFile = Files.createTempFile(dir, "child", ".err");
    Process p = new ProcessBuilder(cmd).redirectError(errFile.toFile()).start();
    int seen = 0;
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while (seen < confirmations && (line = r.readLine()) != null) {
        if (line.startsWith("confirmed ")) {
          seen++;
        }
      }
      p.destroyForcibly(); // SIGKILL mid-loop: no close, no flush
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(seen).as("child stderr: %s", Files.readString(errFile)).isEqualTo(confirmations);
  }
}
