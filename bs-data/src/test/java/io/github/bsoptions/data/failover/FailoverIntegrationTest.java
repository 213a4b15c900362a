package io.github.bsoptions.data.failover;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bsoptions.data.alpaca.AlpacaConfig;
import io.github.bsoptions.data.alpaca.AlpacaCredentials;
import io.github.bsoptions.data.alpaca.AlpacaMarketDataProvider;
import io.github.bsoptions.data.http.RetryPolicy;
import io.github.bsoptions.data.massive.MassiveConfig;
import io.github.bsoptions.data.massive.MassiveMarketDataProvider;
import io.github.bsoptions.data.model.OptionChain;
import io.github.bsoptions.data.model.OptionChainQuery;
import io.github.bsoptions.data.testutil.VirtualTime;
import java.time.Duration;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.Test;

/** Alpaca answering 5xx on loopback fails over to Massive on loopback; then fails back. */
class FailoverIntegrationTest {

  @Test
  void alpacaServerErrorsFailOverToMassiveAndBack() throws Exception {
    try (MockWebServer alpacaServer = new MockWebServer();
        MockWebServer massiveServer = new MockWebServer()) {
      alpacaServer.start();
      massiveServer.start();
      VirtualTime time = new VirtualTime();
      String ab = alpacaServer.url("/").toString();
      AlpacaMarketDataProvider alpaca =
          new AlpacaMarketDataProvider(
              AlpacaConfig.of(new AlpacaCredentials("PKINTEGRATION01", "secret-integration"))
                  .withUrls(ab, ab, ab.replace("http", "ws"))
                  .withLimits(
                      1000,
                      new RetryPolicy(
                          2,
                          Duration.ofMillis(50),
                          Duration.ofMillis(100),
                          Duration.ofSeconds(20))),
              time);
      MassiveMarketDataProvider massive =
          new MassiveMarketDataProvider(
              MassiveConfig.of("massive-integration-key")
                  .withBaseUrl(massiveServer.url("/").toString())
                  .withLimits(1000, RetryPolicy.NONE),
              time);
      CountingMetricsHolder m = new CountingMetricsHolder();
      try (FailoverMarketData f =
          FailoverMarketData.builder()
              .add(alpaca)
              .add(massive)
              .time(time)
              .metrics(m)
              .cache(CachePolicy.NONE)
              .breaker(1, Duration.ofSeconds(10))
              .retries(1, Duration.ZERO, Duration.ZERO)
              .build()) {
        alpacaServer.enqueue(
            new MockResponse().setResponseCode(502).setBody("<html>bad gateway</html>"));
        alpacaServer.enqueue(new MockResponse().setResponseCode(503));
        massiveServer.enqueue(new MockResponse().setBody(MassiveMarketDataProviderTestData.PAGE));
        OptionChain c = f.optionChain(OptionChainQuery.all("AAPL"));
        assertThat(c.source()).isEqualTo("massive");
        assertThat(c.options()).hasSize(1);
        assertThat(alpacaServer.getRequestCount()).isEqualTo(2);

        time.advance(Duration.ofSeconds(11));
        alpacaServer.enqueue(
            new MockResponse()
                .setBody(
                    "{\"snapshots\":{\"AAPL230616C00150000\":{\"latestQuote\":{\"t\":\"2023-06-14T15:00:00Z\",\"bp\":29.8,\"bs\":1,\"ap\":30,\"as\":1}}},\"next_page_token\":null}"));
        alpacaServer.enqueue(
            new MockResponse()
                .setBody(
                    "{\"symbol\":\"AAPL\",\"trade\":{\"t\":\"2023-06-14T15:00:00Z\",\"p\":179.5,\"s\":1}}"));
        assertThat(f.optionChain(OptionChainQuery.all("AAPL")).source()).isEqualTo("alpaca");
        assertThat(m.switches).containsExactly("alpaca->massive", "massive->alpaca");
      }
    }
  }

  static final class CountingMetricsHolder implements DataMetrics {
    final java.util.List<String> switches = new java.util.ArrayList<>();

    @Override
    public void onSwitch(String from, String to, String operation, boolean failback) {
      switches.add(from + "->" + to);
    }
  }

  static final class MassiveMarketDataProviderTestData {
    static final String PAGE =
        "{\"status\":\"OK\",\"results\":[{\"details\":{\"ticker\":\"O:AAPL230616C00150000\"},"
            + "\"last_quote\":{\"bid\":29.8,\"bid_size\":10,\"ask\":30.0,\"ask_size\":12,\"last_updated\":1686758399000000000},"
            + "\"underlying_asset\":{\"price\":179.5}}]}";
  }
}
