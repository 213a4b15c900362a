package io.github.bsoptions.exec.order;

/** Thrown when an event is not legal in the order's current state. */
public final class IllegalTransitionException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message naming the order, the status and the event. */
  public IllegalTransitionException(String message) {
    super(message);
  }
}
