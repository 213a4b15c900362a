package io.github.bsoptions.signals.vol;

import io.github.bsoptions.signals.internal.Checks;
import java.util.Arrays;
import java.util.OptionalDouble;

/**
 * What a volatility forecaster sees: a history of daily log returns, optionally per-day range
 * variances (e.g. Parkinson from daily bars), the current option-implied volatility and per-day
 * option-chain features.
 *
 * @param logReturns daily log returns, oldest first (at least 2, finite)
 * @param rangeVariances per-day range-based variance estimates aligned with {@code logReturns}
 *     (same length), or empty when not available
 * @param impliedVol the current annualized at-the-money implied volatility, if known (defaults to
 *     the last day's ATM IV of {@code chain} when that is present)
 * @param chain per-day option-chain features aligned with {@code logReturns} (same length), or
 *     {@link ChainFeatures#NONE}
 */
public record ForecastInput(
    double[] logReturns, double[] rangeVariances, OptionalDouble impliedVol, ChainFeatures chain) {

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
    if (chain == null) {
      throw new IllegalArgumentException("chain must not be null (use ChainFeatures.NONE)");
    }
    if (!chain.isEmpty() && chain.size() != logReturns.length) {
      throw new IllegalArgumentException(
          "chain must be empty or as long as logReturns ("
              + logReturns.length
              + "), was "
              + chain.size());
    }
    if (impliedVol.isEmpty() && !chain.isEmpty()) {
      impliedVol = OptionalDouble.of(chain.atmIvAt(chain.size() - 1));
    }
  }

  /** An input without chain features. */
  public ForecastInput(double[] logReturns, double[] rangeVariances, OptionalDouble impliedVol) {
    this(logReturns, rangeVariances, impliedVol, ChainFeatures.NONE);
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

  /** Returns whether per-day chain features are present. */
  public boolean hasChainFeatures() {
    return !chain.isEmpty();
  }

  /**
   * Returns the first {@code days} days of this history (returns, range variances and chain
   * features; the implied volatility becomes that day's ATM IV when chain features are present).
   */
  public ForecastInput head(int days) {
    if (days < 2 || days > logReturns.length) {
      throw new IllegalArgumentException(
          "days must be in [2, " + logReturns.length + "], was " + days);
    }
    return new ForecastInput(
        Arrays.copyOf(logReturns, days),
        rangeVariances.length == 0 ? rangeVariances : Arrays.copyOf(rangeVariances, days),
        chain.isEmpty() ? impliedVol : OptionalDouble.empty(),
        chain.isEmpty() ? chain : chain.head(days));
  }

  /** Returns the last {@code days} days of this history (as {@link #head}, from the end). */
  public ForecastInput tail(int days) {
    if (days < 2 || days > logReturns.length) {
      throw new IllegalArgumentException(
          "days must be in [2, " + logReturns.length + "], was " + days);
    }
    int from = logReturns.length - days;
    return new ForecastInput(
        Arrays.copyOfRange(logReturns, from, logReturns.length),
        rangeVariances.length == 0
            ? rangeVariances
            : Arrays.copyOfRange(rangeVariances, from, rangeVariances.length),
        impliedVol,
        chain.isEmpty() ? chain : chain.tailFrom(from));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ForecastInput f
        && Arrays.equals(f.logReturns, logReturns)
        && Arrays.equals(f.rangeVariances, rangeVariances)
        && f.impliedVol.equals(impliedVol)
        && f.chain.equals(chain);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(logReturns) * 31 + Arrays.hashCode(rangeVariances);
  }

  @Override
  public String toString() {
    return "ForecastInput[n="
        + logReturns.length
        + ", range="
        + hasRangeVariances()
        + ", chain="
        + hasChainFeatures()
        + "]";
  }
}
