package io.github.bsoptions.bench.frozen;

import static io.github.bsoptions.pricing.internal.CodyNormal.A0;
import static io.github.bsoptions.pricing.internal.CodyNormal.A1;
import static io.github.bsoptions.pricing.internal.CodyNormal.A2;
import static io.github.bsoptions.pricing.internal.CodyNormal.A3;
import static io.github.bsoptions.pricing.internal.CodyNormal.A4;
import static io.github.bsoptions.pricing.internal.CodyNormal.B0;
import static io.github.bsoptions.pricing.internal.CodyNormal.B1;
import static io.github.bsoptions.pricing.internal.CodyNormal.B2;
import static io.github.bsoptions.pricing.internal.CodyNormal.B3;

import io.github.bsoptions.pricing.formula.NormalDistribution;
import io.github.bsoptions.pricing.internal.FastExp;

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
 * <p>Frozen copy of main ae0752a (before the seventh IV pass) for same-run benchmark comparisons.
 */
public final class FrozenNormalisedBlack {
  /** {@code 1 / sqrt(2 pi)}. */
  private static final double INV_SQRT_2PI = NormalDistribution.INV_SQRT_2PI;

  /** Asymptotic-expansion threshold {@code eta} on {@code h}. */
  private static final double ETA = -10.0;

  /** Small-t threshold {@code tau = 2 eps^(1/16)}, about 0.21. */
  private static final double TAU = 2.0 * Math.pow(Math.ulp(1.0), 1.0 / 16.0);

  /**
   * Bound of the central range of {@link NormalDistribution#cdf(double)} and {@link
   * NormalDistribution#millsRatio(double)}: inside it the CDF needs no exponential; beyond it, on
   * the positive side, the Mills ratio needs none.
   */
  private static final double CENTRAL = 0.67448975;

  private FrozenNormalisedBlack() {}

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
    double e = FastExp.exp(y);
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
      double e = FastExp.exp(0.5 * x);
      double b = NormalDistribution.cdf(h + t) * e - NormalDistribution.cdf(h - t) / e;
      return Math.max(b, 0.0);
    }
    double factor = vega == vega ? vega : INV_SQRT_2PI * FastExp.exp(-0.5 * (h * h + t * t));
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
   * The out-of-the-money value {@code b(x, s)} ({@code x <= 0}) for the implied-volatility solver,
   * from {@code h = x / s}, {@code t = s / 2}, the caller's normalised vega {@code vega = n(h + t)
   * e^{x/2}} and {@code bMax = e^{x/2}}, without any further exponential: both densities follow
   * from these two ({@code n(h + t) = vega / bMax}, {@code n(h - t) = vega bMax}), so {@code b =
   * bMax N(h + t) - N(h - t) / bMax} takes each normal probability from the central rational of
   * {@link NormalDistribution#cdf(double)} or from the exponential-free Mills ratio of {@link
   * NormalDistribution#millsRatio(double)}. The regions and their cancellation-free forms are those
   * of {@link #otmCall(double, double, double)}; where that method multiplies an exponential {@code
   * e^{z^2/2}} of a Mills ratio at a negative argument by the vega, this one uses the exact
   * identity with {@code bMax} instead, so the value is as accurate (a few ulps) with one to three
   * exponentials fewer. Requires {@code h <= 0}, {@code t > 0}.
   */
  public static double otmCall(double h, double t, double vega, double bMax) {
    double a = h + t;
    double c = t - h;
    if (a > 0.85 && !(h < ETA)) {
      // Direct region: N(h + t) = 1 - n(h + t) M(h + t), N(h - t) = n(h - t) M(t - h).
      double b =
          bMax - vega * (NormalDistribution.millsRatio(a) + NormalDistribution.millsRatio(c));
      return Math.max(b, 0.0);
    }
    if (h < ETA && t < TAU - h + ETA) {
      return asymptotic(h, t, vega);
    }
    if (t < TAU) {
      return smallT(h, t, vega);
    }
    double b;
    if (a < -CENTRAL) {
      // Both Mills ratios at positive arguments (c > a here): the difference form as is.
      b = vega * (NormalDistribution.millsRatio(-a) - NormalDistribution.millsRatio(c));
    } else {
      // |a| <= CENTRAL in the second case (a >= -CENTRAL here), and c >= 0: the central rational
      // of NormalDistribution.cdf, to the bit, without a call.
      double first =
          a > CENTRAL ? bMax - vega * NormalDistribution.millsRatio(a) : bMax * centralCdf(a);
      double second = c > CENTRAL ? vega * NormalDistribution.millsRatio(c) : centralCdf(-c) / bMax;
      b = first - second;
    }
    return Math.max(b, 0.0);
  }

  /**
   * {@link #otmCall(double, double, double, double)} at Let's Be Rational's central point {@code s
   * = sqrt(2 |x|)} ({@code x < 0}), where {@code h = -t}: outside the small-{@code t} and
   * asymptotic regions the value is {@code bMax N(0) - N(-s) / bMax} in exact arithmetic, so only
   * one normal probability is evaluated (at {@code s} itself, not at {@code h + t} and {@code t -
   * h}, whose rounding carries no information).
   */
  public static double otmCallAtCentralPoint(double x, double s, double vega, double bMax) {
    double t = 0.5 * s;
    if (t < TAU || t > -ETA) {
      return otmCall(x / s, t, vega, bMax);
    }
    // N(-s) / bMax = n(-s) M(s) / bMax with n(-s) = vega bMax (as n(h - t) in otmCall).
    double second =
        s > CENTRAL ? vega * NormalDistribution.millsRatio(s) : NormalDistribution.cdf(-s) / bMax;
    return Math.max(0.5 * bMax - second, 0.0);
  }

  /**
   * Returns the normalised vega {@code db/ds = exp(-(h^2 + t^2)/2) / sqrt(2 pi)} (the same for
   * calls and puts).
   */
  public static double vega(double x, double s) {
    if (x == 0) {
      return INV_SQRT_2PI * FastExp.exp(-0.125 * s * s);
    }
    if (!(s > 0)) {
      return 0.0;
    }
    double h = x / s;
    double t = 0.5 * s;
    return INV_SQRT_2PI * FastExp.exp(-0.5 * (h * h + t * t));
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
   * t}. From {@code Y' = 1 + h Y}, every odd derivative is {@code P_k(h^2) + a Q_k(h^2)} with
   * {@code a = Y'(h)} and integer polynomials {@code P_k}, {@code Q_k} (as in Jäckel's
   * implementation), so the polynomial parts are evaluated independently of the Mills ratio (in
   * parallel with it, rather than after it as a serial recurrence) and {@code a} enters once.
   */
  private static double smallT(double h, double t, double factor) {
    double w = t * t;
    // factor a, with a = 1 + h Y(h) and Y(h) = N(h) / n(h). Near the money (|h| <= 0.674) N(h) is
    // Cody's central rational and 1 / n(h) = e^{-t^2/2} / factor (the factor is the normalised
    // vega n(h) e^{-t^2/2}), so factor a = factor + h N(h) e^{-t^2/2}: no exponential of h^2/2
    // (which the Mills ratio of a small argument needs) and no call; e^{-t^2/2} (t < 0.21) by its
    // Taylor series to the 7th power of t^2/2 (truncation below 2e-18). Elsewhere (-h > 0.674) the
    // Mills ratio needs no exponential.
    double fa;
    if (h >= -CENTRAL) {
      double u = 0.5 * w;
      double u2 = u * u;
      double u4 = u2 * u2;
      double eu =
          ((1 - u) + u2 * (0.5 - u * (1.0 / 6)))
              + u4 * ((1.0 / 24 - u * (1.0 / 120)) + u2 * (1.0 / 720 - u * (1.0 / 5040)));
      fa = factor + h * centralCdf(h) * eu;
    } else {
      fa = factor * (1.0 + h * NormalDistribution.millsRatio(-h));
    }
    double g = h * h;
    double p1 = -F3;
    double q1 = (3 + g) * F3;
    double p2 = (-7 - g) * F5;
    double q2 = (15 + g * (10 + g)) * F5;
    double p3 = (-57 + g * (-18 - g)) * F7;
    double q3 = (105 + g * (105 + g * (21 + g))) * F7;
    double p4 = (-561 + g * (-285 + g * (-33 - g))) * F9;
    double q4 = (945 + g * (1260 + g * (378 + g * (36 + g)))) * F9;
    double p5 = (-6555 + g * (-4680 + g * (-840 + g * (-52 - g)))) * F11;
    double q5 = (10395 + g * (17325 + g * (6930 + g * (990 + g * (55 + g))))) * F11;
    double p6 = (-89055 + g * (-82845 + g * (-20370 + g * (-1926 + g * (-75 - g))))) * F13;
    double q6 =
        (135135 + g * (270270 + g * (135135 + g * (25740 + g * (2145 + g * (78 + g)))))) * F13;
    // Estrin's scheme in w (about half the dependent-operation latency of Horner's rule).
    double w2 = w * w;
    double w4 = w2 * w2;
    double sp = w * ((p1 + w * p2) + w2 * (p3 + w * p4) + w4 * (p5 + w * p6));
    double sq = 1 + w * ((q1 + w * q2) + w2 * (q3 + w * q4) + w4 * (q5 + w * q6));
    double b = 2.0 * t * (factor * sp + fa * sq);
    return Math.max(b, 0.0);
  }

  /**
   * {@code N(x)} for {@code |x| <= 0.674}: Cody's central rational, as {@link
   * NormalDistribution#cdf}.
   */
  private static double centralCdf(double x) {
    double xsq = Math.abs(x) > 1.1e-16 ? x * x : 0.0;
    double xsq2 = xsq * xsq;
    double num = (A3 + A2 * xsq) + xsq2 * ((A1 + A0 * xsq) + xsq2 * A4);
    double den = (B3 + B2 * xsq) + xsq2 * ((B1 + B0 * xsq) + xsq2);
    return 0.5 + x * (num / den);
  }

  private static final double F3 = 1.0 / 6;
  private static final double F5 = 1.0 / 120;
  private static final double F7 = 1.0 / 5040;
  private static final double F9 = 1.0 / 362880;
  private static final double F11 = 1.0 / 39916800;
  private static final double F13 = 1.0 / 6227020800.0;
}
