package io.github.bsoptions.app.store;

import java.time.Instant;

/**
 * A position: signed quantity (negative is short), average open price and realized P&amp;L.
 *
 * @param symbol the instrument
 * @param quantity signed quantity
 * @param averagePrice average open price
 * @param realizedPnl realized profit and loss so far
 * @param updatedAt when it last changed
 */
public record StoredPosition(
    String symbol, double quantity, double averagePrice, double realizedPnl, Instant updatedAt) {
  /** Validates every field. */
  public StoredPosition {
    Records.text(symbol, "symbol", 64);
    Records.finite(quantity, "quantity");
    Records.finite(averagePrice, "averagePrice");
    Records.finite(realizedPnl, "realizedPnl");
    Records.notNull(updatedAt, "updatedAt");
  }
}
