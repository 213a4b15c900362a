package io.github.bsoptions.exec.order;

import java.time.Instant;
import java.util.Objects;

/**
 * One execution. Fills are deduplicated by {@link #executionId}.
 *
 * @param executionId the broker's execution id (unique per broker)
 * @param clientOrderId the order's client order id
 * @param brokerOrderId the broker's order id
 * @param symbol the instrument that traded (for a multi-leg order, the leg)
 * @param side buy or sell
 * @param qty quantity ({@code >= 1})
 * @param price price per unit
 * @param fee fees charged for this fill ({@code >= 0})
 * @param timestamp when it happened
 */
public record Fill(
    String executionId,
    String clientOrderId,
    String brokerOrderId,
    String symbol,
    Side side,
    long qty,
    double price,
    double fee,
    Instant timestamp) {

  /** Validates the fill. */
  public Fill {
    Objects.requireNonNull(executionId, "executionId");
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(side, "side");
    Objects.requireNonNull(timestamp, "timestamp");
    if (qty < 1) {
      throw new IllegalArgumentException("fill qty must be >= 1, was " + qty);
    }
    if (!Double.isFinite(price)) {
      throw new IllegalArgumentException("fill price must be finite, was " + price);
    }
    if (!(fee >= 0 && fee < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException("fee must be finite and >= 0, was " + fee);
    }
  }

  /** Returns the signed quantity (+ for buys, - for sells). */
  public long signedQty() {
    return side.sign() * qty;
  }
}
