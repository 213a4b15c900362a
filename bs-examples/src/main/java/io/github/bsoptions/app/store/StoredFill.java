package io.github.bsoptions.app.store;

import java.time.Instant;

/**
 * A fill (execution) of an order.
 *
 * @param fillId the broker's execution id
 * @param clientOrderId the order it fills
 * @param filledAt when it was executed
 * @param symbol the instrument
 * @param side {@code BUY} or {@code SELL}
 * @param quantity the quantity filled, positive
 * @param price the fill price
 * @param fee fees and commissions paid
 */
public record StoredFill(
    String fillId,
    String clientOrderId,
    Instant filledAt,
    String symbol,
    String side,
    double quantity,
    double price,
    double fee) {
  /** Validates every field. */
  public StoredFill {
    Records.text(fillId, "fillId", 64);
    Records.text(clientOrderId, "clientOrderId", 64);
    Records.notNull(filledAt, "filledAt");
    Records.text(symbol, "symbol", 64);
    Records.text(side, "side", 8);
    if (!(quantity > 0) || Double.isInfinite(quantity)) {
      throw new IllegalArgumentException("quantity must be > 0 and finite, was " + quantity);
    }
    Records.finite(price, "price");
    Records.finite(fee, "fee");
  }
}
