package io.github.bsoptions.exec.spi;

/** How a broker treats a repeated client order id. Cross-broker fallback never relies on it. */
public enum Idempotency {
  /** A reused id is refused forever, even after the first order closed (Alpaca). */
  DURABLE,
  /** A reused id is refused only while the first order is open (Kraken). */
  OPEN_ORDERS_ONLY,
  /** Ids are echoed but not checked (tastytrade). */
  NONE
}
