package io.github.bsoptions.exec.spi;

import io.github.bsoptions.exec.order.BrokerOrder;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of sending an order: exactly one of four kinds. Only {@link Confirmed}, {@link
 * Refused} and {@link Denied} may be acted upon; {@link Unknown} is resolved by asking the broker
 * by client order id, never by resending.
 */
public sealed interface Outcome {

  /** Returns the client order id the outcome is about. */
  String clientOrderId();

  /** Returns true when the outcome is definitive (not {@link Unknown}). */
  default boolean isDefinitive() {
    return !(this instanceof Unknown);
  }

  /**
   * The broker has the order.
   *
   * @param clientOrderId client order id
   * @param broker broker name
   * @param order the broker's view of the order
   */
  record Confirmed(String clientOrderId, String broker, BrokerOrder order) implements Outcome {
    /** Validates the outcome. */
    public Confirmed {
      Objects.requireNonNull(clientOrderId, "clientOrderId");
      Objects.requireNonNull(broker, "broker");
      Objects.requireNonNull(order, "order");
    }
  }

  /**
   * The broker definitively does not have the order: it refused it (HTTP 4xx with its message,
   * create-order 429) or the request provably never reached it ({@code reachedBroker == false}:
   * connection refused, unknown host, or a breaker that was open before sending).
   *
   * @param clientOrderId client order id
   * @param broker broker name
   * @param httpStatus HTTP status, or 0 when none
   * @param code the broker's error code, or empty
   * @param message the broker's message (never contains credentials)
   * @param reachedBroker false when the request provably never reached the broker
   */
  record Refused(
      String clientOrderId,
      String broker,
      int httpStatus,
      String code,
      String message,
      boolean reachedBroker)
      implements Outcome {
    /** Validates the outcome. */
    public Refused {
      Objects.requireNonNull(clientOrderId, "clientOrderId");
      Objects.requireNonNull(broker, "broker");
      code = code == null ? "" : code;
      message = message == null ? "" : message;
    }
  }

  /**
   * Denied locally before anything was sent (validation, pre-trade checks, kill switch).
   *
   * @param clientOrderId client order id
   * @param reasons every reason, not only the first
   */
  record Denied(String clientOrderId, List<String> reasons) implements Outcome {
    /** Validates the outcome. */
    public Denied {
      Objects.requireNonNull(clientOrderId, "clientOrderId");
      reasons = List.copyOf(reasons);
    }
  }

  /**
   * The order may or may not be at the broker (timeout, connection lost after sending, 5xx,
   * unreadable response). Resolve with {@link BrokerClient#findByClientOrderId}.
   *
   * @param clientOrderId client order id
   * @param broker broker name
   * @param reason what happened
   */
  record Unknown(String clientOrderId, String broker, String reason) implements Outcome {
    /** Validates the outcome. */
    public Unknown {
      Objects.requireNonNull(clientOrderId, "clientOrderId");
      Objects.requireNonNull(broker, "broker");
    }
  }
}
