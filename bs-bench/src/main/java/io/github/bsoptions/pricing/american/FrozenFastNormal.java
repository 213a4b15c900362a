package io.github.bsoptions.pricing.american;

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
import static io.github.bsoptions.pricing.internal.CodyNormal.INV_SQRT_2PI;
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
import static io.github.bsoptions.pricing.internal.CodyNormal.SQRT_32;

import io.github.bsoptions.pricing.internal.FastExp;

/**
 * Temporary frozen copy (commit ae0752a) of {@code FastNormal} for {@link FrozenAlo}.
 *
 * <p>The standard normal distribution for the inner loops of the American methods: W. J. Cody's
 * rational approximations (as in {@link io.github.bsoptions.pricing.formula.NormalDistribution})
 * with one exponential instead of two, so about {@code 1e-15 (1 + x^2)} relative instead of a few
 * ulps. The integrals it feeds are accurate to 1e-8 at best, so this loses nothing and halves the
 * cost.
 */
final class FrozenFastNormal {

  private FrozenFastNormal() {}

  /** Returns the density. */
  static double pdf(double x) {
    return INV_SQRT_2PI * FastExp.exp(-0.5 * x * x);
  }

  /**
   * Returns {@code P[X <= x]}. Cody's rationals in Estrin's form (half the dependent latency of
   * Horner's rule) with the table-driven {@link FastExp} instead of the {@link Math#exp} stub call.
   */
  static double cdf(double x) {
    double y = Math.abs(x);
    if (y <= 0.67448975) {
      double xsq = x * x;
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
      tail = FastExp.exp(-0.5 * y2) * (num / den);
    } else if (y < 40) {
      double xsq = 1.0 / (y * y);
      double xsq2 = xsq * xsq;
      double xsq4 = xsq2 * xsq2;
      double num = ((P4 + P3 * xsq) + xsq2 * (P2 + P1 * xsq)) + xsq4 * (P0 + P5 * xsq);
      double den = ((Q4 + Q3 * xsq) + xsq2 * (Q2 + Q1 * xsq)) + xsq4 * (Q0 + xsq);
      double r = xsq * (num / den);
      tail = FastExp.exp(-0.5 * y * y) * ((INV_SQRT_2PI - r) / y);
    } else if (Double.isNaN(x)) {
      return Double.NaN;
    } else {
      tail = 0.0;
    }
    return x > 0 ? 1.0 - tail : tail;
  }
}
