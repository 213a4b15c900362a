package io.github.bsoptions.pricing.formula;

import static io.github.bsoptions.pricing.internal.CodyNormal.A0;
import static io.github.bsoptions.pricing.internal.CodyNormal.A1;
import static io.github.bsoptions.pricing.internal.CodyNormal.A2;
import static io.github.bsoptions.pricing.internal.CodyNormal.A3;
import static io.github.bsoptions.pricing.internal.CodyNormal.A4;
import static io.github.bsoptions.pricing.internal.CodyNormal.B0;
import static io.github.bsoptions.pricing.internal.CodyNormal.B1;
import static io.github.bsoptions.pricing.internal.CodyNormal.B2;
import static io.github.bsoptions.pricing.internal.CodyNormal.B3;
import static io.github.bsoptions.pricing.internal.CodyNormal.C0;
import static io.github.bsoptions.pricing.internal.CodyNormal.C1;
import static io.github.bsoptions.pricing.internal.CodyNormal.C2;
import static io.github.bsoptions.pricing.internal.CodyNormal.C3;
import static io.github.bsoptions.pricing.internal.CodyNormal.C4;
import static io.github.bsoptions.pricing.internal.CodyNormal.C5;
import static io.github.bsoptions.pricing.internal.CodyNormal.C6;
import static io.github.bsoptions.pricing.internal.CodyNormal.C7;
import static io.github.bsoptions.pricing.internal.CodyNormal.C8;
import static io.github.bsoptions.pricing.internal.CodyNormal.D0;
import static io.github.bsoptions.pricing.internal.CodyNormal.D1;
import static io.github.bsoptions.pricing.internal.CodyNormal.D2;
import static io.github.bsoptions.pricing.internal.CodyNormal.D3;
import static io.github.bsoptions.pricing.internal.CodyNormal.D4;
import static io.github.bsoptions.pricing.internal.CodyNormal.D5;
import static io.github.bsoptions.pricing.internal.CodyNormal.D6;
import static io.github.bsoptions.pricing.internal.CodyNormal.D7;
import static io.github.bsoptions.pricing.internal.CodyNormal.P0;
import static io.github.bsoptions.pricing.internal.CodyNormal.P1;
import static io.github.bsoptions.pricing.internal.CodyNormal.P2;
import static io.github.bsoptions.pricing.internal.CodyNormal.P3;
import static io.github.bsoptions.pricing.internal.CodyNormal.P4;
import static io.github.bsoptions.pricing.internal.CodyNormal.P5;
import static io.github.bsoptions.pricing.internal.CodyNormal.Q0;
import static io.github.bsoptions.pricing.internal.CodyNormal.Q1;
import static io.github.bsoptions.pricing.internal.CodyNormal.Q2;
import static io.github.bsoptions.pricing.internal.CodyNormal.Q3;
import static io.github.bsoptions.pricing.internal.CodyNormal.Q4;
import static io.github.bsoptions.pricing.internal.CodyNormal.SQRT_2PI;
import static io.github.bsoptions.pricing.internal.CodyNormal.SQRT_32;

import io.github.bsoptions.pricing.internal.CodyNormal;
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
  public static final double INV_SQRT_2PI = CodyNormal.INV_SQRT_2PI;

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
