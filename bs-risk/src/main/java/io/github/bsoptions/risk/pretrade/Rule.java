package io.github.bsoptions.risk.pretrade;

/** The rules a pre-trade check enforces; each name is the reason code of a denial. */
public enum Rule {
  /** The kill switch is {@code HALTED}. */
  KILL_SWITCH,
  /** The kill switch is {@code REDUCING} and the order does not only reduce positions. */
  REDUCE_ONLY,
  /** A leg's symbol or underlying is restricted. */
  RESTRICTED_SYMBOL,
  /** A leg has no quote. */
  QUOTE_MISSING,
  /** A leg's quote is older than the staleness limit, or has no two-sided market. */
  QUOTE_STALE,
  /** The limit price is too far from the mid. */
  PRICE_COLLAR,
  /** Contracts per order. */
  ORDER_CONTRACTS,
  /** Underlying notional per order. */
  ORDER_NOTIONAL,
  /** Worst-case loss of the order at expiry. */
  ORDER_MAX_LOSS,
  /** Dollar delta the order adds. */
  ORDER_DELTA,
  /** Dollar gamma the order adds. */
  ORDER_GAMMA,
  /** Vega the order adds. */
  ORDER_VEGA,
  /** Cash needed versus buying power left after working orders. */
  BUYING_POWER,
  /** Book dollar delta after the order. */
  PORTFOLIO_DELTA,
  /** Book dollar gamma after the order. */
  PORTFOLIO_GAMMA,
  /** Book vega after the order. */
  PORTFOLIO_VEGA,
  /** Book theta after the order. */
  PORTFOLIO_THETA,
  /** Dollar delta of the order's underlying after the order. */
  UNDERLYING_DELTA,
  /** Vega of the order's underlying after the order. */
  UNDERLYING_VEGA,
  /** Gross notional of the book after the order. */
  GROSS_NOTIONAL,
  /** Gross notional of one underlying relative to equity after the order. */
  CONCENTRATION,
  /** Open and in-flight orders. */
  OPEN_ORDERS,
  /** Orders accepted in the rate window. */
  ORDER_RATE,
  /** An identical order (or the same client order id) within the duplicate window. */
  DUPLICATE_ORDER
}
