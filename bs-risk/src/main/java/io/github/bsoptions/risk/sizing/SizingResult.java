package io.github.bsoptions.risk.sizing;

import java.util.List;

/**
 * A position size with the reasoning behind it.
 *
 * @param contracts whole contracts (or shares) to trade, {@code >= 0}
 * @param kellyFraction the full-Kelly fraction of the account to put at risk
 * @param appliedFraction the fraction after the multiplier and the account cap
 * @param riskAmount the worst-case loss of the sized trade, in currency
 * @param binding the constraint that set the size
 * @param reasoning one line per step, in order
 */
public record SizingResult(
    long contracts,
    double kellyFraction,
    double appliedFraction,
    double riskAmount,
    Constraint binding,
    List<String> reasoning) {

  /** Copies the reasoning. */
  public SizingResult {
    reasoning = List.copyOf(reasoning);
  }

  /** What limited a size. */
  public enum Constraint {
    /** No edge: the Kelly fraction is 0. */
    NO_EDGE,
    /** The (fractional) Kelly fraction itself. */
    KELLY,
    /** The cap on the account fraction at risk. */
    ACCOUNT_FRACTION,
    /** The per-trade max loss in currency. */
    MAX_LOSS,
    /** Available buying power. */
    BUYING_POWER,
    /** The cap on contracts per trade. */
    MAX_CONTRACTS,
    /** Rounding down to whole contracts left nothing. */
    ROUNDING
  }
}
