package io.github.bsoptions.pricing.internal;

import io.github.bsoptions.pricing.PricingStatus;

/**
 * Allocation-free implied volatility for the discounted Black formula (Black-Scholes-Merton with a
 * dividend yield, and Black-76 with the dividend yield set to the rate): the kernel behind {@code
 * ImpliedVolatility} and the batch backends.
 *
 * <p>Results are encoded in one double: a volatility {@code > 0}, or {@code -code} of the {@link
 * PricingStatus} that says why there is none ({@link #status(double)} decodes it).
 *
 * <p>Internal API, unstable.
 */
public final class BlackImpliedVol {
  /**
   * The relative volatility resolution required for an OK result: the volatility is reported only
   * when a change of this relative size moves the price by more than twice the resolution of its
   * time value ({@code vega * sigma * IDENTIFIABILITY >= 2 (ulp(price) + 2 ulp(max(S e^{-qT}, K
   * e^{-rT})))}, the second term only in the money, where the intrinsic value subtracted from the
   * price carries its own round-off); otherwise NO_TIME_VALUE.
   */
  public static final double IDENTIFIABILITY = 1e-3;

  private static final double LOG_RATIO_LIMIT = 700;

  /**
   * A lower bound of the normalised vega where {@code h^2 + t^2 <= 16} ({@code e^{-8} / sqrt(2
   * pi)}, less a margin far above the exponential's error), times {@link #IDENTIFIABILITY}.
   */
  private static final double VEGA_FLOOR_TIMES_IDENTIFIABILITY =
      Math.exp(-8.0) / Math.sqrt(2 * Math.PI) * (1 - 1e-9) * IDENTIFIABILITY;

  private BlackImpliedVol() {}

  /** Returns the status of an encoded result. */
  public static PricingStatus status(double encoded) {
    return encoded > 0 ? PricingStatus.OK : PricingStatus.of((byte) -encoded);
  }

  private static double fail(PricingStatus status) {
    return -status.code();
  }

  /**
   * Solves {@code price = e^{-rT} black(S e^{(r-q)T}, K, sigma sqrt(T))} for sigma; spot, strike,
   * expiry, rate and dividend yield must already be valid (finite, spot/strike/expiry {@code >=
   * 0}). Writes the iteration count to {@code iterationsOut[0]} when not null.
   */
  public static double solve(
      boolean isCall,
      double spot,
      double strike,
      double expiry,
      double rate,
      double div,
      double price,
      int[] iterationsOut) {
    return solve(isCall, spot, strike, expiry, rate, div, price, iterationsOut, false);
  }

  /**
   * As {@link #solve(boolean, double, double, double, double, double, double, int[])} without the
   * iteration-count array, the count carried in the result instead: a volatility {@code v > 0}
   * after one iteration; {@code -v} after two (never an integer, so never a status code); {@code
   * -code} of a status found before solving (no iterations); NaN where none of these says it all
   * (another count, or a status found after solving): the caller then calls the counting form,
   * which gives the same result and its count.
   */
  public static double solveSigned(
      boolean isCall,
      double spot,
      double strike,
      double expiry,
      double rate,
      double div,
      double price) {
    return solve(isCall, spot, strike, expiry, rate, div, price, null, true);
  }

  private static double solve(
      boolean isCall,
      double spot,
      double strike,
      double expiry,
      double rate,
      double div,
      double price,
      int[] iterationsOut,
      boolean signed) {
    if (iterationsOut != null) {
      iterationsOut[0] = 0;
    }
    if (!(price >= 0 && price < Double.POSITIVE_INFINITY)) {
      return fail(PricingStatus.INVALID_PRICE);
    }
    if (expiry == 0) {
      return fail(PricingStatus.EXPIRED);
    }
    double theta = isCall ? 1.0 : -1.0;
    if (spot == 0 || strike == 0) {
      return degenerate(theta, spot, strike, expiry, rate, div, price);
    }
    double x = BlackScholesKernel.logMoneyness(spot, strike, expiry, rate, div);
    if (!(Math.abs(x) <= LOG_RATIO_LIMIT)) {
      return degenerate(theta, spot, strike, expiry, rate, div, price);
    }
    double pref = BlackScholesKernel.normalisation(spot, strike, expiry, rate, div);
    double e = FastExp.exp(0.5 * x);
    double sdq = pref * e; // S e^{-qT}
    double kdr = pref / e; // K e^{-rT}
    double intrinsic = Math.max(theta * (sdq - kdr), 0.0);
    // Round-off allowance: intrinsic value is a difference of two terms, each known to an ulp or
    // so; an out-of-the-money intrinsic of 0 is exact.
    double tol = intrinsic > 0 ? 8 * Math.ulp(Math.max(sdq, kdr)) : 0.0;
    if (price < intrinsic - tol) {
      return fail(PricingStatus.BELOW_INTRINSIC);
    }
    if (price <= intrinsic + tol) {
      return fail(PricingStatus.NO_TIME_VALUE);
    }
    double upper = isCall ? sdq : kdr;
    if (price >= upper - 4 * Math.ulp(upper)) {
      // At the bound within the round-off of pref e^{+-x/2}: only infinite volatility gets there.
      return fail(PricingStatus.ABOVE_UPPER_BOUND);
    }
    double beta = price / pref;
    double xo = -Math.abs(x);
    double ie = 1 / e;
    // Normalised intrinsic 2 sinh(|x|/2) in the money: from e^{+-x/2} at hand where the Taylor
    // series of intrinsicCall is not used (|x| >= 1), saving its exponential.
    double wx = theta * x;
    double bo = beta - (wx >= 1 ? (x > 0 ? e - ie : ie - e) : NormalisedBlack.intrinsicCall(wx));
    if (!(bo > 0)) {
      return fail(PricingStatus.NO_TIME_VALUE);
    }
    double bMax = x > 0 ? ie : e;
    if (bo >= bMax) {
      return fail(PricingStatus.ABOVE_UPPER_BOUND);
    }
    double s;
    boolean twoIterations = false;
    if (signed) {
      s = LetsBeRational.solveSigned(bo, xo, bMax, x > 0 ? e : ie);
      if (!(s == s)) {
        return Double.NaN;
      }
      twoIterations = s < 0;
      s = Math.abs(s);
    } else {
      s = LetsBeRational.solve(bo, xo, bMax, x > 0 ? e : ie, iterationsOut);
    }
    if (!(s > 0 && s < Double.POSITIVE_INFINITY)) {
      return signed ? Double.NaN : fail(PricingStatus.NOT_CONVERGED);
    }
    // The time value's resolution, normalised: the price's own ulp (taken relative, so a normal
    // price normalised into the subnormal range keeps its 53 bits, and a subnormal input price
    // correctly has fewer), plus in the money the round-off of the intrinsic value subtracted from
    // it, a difference of two terms each known to an ulp.
    double resolution =
        beta * (Math.ulp(price) / price)
            + (intrinsic > 0 ? 2 * (Math.ulp(Math.max(sdq, kdr)) / pref) : 0.0);
    // Where h + t = xo/s + s/2 <= 0 the vega bounds the value, vega s >= b(xo, s) = bo (the Mills
    // ratio falls with slope above -1 on the positive axis), so a resolution far below bo passes
    // the test without evaluating the vega; anywhere else the vega is evaluated.
    // Where h^2 + t^2 <= 16 the vega is at least e^{-8} / sqrt(2 pi), which passes the test without
    // the exponential whenever that floor does.
    double hs = xo / s;
    double ts = 0.5 * s;
    boolean identifiable =
        (hs + ts <= 0 && bo * IDENTIFIABILITY >= 4 * resolution)
            || (hs * hs + ts * ts <= 16 && s * VEGA_FLOOR_TIMES_IDENTIFIABILITY >= 2 * resolution)
            || NormalisedBlack.vega(xo, s) * s * IDENTIFIABILITY >= 2 * resolution;
    if (!identifiable) {
      return signed ? Double.NaN : fail(PricingStatus.NO_TIME_VALUE);
    }
    double sigma = s / Math.sqrt(expiry);
    if (!(sigma < Double.POSITIVE_INFINITY)) {
      return signed ? Double.NaN : fail(PricingStatus.NO_TIME_VALUE);
    }
    if (signed && !(sigma > 0)) {
      return Double.NaN;
    }
    if (twoIterations) {
      // -sigma for an integer sigma would read as a status code: the counting form says it.
      return sigma == Math.rint(sigma) ? Double.NaN : -sigma;
    }
    return sigma;
  }

  /** Statuses where the value does not depend on volatility (spot 0, strike 0, huge moneyness). */
  private static double degenerate(
      double theta,
      double spot,
      double strike,
      double expiry,
      double rate,
      double div,
      double price) {
    double fwdValue = FastExp.exp(-div * expiry) * spot - FastExp.exp(-rate * expiry) * strike;
    double value = Math.max(theta * fwdValue, 0.0);
    double tol = value > 0 ? 8 * Math.ulp(Math.max(Math.abs(fwdValue), value)) : 0.0;
    if (price < value - tol) {
      return fail(PricingStatus.BELOW_INTRINSIC);
    }
    return fail(
        price <= value + tol ? PricingStatus.NO_TIME_VALUE : PricingStatus.ABOVE_UPPER_BOUND);
  }
}
