package io.github.bsoptions.pricing.internal;

import io.github.bsoptions.pricing.formula.NormalDistribution;

/**
 * The normalised Black function of Jäckel's "Let's Be Rational" (Wilmott, January 2015), to a few
 * ulps relative everywhere: {@code b(x, s) = e^{x/2} N(x/s + s/2) - e^{-x/2} N(x/s - s/2)}, the
 * undiscounted Black call price divided by {@code sqrt(F K)}, with {@code x = ln(F/K)} and total
 * volatility {@code s = sigma sqrt(T)}. A put is {@code b(-x, s)}.
 *
 * <p>The out-of-the-money value ({@code x <= 0}) is evaluated in one of four regions, each free of
 * the cancellation that ruins the textbook formula: an asymptotic expansion for {@code h = x/s <
 * -10} with small {@code t = s/2}; a Taylor expansion in {@code t} of {@code Y(h+t) - Y(h-t)}
 * (where {@code Y = N/N'} is the reversed Mills ratio) for {@code t < 0.21}; the plain formula
 * where the first term dominates ({@code h + t > 0.85}); and the Mills-ratio difference form
 * otherwise. In-the-money values add the normalised intrinsic {@code 2 sinh(x/2)}.
 *
 * <p>Internal API, unstable.
 */
public final class NormalisedBlack {
  /** {@code 1 / sqrt(2 pi)}. */
  private static final double INV_SQRT_2PI = NormalDistribution.INV_SQRT_2PI;

  /** Asymptotic-expansion threshold {@code eta} on {@code h}. */
  private static final double ETA = -10.0;

  /** Small-t threshold {@code tau = 2 eps^(1/16)}, about 0.21. */
  private static final double TAU = 2.0 * Math.pow(Math.ulp(1.0), 1.0 / 16.0);

  private NormalisedBlack() {}

  /** Returns the normalised intrinsic value of a call, {@code max(2 sinh(x/2), 0)}. */
  public static double intrinsicCall(double x) {
    if (!(x > 0)) {
      return 0.0;
    }
    double y = 0.5 * x;
    if (y < 0.5) {
      // 2 sinh(y) by its Taylor series (to y^17/17!, below an ulp for y < 1/2): no cancellation.
      double w = y * y;
      return 2.0
          * y
          * (1
              + w
                  * (1.0 / 6
                      + w
                          * (1.0 / 120
                              + w
                                  * (1.0 / 5040
                                      + w
                                          * (1.0 / 362880
                                              + w
                                                  * (1.0 / 39916800
                                                      + w
                                                          * (1.0 / 6227020800.0
                                                              + w * (1.0 / 1307674368000.0))))))));
    }
    double e = Math.exp(y);
    return e - 1 / e;
  }

  /** Returns the normalised call value {@code b(x, s)} for any {@code x}; {@code s >= 0}. */
  public static double call(double x, double s) {
    if (x > 0) {
      return intrinsicCall(x) + otmCall(-x, s);
    }
    return otmCall(x, s);
  }

  /** Returns the normalised value of a call ({@code theta = 1}) or put ({@code theta = -1}). */
  public static double value(double theta, double x, double s) {
    return call(theta * x, s);
  }

  /**
   * Returns the normalised out-of-the-money call value {@code b(x, s)} for {@code x <= 0}, {@code s
   * >= 0}.
   */
  public static double otmCall(double x, double s) {
    return otmCall(x, s, Double.NaN);
  }

  /**
   * As {@link #otmCall(double, double)}, reusing {@code vega = vega(x, s)} when the caller has it
   * (NaN when not): it is the common exponential factor of three of the four regions.
   */
  public static double otmCall(double x, double s, double vega) {
    if (!(s > 0)) {
      return 0.0;
    }
    double h = x / s;
    double t = 0.5 * s;
    if (h + t > 0.85 && !(h < ETA)) {
      double e = Math.exp(0.5 * x);
      double b = NormalDistribution.cdf(h + t) * e - NormalDistribution.cdf(h - t) / e;
      return Math.max(b, 0.0);
    }
    double factor = vega == vega ? vega : INV_SQRT_2PI * Math.exp(-0.5 * (h * h + t * t));
    if (h < ETA && t < TAU - h + ETA) {
      return asymptotic(h, t, factor);
    }
    if (t < TAU) {
      return smallT(h, t, factor);
    }
    double b =
        factor * (NormalDistribution.millsRatio(-(h + t)) - NormalDistribution.millsRatio(t - h));
    return Math.max(b, 0.0);
  }

  /**
   * Returns the normalised vega {@code db/ds = exp(-(h^2 + t^2)/2) / sqrt(2 pi)} (the same for
   * calls and puts).
   */
  public static double vega(double x, double s) {
    if (x == 0) {
      return INV_SQRT_2PI * Math.exp(-0.125 * s * s);
    }
    if (!(s > 0)) {
      return 0.0;
    }
    double h = x / s;
    double t = 0.5 * s;
    return INV_SQRT_2PI * Math.exp(-0.5 * (h * h + t * t));
  }

  /**
   * Asymptotic expansion of {@code Y(h+t) - Y(h-t)} for {@code h + t << 0}: with {@code a = h+t},
   * {@code c = h-t}, {@code r = a c} and {@code S_m = sum a^(m-1-k) c^k}, the difference is {@code
   * 2t sum_n (-1)^n (2n-1)!! S_(2n+1) / r^(2n+1)}; every {@code S_m} is a sum of positive terms.
   */
  private static double asymptotic(double h, double t, double factor) {
    double a = h + t;
    double c = h - t;
    double r = a * c;
    double a2 = a * a;
    double c2 = c * c;
    double inv2 = 1.0 / (r * r);
    double sM = 1.0; // S_1
    double cPow = c; // c^1
    double scale = 1.0 / r; // 1 / r^1
    double doubleFactorial = 1.0; // (2n - 1)!!
    double sum = scale;
    double sign = 1.0;
    for (int n = 1; n <= 40; n++) {
      // S_(m+2) = a^2 S_m + c^m (a + c), both terms positive.
      sM = a2 * sM + cPow * (a + c);
      cPow *= c2;
      scale *= inv2;
      doubleFactorial *= 2 * n - 1;
      sign = -sign;
      double term = doubleFactorial * sM * scale;
      sum += sign * term;
      if (term <= 1e-17 * sum) {
        break;
      }
    }
    double b = factor * 2.0 * t * sum;
    return Math.max(b, 0.0);
  }

  /**
   * Taylor expansion of {@code Y(h+t) - Y(h-t) = 2 sum_(k odd) Y^(k)(h) t^k / k!} for small {@code
   * t}, with the derivatives from {@code Y' = 1 + h Y} and {@code Y^(n+1) = h Y^(n) + n Y^(n-1)}.
   */
  private static double smallT(double h, double t, double factor) {
    double y0 = NormalDistribution.millsRatio(-h);
    double y1 = 1.0 + h * y0;
    double y2 = h * y1 + y0;
    double y3 = h * y2 + 2 * y1;
    double y4 = h * y3 + 3 * y2;
    double y5 = h * y4 + 4 * y3;
    double y6 = h * y5 + 5 * y4;
    double y7 = h * y6 + 6 * y5;
    double y8 = h * y7 + 7 * y6;
    double y9 = h * y8 + 8 * y7;
    double y10 = h * y9 + 9 * y8;
    double y11 = h * y10 + 10 * y9;
    double y12 = h * y11 + 11 * y10;
    double y13 = h * y12 + 12 * y11;
    double w = t * t;
    double series =
        y1
            + w
                * (y3 / 6.0
                    + w
                        * (y5 / 120.0
                            + w
                                * (y7 / 5040.0
                                    + w
                                        * (y9 / 362880.0
                                            + w * (y11 / 39916800.0 + w * (y13 / 6227020800.0))))));
    double b = factor * 2.0 * t * series;
    return Math.max(b, 0.0);
  }
}
