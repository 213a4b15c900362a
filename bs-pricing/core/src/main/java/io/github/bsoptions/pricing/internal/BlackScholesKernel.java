package io.github.bsoptions.pricing.internal;

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

import io.github.bsoptions.pricing.batch.BatchModel;
import io.github.bsoptions.pricing.formula.NormalDistribution;
import io.github.bsoptions.pricing.greeks.Greeks;

/**
 * Unchecked Black-Scholes-Merton kernels shared by the formula classes and the backends.
 *
 * <p>Inputs must already be validated: spot, strike, expiry and volatility finite and {@code >= 0},
 * rate and dividend yield finite. The degenerate cases (expiry 0, volatility 0, spot 0, strike 0)
 * follow one written convention: the value is the discounted forward intrinsic value {@code max(w
 * (S e^{-qT} - K e^{-rT}), 0)}; delta is a step at the forward, with half the step when the forward
 * equals the strike; gamma, vega and every other derivative of the smooth part is 0.
 *
 * <p>Internal API, unstable.
 */
public final class BlackScholesKernel {
  /**
   * Largest {@code |d1|}, {@code |d2|} for the direct formula: beyond it the densities are below
   * 1e-20 and the rounding of {@code d^2 / 2} grows; the normalised Black function takes over.
   */
  private static final double FAST_D = 10.0;

  /**
   * The direct formula {@code w (S e^{-qT} N(w d1) - K e^{-rT} N(w d2))} is used only when the
   * price is at least this fraction of the sum of the two terms, which bounds its relative rounding
   * error to about {@code 1 / CANCELLATION} times the ulp or so of each term (about 1e-14);
   * otherwise (small total volatility near the money, far out of the money) the cancellation-free
   * normalised Black function is evaluated.
   *
   * <p>1/32 (1/16 before 2026-12-02): against a 50-digit reference, the 4,000 random options of the
   * benchmark's domain whose path this moved (their price between 1/32 and 1/16 of the sum) have
   * errors of median 1.5e-15, 99th percentile 7.2e-15 and maximum 9.9e-15 relative by the direct
   * formula (5.0e-16, 2.4e-15 and 4.5e-15 by the normalised function); on a wide domain (moneyness
   * e^{+-3}, 1e-4 to 30 years, volatility 0.5% to 500%) median 1.8e-15, maximum 1.6e-14 against
   * 1.0e-15 and 2.4e-14. The normalised function is the slower path (its small-{@code t} series):
   * 158 of the benchmark chain's 1,024 options took it at 1/16, 64 at 1/32, and a price costs about
   * 5% less on average.
   */
  private static final double CANCELLATION = 1.0 / 32;

  /**
   * Where both {@code w d1, w d2 < -sqrt(32)} (far out of the money) and {@code v} is below this,
   * the direct formula's two terms cancel for certain, so {@link #fastPriceGeneral} skips them:
   * with {@code y1 < y2 = y1 + v} the two {@code |d|} and Mills ratio {@code M}, the price is
   * {@code (M(y1) - M(y2)) / (M(y1) + M(y2))} of the sum of the two terms, at most {@code v (y2^2 +
   * 1) / (2 y1^2 y2)} ({@code -1/y^2 < M'(y) < 0}, {@code M(y) > y / (y^2 + 1)}), below 0.023 for
   * {@code y1 >= sqrt(32)} and {@code v < 1/4}: under {@link #CANCELLATION}.
   */
  private static final double FAR_OTM_V = 0.25;

  private BlackScholesKernel() {}

  /** Returns true when the smooth formulas do not apply and the degenerate convention is used. */
  public static boolean isDegenerate(double spot, double strike, double expiry, double vol) {
    return !(vol * Math.sqrt(expiry) > 0) || spot == 0 || strike == 0;
  }

  /**
   * Returns {@code ln(F/K) = ln(S/K) + (r - q) T} for positive spot and strike, without overflowing
   * when {@code S/K} does.
   */
  public static double logMoneyness(
      double spot, double strike, double expiry, double rate, double div) {
    double ratio = spot / strike;
    double logRatio =
        ratio > Double.MIN_NORMAL && ratio < Double.POSITIVE_INFINITY
            ? FastLog.logInRange(ratio)
            : Math.log(spot) - Math.log(strike);
    return logRatio + (rate - div) * expiry;
  }

  /** Returns {@code e^{-rT} sqrt(F K) = sqrt(S K) e^{-(r + q) T / 2}}, the price normalisation. */
  public static double normalisation(
      double spot, double strike, double expiry, double rate, double div) {
    double product = spot * strike;
    double root =
        product > Double.MIN_NORMAL && product < Double.POSITIVE_INFINITY
            ? Math.sqrt(product)
            : Math.sqrt(spot) * Math.sqrt(strike);
    return root * FastExp.exp(-0.5 * (rate + div) * expiry);
  }

  /**
   * Returns the BSM price, accurate to a few ulps relative (the normalised Black function of {@link
   * NormalisedBlack}, free of cancellation at small total volatility and far from the money).
   */
  public static double price(
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
    double x = logMoneyness(spot, strike, expiry, rate, div);
    return normalisation(spot, strike, expiry, rate, div)
        * NormalisedBlack.call(isCall ? x : -x, v);
  }

  /**
   * Writes price, delta, gamma, vega, theta and rho (in this order) into {@code out[offset ..
   * offset + 5]}.
   */
  public static void firstOrder(
      boolean isCall,
      double spot,
      double strike,
      double expiry,
      double rate,
      double div,
      double vol,
      double[] out,
      int offset) {
    double sqrtT = Math.sqrt(expiry);
    double v = vol * sqrtT;
    double w = isCall ? 1.0 : -1.0;
    if (!(v > 0) || spot == 0 || strike == 0) {
      double dq = FastExp.exp(-div * expiry);
      double dr = FastExp.exp(-rate * expiry);
      double fwdValue = dq * spot - dr * strike;
      double step = step(isCall, fwdValue);
      out[offset] = Math.max(w * fwdValue, 0.0);
      out[offset + 1] = w * dq * step;
      out[offset + 2] = 0.0;
      out[offset + 3] = 0.0;
      out[offset + 4] = w * (div * dq * spot * step - rate * dr * strike * step);
      out[offset + 5] = w * strike * expiry * dr * step;
      return;
    }
    // One log and three exponentials shared by the price and every greek: S e^{-qT} = pref e^{x/2},
    // K e^{-rT} = pref e^{-x/2}, and S e^{-qT} n(d1) = pref * normalised vega.
    double x = logMoneyness(spot, strike, expiry, rate, div);
    double pref = normalisation(spot, strike, expiry, rate, div);
    double e = FastExp.exp(0.5 * x);
    double sdq = pref * e;
    double kdr = pref / e;
    double vegaN = NormalisedBlack.vega(x, v);
    double wx = w * x;
    double b =
        wx > 0
            ? NormalisedBlack.intrinsicCall(wx) + NormalisedBlack.otmCall(-wx, v, vegaN)
            : NormalisedBlack.otmCall(wx, v, vegaN);
    double d1 = x / v + 0.5 * v;
    double d2 = d1 - v;
    double cd1 = NormalDistribution.cdf(w * d1);
    double cd2 = NormalDistribution.cdf(w * d2);
    double sdqNd1 = pref * vegaN;
    out[offset] = pref * b;
    out[offset + 1] = w * (sdq / spot) * cd1;
    out[offset + 2] = sdqNd1 / (spot * spot * v);
    out[offset + 3] = sdqNd1 * sqrtT;
    out[offset + 4] = -sdqNd1 * vol / (2.0 * sqrtT) + w * (div * sdq * cd1 - rate * kdr * cd2);
    out[offset + 5] = w * kdr * expiry * cd2;
  }

  /**
   * Returns the BSM price, accurate to about 1e-14 relative or better, faster than {@link #price}:
   * the direct formula where its two terms do not cancel, else {@link #price}. The switch between
   * the two makes it piecewise smooth at the 1e-14 level only; iterative methods that difference
   * prices (American premiums, their implied volatility) use {@link #price}.
   *
   * <p>The common case ({@code |d1|, |d2| <= sqrt(32)}) runs through small methods that the JIT
   * inlines whole, with {@code d1 = x (1/v) + v/2}: the reciprocal is computed alongside the
   * logarithm, off the dependency chain that bounds the time of one price (a multiplication there
   * instead of a division), at the cost of at most an ulp of {@code d1}.
   */
  public static double fastPrice(
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
      double x = logMoneyness(spot, strike, expiry, rate, div);
      double d1 = x * iv + 0.5 * v;
      double d2 = d1 - v;
      if (Math.abs(d1) <= SQRT_32 && Math.abs(d2) <= SQRT_32) {
        return direct(isCall, spot, strike, expiry, rate, div, x, v, d1, d2);
      }
    }
    return fastPriceGeneral(isCall, spot, strike, expiry, rate, div, vol);
  }

  /**
   * {@link #fastPrice} for inputs not yet validated, with the validation of the scalar API ({@link
   * RowChecks}: {@code IllegalArgumentException} naming the first invalid field) done only off the
   * common path. The common path needs no test of its own: it is reached only when {@code v = vol
   * sqrt(T) > 0}, {@code S > 0}, {@code K > 0} and both {@code |d1|, |d2| <= sqrt(32)}; finite
   * {@code d1 = x (1/v) + v/2} and {@code d2 = d1 - v} with {@code x = ln(S/K) + (r - q) T} imply a
   * finite {@code v} (so finite positive volatility and expiry), a finite {@code ln(S/K)} (so
   * finite spot and strike) and a finite {@code (r - q) T} (so finite rate and dividend yield: an
   * infinite one makes the sum infinite or NaN). Every invalid input (NaN, infinite, negative, spot
   * and strike both negative) fails one of these tests and goes on to the check; so do valid inputs
   * outside the common case, such as {@code -0.0}, zeros, or a drift that overflows. Same value as
   * {@link #fastPrice}, to the bit.
   */
  public static double checkedFastPrice(
      boolean isCall,
      double spot,
      double strike,
      double expiry,
      double rate,
      double div,
      double vol) {
    double v = vol * Math.sqrt(expiry);
    if (v > 0 && spot > 0 && strike > 0) {
      double iv = 1 / v;
      double x = logMoneyness(spot, strike, expiry, rate, div);
      double d1 = x * iv + 0.5 * v;
      double d2 = d1 - v;
      if (Math.abs(d1) <= SQRT_32 && Math.abs(d2) <= SQRT_32) {
        return direct(isCall, spot, strike, expiry, rate, div, x, v, d1, d2);
      }
      return checkedFastPriceOutside(isCall, spot, strike, expiry, rate, div, vol, x, v, d1, d2);
    }
    return checkedFastPriceGeneral(isCall, spot, strike, expiry, rate, div, vol);
  }

  /**
   * The rare path of {@link #checkedFastPrice} for {@code v > 0}, {@code S > 0}, {@code K > 0}
   * outside the common case: finite {@code d1} and {@code d2} imply valid inputs (as there), which
   * go on with the caller's {@code x} and {@code v} (no second logarithm, no validation).
   */
  private static double checkedFastPriceOutside(
      boolean isCall,
      double spot,
      double strike,
      double expiry,
      double rate,
      double div,
      double vol,
      double x,
      double v,
      double d1,
      double d2) {
    if (Math.abs(d1) < Double.POSITIVE_INFINITY && Math.abs(d2) < Double.POSITIVE_INFINITY) {
      return fastPriceGeneral(isCall, spot, strike, expiry, rate, div, x, v);
    }
    return checkedFastPriceGeneral(isCall, spot, strike, expiry, rate, div, vol);
  }

  /** The validation and {@link #fastPriceGeneral}: the rare path of {@link #checkedFastPrice}. */
  private static double checkedFastPriceGeneral(
      boolean isCall,
      double spot,
      double strike,
      double expiry,
      double rate,
      double div,
      double vol) {
    byte code = RowChecks.validate(BatchModel.BLACK_SCHOLES, spot, strike, expiry, rate, div, vol);
    RowChecks.throwIfInvalid(BatchModel.BLACK_SCHOLES, code, spot, strike, expiry, rate, div, vol);
    return fastPriceGeneral(isCall, spot, strike, expiry, rate, div, vol);
  }

  /**
   * {@link #fastPriceGeneral} for {@code |d1|, |d2| <= sqrt(32)} (the common case), in small
   * methods that the JIT inlines whole: the normal probabilities from Cody's central or middle
   * rational (the far tail is not needed here) and the density always through the exactly split
   * square (the general path squares directly below 1, which differs by under an ulp).
   */
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
    double w = isCall ? 1.0 : -1.0;
    double z1 = w * d1;
    double z2 = w * d2;
    if (Math.abs(z1) <= BODY_LIMIT && Math.abs(z2) <= BODY_LIMIT) {
      // Both probabilities from Cody's central rational, which needs no density: no exponential
      // (a third of the options near the money). The same arithmetic as cdf below, to the bit;
      // where the terms cancel, the general code below repeats it with the densities.
      double a = sdq * (0.5 + z1 * centralRational(z1));
      double b = kdr * (0.5 + z2 * centralRational(z2));
      double p = w * (a - b);
      if (p >= CANCELLATION * (a + b)) {
        return p;
      }
    }
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
    // w d1 and w d2 again rather than z1 and z2: with the values reused across the branch above,
    // C2 compiled this method about 10% slower (same-JVM comparison on the benchmark's chain).
    double s = isCall ? 1.0 : -1.0;
    double a = sdq * cdf(s * d1, n1);
    double b = kdr * cdf(s * d2, n2);
    double p = s * (a - b);
    if (p >= CANCELLATION * (a + b)) {
      return p;
    }
    return directCancelling(isCall, x, v, d1, d2, sdq, kdr, n1, n2, ratio);
  }

  /**
   * The rare path of {@link #direct} and {@link #directFirstOrder}, where the two terms cancel. Out
   * of the money with both probabilities in Cody's middle region (almost every such option), the
   * two terms are {@code m sqrt(2 pi) R(y)} and {@code m sqrt(2 pi) R(y + v)} with the same factor
   * {@code m = S e^{-qT} n(d1) = K e^{-rT} n(d2)} (the density at the smaller {@code y = min |d|})
   * and Cody's middle rational {@code R = P / Q}, so the price is {@code m sqrt(2 pi) (R(y) - R(y +
   * v))}, with the difference from divided differences ({@link #middleRationalDrop}) instead of two
   * roundings of {@code R} cancelling; elsewhere the normalised Black function. Against a 50-digit
   * reference as accurate as the normalised function or better (2026-12-02, tenth pass:
   * docs/performance.md).
   */
  private static double directCancelling(
      boolean isCall,
      double x,
      double v,
      double d1,
      double d2,
      double sdq,
      double kdr,
      double n1,
      double n2,
      double ratio) {
    double z1 = isCall ? d1 : -d1;
    double z2 = isCall ? d2 : -d2;
    if (z1 < -BODY_LIMIT && z2 < -BODY_LIMIT && z1 >= -SQRT_32 && z2 >= -SQRT_32) {
      // Out of the money: x < 0 for a call (y = -d1), x > 0 for a put (y = d2).
      double m = x <= 0 ? sdq * n1 : kdr * n2;
      return m * (SQRT_2PI * middleRationalDrop(Math.min(-z1, -z2), v));
    }
    return normalisedFromDirect(isCall, x, v, sdq, kdr, n1, n2, ratio);
  }

  /**
   * {@code R(y) - R(y + v)} for Cody's middle rational {@code R = P / Q} ({@link #middleRational})
   * and {@code v > 0}, without the cancellation of the two values: {@code (P(y) Q[y, y + v] - P[y,
   * y + v] Q(y)) v / (Q(y) Q(y + v))} with the divided differences {@code P[y, y + v] = (P(y + v) -
   * P(y)) / v}, each a sum of positive terms (every coefficient is positive), from Horner's rule
   * for {@code P(y)} and its quotient by {@code (t - y)} evaluated at {@code y + v}.
   */
  private static double middleRationalDrop(double y, double v) {
    double u = y + v;
    double p = C8;
    double q = 1.0;
    double dp = 0.0;
    double dq = 0.0;
    dp = dp * u + p;
    p = p * y + C0;
    dq = dq * u + q;
    q = q * y + D0;
    dp = dp * u + p;
    p = p * y + C1;
    dq = dq * u + q;
    q = q * y + D1;
    dp = dp * u + p;
    p = p * y + C2;
    dq = dq * u + q;
    q = q * y + D2;
    dp = dp * u + p;
    p = p * y + C3;
    dq = dq * u + q;
    q = q * y + D3;
    dp = dp * u + p;
    p = p * y + C4;
    dq = dq * u + q;
    q = q * y + D4;
    dp = dp * u + p;
    p = p * y + C5;
    dq = dq * u + q;
    q = q * y + D5;
    dp = dp * u + p;
    p = p * y + C6;
    dq = dq * u + q;
    q = q * y + D6;
    dp = dp * u + p;
    p = p * y + C7;
    dq = dq * u + q;
    q = q * y + D7;
    return v * (p * dq - dp * q) / (q * (q + v * dq));
  }

  /**
   * {@link NormalDistribution#cdfFromDensity} for {@code |z| <= sqrt(32)}, to the bit, in small
   * pieces (the public method, with its far tail, is over the JIT's inlining limit).
   */
  private static double cdf(double z, double density) {
    double y = Math.abs(z);
    if (y <= BODY_LIMIT) {
      return 0.5 + z * centralRational(z);
    }
    double tail = density * (SQRT_2PI * middleRational(y));
    return z > 0 ? 1.0 - tail : tail;
  }

  /**
   * {@link NormalDistribution#cdfFromDensity}, to the bit, inlined where {@code |z| <= sqrt(32)}.
   */
  private static double cdfAny(double z, double density) {
    return Math.abs(z) <= SQRT_32 ? cdf(z, density) : NormalDistribution.cdfFromDensity(z, density);
  }

  /**
   * Cody's central rational in {@code z^2}, as in {@link NormalDistribution#cdf}, to the bit: that
   * method's {@code z^2 = 0} below {@code |z| = 1.1e-16} is not needed here, because there {@code
   * z^2 < 1.3e-32} moves neither sum by half an ulp of its constant term ({@code A3}, {@code B3}).
   */
  private static double centralRational(double z) {
    double xsq = z * z;
    double xsq2 = xsq * xsq;
    double num = (A3 + A2 * xsq) + xsq2 * ((A1 + A0 * xsq) + xsq2 * A4);
    double den = (B3 + B2 * xsq) + xsq2 * ((B1 + B0 * xsq) + xsq2);
    return num / den;
  }

  /** Cody's middle rational in {@code y}, as in {@link NormalDistribution#cdf}. */
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

  /**
   * {@code exp(-y^2/2)} with {@code y^2} split exactly, as in {@link NormalDistribution}, for
   * {@code 0 <= y <= 10} (every caller; {@link FastExp#expInRange}'s range).
   */
  private static double expHalfSquare(double y) {
    double c = 134217729.0 * y; // 2^27 + 1
    double yh = c - (c - y);
    double yl = y - yh;
    double hi = y * y;
    double lo = ((yh * yh - hi) + 2 * yh * yl) + yl * yl;
    return FastExp.expInRange(-0.5 * hi) * (1 - 0.5 * lo);
  }

  /** The general case of {@link #fastPrice}: every region, any inputs. */
  static double fastPriceGeneral(
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
    double x = logMoneyness(spot, strike, expiry, rate, div);
    return fastPriceGeneral(isCall, spot, strike, expiry, rate, div, x, v);
  }

  /**
   * {@link #fastPriceGeneral(boolean, double, double, double, double, double, double)} from its
   * {@code x = ln(F/K)} and {@code v = vol sqrt(T) > 0} (spot and strike positive), to the bit: the
   * caller that already holds them skips the logarithm.
   */
  private static double fastPriceGeneral(
      boolean isCall,
      double spot,
      double strike,
      double expiry,
      double rate,
      double div,
      double x,
      double v) {
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
      if (w * d1 < -SQRT_32 && w * d2 < -SQRT_32 && v < FAR_OTM_V) {
        // Far out of the money with small v: the two terms cancel for certain (below).
        return normalisedFromDirect(isCall, x, v, sdq, kdr, n1, n2);
      }
      double a = sdq * NormalDistribution.cdfFromDensity(w * d1, n1);
      double b = kdr * NormalDistribution.cdfFromDensity(w * d2, n2);
      double p = w * (a - b);
      if (p >= CANCELLATION * (a + b)) {
        return p;
      }
      return normalisedFromDirect(isCall, x, v, sdq, kdr, n1, n2);
    }
    return normalisation(spot, strike, expiry, rate, div)
        * NormalisedBlack.call(isCall ? x : -x, v);
  }

  /**
   * The cancellation-free normalised Black price ({@link NormalisedBlack}) from what the direct
   * formula already holds, without a logarithm or an exponential: {@code e^{-rT} sqrt(F K) = sqrt(S
   * e^{-qT} K e^{-rT})}, {@code e^{-|x|/2} = sqrt(min / max)} of the two discounted terms, and the
   * normalised vega {@code n(h + t) e^{-|x|/2}} with {@code h + t = d1} for {@code x <= 0} and
   * {@code -d2} otherwise. The same regions and value, to a few ulps, as {@link #price}.
   */
  private static double normalisedFromDirect(
      boolean isCall, double x, double v, double sdq, double kdr, double n1, double n2) {
    return normalisedFromDirect(isCall, x, v, sdq, kdr, n1, n2, x <= 0 ? sdq / kdr : kdr / sdq);
  }

  /** As above, with the caller's {@code ratio = x <= 0 ? sdq / kdr : kdr / sdq}. */
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

  /**
   * As {@link #firstOrder}, with the direct formula where it does not cancel (as {@link
   * #fastPrice}; about 1e-14 relative).
   */
  public static void fastFirstOrder(
      boolean isCall,
      double spot,
      double strike,
      double expiry,
      double rate,
      double div,
      double vol,
      double[] out,
      int offset) {
    double sqrtT = Math.sqrt(expiry);
    double v = vol * sqrtT;
    if (v > 0 && spot != 0 && strike != 0) {
      double iv = 1 / v; // as in fastPrice: off the dependency chain
      double x = logMoneyness(spot, strike, expiry, rate, div);
      double d1 = x * iv + 0.5 * v;
      double d2 = d1 - v;
      if (Math.abs(d1) < FAST_D && Math.abs(d2) < FAST_D) {
        directFirstOrder(
            isCall, spot, strike, expiry, rate, div, vol, sqrtT, x, d1, d2, out, offset);
        return;
      }
    }
    firstOrder(isCall, spot, strike, expiry, rate, div, vol, out, offset);
  }

  /** {@link #fastFirstOrder} for {@code |d1|, |d2| < 10}, in a method small enough to inline. */
  private static void directFirstOrder(
      boolean isCall,
      double spot,
      double strike,
      double expiry,
      double rate,
      double div,
      double vol,
      double sqrtT,
      double x,
      double d1,
      double d2,
      double[] out,
      int offset) {
    // As in price: three exponentials for the price and every greek.
    double v = vol * sqrtT;
    double dq = FastExp.exp(-div * expiry);
    double sdq = spot * dq;
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
    double cd1 = cdfAny(w * d1, n1);
    double cd2 = cdfAny(w * d2, n2);
    double a = sdq * cd1;
    double b = kdr * cd2;
    double p = w * (a - b);
    // Where the two terms cancel in the price, the price only is taken from the normalised form;
    // the greeks keep their direct forms.
    double sdqNd1 = sdq * n1;
    out[offset] =
        p >= CANCELLATION * (a + b)
            ? p
            : directCancelling(isCall, x, v, d1, d2, sdq, kdr, n1, n2, ratio);
    out[offset + 1] = w * dq * cd1;
    out[offset + 2] = sdqNd1 / (spot * spot * v);
    out[offset + 3] = sdqNd1 * sqrtT;
    out[offset + 4] = -sdqNd1 * vol / (2.0 * sqrtT) + w * (div * a - rate * b);
    out[offset + 5] = w * b * expiry;
  }

  /** Returns the full set of analytic greeks. */
  public static Greeks greeks(
      boolean isCall,
      double spot,
      double strike,
      double expiry,
      double rate,
      double div,
      double vol) {
    double dq = FastExp.exp(-div * expiry);
    double dr = FastExp.exp(-rate * expiry);
    double sqrtT = Math.sqrt(expiry);
    double v = vol * sqrtT;
    double w = isCall ? 1.0 : -1.0;
    if (!(v > 0) || spot == 0 || strike == 0) {
      double fwdValue = dq * spot - dr * strike;
      double step = step(isCall, fwdValue);
      return new Greeks(
          Math.max(w * fwdValue, 0.0),
          w * dq * step,
          0.0,
          0.0,
          w * (div * dq * spot * step - rate * dr * strike * step),
          w * strike * expiry * dr * step,
          -w * spot * expiry * dq * step,
          0.0,
          0.0,
          w * div * dq * step,
          0.0,
          0.0,
          0.0,
          0.0,
          0.0,
          -w * dr * step,
          0.0);
    }
    double d1 = (Math.log(spot / strike) + (rate - div) * expiry) / v + 0.5 * v;
    double d2 = d1 - v;
    double nd1 = NormalDistribution.pdf(d1);
    double nd2 = NormalDistribution.pdf(d2);
    double cd1 = NormalDistribution.cdf(w * d1);
    double cd2 = NormalDistribution.cdf(w * d2);
    double sdq = spot * dq;
    double kdr = strike * dr;
    double b = rate - div;

    double price = fastPrice(isCall, spot, strike, expiry, rate, div, vol);
    double delta = w * dq * cd1;
    double gamma = dq * nd1 / (spot * v);
    double vega = sdq * nd1 * sqrtT;
    double theta = -sdq * nd1 * vol / (2.0 * sqrtT) + w * (div * sdq * cd1 - rate * kdr * cd2);
    double rho = w * kdr * expiry * cd2;
    double dividendRho = -w * sdq * expiry * cd1;
    double vanna = -dq * nd1 * d2 / vol;
    double volga = vega * d1 * d2 / vol;
    double charmCommon = dq * nd1 * (2.0 * b * expiry - d2 * v) / (2.0 * expiry * v);
    double charm = w * div * dq * cd1 - charmCommon;
    double veta = sdq * nd1 * sqrtT * (div + b * d1 / v - (1.0 + d1 * d2) / (2.0 * expiry));
    double speed = -gamma / spot * (d1 / v + 1.0);
    double zomma = gamma * (d1 * d2 - 1.0) / vol;
    double color =
        dq
            * nd1
            / (2.0 * spot * expiry * v)
            * (2.0 * div * expiry + 1.0 + (2.0 * b * expiry - d2 * v) * d1 / v);
    double ultima = -vega / (vol * vol) * (d1 * d2 * (1.0 - d1 * d2) + d1 * d1 + d2 * d2);
    double dualDelta = -w * dr * cd2;
    double dualGamma = dr * nd2 / (strike * v);
    return new Greeks(
        price,
        delta,
        gamma,
        vega,
        theta,
        rho,
        dividendRho,
        vanna,
        volga,
        charm,
        veta,
        speed,
        zomma,
        color,
        ultima,
        dualDelta,
        dualGamma);
  }

  /** Returns 1 in the money, 0 out of the money and 1/2 at the money (degenerate convention). */
  private static double step(boolean isCall, double fwdValue) {
    if (fwdValue == 0) {
      return 0.5;
    }
    return (fwdValue > 0) == isCall ? 1.0 : 0.0;
  }
}
