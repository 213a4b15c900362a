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
import static io.github.bsoptions.pricing.internal.CodyNormal.BODY_LIMIT;
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
import static io.github.bsoptions.pricing.internal.CodyNormal.SQRT_2PI;
import static io.github.bsoptions.pricing.internal.CodyNormal.SQRT_32;

import io.github.bsoptions.pricing.formula.NormalDistribution;
import io.github.bsoptions.pricing.internal.BlackScholesKernel;
import io.github.bsoptions.pricing.internal.FastExp;
import io.github.bsoptions.pricing.internal.NormalisedBlack;

/**
 * Frozen copy of {@code BlackScholesFormulas.price} and {@code BlackScholesKernel.fastPrice} as of
 * main ae0752a (direct formula kept when the price is at least 1/16 of its two terms), so that the
 * seventh scalar pass can be compared with it in one JMH run. Not used outside bs-bench.
 */
public final class PriceAe0752a {
  private static final double FAST_D = 10.0;
  private static final double CANCELLATION = 1.0 / 16;

  private PriceAe0752a() {}

  /** {@code BlackScholesFormulas.price} as of ae0752a (its input check, then the fast path). */
  public static double price(
      boolean isCall,
      double spot,
      double strike,
      double expiry,
      double rate,
      double div,
      double vol) {
    long signs =
        Double.doubleToRawLongBits(spot)
            | Double.doubleToRawLongBits(strike)
            | Double.doubleToRawLongBits(expiry)
            | Double.doubleToRawLongBits(vol);
    double sum = ((spot + strike) + (expiry + vol)) + (rate + div);
    if (!(signs >= 0 && sum - sum == 0)) {
      throw new IllegalArgumentException("invalid input");
    }
    return fastPrice(isCall, spot, strike, expiry, rate, div, vol);
  }

  static double fastPrice(
      boolean isCall,
      double spot,
      double strike,
      double expiry,
      double rate,
      double div,
      double vol) {
    double v = vol * Math.sqrt(expiry);
    if (v > 0 && spot != 0 && strike != 0) {
      double iv = 1 / v;
      double x = BlackScholesKernel.logMoneyness(spot, strike, expiry, rate, div);
      double d1 = x * iv + 0.5 * v;
      double d2 = d1 - v;
      if (Math.abs(d1) <= SQRT_32 && Math.abs(d2) <= SQRT_32) {
        return direct(isCall, spot, strike, expiry, rate, div, x, v, d1, d2);
      }
    }
    return fastPriceGeneral(isCall, spot, strike, expiry, rate, div, vol);
  }

  private static double direct(
      boolean isCall,
      double spot,
      double strike,
      double expiry,
      double rate,
      double div,
      double x,
      double v,
      double d1,
      double d2) {
    // Three exponentials: the two discount factors and one density, the other density following
    // from n(d2) = n(d1) F / K; |d1| <= |d2| exactly when x <= 0.
    double sdq = spot * FastExp.exp(-div * expiry);
    double kdr = strike * FastExp.exp(-rate * expiry);
    // The ratio of the larger to the smaller density, e^{|x|}, is also the normalised fallback's
    // bMax^2.
    double n1;
    double n2;
    double ratio;
    if (x <= 0) {
      ratio = sdq / kdr;
      n1 = INV_SQRT_2PI * expHalfSquare(Math.abs(d1));
      n2 = n1 * ratio;
    } else {
      ratio = kdr / sdq;
      n2 = INV_SQRT_2PI * expHalfSquare(Math.abs(d2));
      n1 = n2 * ratio;
    }
    double w = isCall ? 1.0 : -1.0;
    double a = sdq * cdf(w * d1, n1);
    double b = kdr * cdf(w * d2, n2);
    double p = w * (a - b);
    if (p >= CANCELLATION * (a + b)) {
      return p;
    }
    return normalisedFromDirect(isCall, x, v, sdq, kdr, n1, n2, ratio);
  }

  private static double cdf(double z, double density) {
    double y = Math.abs(z);
    if (y <= BODY_LIMIT) {
      return 0.5 + z * centralRational(z, y);
    }
    double tail = density * (SQRT_2PI * middleRational(y));
    return z > 0 ? 1.0 - tail : tail;
  }

  private static double centralRational(double z, double y) {
    double xsq = y > 1.1e-16 ? z * z : 0.0;
    double xsq2 = xsq * xsq;
    double num = (A3 + A2 * xsq) + xsq2 * ((A1 + A0 * xsq) + xsq2 * A4);
    double den = (B3 + B2 * xsq) + xsq2 * ((B1 + B0 * xsq) + xsq2);
    return num / den;
  }

  private static double middleRational(double y) {
    double y2 = y * y;
    double y4 = y2 * y2;
    double num =
        ((C7 + C6 * y) + y2 * (C5 + C4 * y))
            + y4 * (((C3 + C2 * y) + y2 * (C1 + C0 * y)) + y4 * C8);
    double den =
        ((D7 + D6 * y) + y2 * (D5 + D4 * y)) + y4 * (((D3 + D2 * y) + y2 * (D1 + D0 * y)) + y4);
    return num / den;
  }

  private static double expHalfSquare(double y) {
    double c = 134217729.0 * y; // 2^27 + 1
    double yh = c - (c - y);
    double yl = y - yh;
    double hi = y * y;
    double lo = ((yh * yh - hi) + 2 * yh * yl) + yl * yl;
    return FastExp.exp(-0.5 * hi) * (1 - 0.5 * lo);
  }

  private static double fastPriceGeneral(
      boolean isCall,
      double spot,
      double strike,
      double expiry,
      double rate,
      double div,
      double vol) {
    double v = vol * Math.sqrt(expiry);
    if (!(v > 0) || spot == 0 || strike == 0) {
      double fwdValue = FastExp.exp(-div * expiry) * spot - FastExp.exp(-rate * expiry) * strike;
      return isCall ? Math.max(fwdValue, 0.0) : Math.max(-fwdValue, 0.0);
    }
    double x = BlackScholesKernel.logMoneyness(spot, strike, expiry, rate, div);
    double d1 = x / v + 0.5 * v;
    double d2 = d1 - v;
    if (Math.abs(d1) < FAST_D && Math.abs(d2) < FAST_D) {
      // Direct formula, three exponentials: the two discount factors and one density, the other
      // density following from n(d2) = n(d1) F / K. Kept only when the two terms do not cancel.
      double sdq = spot * FastExp.exp(-div * expiry);
      double kdr = strike * FastExp.exp(-rate * expiry);
      double n1;
      double n2;
      if (Math.abs(d1) <= Math.abs(d2)) {
        n1 = NormalDistribution.pdf(d1);
        n2 = n1 * (sdq / kdr);
      } else {
        n2 = NormalDistribution.pdf(d2);
        n1 = n2 * (kdr / sdq);
      }
      double w = isCall ? 1.0 : -1.0;
      double a = sdq * NormalDistribution.cdfFromDensity(w * d1, n1);
      double b = kdr * NormalDistribution.cdfFromDensity(w * d2, n2);
      double p = w * (a - b);
      if (p >= CANCELLATION * (a + b)) {
        return p;
      }
      return normalisedFromDirect(isCall, x, v, sdq, kdr, n1, n2);
    }
    return BlackScholesKernel.normalisation(spot, strike, expiry, rate, div)
        * NormalisedBlack.call(isCall ? x : -x, v);
  }

  private static double normalisedFromDirect(
      boolean isCall, double x, double v, double sdq, double kdr, double n1, double n2) {
    return normalisedFromDirect(isCall, x, v, sdq, kdr, n1, n2, x <= 0 ? sdq / kdr : kdr / sdq);
  }

  private static double normalisedFromDirect(
      boolean isCall,
      double x,
      double v,
      double sdq,
      double kdr,
      double n1,
      double n2,
      double ratio) {
    double product = sdq * kdr;
    if (!(product > Double.MIN_NORMAL && product < Double.POSITIVE_INFINITY)) {
      double pref = Math.sqrt(sdq) * Math.sqrt(kdr);
      return pref * NormalisedBlack.call(isCall ? x : -x, v);
    }
    double pref = Math.sqrt(product);
    boolean below = x <= 0;
    double bMax = Math.sqrt(ratio);
    double vega = (below ? n1 : n2) * bMax;
    double ax = Math.abs(x);
    double otm = NormalisedBlack.otmCall(-ax / v, 0.5 * v, vega, bMax);
    boolean inTheMoney = isCall ? x > 0 : x < 0;
    double intrinsic = 0.0;
    if (inTheMoney) {
      intrinsic = ax < 1 ? NormalisedBlack.intrinsicCall(ax) : 1 / bMax - bMax;
    }
    return pref * (intrinsic + otm);
  }
}
