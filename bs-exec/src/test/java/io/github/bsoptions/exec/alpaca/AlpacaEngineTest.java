package io.github.bsoptions.exec.alpaca;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.bsoptions.exec.engine.ExecutionEngine;
import io.github.bsoptions.exec.journal.Journal;
import io.github.bsoptions.exec.journal.Resolution;
import io.github.bsoptions.exec.order.OrderRequest;
import io.github.bsoptions.exec.order.Side;
import io.github.bsoptions.exec.routing.SmartOrderRouter;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** O-4: the engine against a fake Alpaca that keeps its own book and enforces id uniqueness. */
class AlpacaEngineTest {
  static final String CALL = "AAPL261016C00250000";
  @TempDir Path dir;
  MockWebServer server;
  final Map<String, String> book = new ConcurrentHashMap<>();
  final List<String> log = new CopyOnWriteArrayList<>();
  volatile String faultAfterAccept = "";
  final AtomicInteger hideLookups = new AtomicInteger();

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest r) {
            String path = r.getPath();
            log.add(r.getMethod() + " " + path);
            try {
              if (r.getMethod().equals("POST") && path.equals("/v2/orders")) {
                JsonNode body = new ObjectMapper().readTree(r.getBody().readUtf8());
                String cid = body.get("client_order_id").asText();
                if (book.containsKey(cid)) {
                  return new MockResponse()
                      .setResponseCode(422)
                      .setBody(
                          "{\"code\":40010001,\"message\":\"client_order_id must be unique\"}");
                }
                String json =
                    AlpacaBrokerClientTest.orderJson(
                            cid, "new", body.get("qty").asText(), "0", null)
                        .replace("0d8b2f6e-3c1a", "id-" + cid);
                book.put(cid, json);
                String f = faultAfterAccept;
                faultAfterAccept = "";
                if (f.equals("504")) {
                  return new MockResponse().setResponseCode(504);
                }
                return new MockResponse().setBody(json);
              }
              if (path.startsWith("/v2/orders:by_client_order_id")) {
                String cid = r.getRequestUrl().queryParameter("client_order_id");
                if (book.containsKey(cid) && hideLookups.getAndDecrement() <= 0) {
                  return new MockResponse().setBody(book.get(cid));
                }
                return new MockResponse()
                    .setResponseCode(404)
                    .setBody("{\"code\":40410000,\"message\":\"order not found\"}");
              }
              if (path.startsWith("/v2/orders?")) {
                return new MockResponse().setBody("[" + String.join(",", book.values()) + "]");
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
  }

  @AfterEach
  void stop() throws IOException {
    server.shutdown();
  }

  ExecutionEngine engine(String file) {
    AlpacaConfig cfg =
        AlpacaConfig.of(
            URI.create(server.url("/").toString().replaceAll("/$", "")),
            null,
            Secret.of("PKFAKEKEY0123456789"),
            Secret.of("fakeSecretValue0123456789"),
            false,
            Duration.ofSeconds(3),
            200);
    AlpacaBrokerClient c = new AlpacaBrokerClient("alpaca-paper", cfg, Clock.systemUTC());
    Journal j = Journal.open(dir.resolve(file), Journal.Durability.FSYNC, "t");
    return ExecutionEngine.start(
        j,
        SmartOrderRouter.single(c, Clock.systemUTC()),
        PreTradeGate.ACCEPT_ALL,
        Instant.EPOCH,
        2);
  }

  private long posts() {
    return log.stream().filter(s -> s.startsWith("POST")).count();
  }

  @Test
  void acceptedButLostIsQueriedNotResent() {
    ExecutionEngine e = engine("a.journal");
    faultAfterAccept = "504";
    Outcome o = e.submit("s1", OrderRequest.limit("d", CALL, Side.BUY, 1, 3.45));
    assertThat(o).isInstanceOf(Outcome.Unknown.class);
    int before = log.size();
    assertThat(e.resolveUnknowns()).isZero();
    // The first REST call after the unknown outcome is the lookup by client order id (the client's
    // trade_updates stream, GET /stream, connects on its own thread at any moment: not counted).
    List<String> rest =
        log.subList(before, log.size()).stream().filter(s -> s.contains(" /v2/")).toList();
    assertThat(rest).isNotEmpty();
    assertThat(rest.get(0))
        .startsWith("GET /v2/orders:by_client_order_id?client_order_id=" + o.clientOrderId());
    assertThat(posts()).isEqualTo(1);
    assertThat(e.order(o.clientOrderId()).resolution()).isEqualTo(Resolution.CONFIRMED);
    assertThat(e.order(o.clientOrderId()).brokerOrderId()).isEqualTo("id-" + o.clientOrderId());
  }

  @Test
  void lateFirstCopyIsCaughtByTheSameIdAndAdopted() {
    ExecutionEngine e = engine("b.journal");
    faultAfterAccept = "504";
    hideLookups.set(2); // the broker's lookups lag behind its order entry
    Outcome o = e.submit("s1", OrderRequest.limit("d", CALL, Side.BUY, 1, 3.45));
    assertThat(e.resolveUnknowns()).isEqualTo(1); // not found once: wait
    assertThat(e.resolveUnknowns()).isEqualTo(1); // not found twice: resend, same id -> 422 unique
    assertThat(posts()).isEqualTo(2);
    assertThat(e.resolveUnknowns()).isZero(); // found: adopted
    assertThat(book).hasSize(1);
    assertThat(e.order(o.clientOrderId()).resolution()).isEqualTo(Resolution.CONFIRMED);
  }
}
