package io.github.bsoptions.app.store;

/** A persistence failure (database or time-series sink); the cause carries the detail. */
public final class StoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception. */
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }

  /** Creates the exception without a cause. */
  public StoreException(String message) {
    super(message);
  }
}
