package io.github.bsoptions.exec.order;

import java.util.Objects;

/**
 * The immutable state of one order: status, quantity, filled quantity and average fill price. Every
 * change goes through {@link #transition} or {@link #fill}, which refuse illegal events with an
 * {@link IllegalTransitionException}.
 *
 * @param clientOrderId the client order id
 * @param status the status
 * @param qty ordered quantity
 * @param filledQty cumulative filled quantity ({@code 0..qty})
 * @param avgFillPrice average fill price ({@code NaN} before the first fill)
 */
public record OrderState(
    String clientOrderId, OrderStatus status, long qty, long filledQty, double avgFillPrice) {

  /** Validates the state. */
  public OrderState {
    Objects.requireNonNull(clientOrderId, "clientOrderId");
    Objects.requireNonNull(status, "status");
    if (qty < 1) {
      throw new IllegalArgumentException("qty must be >= 1, was " + qty);
    }
    if (filledQty < 0 || filledQty > qty) {
      throw new IllegalArgumentException("filledQty must be in [0, " + qty + "], was " + filledQty);
    }
  }

  /** The state of an order just written and sent. */
  public static OrderState pendingNew(String clientOrderId, long qty) {
    return new OrderState(clientOrderId, OrderStatus.PENDING_NEW, qty, 0, Double.NaN);
  }

  /** Returns the quantity still open. */
  public long leavesQty() {
    return status.isTerminal() ? 0 : qty - filledQty;
  }

  /**
   * Applies a status event. A repeated event for the current status is accepted and changes nothing
   * (streams deliver duplicates).
   *
   * @throws IllegalTransitionException when the transition is not legal
   */
  public OrderState transition(OrderStatus to) {
    Objects.requireNonNull(to, "to");
    if (to == status) {
      return this;
    }
    if (to == OrderStatus.FILLED || to == OrderStatus.PARTIALLY_FILLED) {
      // Fill statuses follow the quantities: a status-only FILLED is legal only when it matches.
      boolean consistent =
          to == OrderStatus.FILLED ? filledQty == qty : filledQty > 0 && filledQty < qty;
      if (consistent && status.isOpen()) {
        return new OrderState(clientOrderId, to, qty, filledQty, avgFillPrice);
      }
      throw new IllegalTransitionException(
          clientOrderId + ": " + status + " -> " + to + " with filledQty " + filledQty + "/" + qty);
    }
    if (!status.next().contains(to)) {
      throw new IllegalTransitionException(clientOrderId + ": " + status + " -> " + to);
    }
    return new OrderState(clientOrderId, to, qty, filledQty, avgFillPrice);
  }

  /**
   * Applies a fill. Fills before the acknowledgement and fills racing a cancel are legal; a fill
   * after {@code CANCELED} or {@code EXPIRED} is applied and keeps that status.
   *
   * @throws IllegalTransitionException when the order cannot fill or the fill overfills it
   */
  public OrderState fill(long fillQty, double price) {
    if (fillQty < 1) {
      throw new IllegalArgumentException("fill qty must be >= 1, was " + fillQty);
    }
    if (!Double.isFinite(price)) {
      throw new IllegalArgumentException("fill price must be finite, was " + price);
    }
    if (!status.acceptsFill()) {
      throw new IllegalTransitionException(clientOrderId + ": fill in status " + status);
    }
    if (filledQty + fillQty > qty) {
      throw new IllegalTransitionException(
          clientOrderId + ": overfill " + (filledQty + fillQty) + " > " + qty);
    }
    long cum = filledQty + fillQty;
    double avg =
        filledQty == 0 ? price : (avgFillPrice * filledQty + price * fillQty) / (double) cum;
    OrderStatus s;
    if (status == OrderStatus.CANCELED || status == OrderStatus.EXPIRED) {
      s = status;
    } else if (cum == qty) {
      s = OrderStatus.FILLED;
    } else if (status == OrderStatus.PENDING_CANCEL || status == OrderStatus.PENDING_REPLACE) {
      s = status;
    } else {
      s = OrderStatus.PARTIALLY_FILLED;
    }
    return new OrderState(clientOrderId, s, qty, cum, avg);
  }
}
