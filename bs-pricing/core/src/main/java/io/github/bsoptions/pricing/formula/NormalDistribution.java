package io.github.bsoptions.pricing.formula;

import io.github.bsoptions.pricing.internal.FastExp;
import io.github.bsoptions.pricing.internal.NormalQuantile;

/**
 * The standard normal distribution to full double precision, tails included.
 *
 * <p>{@link #cdf(double)} uses W. J. Cody's rational Chebyshev approximations (ACM TOMS Algorithm
 * 715, the algorithm behind R's {@code pnorm}), accurate to a few ulps relative everywhere,
 * including the far lower tail down to the underflow limit near {@code x = -38.5}. Upper tails are
 * computed as {@code cdf(-x)}, never as {@code 1 - cdf(x)}. {@link #inverseCdf(double)} uses
 * Wichura's AS 241 (about 1e-16 relative) polished by one Halley step on the accurate CDF.
 *
 * <p>All methods are static, allocation-free and thread-safe.
 */
public final class NormalDistribution {
  /** {@code 1 / sqrt(2 pi)}. */
  public static final double INV_SQRT_2PI = 0.398942280401432677939946059934;

  private static final double SQRT_2PI = 2.506628274631000502415765284811;
  private static final double SQRT_32 = 5.656854249492380195206754896838;

  private static final double A0 = 2.2352520354606839287;
  private static final double A1 = 161.02823106855587881;
  private static final double A2 = 1067.6894854603709582;
  private static final double A3 = 18154.981253343561249;
  private static final double A4 = 0.065682337918207449113;
  private static final double B0 = 47.20258190468824187;
  private static final double B1 = 976.09855173777669322;
  private static final double B2 = 10260.932208618978205;
  private static final double B3 = 45507.789335026729956;

  private static final double C0 = 0.39894151208813466764;
  private static final double C1 = 8.8831497943883759412;
  private static final double C2 = 93.506656132177855979;
  private static final double C3 = 597.27027639480026226;
  private static final double C4 = 2494.5375852903726711;
  private static final double C5 = 6848.1904505362823326;
  private static final double C6 = 11602.651437647350124;
  private static final double C7 = 9842.7148383839780218;
  private static final double C8 = 1.0765576773720192317e-8;
  private static final double D0 = 22.266688044328115691;
  private static final double D1 = 235.38790178262499861;
  private static final double D2 = 1519.377599407554805;
  private static final double D3 = 6485.558298266760755;
  private static final double D4 = 18615.571640885098091;
  private static final double D5 = 34900.952721145977266;
  private static final double D6 = 38912.003286093271411;
  private static final double D7 = 19685.429676859990727;
  private static final double P0 = 0.21589853405795699;
  private static final double P1 = 0.1274011611602473639;
  private static final double P2 = 0.022235277870649807;
  private static final double P3 = 0.001421619193227893466;
  private static final double P4 = 2.9112874951168792e-5;
  private static final double P5 = 0.02307344176494017303;
  private static final double Q0 = 1.28426009614491121;
  private static final double Q1 = 0.468238212480865118;
  private static final double Q2 = 0.0659881378689285515;
  private static final double Q3 = 0.00378239633202758244;
  private static final double Q4 = 7.29751555083966205e-5;

  private NormalDistribution() {}

  /**
   * Returns the density {@code exp(-x^2/2) / sqrt(2 pi)}, with the square split so the result is
   * accurate to a few ulps even for large {@code |x|}.
   */
  public static double pdf(double x) {
    double y = Math.abs(x);
    if (y < 1.0) {
      return INV_SQRT_2PI * FastExp.exp(-0.5 * x * x);
    }
    if (!(y < 40)) {
      return Double.isNaN(x) ? Double.NaN : 0.0;
    }
    return INV_SQRT_2PI * expHalfSquare(y);
  }

  /** Returns {@code P[X <= x]} for a standard normal {@code X}; NaN for NaN. */
  public static double cdf(double x) {
    double y = Math.abs(x);
    if (y <= 0.67448975) {
      double xsq = y > 1.1e-16 ? x * x : 0.0;
      double xsq2 = xsq * xsq;
      double num = (A3 + A2 * xsq) + xsq2 * ((A1 + A0 * xsq) + xsq2 * A4);
      double den = (B3 + B2 * xsq) + xsq2 * ((B1 + B0 * xsq) + xsq2);
      return 0.5 + x * (num / den);
    }
    double tail;
    if (y <= SQRT_32) {
      double y2 = y * y;
      double y4 = y2 * y2;
      double num =
          ((C7 + C6 * y) + y2 * (C5 + C4 * y))
              + y4 * (((C3 + C2 * y) + y2 * (C1 + C0 * y)) + y4 * C8);
      double den =
          ((D7 + D6 * y) + y2 * (D5 + D4 * y)) + y4 * (((D3 + D2 * y) + y2 * (D1 + D0 * y)) + y4);
      tail = expHalfSquare(y) * (num / den);
    } else if (y < 40) {
      double xsq = 1.0 / (y * y);
      double xsq2 = xsq * xsq;
      double xsq4 = xsq2 * xsq2;
      double num = ((P4 + P3 * xsq) + xsq2 * (P2 + P1 * xsq)) + xsq4 * (P0 + P5 * xsq);
      double den = ((Q4 + Q3 * xsq) + xsq2 * (Q2 + Q1 * xsq)) + xsq4 * (Q0 + xsq);
      double r = xsq * (num / den);
      tail = expHalfSquare(y) * ((INV_SQRT_2PI - r) / y);
    } else if (Double.isNaN(x)) {
      return Double.NaN;
    } else {
      tail = 0.0;
    }
    return x > 0 ? 1.0 - tail : tail;
  }

  /**
   * Returns {@code P[X <= x]} given the density {@code density = pdf(x)} computed by the caller
   * (for example shared with a greek, or derived from the density at a related point), saving the
   * exponential of {@link #cdf(double)}. The result is as accurate as {@code density}; for {@code
   * |x| <= 0.674} the density is not used.
   */
  public static double cdfFromDensity(double x, double density) {
    double y = Math.abs(x);
    if (y <= 0.67448975) {
      return cdf(x);
    }
    double tail;
    if (y <= SQRT_32) {
      double y2 = y * y;
      double y4 = y2 * y2;
      double num =
          ((C7 + C6 * y) + y2 * (C5 + C4 * y))
              + y4 * (((C3 + C2 * y) + y2 * (C1 + C0 * y)) + y4 * C8);
      double den =
          ((D7 + D6 * y) + y2 * (D5 + D4 * y)) + y4 * (((D3 + D2 * y) + y2 * (D1 + D0 * y)) + y4);
      tail = density * (SQRT_2PI * (num / den));
    } else {
      double xsq = 1.0 / (y * y);
      double xsq2 = xsq * xsq;
      double xsq4 = xsq2 * xsq2;
      double num = ((P4 + P3 * xsq) + xsq2 * (P2 + P1 * xsq)) + xsq4 * (P0 + P5 * xsq);
      double den = ((Q4 + Q3 * xsq) + xsq2 * (Q2 + Q1 * xsq)) + xsq4 * (Q0 + xsq);
      double r = xsq * (num / den);
      tail = density * ((1.0 - SQRT_2PI * r) / y);
    }
    return x > 0 ? 1.0 - tail : tail;
  }

  /**
   * Returns the Mills ratio {@code (1 - cdf(x)) / pdf(x)} to a few ulps relative, without forming
   * the tiny tail probability for large {@code x} (the same rational approximations as {@link
   * #cdf(double)}, less their exponential factor). Positive infinity where the ratio overflows
   * (near {@code x < -37.5}); NaN for NaN.
   */
  public static double millsRatio(double x) {
    double y = Math.abs(x);
    if (y <= 0.67448975) {
      double xsq = y > 1.1e-16 ? x * x : 0.0;
      double xsq2 = xsq * xsq;
      double num = (A3 + A2 * xsq) + xsq2 * ((A1 + A0 * xsq) + xsq2 * A4);
      double den = (B3 + B2 * xsq) + xsq2 * ((B1 + B0 * xsq) + xsq2);
      double upper = 0.5 - x * (num / den);
      return upper * SQRT_2PI * FastExp.exp(0.5 * x * x);
    }
    double scaledTail;
    if (y <= SQRT_32) {
      double y2 = y * y;
      double y4 = y2 * y2;
      double num =
          ((C7 + C6 * y) + y2 * (C5 + C4 * y))
              + y4 * (((C3 + C2 * y) + y2 * (C1 + C0 * y)) + y4 * C8);
      double den =
          ((D7 + D6 * y) + y2 * (D5 + D4 * y)) + y4 * (((D3 + D2 * y) + y2 * (D1 + D0 * y)) + y4);
      scaledTail = SQRT_2PI * (num / den);
    } else if (Double.isNaN(x)) {
      return Double.NaN;
    } else {
      double xsq = 1.0 / (y * y);
      double xsq2 = xsq * xsq;
      double xsq4 = xsq2 * xsq2;
      double num = ((P4 + P3 * xsq) + xsq2 * (P2 + P1 * xsq)) + xsq4 * (P0 + P5 * xsq);
      double den = ((Q4 + Q3 * xsq) + xsq2 * (Q2 + Q1 * xsq)) + xsq4 * (Q0 + xsq);
      double r = xsq * (num / den);
      scaledTail = (1.0 - SQRT_2PI * r) / y;
    }
    if (x > 0) {
      return scaledTail;
    }
    // (1 - cdf(x)) / pdf(x) = 1 / pdf(x) - millsRatio(-x) for x < 0; no cancellation there.
    return SQRT_2PI * FastExp.exp(0.5 * x * x) - scaledTail;
  }

  /** Returns {@code P[X > x] = cdf(-x)}, accurate in the upper tail. */
  public static double complementaryCdf(double x) {
    return cdf(-x);
  }

  /**
   * Returns the quantile {@code x} with {@code cdf(x) = p}.
   *
   * @param p a probability in {@code [0, 1]}; 0 gives negative infinity and 1 positive infinity
   * @throws IllegalArgumentException if {@code p} is NaN or outside {@code [0, 1]}
   */
  public static double inverseCdf(double p) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException("p must be in [0, 1], was " + p);
    }
    if (p == 0) {
      return Double.NEGATIVE_INFINITY;
    }
    if (p == 1) {
      return Double.POSITIVE_INFINITY;
    }
    double x = NormalQuantile.as241(p);
    if (Double.isFinite(x) && Math.abs(x) < 38) {
      // One Halley step on the accurate CDF; work in the smaller tail to avoid cancellation.
      double e = x < 0 ? cdf(x) - p : (1.0 - p) - cdf(-x);
      double u = e * SQRT_2PI * FastExp.exp(0.5 * x * x);
      x = x - u / (1.0 + 0.5 * x * u);
    }
    return x;
  }

  // Cody's rational functions are written out in Estrin's scheme (powers of the argument
  // combined pairwise) instead of Horner's rule: the same coefficients and, with every coefficient
  // and argument positive, the same few-ulp accuracy, but about half the dependent-operation
  // latency, which bounds iterative callers such as the implied-volatility solver. They are
  // written inline (not as helper methods) so that the JIT never leaves them as calls.

  /**
   * Returns {@code exp(-y^2/2)} to about an ulp: {@code y^2} is split exactly into {@code hi + lo}
   * (Dekker's product, no FMA needed), so one exponential of {@code hi} times {@code 1 - lo/2}
   * replaces the rounding error of the square (which grows like {@code y^2} ulps otherwise).
   */
  private static double expHalfSquare(double y) {
    double c = 134217729.0 * y; // 2^27 + 1
    double yh = c - (c - y);
    double yl = y - yh;
    double hi = y * y;
    double lo = ((yh * yh - hi) + 2 * yh * yl) + yl * yl;
    return FastExp.exp(-0.5 * hi) * (1 - 0.5 * lo);
  }
}
