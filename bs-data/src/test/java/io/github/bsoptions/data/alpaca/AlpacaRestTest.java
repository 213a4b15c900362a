package io.github.bsoptions.data.alpaca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.bsoptions.data.error.DataException;
import io.github.bsoptions.data.http.RetryPolicy;
import io.github.bsoptions.data.model.Bar;
import io.github.bsoptions.data.model.OptionChain;
import io.github.bsoptions.data.model.OptionChainQuery;
import io.github.bsoptions.data.model.OptionContract;
import io.github.bsoptions.data.model.OptionSnapshot;
import io.github.bsoptions.data.model.Quote;
import io.github.bsoptions.data.model.StockSnapshot;
import io.github.bsoptions.data.model.Timeframe;
import io.github.bsoptions.data.testutil.VirtualTime;
import io.github.bsoptions.pricing.product.OptionType;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AlpacaRestTest {
  static final String KEY = "PKTESTKEY1234567";
  static final String SECRET = "s3cr3t-value-never-logged";

  static final String PAGE1 =
      """
      {"snapshots":{
        "SPY261218P00400000":{"latestQuote":{"t":"2026-09-14T15:45:58.002311168Z","bx":" ","bp":0,"bs":0,"ax":"C","ap":0.05,"as":410,"c":"A"}},
        "SPY261218C00600000":{
          "latestTrade":{"t":"2026-09-14T15:42:07.118204416Z","x":"C","p":41.85,"s":2,"c":"I"},
          "latestQuote":{"t":"2026-09-14T15:45:59.904512768Z","bx":"N","bp":41.60,"bs":35,"ax":"C","ap":42.05,"as":28,"c":"A"},
          "minuteBar":{"t":"2026-09-14T15:42:00Z","o":41.85,"h":41.85,"l":41.85,"c":41.85,"v":2,"n":1,"vw":41.85},
          "dailyBar":{"t":"2026-09-14T04:00:00Z","o":40.90,"h":42.30,"l":40.10,"c":41.85,"v":312,"n":57,"vw":41.2231},
          "prevDailyBar":{"t":"2026-09-11T04:00:00Z","o":39.75,"h":41.02,"l":39.30,"c":40.66,"v":280,"n":49,"vw":40.1187},
          "impliedVolatility":0.1874,
          "greeks":{"delta":0.7312,"gamma":0.0046,"theta":-0.0921,"vega":1.0187,"rho":2.4415},
          "someNewField":{"x":[1,2,3]}}
      },
      "next_page_token":"U1BZMjYxMjE4UDAwNDA1MDAw"}
      """;
  static final String PAGE2 =
      """
      {"snapshots":{"SPY261218C00550000":{"latestQuote":{"t":"2026-09-14T15:45:59Z","bx":"N","bp":70.1,"bs":3,"ax":"C","ap":71.0,"as":4,"c":"A"},"greeks":{}}},
       "next_page_token":null}
      """;
  static final String LATEST_TRADE =
      "{\"symbol\":\"SPY\",\"trade\":{\"t\":\"2026-09-14T15:45:59.5Z\",\"x\":\"V\",\"p\":612.34,\"s\":100,\"c\":[\"@\"],\"i\":52983525029461,\"z\":\"B\"}}";

  MockWebServer server;
  VirtualTime time;
  AlpacaMarketDataProvider alpaca;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start();
    time = new VirtualTime();
    alpaca = provider(RetryPolicy.DEFAULT);
  }

  AlpacaMarketDataProvider provider(RetryPolicy policy) {
    String base = server.url("/").toString();
    AlpacaConfig cfg =
        AlpacaConfig.of(new AlpacaCredentials(KEY, SECRET))
            .withUrls(base, base, base.replace("http", "ws"))
            .withLimits(200, policy);
    return new AlpacaMarketDataProvider(cfg, time);
  }

  @AfterEach
  void stop() throws IOException {
    alpaca.close();
    server.shutdown();
  }

  static MockResponse json(String body) {
    return new MockResponse().setHeader("Content-Type", "application/json").setBody(body);
  }

  @Test
  void retrofitServiceKeepsBasePathPrefixHeadersAndQueryOrder() throws Exception {
    alpaca.close();
    // A base URL with a path and no trailing slash (a proxy prefix): Retrofit needs the slash.
    String base = server.url("/proxy").toString();
    alpaca =
        new AlpacaMarketDataProvider(
            AlpacaConfig.of(new AlpacaCredentials(KEY, SECRET))
                .withUrls(base, base, base.replace("http", "ws"))
                .withFeeds(Optional.empty(), Optional.of("iex"))
                .withLimits(200, RetryPolicy.DEFAULT),
            time);
    server.enqueue(json(LATEST_TRADE));
    assertThat(alpaca.latestStockTrade("SPY").price()).isEqualTo(612.34);
    RecordedRequest r = server.takeRequest();
    assertThat(r.getPath()).isEqualTo("/proxy/v2/stocks/SPY/trades/latest?feed=iex");
    assertThat(r.getHeader("Accept")).isEqualTo("application/json");
    assertThat(r.getHeader("APCA-API-KEY-ID")).isEqualTo(KEY);
    assertThatThrownBy(() -> alpaca.latestStockTrade("SP/Y"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SP/Y");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void chainFollowsPagesKeepsMissingGreeksMissingAndSorts() throws Exception {
    server.enqueue(json(PAGE1));
    server.enqueue(json(PAGE2));
    server.enqueue(json(LATEST_TRADE));
    OptionChain chain =
        alpaca.optionChain(
            OptionChainQuery.all("SPY")
                .withExpirations(LocalDate.of(2026, 12, 18), LocalDate.of(2026, 12, 18)));
    assertThat(chain.options())
        .extracting(OptionSnapshot::symbol)
        .containsExactly("SPY261218P00400000", "SPY261218C00550000", "SPY261218C00600000");
    OptionSnapshot call = chain.options().get(2);
    assertThat(call.greeks().orElseThrow().delta()).isEqualTo(0.7312);
    assertThat(call.impliedVolatility().getAsDouble()).isEqualTo(0.1874);
    assertThat(call.volume()).isEqualTo(312);
    assertThat(call.quote().orElseThrow().timestamp())
        .isEqualTo(Instant.parse("2026-09-14T15:45:59.904512768Z"));
    assertThat(call.lastTrade().orElseThrow().price()).isEqualTo(41.85);
    OptionSnapshot put = chain.options().get(0);
    assertThat(put.greeks()).isEmpty();
    assertThat(put.impliedVolatility()).isEmpty();
    assertThat(put.quote().orElseThrow().hasBid()).isFalse();
    assertThat(chain.options().get(1).greeks()).isEmpty(); // {} is not zeros
    assertThat(chain.underlyingPrice().getAsDouble()).isEqualTo(612.34);

    RecordedRequest r1 = server.takeRequest();
    assertThat(r1.getRequestUrl().encodedPath()).isEqualTo("/v1beta1/options/snapshots/SPY");
    assertThat(r1.getHeader("APCA-API-KEY-ID")).isEqualTo(KEY);
    assertThat(r1.getHeader("APCA-API-SECRET-KEY")).isEqualTo(SECRET);
    assertThat(r1.getRequestUrl().queryParameter("feed")).isNull();
    assertThat(r1.getRequestUrl().queryParameter("limit")).isEqualTo("1000");
    assertThat(r1.getRequestUrl().queryParameter("expiration_date_gte")).isEqualTo("2026-12-18");
    assertThat(r1.getRequestUrl().queryParameter("page_token")).isNull();
    RecordedRequest r2 = server.takeRequest();
    assertThat(r2.getRequestUrl().queryParameter("page_token"))
        .isEqualTo("U1BZMjYxMjE4UDAwNDA1MDAw");
    assertThat(server.takeRequest().getRequestUrl().encodedPath())
        .isEqualTo("/v2/stocks/SPY/trades/latest");
  }

  @Test
  void feedIsSentWhenPinned() throws Exception {
    alpaca.close();
    String base = server.url("/").toString();
    alpaca =
        new AlpacaMarketDataProvider(
            AlpacaConfig.of(new AlpacaCredentials(KEY, SECRET))
                .withUrls(base, base, base.replace("http", "ws"))
                .withFeeds(Optional.of("indicative"), Optional.of("iex")),
            time);
    server.enqueue(json(PAGE2));
    server.enqueue(new MockResponse().setResponseCode(404).setBody("{\"message\":\"not found\"}"));
    OptionChain c = alpaca.optionChain(OptionChainQuery.all("SPX").withType(OptionType.CALL));
    assertThat(c.underlyingPrice()).isEmpty(); // index: no stock trade
    RecordedRequest r = server.takeRequest();
    assertThat(r.getRequestUrl().queryParameter("feed")).isEqualTo("indicative");
    assertThat(r.getRequestUrl().queryParameter("type")).isEqualTo("call");
    assertThat(server.takeRequest().getRequestUrl().queryParameter("feed")).isEqualTo("iex");
  }

  @Test
  void rateLimitedRequestWaitsForRetryAfterThenSucceeds() {
    server.enqueue(
        new MockResponse()
            .setResponseCode(429)
            .setHeader("Retry-After", "3")
            .setBody("{\"message\":\"too many requests\"}"));
    server.enqueue(json(LATEST_TRADE));
    assertThat(alpaca.latestStockTrade("SPY").price()).isEqualTo(612.34);
    assertThat(time.slept()).isGreaterThanOrEqualTo(Duration.ofSeconds(3));
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void rateLimitResetHeaderIsHonoured() {
    long resetSec = time.epochMillis() / 1000 + 7;
    server.enqueue(
        new MockResponse()
            .setResponseCode(429)
            .setHeader("X-RateLimit-Reset", Long.toString(resetSec)));
    server.enqueue(json(LATEST_TRADE));
    alpaca.latestStockTrade("SPY");
    assertThat(time.slept()).isGreaterThanOrEqualTo(Duration.ofSeconds(6));
  }

  @Test
  void retryAfterBeyondDeadlineFailsAtOnceInsteadOfHanging() {
    server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "3600"));
    assertThatThrownBy(() -> alpaca.latestStockTrade("SPY"))
        .isInstanceOfSatisfying(
            DataException.Retryable.class,
            e -> assertThat(e.retryAfter()).contains(Duration.ofHours(1)));
    assertThat(time.slept()).isLessThan(Duration.ofMinutes(1));
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void serverErrorsAreRetriedWithBackoffThenSurfaceAsRetryable() {
    for (int i = 0; i < 4; i++) {
      server.enqueue(new MockResponse().setResponseCode(503).setBody("<html>bad gateway</html>"));
    }
    assertThatThrownBy(() -> alpaca.latestStockTrade("SPY"))
        .isInstanceOf(DataException.Retryable.class)
        .hasMessageContaining("HTTP 503");
    assertThat(server.getRequestCount()).isEqualTo(4);
    List<Duration> s = time.sleeps();
    assertThat(s).hasSize(3);
    assertThat(s).allMatch(d -> d.compareTo(Duration.ofMillis(125)) >= 0);
  }

  @Test
  void authenticationFailureNamesTheVariablesAndNeverTheSecret() {
    server.enqueue(
        new MockResponse().setResponseCode(401).setBody("{\"message\":\"unauthorized\"}"));
    assertThatThrownBy(() -> alpaca.latestStockQuote("SPY"))
        .isInstanceOf(DataException.Authentication.class)
        .hasMessageContaining("APCA_API_KEY_ID")
        .hasMessageContaining("unauthorized")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET).doesNotContain(KEY));
    server.enqueue(
        new MockResponse()
            .setResponseCode(403)
            .setBody(
                "{\"code\":42210000,\"message\":\"subscription does not permit querying recent SIP data\"}"));
    assertThatThrownBy(() -> alpaca.latestStockQuote("SPY"))
        .isInstanceOf(DataException.Authentication.class)
        .hasMessageContaining("SIP");
    assertThat(server.getRequestCount()).isEqualTo(2); // never retried
    assertThat(alpaca.toString()).doesNotContain(SECRET).doesNotContain(KEY);
    assertThat(alpaca.config().toString()).doesNotContain(SECRET).doesNotContain(KEY);
  }

  @Test
  void notFoundAndRejectedAreTyped() {
    server.enqueue(
        new MockResponse().setResponseCode(404).setBody("{\"message\":\"symbol not found\"}"));
    assertThatThrownBy(() -> alpaca.stockSnapshot("NOPE"))
        .isInstanceOf(DataException.NotFound.class);
    server.enqueue(
        new MockResponse()
            .setResponseCode(422)
            .setBody("{\"code\":42210000,\"message\":\"invalid symbol\"}"));
    assertThatThrownBy(() -> alpaca.stockSnapshot("B@D"))
        .isInstanceOf(DataException.Rejected.class)
        .hasMessageContaining("invalid symbol");
  }

  @Test
  void malformedOrTruncatedPageFailsTheWholeChainNeverPartial() {
    alpaca.close();
    alpaca =
        provider(
            new RetryPolicy(
                2, Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofSeconds(30)));
    server.enqueue(json(PAGE1));
    server.enqueue(json("{\"snapshots\":{\"SPY261218C00550000\":{\"latestQuote\":{\"t\":"));
    server.enqueue(json(PAGE2).setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY));
    assertThatThrownBy(() -> alpaca.optionChain(OptionChainQuery.all("SPY")))
        .isInstanceOf(DataException.Retryable.class);
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void malformedBodyIsRetriedAndThenSucceeds() {
    server.enqueue(json("{not json"));
    server.enqueue(json(LATEST_TRADE));
    assertThat(alpaca.latestStockTrade("SPY").size()).isEqualTo(100);
  }

  @Test
  void repeatedPageTokenFailsLoudly() {
    server.enqueue(json(PAGE1));
    server.enqueue(json(PAGE1));
    assertThatThrownBy(() -> alpaca.optionChain(OptionChainQuery.all("SPY")))
        .isInstanceOf(DataException.Fatal.class)
        .hasMessageContaining("repeated page token");
  }

  @Test
  void stockEndpointsParseDocumentedShapes() throws Exception {
    server.enqueue(
        json(
            "{\"bars\":[{\"t\":\"2026-09-10T04:00:00Z\",\"o\":600,\"h\":610,\"l\":595,\"c\":605,\"v\":1000,\"n\":10,\"vw\":603.2}],"
                + "\"symbol\":\"SPY\",\"next_page_token\":\"abc\"}"));
    server.enqueue(
        json(
            "{\"bars\":[{\"t\":\"2026-09-11T04:00:00Z\",\"o\":605,\"h\":612,\"l\":601,\"c\":611,\"v\":900,\"n\":9,\"vw\":607.0}],"
                + "\"symbol\":\"SPY\",\"next_page_token\":null}"));
    List<Bar> bars =
        alpaca.stockBars(
            "SPY",
            Timeframe.DAY_1,
            Instant.parse("2026-09-01T00:00:00Z"),
            Instant.parse("2026-09-12T00:00:00Z"));
    assertThat(bars).extracting(Bar::close).containsExactly(605.0, 611.0);
    RecordedRequest r = server.takeRequest();
    assertThat(r.getRequestUrl().queryParameter("timeframe")).isEqualTo("1Day");
    assertThat(server.takeRequest().getRequestUrl().queryParameter("page_token")).isEqualTo("abc");

    server.enqueue(
        json(
            "{\"symbol\":\"SPY\",\"latestTrade\":{\"t\":\"2026-09-14T15:45:59.5Z\",\"p\":612.34,\"s\":100,\"c\":[\"@\",\"I\"]},"
                + "\"latestQuote\":{\"t\":\"2026-09-14T11:45:59-04:00\",\"bp\":612.3,\"bs\":2,\"ap\":612.4,\"as\":3,\"c\":[\"R\"]},"
                + "\"dailyBar\":{\"t\":\"2026-09-14T04:00:00Z\",\"o\":600,\"h\":615,\"l\":598,\"c\":612.34,\"v\":5,\"n\":1,\"vw\":610},"
                + "\"prevDailyBar\":null}"));
    StockSnapshot s = alpaca.stockSnapshot("SPY");
    assertThat(s.latestQuote().orElseThrow().timestamp())
        .isEqualTo(Instant.parse("2026-09-14T15:45:59Z"));
    assertThat(s.previousDailyBar()).isEmpty();
    assertThat(s.dailyBar().orElseThrow().high()).isEqualTo(615.0);
  }

  @Test
  void latestOptionQuotesAndContracts() throws Exception {
    server.enqueue(
        json(
            "{\"quotes\":{\"SPY261218C00600000\":{\"t\":\"2026-09-14T15:45:59Z\",\"bx\":\"N\",\"bp\":41.6,\"bs\":35,\"ax\":\"C\",\"ap\":42.05,\"as\":28,\"c\":\"A\"}}}"));
    List<Quote> q = alpaca.latestOptionQuotes(List.of("SPY261218C00600000"));
    assertThat(q.get(0).mid()).isEqualTo(41.825);
    server.enqueue(json("{\"quotes\":{}}"));
    assertThatThrownBy(() -> alpaca.latestOptionQuotes(List.of("SPY261218C00610000")))
        .isInstanceOf(DataException.NotFound.class);
    server.takeRequest();
    server.takeRequest();

    server.enqueue(
        json(
            "{\"option_contracts\":[{\"id\":\"x\",\"symbol\":\"SPXW261218P05000000\",\"name\":\"n\",\"status\":\"active\","
                + "\"tradable\":true,\"expiration_date\":\"2026-12-18\",\"root_symbol\":\"SPXW\",\"underlying_symbol\":\"SPX\","
                + "\"type\":\"put\",\"style\":\"european\",\"strike_price\":\"5000\",\"multiplier\":\"100\",\"size\":\"100\","
                + "\"open_interest\":\"1234\",\"deliverables\":[]}],\"next_page_token\":null}"));
    List<OptionContract> cs = alpaca.optionContracts(OptionChainQuery.all("SPX"));
    assertThat(cs).hasSize(1);
    assertThat(cs.get(0).root()).isEqualTo("SPXW");
    assertThat(cs.get(0).underlying()).isEqualTo("SPX");
    assertThat(cs.get(0).symbol()).isEqualTo("SPXW261218P05000000");
    RecordedRequest r = server.takeRequest();
    assertThat(r.getRequestUrl().encodedPath()).isEqualTo("/v2/options/contracts");
    assertThat(r.getRequestUrl().queryParameter("underlying_symbols")).isEqualTo("SPX");
    assertThat(r.getRequestUrl().queryParameter("expiration_date_lte")).isNotNull();
  }

  @Test
  void configRejectsPlainHttpOffLoopbackAndReadsEnv() {
    AlpacaCredentials c = new AlpacaCredentials(KEY, SECRET);
    assertThatThrownBy(
            () ->
                AlpacaConfig.of(c)
                    .withUrls(
                        "http://data.alpaca.markets",
                        AlpacaConfig.PAPER_TRADING_URL,
                        AlpacaConfig.STREAM_URL))
        .hasMessageContaining("dataUrl");
    assertThatThrownBy(() -> AlpacaConfig.fromEnv(Map.of()))
        .isInstanceOf(DataException.Authentication.class)
        .hasMessageContaining("APCA_API_KEY_ID");
    AlpacaConfig e =
        AlpacaConfig.fromEnv(
            Map.of(
                "APCA_API_KEY_ID",
                KEY,
                "APCA_API_SECRET_KEY",
                SECRET,
                "APCA_API_DATA_URL",
                "https://data.sandbox.alpaca.markets"));
    assertThat(e.dataUrl()).isEqualTo("https://data.sandbox.alpaca.markets");
    assertThat(e.optionFeed()).isEmpty();
    assertThat(c.toString()).doesNotContain(SECRET).contains("PKTE...4567");
  }
}
