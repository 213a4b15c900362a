package io.github.bsoptions.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.bsoptions.pricing.formula.BlackScholesFormulas;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

class SignalsCommandTest {
  @Test
  void printsScoredContractsAndIsDeterministicForASeed() {
    String[] a = GarchCommandTest.run("signals", "--symbol", "SPY", "--seed", "7", "--top", "5");
    assertThat(a[0]).as(a[2]).isEqualTo("0");
    List<String> lines = a[1].lines().toList();
    assertThat(lines.get(0)).startsWith("SPY  spot ").contains("source simulated");
    assertThat(a[1]).contains("GARCH(1,1) on ", "Top 5 scored contracts", "Signals (");
    long contracts = lines.stream().filter(l -> l.matches("SPY *\\d{6}[CP]\\d{8} .*")).count();
    assertThat(contracts).isEqualTo(5);
    for (String l : lines) {
      if (l.matches("SPY *\\d{6}[CP]\\d{8} .*")) {
        double score = Double.parseDouble(l.substring(22).trim().split(" +")[0]);
        assertThat(score).isBetween(-1.0, 1.0);
      }
    }
    String[] b = GarchCommandTest.run("signals", "--symbol", "SPY", "--seed", "7", "--top", "5");
    assertThat(b[1]).isEqualTo(a[1]);
    String[] c = GarchCommandTest.run("signals", "--symbol", "SPY", "--seed", "8", "--top", "5");
    assertThat(c[0]).isEqualTo("0");
    assertThat(c[1]).isNotEqualTo(a[1]);
  }

  @Test
  void rejectsUnknownSource() {
    String[] r = GarchCommandTest.run("signals", "--source", "nowhere");
    assertThat(r[0]).isEqualTo("2");
    assertThat(r[2]).contains("nowhere").contains("known");
  }

  @Test
  void alpacaSourceScoresTheLiveChainAndTradesATrend() throws Exception {
    double spot = 600;
    LocalDate expiry = LocalDate.now(ZoneOffset.UTC).plusDays(30);
    String chain = chainJson(spot, expiry);
    String bars = trendingBarsJson(spot);
    try (MockWebServer server = new MockWebServer()) {
      server.setDispatcher(
          new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
              String path = request.getRequestUrl().encodedPath();
              MockResponse ok = new MockResponse().setHeader("Content-Type", "application/json");
              return switch (path) {
                case "/v1beta1/options/snapshots/SPY" -> ok.setBody(chain);
                case "/v2/stocks/SPY/bars" -> ok.setBody(bars);
                case "/v2/stocks/SPY/trades/latest" ->
                    ok.setBody(
                        "{\"symbol\":\"SPY\",\"trade\":{\"t\":\"2026-09-14T15:45:59.5Z\","
                            + "\"x\":\"V\",\"p\":600.0,\"s\":100,\"c\":[\"@\"],\"i\":1,"
                            + "\"z\":\"B\"}}");
                default -> new MockResponse().setResponseCode(404).setBody("{\"message\":\"no\"}");
              };
            }
          });
      String base = server.url("/").toString();
      String[] r =
          GarchCommandTest.run(
              "signals",
              "--source",
              "alpaca",
              "--symbol",
              "SPY",
              "--set",
              "APCA_API_KEY_ID=PKTEST1234",
              "--set",
              "APCA_API_SECRET_KEY=secret",
              "--set",
              "APCA_API_DATA_URL=" + base,
              "--set",
              "APCA_API_BASE_URL=" + base);
      assertThat(r[0]).as(r[2]).isEqualTo("0");
      assertThat(r[1].lines().findFirst().orElseThrow())
          .startsWith("SPY  spot 600.00")
          .contains("source alpaca");
      assertThat(r[1]).contains("GARCH(1,1) on 299 daily returns", "trend +");
      assertThat(r[1]).contains("directional-delta: call debit spread");
      assertThat(r[2]).doesNotContain("secret");
    }
  }

  @Test
  void alpacaWithoutKeysNamesTheVariable() {
    assumeTrue(System.getenv("APCA_API_KEY_ID") == null);
    String[] r = GarchCommandTest.run("signals", "--source", "alpaca");
    assertThat(r[0]).isEqualTo("2");
    assertThat(r[2]).contains("APCA_API_KEY_ID");
  }

  /** One expiry of calls and puts around spot, quoted 2 % either side of a 20 % vol BSM price. */
  static String chainJson(double spot, LocalDate expiry) {
    StringBuilder b = new StringBuilder("{\"snapshots\":{");
    String exp = expiry.format(DateTimeFormatter.ofPattern("yyMMdd"));
    double t = 30.0 / 365;
    boolean first = true;
    for (int k = 540; k <= 660; k += 5) {
      for (boolean call : new boolean[] {true, false}) {
        double p = BlackScholesFormulas.price(call, spot, k, t, 0.04, 0, 0.20);
        double bid = Math.max(0.01, Math.floor(p * 0.98 * 100) / 100);
        double ask = Math.ceil(p * 1.02 * 100) / 100 + 0.01;
        String occ = String.format(Locale.ROOT, "SPY%s%s%08d", exp, call ? "C" : "P", k * 1000);
        b.append(first ? "" : ",")
            .append(
                String.format(
                    Locale.ROOT,
                    "\"%s\":{\"latestQuote\":{\"t\":\"2026-09-14T15:45:59Z\",\"bx\":\"N\","
                        + "\"bp\":%.2f,\"bs\":30,\"ax\":\"C\",\"ap\":%.2f,\"as\":40,"
                        + "\"c\":\"A\"}}",
                    occ,
                    bid,
                    ask));
        first = false;
      }
    }
    return b.append("},\"next_page_token\":null}").toString();
  }

  /** 300 daily bars: a noisy flat year, then 20 days rising about 0.6 % a day. */
  static String trendingBarsJson(double last) {
    Random rnd = new Random(11);
    double[] c = new double[300];
    c[299] = last;
    for (int i = 299; i > 0; i--) {
      double drift = i >= 280 ? 0.006 : 0.0;
      c[i - 1] = c[i] / Math.exp(drift + 0.004 * rnd.nextGaussian());
    }
    StringBuilder b = new StringBuilder("{\"bars\":[");
    LocalDate d = LocalDate.now(ZoneOffset.UTC).minusDays(300);
    for (int i = 0; i < c.length; i++) {
      b.append(i == 0 ? "" : ",")
          .append(
              String.format(
                  Locale.ROOT,
                  "{\"t\":\"%sT05:00:00Z\",\"o\":%.4f,\"h\":%.4f,\"l\":%.4f,\"c\":%.4f,"
                      + "\"v\":1000000,\"n\":5000,\"vw\":%.4f}",
                  d.plusDays(i),
                  c[i],
                  c[i] * 1.005,
                  c[i] * 0.995,
                  c[i],
                  c[i]));
    }
    return b.append("],\"symbol\":\"SPY\",\"next_page_token\":null}").toString();
  }
}
