package io.github.bsoptions.exec.spi;

import io.github.bsoptions.exec.order.OrderUpdate;

/** Receives order updates from a broker's stream. Called from the broker's thread. */
public interface OrderUpdateListener {

  /** An order update (possibly a duplicate or out of order). */
  void onUpdate(OrderUpdate update);

  /** The stream dropped: updates may have been missed; reconcile by querying. */
  default void onDisconnected(String reason) {}

  /**
   * The stream is back after a drop (authenticated and listening again). Events sent while it was
   * down are not replayed: resync order state by querying the broker.
   */
  default void onReconnected() {}
}
