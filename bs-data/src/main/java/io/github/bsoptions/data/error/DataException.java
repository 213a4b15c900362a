package io.github.bsoptions.data.error;

import java.time.Duration;
import java.util.Optional;

/**
 * A market-data failure, classified so that retry and failover decide by type, never by message.
 * Messages never contain credentials.
 */
public abstract sealed class DataException extends RuntimeException
    permits DataException.Retryable,
        DataException.Rejected,
        DataException.NotFound,
        DataException.Authentication,
        DataException.Fatal {

  private final String provider;

  DataException(String provider, String message, Throwable cause) {
    super(provider + ": " + message, cause);
    this.provider = provider;
  }

  /** Returns the name of the provider that failed. */
  public String provider() {
    return provider;
  }

  /**
   * A transient failure (timeout, connection reset, 5xx, 429, truncated or malformed body): retry
   * with backoff, or fail over.
   */
  public static final class Retryable extends DataException {
    private final transient Duration retryAfter;

    /** Creates the exception; {@code retryAfter} is the server's hint (may be null). */
    public Retryable(String provider, String message, Duration retryAfter, Throwable cause) {
      super(provider, message, cause);
      this.retryAfter = retryAfter;
    }

    /** Returns how long the server asked to wait, if it said. */
    public Optional<Duration> retryAfter() {
      return Optional.ofNullable(retryAfter);
    }
  }

  /** The provider refused the request as invalid (400/422): retrying will not help. */
  public static final class Rejected extends DataException {
    /** Creates the exception with the provider's message. */
    public Rejected(String provider, String message, Throwable cause) {
      super(provider, message, cause);
    }
  }

  /** The symbol or resource does not exist at this provider (404). */
  public static final class NotFound extends DataException {
    /** Creates the exception. */
    public NotFound(String provider, String message, Throwable cause) {
      super(provider, message, cause);
    }
  }

  /** Credentials are missing or refused (401/403); the message names the variable to set. */
  public static final class Authentication extends DataException {
    /** Creates the exception. */
    public Authentication(String provider, String message, Throwable cause) {
      super(provider, message, cause);
    }
  }

  /** A failure that no retry or failover can fix (misconfiguration, bug). */
  public static final class Fatal extends DataException {
    /** Creates the exception. */
    public Fatal(String provider, String message, Throwable cause) {
      super(provider, message, cause);
    }
  }
}
