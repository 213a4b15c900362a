package io.github.bsoptions.data.massive;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.bsoptions.data.error.DataException;
import io.github.bsoptions.data.http.TimeSource;
import io.github.bsoptions.data.internal.JsonHttp;
import io.github.bsoptions.data.model.Bar;
import io.github.bsoptions.data.model.OptionChain;
import io.github.bsoptions.data.model.OptionChainQuery;
import io.github.bsoptions.data.model.OptionContract;
import io.github.bsoptions.data.model.OptionSnapshot;
import io.github.bsoptions.data.model.ProviderGreeks;
import io.github.bsoptions.data.model.Quote;
import io.github.bsoptions.data.model.StockSnapshot;
import io.github.bsoptions.data.model.Timeframe;
import io.github.bsoptions.data.model.Trade;
import io.github.bsoptions.data.ratelimit.TokenBucket;
import io.github.bsoptions.data.spi.MarketDataProvider;
import io.github.bsoptions.data.spi.ProviderCapability;
import io.github.bsoptions.data.spi.StreamListener;
import io.github.bsoptions.data.spi.StreamRequest;
import io.github.bsoptions.data.spi.Subscription;
import io.github.bsoptions.pricing.product.OptionType;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionSpec;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Massive (formerly Polygon.io) REST client, the fallback options-data provider: option chain
 * snapshots ({@code /v3/snapshot/options/{underlying}}, cursor pagination through {@code next_url}
 * re-issued against the configured host with the same auth), single-contract snapshots for latest
 * option quotes, aggregates for stock and option bars, last trade and NBBO for stocks.
 *
 * <p>Massive's greeks have no rho (it stays NaN) and are absent for some contracts (they stay
 * absent). Units as Massive documents them: theta per day, vega per 1% volatility change.
 * Streaming, stock snapshots and historical option trades are not offered (the capabilities say so;
 * those methods throw {@link UnsupportedOperationException}).
 */
public final class MassiveMarketDataProvider implements MarketDataProvider {
  /** The provider name. */
  public static final String NAME = "massive";

  private static final Set<ProviderCapability> CAPS =
      Set.copyOf(
          EnumSet.of(
              ProviderCapability.STOCK_LATEST,
              ProviderCapability.STOCK_BARS,
              ProviderCapability.OPTION_CONTRACTS,
              ProviderCapability.OPTION_CHAIN,
              ProviderCapability.OPTION_GREEKS,
              ProviderCapability.OPTION_HISTORY,
              ProviderCapability.OPTION_LATEST));

  private final MassiveConfig config;
  private final OkHttpClient client;
  private final JsonHttp http;
  private final HttpUrl base;
  private final TimeSource time;

  /** Creates a client on the system clock. */
  public MassiveMarketDataProvider(MassiveConfig config) {
    this(config, TimeSource.SYSTEM);
  }

  /** Creates a client on the given time source. */
  public MassiveMarketDataProvider(MassiveConfig config, TimeSource time) {
    this.config = Objects.requireNonNull(config, "config");
    this.time = Objects.requireNonNull(time, "time");
    String auth = "Bearer " + config.apiKey();
    this.client =
        new OkHttpClient.Builder()
            .connectionSpecs(
                config.baseUrl().startsWith("http:")
                    ? List.of(ConnectionSpec.MODERN_TLS, ConnectionSpec.CLEARTEXT)
                    : List.of(ConnectionSpec.MODERN_TLS))
            .followRedirects(false)
            .retryOnConnectionFailure(false)
            .connectTimeout(10, TimeUnit.SECONDS)
            .readTimeout(20, TimeUnit.SECONDS)
            .callTimeout(30, TimeUnit.SECONDS)
            .addInterceptor(
                c -> c.proceed(c.request().newBuilder().header("Authorization", auth).build()))
            .build();
    this.http =
        new JsonHttp(
            NAME,
            client,
            new TokenBucket(
                config.requestsPerMinute(),
                Duration.ofMinutes(1),
                time::nanoTime,
                time::epochMillis),
            config.retry(),
            time,
            "check " + MassiveConfig.KEY_ENV + " and that the plan covers this endpoint",
            System.nanoTime());
    this.base = HttpUrl.get(config.baseUrl());
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<ProviderCapability> capabilities() {
    return CAPS;
  }

  @Override
  public String toString() {
    return "MassiveMarketDataProvider[" + config + "]";
  }

  // ------------------------------------------------------------------ stocks

  @Override
  public Quote latestStockQuote(String symbol) {
    HttpUrl u =
        base.newBuilder().addPathSegments("v2/last/nbbo").addPathSegment(ticker(symbol)).build();
    return http.get(
        u,
        body -> {
          JsonNode r = results(body);
          return new Quote(
              symbol,
              r.path("p").asDouble(0),
              r.path("P").asDouble(0),
              r.path("s").asLong(0),
              r.path("S").asLong(0),
              nanos(r, "t"));
        },
        http.deadline());
  }

  @Override
  public Trade latestStockTrade(String symbol) {
    HttpUrl u =
        base.newBuilder().addPathSegments("v2/last/trade").addPathSegment(ticker(symbol)).build();
    return http.get(
        u,
        body -> {
          JsonNode r = results(body);
          return new Trade(symbol, req(r, "p"), r.path("s").asLong(0), nanos(r, "t"));
        },
        http.deadline());
  }

  @Override
  public StockSnapshot stockSnapshot(String symbol) {
    throw new UnsupportedOperationException("massive provider: stock snapshots not offered");
  }

  @Override
  public List<Bar> stockBars(String symbol, Timeframe timeframe, Instant start, Instant end) {
    return aggs(ticker(symbol), symbol, timeframe, start, end);
  }

  // ------------------------------------------------------------------ options

  @Override
  public List<OptionContract> optionContracts(OptionChainQuery query) {
    return optionChain(query).options().stream().map(OptionSnapshot::contract).toList();
  }

  @Override
  public OptionChain optionChain(OptionChainQuery q) {
    long deadline = http.deadline();
    HttpUrl.Builder b =
        base.newBuilder()
            .addPathSegments("v3/snapshot/options")
            .addPathSegment(ticker(q.underlying()))
            .addQueryParameter("limit", "250");
    q.type()
        .ifPresent(
            t -> b.addQueryParameter("contract_type", t == OptionType.CALL ? "call" : "put"));
    q.strikeMin().ifPresent(v -> b.addQueryParameter("strike_price.gte", Double.toString(v)));
    q.strikeMax().ifPresent(v -> b.addQueryParameter("strike_price.lte", Double.toString(v)));
    q.expirationFrom().ifPresent(d -> b.addQueryParameter("expiration_date.gte", d.toString()));
    q.expirationTo().ifPresent(d -> b.addQueryParameter("expiration_date.lte", d.toString()));
    List<OptionSnapshot> out = new ArrayList<>();
    double[] spot = {Double.NaN};
    HttpUrl url = b.build();
    Set<String> seen = new HashSet<>();
    while (url != null) {
      Page page = http.get(url, body -> parseChainPage(body, q.underlying()), deadline);
      out.addAll(page.options);
      if (!Double.isNaN(page.spot)) {
        spot[0] = page.spot;
      }
      url = null;
      if (page.nextUrl != null) {
        if (!seen.add(page.nextUrl)) {
          throw new DataException.Fatal(NAME, "server repeated next_url", null);
        }
        url = sameHost(page.nextUrl);
      }
    }
    out.sort(
        Comparator.comparing((OptionSnapshot s) -> s.contract().expiration())
            .thenComparingDouble(s -> s.contract().strike())
            .thenComparing(s -> s.contract().type())
            .thenComparing(s -> s.contract().root()));
    return new OptionChain(
        q.underlying(),
        Double.isNaN(spot[0]) ? OptionalDouble.empty() : OptionalDouble.of(spot[0]),
        Instant.ofEpochMilli(time.epochMillis()),
        out,
        NAME);
  }

  private record Page(List<OptionSnapshot> options, double spot, String nextUrl) {}

  private static Page parseChainPage(byte[] body, String underlying) throws IOException {
    JsonNode root = JsonHttp.MAPPER.readTree(body);
    checkStatus(root);
    JsonNode results = root.get("results");
    List<OptionSnapshot> out = new ArrayList<>();
    double spot = Double.NaN;
    if (results != null && !results.isNull()) {
      if (!results.isArray()) {
        throw new IOException("'results' is not an array");
      }
      for (JsonNode r : results) {
        out.add(snapshot(r, underlying));
        double p = r.path("underlying_asset").path("price").asDouble(Double.NaN);
        if (p > 0) {
          spot = p;
        }
      }
    } else if (root.get("status") == null) {
      throw new IOException("no 'results' and no 'status' in response");
    }
    JsonNode next = root.get("next_url");
    return new Page(
        out, spot, next == null || next.isNull() || next.asText().isEmpty() ? null : next.asText());
  }

  static OptionSnapshot snapshot(JsonNode r, String underlying) throws IOException {
    JsonNode d = r.get("details");
    if (d == null || !d.has("ticker")) {
      throw new IOException("result without details.ticker");
    }
    OptionContract c = OptionContract.parse(d.get("ticker").asText());
    if (!c.underlying().equals(underlying)) {
      c = new OptionContract(c.root(), underlying, c.expiration(), c.type(), c.strike());
    }
    String sym = c.symbol();
    Optional<Quote> quote = Optional.empty();
    JsonNode lq = r.get("last_quote");
    if (lq != null && lq.isObject() && lq.has("last_updated")) {
      quote =
          Optional.of(
              new Quote(
                  sym,
                  lq.path("bid").asDouble(0),
                  lq.path("ask").asDouble(0),
                  lq.path("bid_size").asLong(0),
                  lq.path("ask_size").asLong(0),
                  nanos(lq, "last_updated")));
    }
    Optional<Trade> trade = Optional.empty();
    JsonNode lt = r.get("last_trade");
    if (lt != null && lt.isObject() && lt.path("price").asDouble(0) > 0) {
      trade =
          Optional.of(
              new Trade(
                  sym,
                  lt.get("price").asDouble(),
                  lt.path("size").asLong(0),
                  nanos(lt, "sip_timestamp")));
    }
    Optional<ProviderGreeks> greeks = Optional.empty();
    JsonNode g = r.get("greeks");
    if (g != null && g.isObject() && g.get("delta") != null && g.get("delta").isNumber()) {
      greeks =
          Optional.of(
              new ProviderGreeks(
                  g.get("delta").asDouble(),
                  g.path("gamma").asDouble(Double.NaN),
                  g.path("theta").asDouble(Double.NaN),
                  g.path("vega").asDouble(Double.NaN),
                  Double.NaN));
    }
    JsonNode iv = r.get("implied_volatility");
    JsonNode oi = r.get("open_interest");
    return new OptionSnapshot(
        c,
        quote,
        trade,
        iv != null && iv.isNumber() ? OptionalDouble.of(iv.asDouble()) : OptionalDouble.empty(),
        greeks,
        r.path("day").path("volume").asLong(0),
        oi != null && oi.isNumber() ? OptionalLong.of(oi.asLong()) : OptionalLong.empty());
  }

  @Override
  public List<Bar> optionBars(String occSymbol, Timeframe timeframe, Instant start, Instant end) {
    OptionContract.parse(occSymbol);
    return aggs("O:" + occSymbol, occSymbol, timeframe, start, end);
  }

  @Override
  public List<Trade> optionTrades(String occSymbol, Instant start, Instant end) {
    throw new UnsupportedOperationException("massive provider: option trade history not offered");
  }

  @Override
  public List<Quote> latestOptionQuotes(List<String> occSymbols) {
    List<Quote> out = new ArrayList<>();
    for (String s : occSymbols) {
      OptionContract c = OptionContract.parse(s);
      HttpUrl u =
          base.newBuilder()
              .addPathSegments("v3/snapshot/options")
              .addPathSegment(c.underlying())
              .addPathSegment("O:" + s)
              .build();
      OptionSnapshot snap =
          http.get(
              u,
              body -> {
                JsonNode root = JsonHttp.MAPPER.readTree(body);
                checkStatus(root);
                return snapshot(root.path("results"), c.underlying());
              },
              http.deadline());
      out.add(
          snap.quote()
              .orElseThrow(
                  () ->
                      new DataException.NotFound(
                          NAME, "no quote for " + s + " (plan without quotes?)", null)));
    }
    return out;
  }

  @Override
  public Subscription subscribe(StreamRequest request, StreamListener listener) {
    throw new UnsupportedOperationException("massive provider: streaming not offered");
  }

  @Override
  public void close() {
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }

  // ------------------------------------------------------------------ helpers

  private List<Bar> aggs(String ticker, String symbol, Timeframe tf, Instant start, Instant end) {
    if (start.isAfter(end)) {
      throw new IllegalArgumentException("start " + start + " is after end " + end);
    }
    String mult;
    String span;
    switch (tf) {
      case MINUTE_1 -> {
        mult = "1";
        span = "minute";
      }
      case MINUTE_5 -> {
        mult = "5";
        span = "minute";
      }
      case MINUTE_15 -> {
        mult = "15";
        span = "minute";
      }
      case HOUR_1 -> {
        mult = "1";
        span = "hour";
      }
      default -> {
        mult = "1";
        span = "day";
      }
    }
    long deadline = http.deadline();
    HttpUrl url =
        base.newBuilder()
            .addPathSegments("v2/aggs/ticker")
            .addPathSegment(ticker)
            .addPathSegment("range")
            .addPathSegment(mult)
            .addPathSegment(span)
            .addPathSegment(Long.toString(start.toEpochMilli()))
            .addPathSegment(Long.toString(end.toEpochMilli()))
            .addQueryParameter("adjusted", "false")
            .addQueryParameter("sort", "asc")
            .addQueryParameter("limit", "50000")
            .build();
    List<Bar> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    while (url != null) {
      String next =
          http.get(
              url,
              body -> {
                JsonNode root = JsonHttp.MAPPER.readTree(body);
                checkStatus(root);
                JsonNode rs = root.get("results");
                if (rs != null && rs.isArray()) {
                  for (JsonNode r : rs) {
                    out.add(
                        new Bar(
                            symbol,
                            Instant.ofEpochMilli(r.get("t").asLong()),
                            req(r, "o"),
                            req(r, "h"),
                            req(r, "l"),
                            req(r, "c"),
                            r.path("v").asLong(0),
                            r.path("n").asLong(0),
                            r.path("vw").asDouble(Double.NaN)));
                  }
                }
                JsonNode n = root.get("next_url");
                return n == null || n.isNull() || n.asText().isEmpty() ? null : n.asText();
              },
              deadline);
      url = null;
      if (next != null) {
        if (!seen.add(next)) {
          throw new DataException.Fatal(NAME, "server repeated next_url", null);
        }
        url = sameHost(next);
      }
    }
    return out;
  }

  /** Re-issues {@code next_url}'s path and query against the configured host (never elsewhere). */
  private HttpUrl sameHost(String nextUrl) {
    HttpUrl n = HttpUrl.parse(nextUrl);
    if (n == null) {
      throw new DataException.Retryable(NAME, "unparseable next_url", null, null);
    }
    HttpUrl.Builder b = base.newBuilder().encodedPath(n.encodedPath());
    for (int i = 0; i < n.querySize(); i++) {
      if (!n.queryParameterName(i).equalsIgnoreCase("apiKey")) {
        b.addQueryParameter(n.queryParameterName(i), n.queryParameterValue(i));
      }
    }
    return b.build();
  }

  private static void checkStatus(JsonNode root) throws IOException {
    if (root == null || !root.isObject()) {
      throw new IOException("response is not a JSON object");
    }
    String status = root.path("status").asText("");
    if (status.equals("ERROR")) {
      throw new DataException.Retryable(
          NAME,
          "status ERROR: " + root.path("error").asText(root.path("message").asText("")),
          null,
          null);
    }
  }

  private static JsonNode results(byte[] body) throws IOException {
    JsonNode root = JsonHttp.MAPPER.readTree(body);
    checkStatus(root);
    JsonNode r = root.get("results");
    if (r == null || !r.isObject()) {
      throw new IOException("no 'results' object");
    }
    return r;
  }

  private static double req(JsonNode n, String f) throws IOException {
    JsonNode v = n.get(f);
    if (v == null || !v.isNumber()) {
      throw new IOException("missing number '" + f + "'");
    }
    return v.asDouble();
  }

  private static Instant nanos(JsonNode n, String f) throws IOException {
    JsonNode v = n.get(f);
    if (v == null || !v.isNumber()) {
      throw new IOException("missing timestamp '" + f + "'");
    }
    long ns = v.asLong();
    return Instant.ofEpochSecond(
        Math.floorDiv(ns, 1_000_000_000L), Math.floorMod(ns, 1_000_000_000L));
  }

  private static String ticker(String symbol) {
    if (symbol == null || symbol.isBlank() || symbol.contains("/")) {
      throw new IllegalArgumentException("symbol must be a ticker, was '" + symbol + "'");
    }
    return symbol;
  }
}
