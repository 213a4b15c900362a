package io.github.bsoptions.risk.montecarlo;

/**
 * A Monte Carlo estimate with a 95% confidence interval.
 *
 * @param value the estimate from all paths
 * @param lower the lower bound of the 95% confidence interval
 * @param upper the upper bound
 */
public record Estimate(double value, double lower, double upper) {

  /** Returns true when {@code x} lies in the interval. */
  public boolean contains(double x) {
    return x >= lower && x <= upper;
  }

  /** Returns half the interval's width. */
  public double halfWidth() {
    return 0.5 * (upper - lower);
  }
}
