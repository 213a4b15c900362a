package io.github.bsoptions.data.alpaca;

import io.github.bsoptions.data.error.DataException;
import io.github.bsoptions.data.http.TimeSource;
import io.github.bsoptions.data.internal.JsonHttp;
import io.github.bsoptions.data.model.Bar;
import io.github.bsoptions.data.model.OptionChain;
import io.github.bsoptions.data.model.OptionChainQuery;
import io.github.bsoptions.data.model.OptionContract;
import io.github.bsoptions.data.model.OptionSnapshot;
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
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionSpec;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.Retrofit;

/**
 * Alpaca market data over REST (v2 stocks, v1beta1 options, trading API option contracts) and
 * WebSocket (options in MessagePack, stocks in JSON). Credentials go only into the {@code
 * APCA-API-KEY-ID}/{@code APCA-API-SECRET-KEY} headers and the stream's auth message; they never
 * appear in logs, {@code toString} or exception messages.
 *
 * <p>Every paginated call follows {@code next_page_token} to the end (a repeated token fails the
 * call) and returns all pages or throws: never a partial result. Retryable failures (timeouts,
 * resets, 408, 429, 5xx, truncated or malformed bodies) are retried per {@link
 * AlpacaConfig#retry()} within the call deadline; requests are spaced by a client-side token bucket
 * of {@link AlpacaConfig#requestsPerMinute()}.
 */
public final class AlpacaMarketDataProvider implements MarketDataProvider {
  /** The provider name. */
  public static final String NAME = "alpaca";

  private static final Set<ProviderCapability> CAPS =
      Set.copyOf(EnumSet.allOf(ProviderCapability.class));
  private static final String HINT =
      "check "
          + AlpacaCredentials.KEY_ENV
          + " and "
          + AlpacaCredentials.SECRET_ENV
          + " (and that the plan covers the requested feed)";

  private final AlpacaConfig config;
  private final OkHttpClient client;
  private final JsonHttp http;
  private final AlpacaRestApi api;
  private final AlpacaRestApi.Trading tradingApi;
  private final TimeSource time;
  private AlpacaStream optionStream;
  private AlpacaStream stockStream;

  /** Creates a client on the system clock. */
  public AlpacaMarketDataProvider(AlpacaConfig config) {
    this(config, TimeSource.SYSTEM);
  }

  /** Creates a client on the given time source (tests use a virtual one). */
  public AlpacaMarketDataProvider(AlpacaConfig config, TimeSource time) {
    this.config = Objects.requireNonNull(config, "config");
    this.time = Objects.requireNonNull(time, "time");
    AlpacaCredentials creds = config.credentials();
    boolean loopback = config.dataUrl().startsWith("http:") || config.streamUrl().startsWith("ws:");
    this.client =
        new OkHttpClient.Builder()
            .connectionSpecs(
                loopback
                    ? List.of(ConnectionSpec.MODERN_TLS, ConnectionSpec.CLEARTEXT)
                    : List.of(ConnectionSpec.MODERN_TLS))
            .followRedirects(false)
            .retryOnConnectionFailure(false)
            .connectTimeout(10, TimeUnit.SECONDS)
            .readTimeout(20, TimeUnit.SECONDS)
            .callTimeout(30, TimeUnit.SECONDS)
            .pingInterval(10, TimeUnit.SECONDS)
            .addInterceptor(
                chain ->
                    chain.proceed(
                        chain
                            .request()
                            .newBuilder()
                            .header("APCA-API-KEY-ID", creds.keyId())
                            .header("APCA-API-SECRET-KEY", creds.secret())
                            .build()))
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
            HINT,
            System.nanoTime());
    this.api = retrofit(config.dataUrl()).create(AlpacaRestApi.class);
    this.tradingApi = retrofit(config.tradingUrl()).create(AlpacaRestApi.Trading.class);
  }

  /** Returns the configuration. */
  public AlpacaConfig config() {
    return config;
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
    return "AlpacaMarketDataProvider[" + config.dataUrl() + ", " + config.credentials() + "]";
  }

  // ------------------------------------------------------------------ stocks

  @Override
  public Quote latestStockQuote(String symbol) {
    checkSymbol(symbol);
    return http.call(
        () -> api.latestStockQuote(symbol, stockFeed()),
        b -> AlpacaJson.single(b, "quote", symbol, AlpacaJson::quote),
        http.deadline());
  }

  @Override
  public Trade latestStockTrade(String symbol) {
    checkSymbol(symbol);
    return http.call(
        () -> api.latestStockTrade(symbol, stockFeed()),
        b -> AlpacaJson.single(b, "trade", symbol, AlpacaJson::trade),
        http.deadline());
  }

  @Override
  public StockSnapshot stockSnapshot(String symbol) {
    checkSymbol(symbol);
    return http.call(
        () -> api.stockSnapshot(symbol, stockFeed()),
        b -> AlpacaJson.stockSnapshot(b, symbol),
        http.deadline());
  }

  @Override
  public List<Bar> stockBars(String symbol, Timeframe timeframe, Instant start, Instant end) {
    checkRange(start, end);
    checkSymbol(symbol);
    Map<String, String> q = stockFeed();
    q.put("timeframe", timeframe.alpacaName());
    q.put("start", start.toString());
    q.put("end", end.toString());
    q.put("adjustment", "raw");
    q.put("limit", "10000");
    List<Bar> out = new ArrayList<>();
    paginate(
        token -> api.stockBars(symbol, q, token),
        body -> AlpacaJson.listPage(body, "bars", symbol, AlpacaJson::bar, out::add));
    return out;
  }

  // ------------------------------------------------------------------ options

  @Override
  public List<OptionContract> optionContracts(OptionChainQuery query) {
    return contractsWithOpenInterest(query).contracts;
  }

  private record ContractsResult(List<OptionContract> contracts, Map<String, Long> oi) {}

  private ContractsResult contractsWithOpenInterest(OptionChainQuery q) {
    Map<String, String> b = new LinkedHashMap<>();
    b.put("underlying_symbols", q.underlying());
    b.put("limit", "10000");
    // Without explicit bounds the endpoint returns only this week's expiries.
    LocalDate today = LocalDate.ofInstant(Instant.ofEpochMilli(time.epochMillis()), ZoneOffset.UTC);
    b.put("expiration_date_gte", q.expirationFrom().orElse(today.minusDays(1)).toString());
    b.put("expiration_date_lte", q.expirationTo().orElse(today.plusYears(4)).toString());
    q.strikeMin().ifPresent(v -> b.put("strike_price_gte", num(v)));
    q.strikeMax().ifPresent(v -> b.put("strike_price_lte", num(v)));
    q.type().ifPresent(t -> b.put("type", t == OptionType.CALL ? "call" : "put"));
    List<OptionContract> out = new ArrayList<>();
    Map<String, Long> oi = new HashMap<>();
    paginate(
        token -> tradingApi.optionContracts(b, token),
        body -> AlpacaJson.contractsPage(body, out, oi));
    out.sort(CHAIN_ORDER);
    return new ContractsResult(out, oi);
  }

  static final Comparator<OptionContract> CHAIN_ORDER =
      Comparator.comparing(OptionContract::expiration)
          .thenComparingDouble(OptionContract::strike)
          .thenComparing(OptionContract::type)
          .thenComparing(OptionContract::root);

  @Override
  public OptionChain optionChain(OptionChainQuery q) {
    long deadline = http.deadline();
    String underlying = q.underlying();
    checkSymbol(underlying);
    Map<String, String> b = new LinkedHashMap<>();
    config.optionFeed().ifPresent(f -> b.put("feed", f));
    b.put("limit", "1000");
    q.type().ifPresent(t -> b.put("type", t == OptionType.CALL ? "call" : "put"));
    q.strikeMin().ifPresent(v -> b.put("strike_price_gte", num(v)));
    q.strikeMax().ifPresent(v -> b.put("strike_price_lte", num(v)));
    q.expirationFrom().ifPresent(d -> b.put("expiration_date_gte", d.toString()));
    q.expirationTo().ifPresent(d -> b.put("expiration_date_lte", d.toString()));
    Map<String, OptionSnapshot> all = new LinkedHashMap<>();
    paginate(
        token -> api.optionSnapshots(underlying, b, token),
        body -> AlpacaJson.chainPage(body, all),
        deadline);
    List<OptionSnapshot> list = new ArrayList<>(all.values());
    list.sort(Comparator.comparing(OptionSnapshot::contract, CHAIN_ORDER));
    OptionalDouble spot = OptionalDouble.empty();
    try {
      spot = OptionalDouble.of(latestStockTrade(q.underlying()).price());
    } catch (DataException.NotFound e) {
      // an index underlying has no stock trade: leave the price absent
    }
    return new OptionChain(
        q.underlying(), spot, Instant.ofEpochMilli(time.epochMillis()), list, NAME);
  }

  @Override
  public List<Bar> optionBars(String occSymbol, Timeframe timeframe, Instant start, Instant end) {
    checkRange(start, end);
    OptionContract.parse(occSymbol);
    Map<String, String> b = new LinkedHashMap<>();
    b.put("symbols", occSymbol);
    b.put("timeframe", timeframe.alpacaName());
    b.put("start", start.toString());
    b.put("end", end.toString());
    b.put("limit", "10000");
    List<Bar> out = new ArrayList<>();
    paginate(
        token -> api.optionBars(b, token),
        body -> AlpacaJson.listPage(body, "bars", occSymbol, AlpacaJson::bar, out::add));
    return out;
  }

  @Override
  public List<Trade> optionTrades(String occSymbol, Instant start, Instant end) {
    checkRange(start, end);
    OptionContract.parse(occSymbol);
    Map<String, String> b = new LinkedHashMap<>();
    b.put("symbols", occSymbol);
    b.put("start", start.toString());
    b.put("end", end.toString());
    b.put("limit", "10000");
    List<Trade> out = new ArrayList<>();
    paginate(
        token -> api.optionTrades(b, token),
        body -> AlpacaJson.listPage(body, "trades", occSymbol, AlpacaJson::trade, out::add));
    return out;
  }

  @Override
  public List<Quote> latestOptionQuotes(List<String> occSymbols) {
    Map<String, Quote> got = new HashMap<>();
    for (int i = 0; i < occSymbols.size(); i += 100) {
      List<String> chunk = occSymbols.subList(i, Math.min(occSymbols.size(), i + 100));
      for (String s : chunk) {
        OptionContract.parse(s);
      }
      Map<String, String> b = new LinkedHashMap<>();
      b.put("symbols", String.join(",", chunk));
      config.optionFeed().ifPresent(f -> b.put("feed", f));
      http.call(
          () -> api.latestOptionQuotes(b),
          body ->
              AlpacaJson.listPage(
                  body, "quotes", "", AlpacaJson::quote, q -> got.put(q.symbol(), q)),
          http.deadline());
    }
    List<Quote> out = new ArrayList<>(occSymbols.size());
    for (String s : occSymbols) {
      Quote q = got.get(s);
      if (q == null) {
        throw new DataException.NotFound(NAME, "no latest quote for " + s, null);
      }
      out.add(q);
    }
    return out;
  }

  // ------------------------------------------------------------------ streaming

  @Override
  public synchronized Subscription subscribe(StreamRequest request, StreamListener listener) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(listener, "listener");
    for (String s : request.optionQuotes()) {
      OptionContract.parse(s);
    }
    for (String s : request.optionTrades()) {
      OptionContract.parse(s);
    }
    List<Subscription> parts = new ArrayList<>();
    if (!request.optionQuotes().isEmpty() || !request.optionTrades().isEmpty()) {
      if (optionStream == null) {
        optionStream =
            new AlpacaStream(
                config,
                client,
                time,
                config.streamUrl() + "/v1beta1/" + config.optionFeed().orElse("indicative"),
                true);
      }
      parts.add(optionStream.add(request.optionQuotes(), request.optionTrades(), listener));
    }
    if (!request.stockQuotes().isEmpty() || !request.stockTrades().isEmpty()) {
      if (stockStream == null) {
        stockStream =
            new AlpacaStream(
                config,
                client,
                time,
                config.streamUrl() + "/v2/" + config.stockFeed().orElse("iex"),
                false);
      }
      parts.add(stockStream.add(request.stockQuotes(), request.stockTrades(), listener));
    }
    return AlpacaStream.combine(parts);
  }

  @Override
  public synchronized void close() {
    if (optionStream != null) {
      optionStream.shutdown();
    }
    if (stockStream != null) {
      stockStream.shutdown();
    }
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }

  // ------------------------------------------------------------------ raw decoding

  /**
   * Parses one page of {@code GET /v1beta1/options/snapshots/{underlying}} into {@code into} (keyed
   * by OCC symbol) and returns the next page token (null on the last page). Exposed for benchmarks
   * and for decoding raw captures.
   *
   * @throws java.io.IOException when the body is malformed
   */
  public static String parseChainPage(byte[] body, Map<String, OptionSnapshot> into)
      throws java.io.IOException {
    return AlpacaJson.chainPage(body, into);
  }

  /**
   * Decodes one MessagePack frame of the option stream into its quotes and trades (control messages
   * are dropped). Exposed for benchmarks and for decoding raw captures.
   *
   * @throws java.io.IOException when the frame is not valid MessagePack
   */
  public static List<Object> decodeOptionStreamFrame(byte[] frame) throws java.io.IOException {
    List<Object> out = new ArrayList<>();
    for (Map<String, Object> m : StreamCodec.decodeMsgpack(frame)) {
      Object t = m.get("T");
      if ("q".equals(t)) {
        out.add(StreamCodec.quote(m));
      } else if ("t".equals(t)) {
        out.add(StreamCodec.trade(m));
      }
    }
    return out;
  }

  // ------------------------------------------------------------------ helpers

  @FunctionalInterface
  private interface PageParser {
    String parse(byte[] body) throws Exception;
  }

  /** One page's call for a page token (null for the first page). */
  @FunctionalInterface
  private interface PageCall {
    Call<ResponseBody> page(String pageToken);
  }

  private void paginate(PageCall calls, PageParser parser) {
    paginate(calls, parser, http.deadline());
  }

  /** Fetches every page; all-or-nothing (the caller's collections are discarded on failure). */
  private void paginate(PageCall calls, PageParser parser, long deadline) {
    Set<String> seen = new HashSet<>();
    String token = null;
    do {
      String pageToken = token;
      String next = http.call(() -> calls.page(pageToken), parser::parse, deadline);
      if (next != null && !seen.add(next)) {
        String where = calls.page(null).request().url().encodedPath();
        throw new DataException.Fatal(NAME, where + ": server repeated page token " + next, null);
      }
      token = next;
    } while (token != null);
  }

  /** A Retrofit on the shared client; the base URL gets the trailing slash Retrofit requires. */
  private Retrofit retrofit(String baseUrl) {
    HttpUrl base = HttpUrl.get(baseUrl);
    if (!base.encodedPath().endsWith("/")) {
      base = HttpUrl.get(base + "/");
    }
    return new Retrofit.Builder().baseUrl(base).client(client).validateEagerly(true).build();
  }

  private static void checkSymbol(String symbol) {
    if (symbol == null || symbol.isBlank() || symbol.contains("/")) {
      throw new IllegalArgumentException("symbol must be a ticker, was '" + symbol + "'");
    }
  }

  private Map<String, String> stockFeed() {
    Map<String, String> q = new LinkedHashMap<>();
    config.stockFeed().ifPresent(f -> q.put("feed", f));
    return q;
  }

  private static String num(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }

  private static void checkRange(Instant start, Instant end) {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (start.isAfter(end)) {
      throw new IllegalArgumentException("start " + start + " is after end " + end);
    }
  }
}
