package io.github.bsoptions.app.cli;

import static io.github.bsoptions.app.cli.ChainCommandTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.bsoptions.exec.journal.EntryType;
import io.github.bsoptions.exec.journal.JournalRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

/**
 * {@code bs run --broker alpaca-paper} on the simulated market against a fake Alpaca trading API
 * that accepts orders and leaves them working: the loop's orders reach it through the engine, and a
 * restart reconciles them from the journal without sending any of them again.
 */
class RunCommandAlpacaTest {
  static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;
  MockWebServer server;
  final Map<String, ObjectNode> book = new ConcurrentHashMap<>(); // id -> order JSON
  final List<String> posts = new CopyOnWriteArrayList<>();
  final AtomicInteger ids = new AtomicInteger();

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
                JsonNode body = JSON.readTree(r.getBody().readUtf8());
                String id = "ord-" + ids.incrementAndGet();
                ObjectNode o = JSON.createObjectNode();
                o.put("id", id);
                o.put("client_order_id", body.path("client_order_id").asText());
                o.set("symbol", body.get("symbol"));
                o.put("qty", body.path("qty").asText());
                o.put("filled_qty", "0");
                o.putNull("filled_avg_price");
                o.put("status", "new");
                o.set("legs", body.get("legs"));
                book.put(id, o);
                posts.add(body.path("client_order_id").asText());
                return json(o.toString());
              }
              if (path.startsWith("/v2/orders:by_client_order_id")) {
                String cid = r.getRequestUrl().queryParameter("client_order_id");
                for (ObjectNode o : book.values()) {
                  if (o.path("client_order_id").asText().equals(cid)) {
                    return json(o.toString());
                  }
                }
                return notFound();
              }
              if (path.startsWith("/v2/orders?")) {
                return json(JSON.valueToTree(new ArrayList<>(book.values())).toString());
              }
              if (path.startsWith("/v2/orders/")) {
                ObjectNode o = book.get(path.substring("/v2/orders/".length()));
                return o == null ? notFound() : json(o.toString());
              }
              if (path.equals("/v2/account")) {
                return json(
                    "{\"id\":\"acct-1\",\"cash\":\"250000\",\"buying_power\":\"500000\","
                        + "\"options_buying_power\":\"250000\",\"options_trading_level\":\"3\"}");
              }
              if (path.startsWith("/v2/account/activities") || path.equals("/v2/positions")) {
                return json("[]");
              }
              return new MockResponse().setResponseCode(404);
            } catch (IOException e) {
              return new MockResponse().setResponseCode(400);
            }
          }
        });
    server.start();
  }

  static MockResponse json(String body) {
    return new MockResponse().setHeader("Content-Type", "application/json").setBody(body);
  }

  static MockResponse notFound() {
    return new MockResponse()
        .setResponseCode(404)
        .setBody("{\"code\":40410000,\"message\":\"order not found\"}");
  }

  @AfterEach
  void stop() throws IOException {
    server.shutdown();
  }

  private String[] runAlpaca(int cycles) {
    String base = server.url("/").toString().replaceAll("/$", "");
    return run(
        "run",
        "--source",
        "simulated",
        "--broker",
        "alpaca-paper",
        "--cycles",
        Integer.toString(cycles),
        "--interval",
        "0",
        "--no-ml",
        "--state-dir",
        dir.resolve("state").toString(),
        "--output",
        dir.resolve("out").toString(),
        "--set",
        "APCA_API_KEY_ID=PKFAKEKEY0123456789",
        "--set",
        "APCA_API_SECRET_KEY=fakeSecretValue0123456789",
        "--set",
        "baseUrl=" + base,
        "--set",
        "streamUrl=" + base.replace("http", "ws") + "/stream");
  }

  @Test
  void ordersReachAlpacaAndARestartReconcilesWithoutResending() throws Exception {
    String[] first = runAlpaca(2);
    assertThat(first[0]).as(first[2]).isEqualTo("0");
    assertThat(posts).isNotEmpty();
    assertThat(first[1]).contains("order(s) left working at alpaca-paper (not canceled");
    int sent = posts.size();

    String[] second = runAlpaca(1);
    assertThat(second[0]).as(second[2]).isEqualTo("0");
    assertThat(second[1])
        .contains("resumed (run 2)")
        .contains("reconciled with alpaca-paper (no discrepancies)")
        .contains("broker holds " + sent + " order(s) (" + sent + " open)");
    // the working entries are still managed: nothing was entered twice
    assertThat(posts).hasSize(sent);
    Set<String> intents = new HashSet<>();
    for (JournalRecord r : RunCommandTest.runJournal(dir.resolve("state"), "alpaca-paper")) {
      if (r.type() == EntryType.INTENT) {
        intents.add(r.clientOrderId());
      }
    }
    assertThat(intents).containsExactlyInAnyOrderElementsOf(posts);
  }
}
