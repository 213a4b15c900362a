package io.github.bsoptions.pricing.spi;

/** What a pricing backend can do; routing sends a backend only the work it declares. */
public enum BackendCapability {
  /** Batch prices. */
  BATCH_PRICE,
  /** Batch prices with first-order greeks. */
  BATCH_GREEKS,
  /** Batch implied volatility. */
  BATCH_IV,
  /** The Black-Scholes-Merton model. */
  BLACK_SCHOLES,
  /** The Black-76 model. */
  BLACK_76,
  /** The Bachelier model. */
  BACHELIER,
  /** Uses several CPU cores for large batches. */
  PARALLEL,
  /** Offers single-precision kernels (with documented error). */
  FLOAT32
}
