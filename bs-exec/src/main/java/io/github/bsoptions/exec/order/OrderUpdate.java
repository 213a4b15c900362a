package io.github.bsoptions.exec.order;

import java.util.Objects;

/**
 * An order event from a broker's stream: a status change, optionally with a fill. Streams may
 * deliver an update more than once and out of order; consumers deduplicate fills by execution id.
 *
 * @param order the order after the event
 * @param fill the fill this event reports, or null
 */
public record OrderUpdate(BrokerOrder order, Fill fill) {

  /** Validates the update. */
  public OrderUpdate {
    Objects.requireNonNull(order, "order");
  }
}
