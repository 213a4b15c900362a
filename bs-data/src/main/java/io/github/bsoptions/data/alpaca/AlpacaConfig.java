package io.github.bsoptions.data.alpaca;

import io.github.bsoptions.data.http.RetryPolicy;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Configuration of the Alpaca market-data client.
 *
 * @param credentials the API keys
 * @param dataUrl the market-data REST base ({@code https://data.alpaca.markets})
 * @param tradingUrl the trading API base, used for the option contracts endpoint ({@code
 *     https://paper-api.alpaca.markets})
 * @param streamUrl the market-data WebSocket base ({@code wss://stream.data.alpaca.markets})
 * @param optionFeed the options {@code feed} parameter ({@code indicative} or {@code opra}); empty
 *     lets the server pick the entitled feed; the stream uses {@code indicative} when empty
 * @param stockFeed the stocks {@code feed} parameter ({@code iex}, {@code sip}, {@code
 *     delayed_sip}); empty lets the server pick; the stream uses {@code iex} when empty
 * @param requestsPerMinute the client-side limit (200 on the Basic plan, 10,000 on Algo Trader
 *     Plus)
 * @param retry the REST retry policy
 * @param streamBackoffMin first reconnect delay of the stream
 * @param streamBackoffMax reconnect delay cap
 * @param streamDataTimeout a connected stream silent for this long is reconnected
 */
public record AlpacaConfig(
    AlpacaCredentials credentials,
    String dataUrl,
    String tradingUrl,
    String streamUrl,
    Optional<String> optionFeed,
    Optional<String> stockFeed,
    int requestsPerMinute,
    RetryPolicy retry,
    Duration streamBackoffMin,
    Duration streamBackoffMax,
    Duration streamDataTimeout) {

  /** The production market-data REST base. */
  public static final String DATA_URL = "https://data.alpaca.markets";

  /** The paper trading API base. */
  public static final String PAPER_TRADING_URL = "https://paper-api.alpaca.markets";

  /** The production market-data stream base. */
  public static final String STREAM_URL = "wss://stream.data.alpaca.markets";

  private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

  /** Validates the configuration; plain {@code http}/{@code ws} is allowed only for loopback. */
  public AlpacaConfig {
    Objects.requireNonNull(credentials, "credentials");
    Objects.requireNonNull(optionFeed, "optionFeed");
    Objects.requireNonNull(stockFeed, "stockFeed");
    Objects.requireNonNull(retry, "retry");
    Objects.requireNonNull(streamBackoffMin, "streamBackoffMin");
    Objects.requireNonNull(streamBackoffMax, "streamBackoffMax");
    Objects.requireNonNull(streamDataTimeout, "streamDataTimeout");
    dataUrl = checkUrl("dataUrl", dataUrl, "https");
    tradingUrl = checkUrl("tradingUrl", tradingUrl, "https");
    streamUrl = checkUrl("streamUrl", streamUrl, "wss");
    if (optionFeed.isPresent() && !Set.of("indicative", "opra").contains(optionFeed.get())) {
      throw new IllegalArgumentException(
          "optionFeed must be indicative or opra, was '" + optionFeed.get() + "'");
    }
    if (requestsPerMinute < 1) {
      throw new IllegalArgumentException(
          "requestsPerMinute must be >= 1, was " + requestsPerMinute);
    }
    if (streamBackoffMin.isNegative()
        || streamBackoffMin.isZero()
        || streamBackoffMax.compareTo(streamBackoffMin) < 0) {
      throw new IllegalArgumentException(
          "need 0 < streamBackoffMin <= streamBackoffMax, was "
              + streamBackoffMin
              + ", "
              + streamBackoffMax);
    }
    if (streamDataTimeout.isNegative() || streamDataTimeout.isZero()) {
      throw new IllegalArgumentException("streamDataTimeout must be > 0, was " + streamDataTimeout);
    }
  }

  /**
   * Returns the production defaults for the given credentials: server-chosen feeds, 200 requests
   * per minute, {@link RetryPolicy#DEFAULT}, stream backoff 1 s to 64 s, 60 s data timeout.
   */
  public static AlpacaConfig of(AlpacaCredentials credentials) {
    return new AlpacaConfig(
        credentials,
        DATA_URL,
        PAPER_TRADING_URL,
        STREAM_URL,
        Optional.empty(),
        Optional.empty(),
        200,
        RetryPolicy.DEFAULT,
        Duration.ofSeconds(1),
        Duration.ofSeconds(64),
        Duration.ofSeconds(60));
  }

  /**
   * Reads the configuration from the variables Alpaca's own SDKs use: {@code APCA_API_KEY_ID},
   * {@code APCA_API_SECRET_KEY}, optional {@code APCA_API_DATA_URL}, {@code APCA_API_BASE_URL}
   * (trading), {@code APCA_API_STREAM_URL}, {@code APCA_OPTION_FEED}, {@code APCA_STOCK_FEED}.
   *
   * @throws io.github.bsoptions.data.error.DataException.Authentication naming the missing variable
   */
  public static AlpacaConfig fromEnv(Map<String, String> env) {
    AlpacaConfig c = of(AlpacaCredentials.fromEnv(env));
    return new AlpacaConfig(
        c.credentials,
        env.getOrDefault("APCA_API_DATA_URL", DATA_URL),
        env.getOrDefault("APCA_API_BASE_URL", PAPER_TRADING_URL),
        env.getOrDefault("APCA_API_STREAM_URL", STREAM_URL),
        Optional.ofNullable(env.get("APCA_OPTION_FEED")).filter(s -> !s.isBlank()),
        Optional.ofNullable(env.get("APCA_STOCK_FEED")).filter(s -> !s.isBlank()),
        c.requestsPerMinute,
        c.retry,
        c.streamBackoffMin,
        c.streamBackoffMax,
        c.streamDataTimeout);
  }

  /** Returns a copy with other base URLs (e.g. a local test server). */
  public AlpacaConfig withUrls(String data, String trading, String stream) {
    return new AlpacaConfig(
        credentials,
        data,
        trading,
        stream,
        optionFeed,
        stockFeed,
        requestsPerMinute,
        retry,
        streamBackoffMin,
        streamBackoffMax,
        streamDataTimeout);
  }

  /** Returns a copy with explicit feeds. */
  public AlpacaConfig withFeeds(Optional<String> options, Optional<String> stocks) {
    return new AlpacaConfig(
        credentials,
        dataUrl,
        tradingUrl,
        streamUrl,
        options,
        stocks,
        requestsPerMinute,
        retry,
        streamBackoffMin,
        streamBackoffMax,
        streamDataTimeout);
  }

  /** Returns a copy with another rate limit and retry policy. */
  public AlpacaConfig withLimits(int perMinute, RetryPolicy policy) {
    return new AlpacaConfig(
        credentials,
        dataUrl,
        tradingUrl,
        streamUrl,
        optionFeed,
        stockFeed,
        perMinute,
        policy,
        streamBackoffMin,
        streamBackoffMax,
        streamDataTimeout);
  }

  /** Returns a copy with other stream reconnect settings. */
  public AlpacaConfig withStreamTiming(Duration backoffMin, Duration backoffMax, Duration timeout) {
    return new AlpacaConfig(
        credentials,
        dataUrl,
        tradingUrl,
        streamUrl,
        optionFeed,
        stockFeed,
        requestsPerMinute,
        retry,
        backoffMin,
        backoffMax,
        timeout);
  }

  static String checkUrl(String field, String url, String secureScheme) {
    Objects.requireNonNull(url, field);
    URI u;
    try {
      u = URI.create(url.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(field + " is not a URL: '" + url + "'", e);
    }
    String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
    String host = u.getHost() == null ? "" : u.getHost().toLowerCase(Locale.ROOT);
    String plain = secureScheme.equals("https") ? "http" : "ws";
    if (host.isEmpty()) {
      throw new IllegalArgumentException(field + " has no host: '" + url + "'");
    }
    if (!scheme.equals(secureScheme) && !(scheme.equals(plain) && LOOPBACK.contains(host))) {
      throw new IllegalArgumentException(
          field
              + " must use "
              + secureScheme
              + " (plain "
              + plain
              + " only for loopback), was '"
              + url
              + "'");
    }
    String s = u.toString();
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }
}
