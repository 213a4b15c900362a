package io.github.bsoptions.exec.alpaca;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Alpaca trading connection settings.
 *
 * <p>Keys are read from {@code APCA_API_KEY_ID} and {@code APCA_API_SECRET_KEY} only; the base URL
 * from {@code APCA_API_BASE_URL} (default paper, {@value #PAPER_URL}). A live base URL ({@value
 * #LIVE_URL}) needs {@code confirmLive = true}. {@code http://} is refused except on loopback (test
 * servers). {@link #toString()} shows no credential.
 *
 * @param baseUrl trading REST base URL
 * @param streamUrl trade-updates WebSocket URL
 * @param keyId key id
 * @param secretKey secret key
 * @param live true when the base URL is Alpaca's live host
 * @param callTimeout deadline of every call (connect, write, read together)
 * @param maxRequestsPerMinute client-side budget (Alpaca allows 200 per minute per account)
 */
public record AlpacaConfig(
    URI baseUrl,
    URI streamUrl,
    Secret keyId,
    Secret secretKey,
    boolean live,
    Duration callTimeout,
    int maxRequestsPerMinute) {

  /** Paper trading base URL. */
  public static final String PAPER_URL = "https://paper-api.alpaca.markets";

  /** Live trading base URL. */
  public static final String LIVE_URL = "https://api.alpaca.markets";

  /** Validates the settings. */
  public AlpacaConfig {
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(streamUrl, "streamUrl");
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(secretKey, "secretKey");
    Objects.requireNonNull(callTimeout, "callTimeout");
    checkScheme(baseUrl, "http", "https");
    checkScheme(streamUrl, "ws", "wss");
    if (callTimeout.isNegative() || callTimeout.isZero()) {
      throw new IllegalArgumentException("callTimeout must be > 0, was " + callTimeout);
    }
    if (maxRequestsPerMinute < 1) {
      throw new IllegalArgumentException(
          "maxRequestsPerMinute must be >= 1, was " + maxRequestsPerMinute);
    }
  }

  private static void checkScheme(URI u, String plain, String tls) {
    String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
    if (scheme.equals(tls)) {
      return;
    }
    if (scheme.equals(plain) && isLoopback(u.getHost())) {
      return;
    }
    throw new IllegalArgumentException(
        "URL must use " + tls + " (" + plain + " only on loopback), was " + u);
  }

  static boolean isLoopback(String host) {
    return host != null
        && (host.equals("localhost")
            || host.startsWith("127.")
            || host.equals("[::1]")
            || host.equals("::1"));
  }

  /**
   * Builds the configuration from environment variables and settings.
   *
   * @param env environment ({@code APCA_API_KEY_ID}, {@code APCA_API_SECRET_KEY}, {@code
   *     APCA_API_BASE_URL})
   * @param settings optional {@code baseUrl}, {@code streamUrl}, {@code confirmLive}, {@code
   *     callTimeoutMillis}, {@code maxRequestsPerMinute}
   * @throws IllegalArgumentException when a key is missing (naming the variable, never its value)
   * @throws IllegalStateException when the URL is live and {@code confirmLive} is not {@code true}
   */
  public static AlpacaConfig fromEnv(Map<String, String> env, Map<String, String> settings) {
    String key = env.get("APCA_API_KEY_ID");
    String secret = env.get("APCA_API_SECRET_KEY");
    if (key == null || key.isBlank()) {
      throw new IllegalArgumentException("environment variable APCA_API_KEY_ID is not set");
    }
    if (secret == null || secret.isBlank()) {
      throw new IllegalArgumentException("environment variable APCA_API_SECRET_KEY is not set");
    }
    String base =
        settings.getOrDefault("baseUrl", env.getOrDefault("APCA_API_BASE_URL", PAPER_URL));
    boolean confirm = Boolean.parseBoolean(settings.getOrDefault("confirmLive", "false"));
    long timeout = Long.parseLong(settings.getOrDefault("callTimeoutMillis", "10000"));
    int rpm = Integer.parseInt(settings.getOrDefault("maxRequestsPerMinute", "200"));
    return of(
        URI.create(stripSlash(base)),
        settings.get("streamUrl"),
        Secret.of(key),
        Secret.of(secret),
        confirm,
        Duration.ofMillis(timeout),
        rpm);
  }

  /**
   * Builds a configuration for a base URL.
   *
   * @param streamUrl the stream URL, or null to derive {@code wss://host/stream} from the base
   * @param confirmLive must be true when {@code baseUrl} is the live host
   */
  public static AlpacaConfig of(
      URI baseUrl,
      String streamUrl,
      Secret keyId,
      Secret secretKey,
      boolean confirmLive,
      Duration callTimeout,
      int maxRequestsPerMinute) {
    boolean live = "api.alpaca.markets".equalsIgnoreCase(baseUrl.getHost());
    if (live && !confirmLive) {
      throw new IllegalStateException(
          "base URL " + baseUrl + " trades real money; set confirmLive=true to use it");
    }
    URI stream =
        streamUrl != null
            ? URI.create(streamUrl)
            : URI.create(
                baseUrl.toString().replaceFirst("^https", "wss").replaceFirst("^http", "ws")
                    + "/stream");
    return new AlpacaConfig(
        baseUrl, stream, keyId, secretKey, live, callTimeout, maxRequestsPerMinute);
  }

  private static String stripSlash(String s) {
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }

  /** Returns the settings without credentials. */
  @Override
  public String toString() {
    return "AlpacaConfig[baseUrl="
        + baseUrl
        + ", streamUrl="
        + streamUrl
        + ", keyId="
        + keyId
        + ", live="
        + live
        + ", callTimeout="
        + callTimeout
        + ", maxRequestsPerMinute="
        + maxRequestsPerMinute
        + "]";
  }
}
