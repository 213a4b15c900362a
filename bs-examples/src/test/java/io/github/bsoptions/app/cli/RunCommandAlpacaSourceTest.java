package io.github.bsoptions.app.cli;

import static io.github.bsoptions.app.cli.ChainCommandTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.bsoptions.exec.journal.EntryType;
import io.github.bsoptions.exec.journal.JournalRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bs run --source alpaca --broker paper}: the live loop on a fake Alpaca market-data server
 * (the chain snapshot, daily bars and latest trade of {@link SignalsCommandTest}'s trending SPY,
 * plus latest option quotes for the paper broker's fills) for two cycles, outside market hours with
 * {@code --outside-hours} so that the test does not depend on the time of day.
 */
class RunCommandAlpacaSourceTest {
  static final ObjectMapper JSON = new ObjectMapper();

  /** The quote time in {@link SignalsCommandTest#chainJson}. */
  static final String STAMP = "2026-09-14T15:45:59Z";

  @TempDir Path dir;

  @Test
  void liveLoopPricesTheAlpacaChainAndJournalsItsOrders() throws Exception {
    double spot = 600;
    LocalDate expiry = LocalDate.now(ZoneOffset.UTC).plusDays(30);
    String chain = SignalsCommandTest.chainJson(spot, expiry);
    String bars = SignalsCommandTest.trendingBarsJson(spot);
    ObjectNode quotes = JSON.createObjectNode();
    JSON.readTree(chain)
        .path("snapshots")
        .properties()
        .forEach(e -> quotes.set(e.getKey(), e.getValue().path("latestQuote")));
    String latestQuotes = "{\"quotes\":" + quotes + "}";
    assertThat(chain).contains(STAMP);
    List<String> paths = new CopyOnWriteArrayList<>();
    try (MockWebServer server = new MockWebServer()) {
      server.setDispatcher(
          new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
              String path = request.getRequestUrl().encodedPath();
              paths.add(path);
              MockResponse ok = new MockResponse().setHeader("Content-Type", "application/json");
              // quotes as of now: the risk gate refuses to trade on stale ones
              String now = Instant.now().toString();
              return switch (path) {
                case "/v1beta1/options/snapshots/SPY" -> ok.setBody(chain.replace(STAMP, now));
                case "/v1beta1/options/quotes/latest" ->
                    ok.setBody(latestQuotes.replace(STAMP, now));
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
      Path state = dir.resolve("state");
      String[] r =
          run(
              "run",
              "--source",
              "alpaca",
              "--broker",
              "paper",
              "--outside-hours",
              "--cycles",
              "2",
              "--interval",
              "0",
              "--no-ml",
              "--state-dir",
              state.toString(),
              "--output",
              dir.resolve("out").toString(),
              "--set",
              "APCA_API_KEY_ID=PKTEST1234",
              "--set",
              "APCA_API_SECRET_KEY=secret",
              "--set",
              "APCA_API_DATA_URL=" + base,
              "--set",
              "APCA_API_BASE_URL=" + base);

      assertThat(r[0]).as(r[2]).isEqualTo("0");
      assertThat(r[2]).doesNotContain("secret");
      assertThat(r[1])
          .contains("bs run: alpaca (live)")
          .contains("stopped: --cycles 2 reached after 2 cycle(s)")
          // 25 strikes x call/put, priced at each of the two cycles
          .contains("chains 2   options priced 100")
          .contains("option prices/s");
      assertThat(paths.stream().filter(p -> p.equals("/v1beta1/options/snapshots/SPY")))
          .hasSizeGreaterThanOrEqualTo(2);
      assertThat(paths).contains("/v2/stocks/SPY/bars");

      // the trend's call debit spread went to the paper account through the journal
      List<JournalRecord> journal = RunCommandTest.runJournal(state, "paper");
      assertThat(journal).as(r[1]).anyMatch(j -> j.type() == EntryType.INTENT);
      assertThat(journal)
          .anyMatch(j -> j.type() == EntryType.INTENT && j.toString().contains("SPY"));
      assertThat(r[1]).contains("directional-delta");
      assertThat(state.resolve("run-state.json")).exists();
      assertThat(Files.readString(state.resolve("run-state.json"))).contains("\"cycles\" : 2");
    }
  }
}
