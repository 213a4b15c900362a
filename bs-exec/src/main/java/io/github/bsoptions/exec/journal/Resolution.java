package io.github.bsoptions.exec.journal;

/** Where an order stands with respect to its send outcome. */
public enum Resolution {
  /** The intent is journalled; the outcome of the send is not (yet) known. */
  IN_FLIGHT,
  /** The send's outcome is unknown; must be resolved by a query, never by resending blindly. */
  UNKNOWN,
  /** The broker has the order. */
  CONFIRMED,
  /** The broker refused it, or it provably never reached the broker. */
  REFUSED,
  /** Denied locally; never sent. */
  DENIED,
  /** Proven absent at the broker after a restart; dead. */
  ABANDONED;

  /** Returns true when the broker may hold the order or one may still appear. */
  public boolean mayBeAtBroker() {
    return this == IN_FLIGHT || this == UNKNOWN || this == CONFIRMED;
  }
}
