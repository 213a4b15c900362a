package io.github.bsoptions.app.store;

import java.time.Instant;

/**
 * An order as the app records it.
 *
 * @param clientOrderId the client order id (the idempotency key sent to the broker)
 * @param createdAt when the intent was recorded
 * @param updatedAt when the status last changed
 * @param symbol the instrument (OCC option symbol or equity ticker)
 * @param side {@code BUY} or {@code SELL}
 * @param quantity the quantity ordered, positive
 * @param orderType {@code MARKET}, {@code LIMIT}, ...
 * @param limitPrice the limit price, or NaN for none
 * @param status the order status ({@code NEW}, {@code ACCEPTED}, {@code FILLED}, ...)
 * @param broker the broker name
 * @param strategy the strategy that asked for it
 */
public record StoredOrder(
    String clientOrderId,
    Instant createdAt,
    Instant updatedAt,
    String symbol,
    String side,
    double quantity,
    String orderType,
    double limitPrice,
    String status,
    String broker,
    String strategy) {
  /** Validates every field. */
  public StoredOrder {
    Records.text(clientOrderId, "clientOrderId", 64);
    Records.notNull(createdAt, "createdAt");
    Records.notNull(updatedAt, "updatedAt");
    Records.text(symbol, "symbol", 64);
    Records.text(side, "side", 8);
    if (!(quantity > 0) || Double.isInfinite(quantity)) {
      throw new IllegalArgumentException("quantity must be > 0 and finite, was " + quantity);
    }
    Records.text(orderType, "orderType", 16);
    Records.finiteOrNaN(limitPrice, "limitPrice");
    Records.text(status, "status", 24);
    Records.text(broker, "broker", 32);
    Records.text(strategy, "strategy", 64);
  }
}
