package io.github.bsoptions.exec.spi;

/**
 * A failed broker call other than order submission (which returns an {@link Outcome}). Decide by
 * type, never by message. Messages never contain credentials.
 */
public sealed class BrokerException extends RuntimeException
    permits BrokerException.Unavailable, BrokerException.Rejected, BrokerException.RateLimited {
  private static final long serialVersionUID = 1L;

  BrokerException(String message, Throwable cause) {
    super(message, cause);
  }

  /** Transport failure, timeout or 5xx: retry later; the effect of a write is unknown. */
  public static final class Unavailable extends BrokerException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public Unavailable(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** The broker refused the request (4xx other than 404 and 429). */
  public static final class Rejected extends BrokerException {
    private static final long serialVersionUID = 1L;
    private final int httpStatus;

    /** Creates the exception. */
    public Rejected(int httpStatus, String message) {
      super(message, null);
      this.httpStatus = httpStatus;
    }

    /** Returns the HTTP status (0 when none). */
    public int httpStatus() {
      return httpStatus;
    }
  }

  /** Rate limited: do not call again before {@link #retryAtEpochMillis()}. */
  public static final class RateLimited extends BrokerException {
    private static final long serialVersionUID = 1L;
    private final long retryAtEpochMillis;

    /** Creates the exception. */
    public RateLimited(String message, long retryAtEpochMillis) {
      super(message, null);
      this.retryAtEpochMillis = retryAtEpochMillis;
    }

    /** Returns the earliest time of the next call (epoch millis). */
    public long retryAtEpochMillis() {
      return retryAtEpochMillis;
    }
  }
}
