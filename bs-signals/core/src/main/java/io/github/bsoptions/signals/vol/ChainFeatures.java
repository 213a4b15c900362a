package io.github.bsoptions.signals.vol;

import io.github.bsoptions.signals.internal.Checks;
import java.util.Arrays;

/**
 * Daily option-chain features aligned with a return history: at-the-money implied volatility, skew
 * and term slope as observed at each day's close (the hybrid LSTM-GARCH reads them; the implied-vol
 * baseline forecasts with the last ATM IV).
 *
 * @param atmIv annualized at-the-money implied volatility of the front (about one month) expiry,
 *     each positive and finite
 * @param skew implied volatility of an out-of-the-money put minus that of the equally
 *     out-of-the-money call (e.g. 25-delta), each finite
 * @param termSlope ATM implied volatility about three months out minus the front's, each finite
 */
public record ChainFeatures(double[] atmIv, double[] skew, double[] termSlope) {
  /** No chain features (empty arrays). */
  public static final ChainFeatures NONE =
      new ChainFeatures(new double[0], new double[0], new double[0]);

  /** Validates and copies the arrays. */
  public ChainFeatures {
    atmIv = Checks.finiteArray(atmIv, 0, "atmIv").clone();
    skew = Checks.finiteArray(skew, 0, "skew").clone();
    termSlope = Checks.finiteArray(termSlope, 0, "termSlope").clone();
    if (skew.length != atmIv.length || termSlope.length != atmIv.length) {
      throw new IllegalArgumentException(
          "atmIv, skew and termSlope must have the same length, were "
              + atmIv.length
              + ", "
              + skew.length
              + ", "
              + termSlope.length);
    }
    for (int i = 0; i < atmIv.length; i++) {
      Checks.positive(atmIv[i], "atmIv[" + i + "]");
    }
  }

  /** Returns the number of days. */
  public int size() {
    return atmIv.length;
  }

  /** Returns whether there are no days. */
  public boolean isEmpty() {
    return atmIv.length == 0;
  }

  /** Returns the first {@code days} days. */
  public ChainFeatures head(int days) {
    return new ChainFeatures(
        Arrays.copyOf(atmIv, days), Arrays.copyOf(skew, days), Arrays.copyOf(termSlope, days));
  }

  /** Returns the days from {@code from} (inclusive) to the end. */
  public ChainFeatures tailFrom(int from) {
    return new ChainFeatures(
        Arrays.copyOfRange(atmIv, from, atmIv.length),
        Arrays.copyOfRange(skew, from, skew.length),
        Arrays.copyOfRange(termSlope, from, termSlope.length));
  }

  /** Returns a copy of the ATM implied volatilities. */
  @Override
  public double[] atmIv() {
    return atmIv.clone();
  }

  /** Returns a copy of the skews. */
  @Override
  public double[] skew() {
    return skew.clone();
  }

  /** Returns a copy of the term slopes. */
  @Override
  public double[] termSlope() {
    return termSlope.clone();
  }

  /** Returns the ATM implied volatility of day {@code i} without copying. */
  public double atmIvAt(int i) {
    return atmIv[i];
  }

  /** Returns the skew of day {@code i} without copying. */
  public double skewAt(int i) {
    return skew[i];
  }

  /** Returns the term slope of day {@code i} without copying. */
  public double termSlopeAt(int i) {
    return termSlope[i];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ChainFeatures c
        && Arrays.equals(c.atmIv, atmIv)
        && Arrays.equals(c.skew, skew)
        && Arrays.equals(c.termSlope, termSlope);
  }

  @Override
  public int hashCode() {
    return (Arrays.hashCode(atmIv) * 31 + Arrays.hashCode(skew)) * 31 + Arrays.hashCode(termSlope);
  }

  @Override
  public String toString() {
    return "ChainFeatures[n=" + atmIv.length + "]";
  }
}
