package io.github.bsoptions.data.massive;

import io.github.bsoptions.data.error.DataException;
import io.github.bsoptions.data.http.RetryPolicy;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Configuration of the Massive (formerly Polygon.io) client, the fallback options-data source that
 * market-apis.md recommends.
 *
 * @param apiKey the API key (sent as {@code Authorization: Bearer}; never logged, never in {@link
 *     #toString()})
 * @param baseUrl the REST base ({@code https://api.massive.com})
 * @param requestsPerMinute the client-side limit (5 on the free tier; paid plans: stay under 100/s)
 * @param retry the retry policy
 */
public record MassiveConfig(
    String apiKey, String baseUrl, int requestsPerMinute, RetryPolicy retry) {
  /** The environment variable holding the key ({@code POLYGON_API_KEY} is read as a fallback). */
  public static final String KEY_ENV = "MASSIVE_API_KEY";

  /** The production REST base. */
  public static final String BASE_URL = "https://api.massive.com";

  private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

  /** Validates the configuration; plain http only for loopback. */
  public MassiveConfig {
    Objects.requireNonNull(apiKey, "apiKey");
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(retry, "retry");
    if (apiKey.isBlank()) {
      throw new IllegalArgumentException("apiKey must not be blank: set " + KEY_ENV);
    }
    URI u = URI.create(baseUrl.strip());
    String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
    String host = u.getHost() == null ? "" : u.getHost().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !(scheme.equals("http") && LOOPBACK.contains(host))) {
      throw new IllegalArgumentException(
          "baseUrl must use https (plain http only for loopback), was '" + baseUrl + "'");
    }
    baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    if (requestsPerMinute < 1) {
      throw new IllegalArgumentException(
          "requestsPerMinute must be >= 1, was " + requestsPerMinute);
    }
  }

  /** Returns the defaults for a key: production URL, 5 requests per minute (free tier). */
  public static MassiveConfig of(String apiKey) {
    return new MassiveConfig(apiKey, BASE_URL, 5, RetryPolicy.DEFAULT);
  }

  /**
   * Reads {@code MASSIVE_API_KEY} (or {@code POLYGON_API_KEY}), optional {@code MASSIVE_BASE_URL}
   * and {@code MASSIVE_REQUESTS_PER_MINUTE}.
   *
   * @throws DataException.Authentication naming the variable when no key is set
   */
  public static MassiveConfig fromEnv(Map<String, String> env) {
    String key = env.getOrDefault(KEY_ENV, env.get("POLYGON_API_KEY"));
    if (key == null || key.isBlank()) {
      throw new DataException.Authentication(
          MassiveMarketDataProvider.NAME, "API key missing: set " + KEY_ENV, null);
    }
    int rpm = Integer.parseInt(env.getOrDefault("MASSIVE_REQUESTS_PER_MINUTE", "5"));
    return new MassiveConfig(
        key.strip(), env.getOrDefault("MASSIVE_BASE_URL", BASE_URL), rpm, RetryPolicy.DEFAULT);
  }

  /** Returns a copy with another base URL. */
  public MassiveConfig withBaseUrl(String url) {
    return new MassiveConfig(apiKey, url, requestsPerMinute, retry);
  }

  /** Returns a copy with another limit and retry policy. */
  public MassiveConfig withLimits(int perMinute, RetryPolicy policy) {
    return new MassiveConfig(apiKey, baseUrl, perMinute, policy);
  }

  /** Returns a redacted description. */
  @Override
  public String toString() {
    return "MassiveConfig[apiKey=<redacted>, baseUrl="
        + baseUrl
        + ", requestsPerMinute="
        + requestsPerMinute
        + ", retry="
        + retry
        + "]";
  }
}
