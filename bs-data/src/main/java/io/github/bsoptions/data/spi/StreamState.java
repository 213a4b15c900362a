package io.github.bsoptions.data.spi;

/** The state of a streaming subscription. */
public enum StreamState {
  /** Connecting or authenticating. */
  CONNECTING,
  /** Authenticated and subscribed; data flows. */
  STREAMING,
  /** Lost the connection; reconnecting with backoff. */
  RECONNECTING,
  /** Closed by the caller or failed for good (the detail says why). */
  CLOSED
}
