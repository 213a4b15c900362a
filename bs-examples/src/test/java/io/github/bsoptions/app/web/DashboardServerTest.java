package io.github.bsoptions.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.bsoptions.app.obs.AppMetrics;
import io.github.bsoptions.app.obs.Stage;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DashboardServerTest {
  private final LiveDashboardState state = new LiveDashboardState();
  private final AppMetrics metrics = new AppMetrics();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private DashboardServer server;

  @BeforeEach
  void start() throws Exception {
    server = DashboardServer.start("127.0.0.1", 0, "", state, metrics);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(server.url() + path.substring(1)))
            .timeout(Duration.ofSeconds(10))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void defaultBindIsLoopbackAndPagesAndChartLibraryAreServed() throws Exception {
    assertThat(server.address().getAddress().isLoopbackAddress()).isTrue();
    for (String page : List.of("/", "/portfolio.html", "/system.html", "/backtest.html")) {
      HttpResponse<String> r = get(page);
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.body())
          .contains("/webjars/chart.js/dist/chart.umd.js")
          .contains("/static/app.js");
    }
    HttpResponse<String> js = get("/webjars/chart.js/dist/chart.umd.js");
    assertThat(js.statusCode()).isEqualTo(200);
    assertThat(js.headers().firstValue("Content-Type"))
        .get()
        .asString()
        .startsWith("text/javascript");
    assertThat(js.body()).contains("Chart.js");
    assertThat(get("/static/app.js").statusCode()).isEqualTo(200);
    assertThat(get("/static/../../logback.xml").statusCode()).isEqualTo(404);
    assertThat(get("/nothing").statusCode()).isEqualTo(404);
  }

  @Test
  void jsonEndpointsCarryPublishedValuesWithNaNAsNull() throws Exception {
    assertThat(get("/api/chain").statusCode()).isEqualTo(404);
    state.publishChain(SampleMarket.chain(1_000));
    state.publishSignals(
        List.of(new Views.Signal(5, "SPY", "ntm", "LONG", 0.8, Double.NaN, "why")));
    state.appendEquity(new Views.EquityPoint(1, 100_000, 0, 0));
    state.appendEquity(new Views.EquityPoint(2, 100_010, 5, 5));
    JsonNode all = LiveDashboardState.mapper().readTree(get("/api/state").body());
    assertThat(all.get("chain").get("rows")).hasSize(24);
    assertThat(all.get("signals").get(0).get("probability").isNull()).isTrue();
    assertThat(all.get("equity")).hasSize(2);
    JsonNode chain = LiveDashboardState.mapper().readTree(get("/api/chain").body());
    assertThat(chain.get("spot").asDouble()).isEqualTo(500.0);
  }

  @Test
  void metricsEndpointServesPrometheusText() throws Exception {
    metrics.latency().record(Stage.ORDER_SUBMISSION, 250_000);
    HttpResponse<String> r = get("/metrics");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("bs_stage_latency_seconds_count{stage=\"order_submission\"} 1");
  }

  @Test
  void eventStreamSendsCurrentStateThenUpdates() throws Exception {
    state.publishHealth(List.of(new Views.Health("simulated", "source", "UP", "ok", 1)));
    HttpResponse<InputStream> r =
        http.send(
            HttpRequest.newBuilder(URI.create(server.url() + "events")).build(),
            HttpResponse.BodyHandlers.ofInputStream());
    assertThat(r.headers().firstValue("Content-Type"))
        .get()
        .asString()
        .startsWith("text/event-stream");
    BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8));
    CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> readEvent(in, "health"));
    assertThat(first.get(10, TimeUnit.SECONDS)).contains("\"simulated\"");
    CompletableFuture<String> next =
        CompletableFuture.supplyAsync(() -> readEvent(in, "portfolio"));
    state.publishPortfolio(SampleMarket.portfolio(7, "SPY260401C00505000", 3));
    assertThat(next.get(10, TimeUnit.SECONDS)).contains("SPY260401C00505000");
    CompletableFuture<String> point =
        CompletableFuture.supplyAsync(() -> readEvent(in, "equity-point"));
    state.appendEquity(new Views.EquityPoint(9, 123_456, 1, 2));
    assertThat(point.get(10, TimeUnit.SECONDS)).contains("123456");
    r.body().close();
  }

  private static String readEvent(BufferedReader in, String topic) {
    try {
      String line;
      boolean match = false;
      while ((line = in.readLine()) != null) {
        if (line.equals("event: " + topic)) {
          match = true;
        } else if (match && line.startsWith("data: ")) {
          return line.substring(6);
        }
      }
      return null;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private String raw(String request) throws Exception {
    try (Socket s = new Socket("127.0.0.1", server.address().getPort())) {
      s.setSoTimeout(10_000);
      OutputStream out = s.getOutputStream();
      out.write(request.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      return new BufferedReader(
              new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII))
          .readLine();
    }
  }

  @Test
  void foreignHostOrOriginIsRefusedAndOnlyReadsAreServed() throws Exception {
    int port = server.address().getPort();
    assertThat(
            raw(
                "GET /api/state HTTP/1.1\r\nHost: 127.0.0.1:"
                    + port
                    + "\r\nConnection: close\r\n\r\n"))
        .contains("200");
    assertThat(
            raw(
                "GET /api/state HTTP/1.1\r\nHost: localhost:"
                    + port
                    + "\r\nConnection: close\r\n\r\n"))
        .contains("200");
    assertThat(
            raw(
                "GET /api/state HTTP/1.1\r\nHost: evil.example:"
                    + port
                    + "\r\nConnection: close\r\n\r\n"))
        .contains("403");
    assertThat(
            raw(
                "GET /api/state HTTP/1.1\r\nHost: 127.0.0.1:"
                    + port
                    + "\r\nOrigin: http://evil.example\r\nConnection: close\r\n\r\n"))
        .contains("403");
    assertThat(
            raw(
                "GET /api/state HTTP/1.1\r\nHost: 127.0.0.1:"
                    + port
                    + "\r\nOrigin: http://127.0.0.1:"
                    + port
                    + "\r\nConnection: close\r\n\r\n"))
        .contains("200");
    assertThat(
            raw(
                "POST /api/state HTTP/1.1\r\nHost: 127.0.0.1:"
                    + port
                    + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"))
        .contains("405");
  }

  @Test
  void nonLoopbackBindNeedsATokenAndATokenIsEnforced() throws Exception {
    assertThatThrownBy(() -> DashboardServer.start("0.0.0.0", 0, "", state, metrics))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("BS_DASHBOARD_TOKEN");
    try (DashboardServer s = DashboardServer.start("127.0.0.1", 0, "t0k3n", state, metrics)) {
      URI u = URI.create(s.url() + "healthz");
      assertThat(
              http.send(HttpRequest.newBuilder(u).build(), HttpResponse.BodyHandlers.ofString())
                  .statusCode())
          .isEqualTo(403);
      assertThat(
              http.send(
                      HttpRequest.newBuilder(u).header("Authorization", "Bearer t0k3n").build(),
                      HttpResponse.BodyHandlers.ofString())
                  .statusCode())
          .isEqualTo(200);
      HttpResponse<String> q =
          http.send(
              HttpRequest.newBuilder(URI.create(s.url() + "healthz?token=t0k3n")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(q.statusCode()).isEqualTo(200);
      assertThat(q.headers().firstValue("Set-Cookie")).get().asString().contains("HttpOnly");
    }
  }
}
