package io.github.bsoptions.signals.pop;

/**
 * Probability-of-profit analysis of a position held to expiry under a lognormal terminal price.
 *
 * @param probabilityOfProfit probability that the profit at expiry is strictly positive
 * @param expectedProfit expected profit at expiry per unit (undiscounted)
 * @param breakevens terminal prices where the profit changes sign, ascending
 * @param maxProfit the largest profit over terminal prices ({@code +Infinity} if unbounded)
 * @param maxLoss the largest loss as a positive number ({@code +Infinity} if unbounded)
 * @param expectedMove one-standard-deviation move of the terminal price, {@code S sigma sqrt(T)}
 */
public record PopResult(
    double probabilityOfProfit,
    double expectedProfit,
    double[] breakevens,
    double maxProfit,
    double maxLoss,
    double expectedMove) {

  /** Copies the breakevens. */
  public PopResult {
    breakevens = breakevens.clone();
  }

  /** Returns a copy of the breakevens. */
  @Override
  public double[] breakevens() {
    return breakevens.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PopResult p
        && Double.compare(p.probabilityOfProfit, probabilityOfProfit) == 0
        && Double.compare(p.expectedProfit, expectedProfit) == 0
        && java.util.Arrays.equals(p.breakevens, breakevens)
        && Double.compare(p.maxProfit, maxProfit) == 0
        && Double.compare(p.maxLoss, maxLoss) == 0
        && Double.compare(p.expectedMove, expectedMove) == 0;
  }

  @Override
  public int hashCode() {
    return Double.hashCode(probabilityOfProfit) * 31 + java.util.Arrays.hashCode(breakevens);
  }

  @Override
  public String toString() {
    return "PopResult[pop="
        + probabilityOfProfit
        + ", expectedProfit="
        + expectedProfit
        + ", breakevens="
        + java.util.Arrays.toString(breakevens)
        + ", maxProfit="
        + maxProfit
        + ", maxLoss="
        + maxLoss
        + "]";
  }
}
