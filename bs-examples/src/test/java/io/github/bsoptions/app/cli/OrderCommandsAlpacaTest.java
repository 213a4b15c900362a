package io.github.bsoptions.app.cli;

import static io.github.bsoptions.app.cli.ChainCommandTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
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

/** {@code bs order/orders/cancel --broker alpaca-paper} against a fake Alpaca keeping a book. */
class OrderCommandsAlpacaTest {
  @TempDir Path dir;
  MockWebServer server;
  final Map<String, String[]> book = new ConcurrentHashMap<>(); // id -> cid, symbol, qty, status
  final List<String> log = new CopyOnWriteArrayList<>();
  final AtomicInteger ids = new AtomicInteger();

  static String orderJson(String id, String[] o) {
    return "{\"id\":\""
        + id
        + "\",\"client_order_id\":\""
        + o[0]
        + "\",\"symbol\":\""
        + o[1]
        + "\",\"asset_class\":\"us_option\",\"qty\":\""
        + o[2]
        + "\",\"filled_qty\":\"0\",\"filled_avg_price\":null,\"order_class\":\"\","
        + "\"type\":\"limit\",\"side\":\"buy\",\"time_in_force\":\"day\","
        + "\"limit_price\":\"3.45\",\"status\":\""
        + o[3]
        + "\",\"legs\":null}";
  }

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest r) {
            String path = r.getPath();
            log.add(r.getMethod() + " " + path + " key=" + r.getHeader("APCA-API-KEY-ID"));
            try {
              if (r.getMethod().equals("POST") && path.equals("/v2/orders")) {
                JsonNode body = new ObjectMapper().readTree(r.getBody().readUtf8());
                String id = "ord-" + ids.incrementAndGet();
                String[] o = {
                  body.get("client_order_id").asText(),
                  body.get("symbol").asText(),
                  body.get("qty").asText(),
                  "new"
                };
                book.put(id, o);
                return new MockResponse().setBody(orderJson(id, o));
              }
              if (path.startsWith("/v2/orders:by_client_order_id")) {
                String cid = r.getRequestUrl().queryParameter("client_order_id");
                for (Map.Entry<String, String[]> e : book.entrySet()) {
                  if (e.getValue()[0].equals(cid)) {
                    return new MockResponse().setBody(orderJson(e.getKey(), e.getValue()));
                  }
                }
                return new MockResponse()
                    .setResponseCode(404)
                    .setBody("{\"code\":40410000,\"message\":\"order not found\"}");
              }
              if (path.startsWith("/v2/orders?")) {
                boolean open = "open".equals(r.getRequestUrl().queryParameter("status"));
                StringBuilder sb = new StringBuilder("[");
                book.forEach(
                    (id, o) -> {
                      if (!open || o[3].equals("new")) {
                        sb.append(sb.length() > 1 ? "," : "").append(orderJson(id, o));
                      }
                    });
                return new MockResponse().setBody(sb.append(']').toString());
              }
              if (path.startsWith("/v2/orders/")) {
                String id = path.substring("/v2/orders/".length());
                String[] o = book.get(id);
                if (o == null) {
                  return new MockResponse()
                      .setResponseCode(404)
                      .setBody("{\"code\":40410000,\"message\":\"order not found\"}");
                }
                if (r.getMethod().equals("DELETE")) {
                  o[3] = "canceled";
                  return new MockResponse().setResponseCode(204);
                }
                return new MockResponse().setBody(orderJson(id, o));
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

  private String[] alpaca(String... args) {
    String base = server.url("/").toString().replaceAll("/$", "");
    List<String> all = new java.util.ArrayList<>(List.of(args));
    all.addAll(
        List.of(
            "--broker",
            "alpaca-paper",
            "--state-dir",
            dir.toString(),
            "--set",
            "APCA_API_KEY_ID=PKFAKEKEY0123456789",
            "--set",
            "APCA_API_SECRET_KEY=fakeSecretValue0123456789",
            "--set",
            "baseUrl=" + base,
            "--set",
            "streamUrl=" + base.replace("http", "ws") + "/stream"));
    return run(all.toArray(String[]::new));
  }

  @Test
  void submitListAndCancelThroughTheEngine() {
    String sym = "AAPL261016C00250000";
    String[] placed =
        alpaca(
            "order",
            "--symbol",
            sym,
            "--side",
            "buy",
            "--qty",
            "2",
            "--type",
            "limit",
            "--limit-price",
            "3.45");
    assertThat(placed[0]).as(placed[2]).isEqualTo("0");
    String[] row = placed[1].lines().toList().get(1).trim().split("\\s+");
    assertThat(row[0]).isEqualTo("ord-1");
    assertThat(row[3]).isEqualTo("new");
    String cid = row[1];
    assertThat(book.get("ord-1")[0]).isEqualTo(cid);
    assertThat(log).anyMatch(s -> s.startsWith("POST /v2/orders key=PKFAKEKEY0123456789"));

    String[] orders = alpaca("orders", "--open");
    assertThat(orders[0]).as(orders[2]).isEqualTo("0");
    assertThat(orders[1]).contains(cid).contains("ord-1");

    String[] cancel = alpaca("cancel", cid);
    assertThat(cancel[0]).as(cancel[2]).isEqualTo("0");
    assertThat(cancel[1]).contains("canceled");
    assertThat(book.get("ord-1")[3]).isEqualTo("canceled");
    assertThat(log).anyMatch(s -> s.startsWith("DELETE /v2/orders/ord-1"));
    assertThat(log.stream().filter(s -> s.startsWith("POST")).count()).isEqualTo(1);
  }
}
