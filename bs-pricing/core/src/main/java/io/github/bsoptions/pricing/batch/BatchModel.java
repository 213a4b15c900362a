package io.github.bsoptions.pricing.batch;

/** The closed-form models that batch backends evaluate. */
public enum BatchModel {
  /** Black-Scholes-Merton on spot with rate and continuous dividend yield. */
  BLACK_SCHOLES,
  /** Black-76 on a forward or future: the spot column holds the forward; dividend yield ignored. */
  BLACK_76,
  /**
   * Bachelier (normal) model on the forward {@code S e^{(r-q)T}}; volatility is in price units per
   * square root of a year.
   */
  BACHELIER
}
