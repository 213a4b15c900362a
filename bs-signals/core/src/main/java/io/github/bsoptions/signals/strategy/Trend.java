package io.github.bsoptions.signals.strategy;

import io.github.bsoptions.signals.internal.Checks;

/**
 * The trend statistic that {@link MarketView#trend()} carries: the t-statistic of the mean daily
 * log return over a lookback window, {@code mean / (sd / sqrt(n))}. Values beyond about ±2 say the
 * drift over the window is large against the noise; the sign gives the direction.
 *
 * <p>A momentum measure, not a forecast: the {@link DirectionalDeltaStrategy} trades it with
 * defined risk and exits on a time limit.
 */
public final class Trend {
  private Trend() {}

  /**
   * Returns the t-statistic of the mean log return of the last {@code lookback} returns of {@code
   * closes} (so the last {@code lookback + 1} closes), or NaN when there are fewer closes or the
   * returns have no dispersion.
   *
   * @param closes closing prices, oldest first, each positive and finite
   * @param lookback number of returns, at least 2
   * @return the statistic, or NaN when it is not defined
   * @throws IllegalArgumentException naming the field for a bad lookback or close
   */
  public static double tStatistic(double[] closes, int lookback) {
    if (lookback < 2) {
      throw new IllegalArgumentException("lookback must be >= 2, was " + lookback);
    }
    if (closes.length < lookback + 1) {
      return Double.NaN;
    }
    int start = closes.length - lookback - 1;
    for (int i = start; i < closes.length; i++) {
      Checks.positive(closes[i], "closes[" + i + "]");
    }
    double sum = 0;
    for (int i = start + 1; i < closes.length; i++) {
      sum += Math.log(closes[i] / closes[i - 1]);
    }
    double mean = sum / lookback;
    double ss = 0;
    for (int i = start + 1; i < closes.length; i++) {
      double d = Math.log(closes[i] / closes[i - 1]) - mean;
      ss += d * d;
    }
    double sd = Math.sqrt(ss / (lookback - 1));
    if (!(sd > 0)) {
      return Double.NaN;
    }
    return mean / (sd / Math.sqrt(lookback));
  }
}
