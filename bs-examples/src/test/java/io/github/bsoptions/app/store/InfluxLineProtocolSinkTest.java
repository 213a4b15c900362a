package io.github.bsoptions.app.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InfluxLineProtocolSinkTest {
  private HttpServer server;
  private final List<String> bodies = new CopyOnWriteArrayList<>();
  private final List<String> uris = new CopyOnWriteArrayList<>();
  private final List<String> auth = new CopyOnWriteArrayList<>();
  private final AtomicInteger status = new AtomicInteger(204);

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/api/v2/write",
        ex -> {
          bodies.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          uris.add(ex.getRequestURI().toString());
          auth.add(String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
          byte[] msg =
              status.get() == 204
                  ? new byte[0]
                  : "{\"code\":\"invalid\"}".getBytes(StandardCharsets.UTF_8);
          ex.sendResponseHeaders(status.get(), msg.length == 0 ? -1 : msg.length);
          if (msg.length > 0) {
            ex.getResponseBody().write(msg);
          }
          ex.close();
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @Test
  void quotesAndPnlArriveAsLineProtocol() {
    InfluxLineProtocolSink sink = new InfluxLineProtocolSink(base(), "my org", "bs", "tok-abc");
    Instant t = Instant.parse("2026-03-02T14:30:00.000000123Z");
    sink.writeQuotes(
        List.of(
            new QuotePoint(
                t, "SPY 260320C00500000", 3.1, 3.3, 501.25, 0.21, 0.52, 0.013, 0.31, -0.05),
            new QuotePoint(
                t,
                "SPY,X=1",
                0.05,
                0.1,
                501.25,
                Double.NaN,
                Double.NaN,
                Double.NaN,
                Double.NaN,
                Double.NaN)));
    sink.writePnl(new PnlSnapshot(t, 100_500.5, 90_000, 400, 100.5, 12, 0.5, -30, -8));
    assertThat(uris)
        .allSatisfy(
            u ->
                assertThat(u)
                    .contains("org=my+org")
                    .contains("bucket=bs")
                    .contains("precision=ns"));
    assertThat(auth).containsOnly("Token tok-abc");
    String nanos = "1772461800000000123";
    assertThat(bodies.get(0).split("\n"))
        .containsExactly(
            "option_quote,symbol=SPY\\ 260320C00500000 bid=3.1,ask=3.3,underlying=501.25,iv=0.21,delta=0.52,gamma=0.013,vega=0.31,theta=-0.05 "
                + nanos,
            "option_quote,symbol=SPY\\,X\\=1 bid=0.05,ask=0.1,underlying=501.25 " + nanos);
    assertThat(bodies.get(1))
        .isEqualTo(
            "pnl equity=100500.5,cash=90000.0,realized=400.0,unrealized=100.5,net_delta=12.0,net_gamma=0.5,net_vega=-30.0,net_theta=-8.0 "
                + nanos
                + "\n");
    assertThat(sink.toString()).doesNotContain("tok-abc");
  }

  @Test
  void aRefusedWriteThrowsWithTheStatus() {
    status.set(400);
    InfluxLineProtocolSink sink = new InfluxLineProtocolSink(base(), "o", "b", "");
    assertThatThrownBy(() -> sink.writePnl(new PnlSnapshot(Instant.EPOCH, 1, 1, 0, 0, 0, 0, 0, 0)))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("400");
    assertThat(auth).containsOnly("null");
  }

  @Test
  void bothWritesToEachSink() throws Exception {
    InfluxLineProtocolSink influx = new InfluxLineProtocolSink(base(), "o", "b", "");
    java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("bs-influx-test");
    try (JdbcTradingStore db =
            JdbcTradingStore.open(JdbcTradingStore.embeddedUrl(dir.resolve("x")), "", "");
        TimeSeriesSink both = TimeSeriesSink.both(db, influx)) {
      PnlSnapshot s = new PnlSnapshot(Instant.EPOCH, 1, 1, 0, 0, 0, 0, 0, 0);
      both.writePnl(s);
      assertThat(db.pnl(Instant.EPOCH, Instant.EPOCH.plusSeconds(1))).containsExactly(s);
      assertThat(bodies).hasSize(1);
    }
  }
}
