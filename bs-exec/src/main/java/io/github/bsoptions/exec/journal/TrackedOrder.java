package io.github.bsoptions.exec.journal;

import io.github.bsoptions.exec.order.OrderRequest;
import io.github.bsoptions.exec.order.OrderState;

/**
 * The ledger's view of one order.
 *
 * @param clientOrderId client order id
 * @param strategy strategy tag
 * @param broker broker the order was sent to (or meant for)
 * @param request the order
 * @param brokerOrderId the broker's id, or empty before confirmation
 * @param state order state
 * @param resolution send outcome
 * @param resends how many times the intent was resent with the same id after proven absence
 * @param intentSeq journal sequence of the intent
 */
public record TrackedOrder(
    String clientOrderId,
    String strategy,
    String broker,
    OrderRequest request,
    String brokerOrderId,
    OrderState state,
    Resolution resolution,
    int resends,
    long intentSeq) {

  /** Returns true when the order may still change at the broker. */
  public boolean isOpen() {
    return resolution.mayBeAtBroker() && state.status().isOpen();
  }
}
