package io.github.bsoptions.data.massive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.bsoptions.data.error.DataException;
import io.github.bsoptions.data.model.Bar;
import io.github.bsoptions.data.model.OptionChain;
import io.github.bsoptions.data.model.OptionChainQuery;
import io.github.bsoptions.data.model.OptionSnapshot;
import io.github.bsoptions.data.model.Timeframe;
import io.github.bsoptions.data.spi.ProviderCapability;
import io.github.bsoptions.data.testutil.VirtualTime;
import io.github.bsoptions.pricing.product.OptionType;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MassiveMarketDataProviderTest {
  static final String KEY = "massive-key-never-logged";
  static final String PAGE1 =
      """
      {"status":"OK","request_id":"r1","results":[
        {"details":{"ticker":"O:AAPL230616C00150000","contract_type":"call","exercise_style":"american",
                    "expiration_date":"2023-06-16","strike_price":150,"shares_per_contract":100},
         "day":{"open":29.5,"high":30.1,"low":28.9,"close":29.9,"volume":1200,"vwap":29.7,"last_updated":1686758400000000000},
         "last_quote":{"bid":29.8,"bid_size":10,"ask":30.0,"ask_size":12,"midpoint":29.9,"last_updated":1686758399000000000,"timeframe":"REAL-TIME"},
         "last_trade":{"price":29.9,"size":3,"exchange":302,"conditions":[209],"sip_timestamp":1686758398000000000,"timeframe":"REAL-TIME"},
         "greeks":{"delta":0.95,"gamma":0.002,"theta":-0.01,"vega":0.02},
         "implied_volatility":0.31,"open_interest":8921,"break_even_price":179.9,
         "underlying_asset":{"ticker":"AAPL","price":179.5,"change_to_break_even":0.4,"last_updated":1686758399000000000,"timeframe":"REAL-TIME"}}
      ],
      "next_url":"https://api.massive.com/v3/snapshot/options/AAPL?cursor=YWJj"}
      """;
  static final String PAGE2 =
      """
      {"status":"OK","results":[
        {"details":{"ticker":"O:AAPL230616P00100000","contract_type":"put","expiration_date":"2023-06-16","strike_price":100},
         "day":{},"open_interest":12}
      ]}
      """;

  MockWebServer server;
  VirtualTime time;
  MassiveMarketDataProvider massive;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start();
    time = new VirtualTime();
    massive =
        new MassiveMarketDataProvider(
            MassiveConfig.of(KEY)
                .withBaseUrl(server.url("/").toString())
                .withLimits(100, io.github.bsoptions.data.http.RetryPolicy.DEFAULT),
            time);
  }

  @AfterEach
  void stop() throws IOException {
    massive.close();
    server.shutdown();
  }

  @Test
  void chainFollowsNextUrlOnTheConfiguredHostWithBearerAuth() throws Exception {
    server.enqueue(new MockResponse().setBody(PAGE1));
    server.enqueue(new MockResponse().setBody(PAGE2));
    OptionChain c = massive.optionChain(OptionChainQuery.all("AAPL").withType(OptionType.CALL));
    assertThat(c.options())
        .extracting(OptionSnapshot::symbol)
        .containsExactly("AAPL230616P00100000", "AAPL230616C00150000");
    OptionSnapshot call = c.options().get(1);
    assertThat(call.greeks().orElseThrow().delta()).isEqualTo(0.95);
    assertThat(call.greeks().orElseThrow().rho()).isNaN();
    assertThat(call.openInterest().getAsLong()).isEqualTo(8921);
    assertThat(call.volume()).isEqualTo(1200);
    assertThat(call.quote().orElseThrow().timestamp()).isEqualTo(Instant.ofEpochSecond(1686758399));
    assertThat(c.options().get(0).greeks()).isEmpty();
    assertThat(c.options().get(0).quote()).isEmpty();
    assertThat(c.underlyingPrice().getAsDouble()).isEqualTo(179.5);
    RecordedRequest r1 = server.takeRequest();
    assertThat(r1.getHeader("Authorization")).isEqualTo("Bearer " + KEY);
    assertThat(r1.getRequestUrl().queryParameter("contract_type")).isEqualTo("call");
    assertThat(r1.getRequestUrl().queryParameter("limit")).isEqualTo("250");
    RecordedRequest r2 = server.takeRequest();
    assertThat(r2.getRequestUrl().encodedPath()).isEqualTo("/v3/snapshot/options/AAPL");
    assertThat(r2.getRequestUrl().queryParameter("cursor")).isEqualTo("YWJj");
    assertThat(r2.getHeader("Authorization")).isEqualTo("Bearer " + KEY);
  }

  @Test
  void errorsAreTypedAndRetried() {
    server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "2"));
    server.enqueue(
        new MockResponse()
            .setBody(
                "{\"status\":\"OK\",\"results\":{\"T\":\"AAPL\",\"p\":179.5,\"s\":100,\"t\":1686758399000000000}}"));
    assertThat(massive.latestStockTrade("AAPL").price()).isEqualTo(179.5);
    assertThat(time.slept()).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
    server.enqueue(
        new MockResponse()
            .setResponseCode(401)
            .setBody("{\"status\":\"ERROR\",\"error\":\"Unknown API Key\"}"));
    assertThatThrownBy(() -> massive.latestStockTrade("AAPL"))
        .isInstanceOf(DataException.Authentication.class)
        .hasMessageContaining("MASSIVE_API_KEY")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(KEY));
    assertThat(massive.toString()).doesNotContain(KEY);
  }

  @Test
  void barsFromAggregates() throws Exception {
    server.enqueue(
        new MockResponse()
            .setBody(
                "{\"status\":\"OK\",\"results\":[{\"v\":100,\"vw\":1.5,\"o\":1.4,\"c\":1.6,\"h\":1.7,\"l\":1.3,\"t\":1686700800000,\"n\":4}]}"));
    List<Bar> bars =
        massive.optionBars(
            "AAPL230616C00150000",
            Timeframe.DAY_1,
            Instant.parse("2023-06-01T00:00:00Z"),
            Instant.parse("2023-06-16T00:00:00Z"));
    assertThat(bars).hasSize(1);
    assertThat(bars.get(0).close()).isEqualTo(1.6);
    assertThat(server.takeRequest().getRequestUrl().encodedPath())
        .startsWith("/v2/aggs/ticker/O:AAPL230616C00150000/range/1/day/");
    assertThat(massive.capabilities()).doesNotContain(ProviderCapability.STREAM_OPTIONS);
    assertThatThrownBy(() -> MassiveConfig.fromEnv(Map.of()))
        .hasMessageContaining("MASSIVE_API_KEY");
  }
}
