package io.github.bsoptions.exec.order;

import java.util.Objects;

/**
 * A broker's view of an order.
 *
 * @param brokerOrderId the broker's id
 * @param clientOrderId the client order id
 * @param label symbol, or the legs for a multi-leg order
 * @param status status at the broker
 * @param qty ordered quantity
 * @param filledQty cumulative filled quantity
 * @param avgFillPrice average fill price ({@code NaN} when nothing filled)
 */
public record BrokerOrder(
    String brokerOrderId,
    String clientOrderId,
    String label,
    OrderStatus status,
    long qty,
    long filledQty,
    double avgFillPrice) {

  /** Validates the order. */
  public BrokerOrder {
    Objects.requireNonNull(brokerOrderId, "brokerOrderId");
    Objects.requireNonNull(clientOrderId, "clientOrderId");
    Objects.requireNonNull(status, "status");
    if (filledQty < 0 || filledQty > qty) {
      throw new IllegalArgumentException("filledQty must be in [0, qty], was " + filledQty);
    }
  }
}
