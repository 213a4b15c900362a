package io.github.bsoptions.pricing.formula;

import io.github.bsoptions.pricing.PricingStatus;
import io.github.bsoptions.pricing.batch.BatchModel;
import io.github.bsoptions.pricing.internal.RowChecks;

/**
 * Implied volatility for the Black-Scholes-Merton and Black-76 models.
 *
 * <p>The solver works on the undiscounted, out-of-the-money side (put-call parity moves an
 * in-the-money price to its out-of-the-money twin, so deep in-the-money prices keep their time
 * value digits), with Newton steps on the logarithm of the price kept inside a shrinking bracket.
 * It converges for every price strictly between the no-arbitrage bounds; prices outside get a
 * status, never a bracket bound or 0.
 *
 * <p>Statuses: {@code EXPIRED} (expiry 0), {@code BELOW_INTRINSIC}, {@code ABOVE_UPPER_BOUND}
 * (price at or above {@code S e^{-qT}} for a call, {@code K e^{-rT}} for a put), {@code
 * NO_TIME_VALUE} (the time value is below the resolution of the price, so the volatility is not
 * identifiable), or an invalid-input status naming the field.
 */
public final class ImpliedVolatility {
  private static final int MAX_ITERATIONS = 100;

  private ImpliedVolatility() {}

  /**
   * Returns the Black-Scholes-Merton volatility that reproduces {@code price}.
   *
   * @param isCall true for a call
   * @param spot spot price, {@code >= 0}
   * @param strike strike, {@code >= 0}
   * @param expiry time to expiry in years, {@code >= 0}
   * @param rate continuously compounded rate per year (negative allowed)
   * @param dividendYield continuous dividend yield per year
   * @param price the option price
   * @return the volatility per square root of a year, or a status
   */
  public static ImpliedVolResult blackScholes(
      boolean isCall,
      double spot,
      double strike,
      double expiry,
      double rate,
      double dividendYield,
      double price) {
    byte code =
        RowChecks.validate(BatchModel.BLACK_SCHOLES, spot, strike, expiry, rate, dividendYield, 0);
    if (code != PricingStatus.OK.code()) {
      return ImpliedVolResult.failed(PricingStatus.of(code));
    }
    double forward = spot * Math.exp((rate - dividendYield) * expiry);
    return solveBlack(isCall, forward, strike, expiry, Math.exp(-rate * expiry), price);
  }

  /**
   * Returns the Black-76 volatility that reproduces {@code price}.
   *
   * @param isCall true for a call
   * @param forward forward price, {@code >= 0}
   * @param strike strike, {@code >= 0}
   * @param expiry time to expiry in years
   * @param rate discount rate per year
   * @param price the option price
   */
  public static ImpliedVolResult black76(
      boolean isCall, double forward, double strike, double expiry, double rate, double price) {
    byte code = RowChecks.validate(BatchModel.BLACK_76, forward, strike, expiry, rate, 0, 0);
    if (code != PricingStatus.OK.code()) {
      return ImpliedVolResult.failed(PricingStatus.of(code));
    }
    return solveBlack(isCall, forward, strike, expiry, Math.exp(-rate * expiry), price);
  }

  /**
   * Solves the discounted Black formula {@code price = df * black(forward, strike, sigma sqrt(T))}
   * for sigma. Inputs other than the price must already be valid.
   */
  static ImpliedVolResult solveBlack(
      boolean isCall, double forward, double strike, double expiry, double df, double price) {
    if (!(price >= 0 && price < Double.POSITIVE_INFINITY)) {
      return ImpliedVolResult.failed(PricingStatus.INVALID_PRICE);
    }
    if (expiry == 0) {
      return ImpliedVolResult.failed(PricingStatus.EXPIRED);
    }
    double b = price / df;
    double intrinsic = isCall ? Math.max(forward - strike, 0) : Math.max(strike - forward, 0);
    double upper = isCall ? forward : strike;
    double tol = 4 * Math.ulp(Math.max(b, intrinsic));
    if (b < intrinsic - tol) {
      return ImpliedVolResult.failed(PricingStatus.BELOW_INTRINSIC);
    }
    if (b >= upper) {
      return ImpliedVolResult.failed(PricingStatus.ABOVE_UPPER_BOUND);
    }
    double timeValue = b - intrinsic;
    if (timeValue <= tol || forward == 0 || strike == 0) {
      return ImpliedVolResult.failed(PricingStatus.NO_TIME_VALUE);
    }
    double x = Math.log(forward / strike);
    ImpliedVolResult total = solveOtmTotalVol(forward, strike, x, timeValue);
    if (!total.isOk()) {
      return total;
    }
    double v = total.volatility();
    if (!(v > 0) || Double.isInfinite(v)) {
      return ImpliedVolResult.failed(PricingStatus.NO_TIME_VALUE);
    }
    return ImpliedVolResult.ok(v / Math.sqrt(expiry), total.iterations());
  }

  /** Returns the out-of-the-money undiscounted Black price for total volatility {@code v}. */
  static double otmPrice(double f, double k, double x, double v) {
    if (x < 0) {
      double d1 = x / v + 0.5 * v;
      return f * NormalDistribution.cdf(d1) - k * NormalDistribution.cdf(d1 - v);
    }
    double d1 = x / v + 0.5 * v;
    return k * NormalDistribution.cdf(v - d1) - f * NormalDistribution.cdf(-d1);
  }

  private static ImpliedVolResult solveOtmTotalVol(double f, double k, double x, double target) {
    double lo = 0;
    double hi = Double.POSITIVE_INFINITY;
    double v;
    if (x == 0) {
      // At the money: price = f (2 N(v/2) - 1) exactly.
      v = 2 * NormalDistribution.inverseCdf(0.5 * (target / f + 1));
      if (v > 0 && Double.isFinite(v)) {
        return ImpliedVolResult.ok(v, 0);
      }
      v = 1;
    } else {
      v = Math.sqrt(2 * Math.abs(x));
    }
    double logTarget = Math.log(target);
    for (int i = 1; i <= MAX_ITERATIONS; i++) {
      double p = otmPrice(f, k, x, v);
      if (p == target) {
        return ImpliedVolResult.ok(v, i);
      }
      if (p > target) {
        hi = v;
      } else {
        lo = v;
      }
      double vega = f * NormalDistribution.pdf(x / v + 0.5 * v);
      double next;
      if (p > 0 && vega > 0) {
        next = v - (Math.log(p) - logTarget) * p / vega;
        // Newton converges quadratically: a step below 1e-10 relative lands at full precision.
        // Stopping here also ends the creep far out of the money, where rounding noise in the
        // price moves Newton by a few ulps per step, and avoids treating a step onto the bracket
        // end as a failed one.
        if (Math.abs(next - v) <= 1e-10 * v) {
          return ImpliedVolResult.ok(next, i);
        }
      } else {
        next = Double.NaN;
      }
      if (!(next > lo && next < hi)) {
        next = Double.isInfinite(hi) ? 2 * v : 0.5 * (lo + hi);
      }
      // The bracket test needs a finite upper bound: ulp(infinity) is infinite.
      if (Math.abs(next - v) <= 2 * Math.ulp(v)
          || (hi < Double.POSITIVE_INFINITY && hi - lo <= 4 * Math.ulp(hi))
          || Double.isInfinite(next)) {
        return ImpliedVolResult.ok(next, i);
      }
      v = next;
    }
    return new ImpliedVolResult(Double.NaN, PricingStatus.NOT_CONVERGED, MAX_ITERATIONS);
  }
}
