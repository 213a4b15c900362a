package io.github.bsoptions.risk.sizing;

import io.github.bsoptions.risk.internal.Checks;

/**
 * How aggressively {@link KellySizer} follows the Kelly fraction, and the caps it never exceeds.
 *
 * @param kellyMultiplier the share of full Kelly to bet, in {@code (0, 1]} (0.5 = half Kelly)
 * @param maxAccountFraction the most of the account value put at risk by one trade, in {@code (0,
 *     1]}
 * @param maxLossPerTrade the most one trade may lose, in currency ({@code > 0}, infinity = none)
 * @param maxContracts the most contracts one trade may have ({@code >= 0})
 */
public record SizingPolicy(
    double kellyMultiplier, double maxAccountFraction, double maxLossPerTrade, long maxContracts) {

  /** Half Kelly, at most 5% of the account at risk per trade, no currency cap, 100 contracts. */
  public static final SizingPolicy DEFAULT =
      new SizingPolicy(0.5, 0.05, Double.POSITIVE_INFINITY, 100);

  /** Validates the policy. */
  public SizingPolicy {
    Checks.inRange(kellyMultiplier, Double.MIN_VALUE, 1, "kellyMultiplier");
    Checks.inRange(maxAccountFraction, Double.MIN_VALUE, 1, "maxAccountFraction");
    if (!(maxLossPerTrade > 0)) {
      throw new IllegalArgumentException("maxLossPerTrade must be > 0, was " + maxLossPerTrade);
    }
    if (maxContracts < 0) {
      throw new IllegalArgumentException("maxContracts must be >= 0, was " + maxContracts);
    }
  }

  /** Returns a copy with another Kelly multiplier. */
  public SizingPolicy withKellyMultiplier(double multiplier) {
    return new SizingPolicy(multiplier, maxAccountFraction, maxLossPerTrade, maxContracts);
  }
}
