package io.github.bsoptions.exec.order;

import java.util.List;
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
 * @param legs for a multi-leg order whose broker reports them, each leg's cumulative execution
 *     (empty otherwise)
 */
public record BrokerOrder(
    String brokerOrderId,
    String clientOrderId,
    String label,
    OrderStatus status,
    long qty,
    long filledQty,
    double avgFillPrice,
    List<Leg> legs) {

  /**
   * One leg of a multi-leg order as the broker reports it.
   *
   * @param brokerOrderId the broker's id of the leg (unique per leg; Alpaca's legs are orders)
   * @param symbol the leg's instrument
   * @param side buy or sell
   * @param ratio ratio quantity ({@code >= 1})
   * @param filledQty cumulative filled contracts of this leg ({@code >= 0})
   * @param avgFillPrice average fill price of this leg ({@code NaN} when nothing filled)
   */
  public record Leg(
      String brokerOrderId,
      String symbol,
      Side side,
      int ratio,
      long filledQty,
      double avgFillPrice) {
    /** Validates the leg. */
    public Leg {
      Objects.requireNonNull(brokerOrderId, "brokerOrderId");
      Objects.requireNonNull(symbol, "symbol");
      Objects.requireNonNull(side, "side");
      if (ratio < 1) {
        throw new IllegalArgumentException("leg ratio must be >= 1, was " + ratio);
      }
      if (filledQty < 0) {
        throw new IllegalArgumentException("leg filledQty must be >= 0, was " + filledQty);
      }
    }
  }

  /** Validates the order. */
  public BrokerOrder {
    Objects.requireNonNull(brokerOrderId, "brokerOrderId");
    Objects.requireNonNull(clientOrderId, "clientOrderId");
    Objects.requireNonNull(status, "status");
    if (filledQty < 0 || filledQty > qty) {
      throw new IllegalArgumentException("filledQty must be in [0, qty], was " + filledQty);
    }
    legs = legs == null ? List.of() : List.copyOf(legs);
  }

  /** An order without leg detail (single-leg orders, or a broker that does not report legs). */
  public BrokerOrder(
      String brokerOrderId,
      String clientOrderId,
      String label,
      OrderStatus status,
      long qty,
      long filledQty,
      double avgFillPrice) {
    this(brokerOrderId, clientOrderId, label, status, qty, filledQty, avgFillPrice, List.of());
  }
}
