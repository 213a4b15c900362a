package io.github.bsoptions.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.bsoptions.app.Main;
import io.github.bsoptions.data.MarketDataProviders;
import io.github.bsoptions.data.model.OptionChainQuery;
import io.github.bsoptions.data.replay.ChainCsv;
import io.github.bsoptions.data.replay.RecordingMarketData;
import io.github.bsoptions.data.sim.SimulatedMarket;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ChainCommandTest {
  static String[] run(String... args) {
    CommandLine cl = Main.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new String[] {Integer.toString(code), out.toString(), err.toString()};
  }

  @Test
  void simulatedCsvHasTheExactHeaderAndFiniteGreeks() {
    String[] r = run("chain", "SPY", "--format", "csv", "--ntm", "3");
    assertThat(r[0]).as(r[2]).isEqualTo("0");
    List<String> lines = r[1].lines().toList();
    assertThat(lines.get(0))
        .isEqualTo(
            "symbol,type,strike,expiry,bid,ask,mid,volume,open_interest,iv,delta,gamma,theta,"
                + "vega,source,greeks_source");
    assertThat(lines.get(0)).isEqualTo(String.join(",", ChainCsv.COLUMNS));
    assertThat(lines).hasSizeGreaterThan(1);
    Map<String, TreeSet<Double>> strikesPerExpiry = new HashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] c = line.split(",", -1);
      assertThat(c).hasSize(16);
      assertThat(c[0]).matches("SPY *\\d{6}[CP]\\d{8}");
      assertThat(c[1]).isIn("call", "put");
      for (int i : new int[] {9, 10, 11, 12, 13}) {
        assertThat(Double.parseDouble(c[i])).as(line).isFinite();
      }
      double iv = Double.parseDouble(c[9]);
      assertThat(iv).isBetween(0.01, 3.0);
      double delta = Double.parseDouble(c[10]);
      assertThat(c[1].equals("call") ? delta : -delta).isBetween(0.0, 1.0);
      assertThat(c[14]).isEqualTo("simulated");
      assertThat(c[15]).isIn("provider", "computed");
      strikesPerExpiry.computeIfAbsent(c[3], k -> new TreeSet<>()).add(Double.parseDouble(c[2]));
    }
    // near-the-money window: at most 3 strikes each side of spot per expiry
    assertThat(strikesPerExpiry.values()).allSatisfy(s -> assertThat(s).hasSizeBetween(2, 6));
    String[] full = run("chain", "SPY", "--format", "csv", "--all");
    assertThat(full[0]).isEqualTo("0");
    assertThat(full[1].lines().count()).isGreaterThan(lines.size());
  }

  @Test
  void tableAndExpiryFilter() {
    String[] csv = run("chain", "QQQ", "--format", "csv", "--ntm", "1");
    assertThat(csv[0]).as(csv[2]).isEqualTo("0");
    String expiry = csv[1].lines().skip(1).findFirst().orElseThrow().split(",")[3];
    String[] r = run("chain", "QQQ", "--expiry", expiry, "--ntm", "2");
    assertThat(r[0]).as(r[2]).isEqualTo("0");
    List<String> lines = r[1].lines().toList();
    assertThat(lines.get(0)).startsWith("QQQ  spot ").contains("source simulated");
    assertThat(lines.get(1)).contains("symbol", "iv", "delta", "greeks");
    assertThat(lines.subList(2, lines.size()))
        .hasSize(8)
        .allSatisfy(l -> assertThat(l).contains(expiry));
  }

  @Test
  void replayOfARecordedSimulationPrintsTheSameChain(@TempDir Path dir) throws Exception {
    Path rec = dir.resolve("session.rec");
    try (SimulatedMarket sim = (SimulatedMarket) MarketDataProviders.create("simulated", Map.of());
        RecordingMarketData recording = RecordingMarketData.wrap(sim, rec, sim::now)) {
      recording.optionChain(OptionChainQuery.all("SPY"));
      recording.latestStockTrade("SPY");
    }
    String[] live = run("chain", "SPY", "--format", "csv", "--ntm", "2");
    String[] replayed =
        run(
            "chain",
            "SPY",
            "--format",
            "csv",
            "--ntm",
            "2",
            "--source",
            "replay",
            "--replay-file",
            rec.toString());
    assertThat(replayed[0]).as(replayed[2]).isEqualTo("0");
    List<String> a = live[1].lines().toList();
    List<String> b = replayed[1].lines().toList();
    assertThat(b).hasSameSizeAs(a).hasSizeGreaterThan(4);
    // same contracts, quotes and greeks; only the source column differs
    for (int i = 1; i < a.size(); i++) {
      assertThat(b.get(i).replace(",simulated,", ",X,"))
          .isEqualTo(a.get(i).replace(",simulated,", ",X,"));
    }
    assertThat(run("chain", "SPY", "--source", "replay", "--replay-file", "/no/such")[0])
        .isEqualTo("2");
  }

  @Test
  void badInputExitsWithTwo() {
    assertThat(run("chain", "SPY", "--expiry", "12/18/2026")[0]).isEqualTo("2");
    assertThat(run("chain", "SPY", "--source", "nosuch")[2]).contains("known");
    assertThat(run("chain", "SPY", "--source", "replay")[2]).contains("--replay-file");
  }

  @Test
  void alpacaWithoutKeysNamesTheVariable() {
    assumeTrue(System.getenv("APCA_API_KEY_ID") == null);
    String[] r = run("chain", "SPY", "--source", "alpaca");
    assertThat(r[0]).isEqualTo("2");
    assertThat(r[2]).contains("APCA_API_KEY_ID");
  }

  @Test
  void alpacaAgainstALocalServer() throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      server.enqueue(
          new MockResponse()
              .setHeader("Content-Type", "application/json")
              .setBody(
                  """
                  {"snapshots":{
                    "SPY301220C00600000":{
                      "latestQuote":{"t":"2026-09-14T15:45:59Z","bx":"N","bp":110.0,"bs":3,"ax":"C","ap":112.0,"as":4,"c":"A"},
                      "impliedVolatility":0.1874,
                      "greeks":{"delta":0.7312,"gamma":0.0046,"theta":-0.0921,"vega":1.0187,"rho":2.4415}},
                    "SPY301220P00600000":{
                      "latestQuote":{"t":"2026-09-14T15:45:59Z","bx":"N","bp":40.0,"bs":3,"ax":"C","ap":41.0,"as":4,"c":"A"}}},
                   "next_page_token":null}
                  """));
      server.enqueue(
          new MockResponse()
              .setHeader("Content-Type", "application/json")
              .setBody(
                  "{\"symbol\":\"SPY\",\"trade\":{\"t\":\"2026-09-14T15:45:59.5Z\",\"x\":\"V\","
                      + "\"p\":612.34,\"s\":100,\"c\":[\"@\"],\"i\":1,\"z\":\"B\"}}"));
      String base = server.url("/").toString();
      String[] r =
          run(
              "chain",
              "SPY",
              "--source",
              "alpaca",
              "--all",
              "--format",
              "csv",
              "--set",
              "APCA_API_KEY_ID=PKTEST1234",
              "--set",
              "APCA_API_SECRET_KEY=secret",
              "--set",
              "APCA_API_DATA_URL=" + base,
              "--set",
              "APCA_API_BASE_URL=" + base);
      assertThat(r[0]).as(r[2]).isEqualTo("0");
      List<String> lines = r[1].lines().toList();
      assertThat(lines).hasSize(3);
      String[] call = lines.get(1).split(",", -1);
      assertThat(call[0]).isEqualTo("SPY301220C00600000");
      assertThat(call[9]).isEqualTo("0.1874");
      assertThat(call[14]).isEqualTo("alpaca");
      assertThat(call[15]).isEqualTo("provider");
      String[] put = lines.get(2).split(",", -1);
      assertThat(put[1]).isEqualTo("put");
      assertThat(Double.parseDouble(put[9])).isBetween(0.05, 1.0);
      assertThat(put[15]).isEqualTo("computed");
      RecordedRequest req = server.takeRequest();
      assertThat(req.getRequestUrl().encodedPath()).isEqualTo("/v1beta1/options/snapshots/SPY");
      assertThat(req.getHeader("APCA-API-KEY-ID")).isEqualTo("PKTEST1234");
    }
  }
}
