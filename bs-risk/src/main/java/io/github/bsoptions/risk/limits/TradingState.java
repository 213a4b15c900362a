package io.github.bsoptions.risk.limits;

/** The kill switch position. */
public enum TradingState {
  /** Orders are checked against the limits as usual. */
  ACTIVE,
  /** Only orders that reduce existing positions are allowed. */
  REDUCING,
  /** Every new order is denied (cancels are not orders and are not checked here). */
  HALTED
}
