package io.github.bsoptions.data.alpaca;

import io.github.bsoptions.data.error.DataException;
import java.util.Map;
import java.util.Objects;

/**
 * Alpaca API credentials. {@link #toString()} never shows the secret and masks the key id; the
 * values are only ever written into the {@code APCA-API-*} request headers and the stream's auth
 * message, never logged.
 *
 * @param keyId the API key id ({@code APCA_API_KEY_ID})
 * @param secret the API secret ({@code APCA_API_SECRET_KEY})
 */
public record AlpacaCredentials(String keyId, String secret) {
  /** The environment variable holding the key id. */
  public static final String KEY_ENV = "APCA_API_KEY_ID";

  /** The environment variable holding the secret. */
  public static final String SECRET_ENV = "APCA_API_SECRET_KEY";

  /** Validates that both parts are present. */
  public AlpacaCredentials {
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(secret, "secret");
    if (keyId.isBlank() || secret.isBlank()) {
      throw new IllegalArgumentException(
          "Alpaca credentials must not be blank: set " + KEY_ENV + " and " + SECRET_ENV);
    }
  }

  /**
   * Reads the credentials from {@code APCA_API_KEY_ID} and {@code APCA_API_SECRET_KEY}.
   *
   * @throws DataException.Authentication naming the missing variable
   */
  public static AlpacaCredentials fromEnv(Map<String, String> env) {
    String k = env.get(KEY_ENV);
    String s = env.get(SECRET_ENV);
    if (k == null || k.isBlank() || s == null || s.isBlank()) {
      throw new DataException.Authentication(
          "alpaca",
          "credentials missing: set "
              + (k == null || k.isBlank() ? KEY_ENV : SECRET_ENV)
              + " (and "
              + (k == null || k.isBlank() ? SECRET_ENV : KEY_ENV)
              + ") in the environment",
          null);
    }
    return new AlpacaCredentials(k.strip(), s.strip());
  }

  /** Returns the key id masked to its first and last four characters. */
  public String maskedKeyId() {
    return keyId.length() <= 8
        ? "*".repeat(keyId.length())
        : keyId.substring(0, 4) + "..." + keyId.substring(keyId.length() - 4);
  }

  /** Returns a redacted description (never the secret). */
  @Override
  public String toString() {
    return "AlpacaCredentials[keyId=" + maskedKeyId() + ", secret=<redacted>]";
  }
}
