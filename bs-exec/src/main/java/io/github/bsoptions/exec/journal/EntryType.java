package io.github.bsoptions.exec.journal;

/** Journal record types. */
public enum EntryType {
  /** First record: namespace and format version. */
  HEADER,
  /** An order about to be sent (written and forced before sending). */
  INTENT,
  /** An order denied locally (pre-trade gate, kill switch); nothing was sent. */
  DENIED,
  /** The broker confirmed the order. */
  ACK,
  /** The broker definitively refused the order, or it provably never reached the broker. */
  REFUSED,
  /** The outcome of a send is unknown; resolved by querying. */
  UNKNOWN,
  /** The order is about to go to a fallback broker after a definitive refusal at the previous. */
  ROUTE,
  /** A resend of an intent with the same client order id after proven absence. */
  RESEND,
  /** An execution. */
  FILL,
  /** A status change reported by the broker. */
  STATUS,
  /** A cancel request about to be sent. */
  CANCEL_REQUEST,
  /** Recovery proved the intent never reached the broker; it is dead. */
  ABANDONED,
  /** The kill switch changed mode. */
  KILL_SWITCH
}
