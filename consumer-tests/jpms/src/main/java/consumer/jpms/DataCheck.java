package consumer.jpms;

import com.sun.net.httpserver.HttpServer;
import io.github.bsoptions.data.MarketDataProviders;
import io.github.bsoptions.data.model.OptionChain;
import io.github.bsoptions.data.model.OptionChainQuery;
import io.github.bsoptions.data.model.OptionSnapshot;
import io.github.bsoptions.data.spi.MarketDataProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** bs-data on the module path: ServiceLoader discovery, the simulated market, Alpaca over HTTP. */
final class DataCheck {
  private static final String PAGE =
      "{\"snapshots\":{\"SPY261218C00600000\":{"
          + "\"latestQuote\":{\"t\":\"2026-09-14T15:45:59.904512768Z\",\"bx\":\"N\",\"bp\":41.60,"
          + "\"bs\":35,\"ax\":\"C\",\"ap\":42.05,\"as\":28,\"c\":\"A\"},"
          + "\"dailyBar\":{\"t\":\"2026-09-14T04:00:00Z\",\"o\":40.90,\"h\":42.30,\"l\":40.10,"
          + "\"c\":41.85,\"v\":312,\"n\":57,\"vw\":41.2231},"
          + "\"impliedVolatility\":0.1874,"
          + "\"greeks\":{\"delta\":0.7312,\"gamma\":0.0046,\"theta\":-0.0921,\"vega\":1.0187,"
          + "\"rho\":2.4415}}},\"next_page_token\":null}";
  private static final String TRADE =
      "{\"symbol\":\"SPY\",\"trade\":{\"t\":\"2026-09-14T15:45:59.5Z\",\"x\":\"V\",\"p\":612.34,"
          + "\"s\":100,\"c\":[\"@\"],\"i\":52983525029461,\"z\":\"B\"}}";

  private DataCheck() {}

  static String run() throws IOException {
    if (MarketDataProviders.class.getModule().getName() == null) {
      throw new IllegalStateException("bs-data is not on the module path");
    }
    List<String> names = MarketDataProviders.names();
    if (!names.containsAll(List.of("simulated", "alpaca", "massive"))) {
      throw new IllegalStateException("providers not discovered through uses/provides: " + names);
    }
    try (MarketDataProvider sim =
        MarketDataProviders.create("simulated", Map.of("SIM_SYMBOLS", "SPY:500:0.2"))) {
      if (sim.optionChain(OptionChainQuery.all("SPY")).options().isEmpty()) {
        throw new IllegalStateException("simulated chain is empty");
      }
    }
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        ex -> {
          String path = ex.getRequestURI().getPath();
          String body = path.contains("options/snapshots") ? PAGE : path.contains("trades") ? TRADE : null;
          byte[] bytes = (body == null ? "{\"message\":\"not found\"}" : body).getBytes(StandardCharsets.UTF_8);
          ex.getResponseHeaders().add("Content-Type", "application/json");
          ex.sendResponseHeaders(body == null ? 404 : 200, bytes.length);
          try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
          }
        });
    server.start();
    try (MarketDataProvider alpaca =
        MarketDataProviders.create(
            "alpaca",
            Map.of(
                "APCA_API_KEY_ID", "consumer-key",
                "APCA_API_SECRET_KEY", "consumer-secret",
                "APCA_API_DATA_URL", "http://127.0.0.1:" + server.getAddress().getPort()))) {
      OptionChain chain = alpaca.optionChain(OptionChainQuery.all("SPY"));
      OptionSnapshot s = chain.options().get(0);
      if (chain.options().size() != 1
          || s.quote().orElseThrow().bid() != 41.60
          || s.greeks().orElseThrow().delta() != 0.7312
          || s.volume() != 312
          || chain.underlyingPrice().orElse(0) != 612.34) {
        throw new IllegalStateException("wrong Alpaca chain: " + chain);
      }
      return "alpaca chain " + s.contract().symbol() + " bid " + s.quote().orElseThrow().bid();
    } finally {
      server.stop(0);
    }
  }
}
