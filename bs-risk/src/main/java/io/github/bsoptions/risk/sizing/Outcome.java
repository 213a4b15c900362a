package io.github.bsoptions.risk.sizing;

import io.github.bsoptions.risk.internal.Checks;

/**
 * One outcome of a bet: its probability and the return per unit staked ({@code -1} = the stake is
 * lost, {@code 2} = the stake comes back tripled).
 *
 * @param probability probability of the outcome, in {@code [0, 1]}
 * @param returnPerUnit profit per unit at risk (finite, {@code >= -1})
 */
public record Outcome(double probability, double returnPerUnit) {

  /** Validates the outcome. */
  public Outcome {
    Checks.inRange(probability, 0, 1, "probability");
    Checks.finite(returnPerUnit, "returnPerUnit");
    if (returnPerUnit < -1) {
      throw new IllegalArgumentException(
          "returnPerUnit must be >= -1 (at most the stake is lost), was " + returnPerUnit);
    }
  }
}
