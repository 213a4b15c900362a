package io.github.bsoptions.signals.score;

/**
 * Scoring factors. Each factor's raw value is oriented so that <em>higher is more favorable</em>
 * for a premium seller; use a negative weight to favor the opposite (e.g. a buyer wants a negative
 * {@link #IV_EDGE} weight).
 */
public enum Factor {
  /** Day volume. */
  VOLUME,
  /** Open interest (unknown counts as missing). */
  OPEN_INTEREST,
  /** Negated (ask - bid) / mid: narrower is higher. */
  SPREAD,
  /** Negated distance of |delta| from the target |delta|. */
  DELTA,
  /** Percentile of the contract's IV within the underlying's ATM-IV history (absolute, 0..1). */
  IV_RANK,
  /** Relative richness of IV over the forecast vol to the contract's expiry, (IV - F) / F. */
  IV_EDGE,
  /** IV minus the ATM IV of the same expiry (smile / skew premium). */
  SMILE,
  /** |theta| / mid per year: premium decay yield. */
  THETA_YIELD
}
