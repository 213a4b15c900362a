package io.github.bsoptions.signals.vol;

import io.github.bsoptions.signals.internal.Checks;
import java.util.Arrays;
import java.util.OptionalDouble;

/**
 * What a volatility forecaster sees: a history of daily log returns, optionally per-day range
 * variances (e.g. Parkinson from daily bars) and the current option-implied volatility.
 *
 * @param logReturns daily log returns, oldest first (at least 2, finite)
 * @param rangeVariances per-day range-based variance estimates aligned with {@code logReturns}
 *     (same length), or empty when not available
 * @param impliedVol the current annualized at-the-money implied volatility, if known
 */
public record ForecastInput(
    double[] logReturns, double[] rangeVariances, OptionalDouble impliedVol) {

  /** Validates and copies the arrays. */
  public ForecastInput {
    logReturns = Checks.finiteArray(logReturns, 2, "logReturns").clone();
    rangeVariances = Checks.finiteArray(rangeVariances, 0, "rangeVariances").clone();
    if (rangeVariances.length != 0 && rangeVariances.length != logReturns.length) {
      throw new IllegalArgumentException(
          "rangeVariances must be empty or as long as logReturns ("
              + logReturns.length
              + "), was "
              + rangeVariances.length);
    }
    if (impliedVol == null) {
      throw new IllegalArgumentException("impliedVol must not be null (use OptionalDouble.empty)");
    }
  }

  /** Returns an input with returns only. */
  public static ForecastInput ofReturns(double[] logReturns) {
    return new ForecastInput(logReturns, new double[0], OptionalDouble.empty());
  }

  /** Returns a copy of the log returns. */
  @Override
  public double[] logReturns() {
    return logReturns.clone();
  }

  /** Returns a copy of the range variances (empty when not available). */
  @Override
  public double[] rangeVariances() {
    return rangeVariances.clone();
  }

  /** Returns the number of returns. */
  public int size() {
    return logReturns.length;
  }

  /** Returns whether range variances are present. */
  public boolean hasRangeVariances() {
    return rangeVariances.length > 0;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ForecastInput f
        && Arrays.equals(f.logReturns, logReturns)
        && Arrays.equals(f.rangeVariances, rangeVariances)
        && f.impliedVol.equals(impliedVol);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(logReturns) * 31 + Arrays.hashCode(rangeVariances);
  }

  @Override
  public String toString() {
    return "ForecastInput[n=" + logReturns.length + ", range=" + hasRangeVariances() + "]";
  }
}
