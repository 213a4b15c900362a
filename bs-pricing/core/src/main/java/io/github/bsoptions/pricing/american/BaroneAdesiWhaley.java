package io.github.bsoptions.pricing.american;

import io.github.bsoptions.pricing.formula.NormalDistribution;
import io.github.bsoptions.pricing.internal.BlackScholesKernel;

/**
 * The Barone-Adesi and Whaley (1987) quadratic approximation of American option values, as given in
 * Haug, "The Complete Guide to Option Pricing Formulas" (2nd ed., section 3.1.1).
 *
 * <p>Accuracy is typically 1e-3 to 1e-2 relative (worse for long expiries); use {@link
 * AndersenLakeOffengelter} where accuracy matters. The critical price is solved by the Newton
 * iteration of the reference to 1e-12 relative. Calls with {@code q <= 0} (and {@code r >= q}) and
 * puts with {@code r <= 0} (and {@code q >= r}) are European. Outside the approximation's domain,
 * the double-boundary regime ({@code q < r < 0} for puts, {@code r < q < 0} for calls), the value
 * comes from extrapolated Leisen-Reimer trees as in {@link AndersenLakeOffengelter}. The value is
 * floored at the European value and the intrinsic value (the critical-price iteration can miss for
 * volatilities far below the carry), and where the formulas overflow (volatility tiny against the
 * carry) the {@link AndersenLakeOffengelter} value is returned.
 */
public final class BaroneAdesiWhaley {
  private BaroneAdesiWhaley() {}

  /**
   * Returns the approximate American option value.
   *
   * @throws IllegalArgumentException naming the field and value when an input is invalid
   * @see AndersenLakeOffengelter#price(boolean, double, double, double, double, double, double)
   */
  public static double price(
      boolean isCall,
      double spot,
      double strike,
      double expiry,
      double rate,
      double dividendYield,
      double volatility) {
    AndersenLakeOffengelter.check(spot, strike, expiry, rate, dividendYield, volatility);
    double known =
        AmericanLimits.beforeApproximation(
            isCall, spot, strike, expiry, rate, dividendYield, volatility);
    if (!Double.isNaN(known)) {
      return known;
    }
    double value =
        isCall
            ? call(spot, strike, expiry, rate, dividendYield, volatility)
            : put(spot, strike, expiry, rate, dividendYield, volatility);
    return AmericanLimits.afterApproximation(
        value, isCall, spot, strike, expiry, rate, dividendYield, volatility);
  }

  /** Call with {@code q > 0} (early exercise possible). */
  private static double call(double s, double k, double t, double r, double q, double vol) {
    double b = r - q;
    double v2 = vol * vol;
    double sqrtT = Math.sqrt(t);
    double nn = 2 * b / v2;
    double mOverK = mOverK(r, t, v2);
    double q2 = 0.5 * (-(nn - 1) + Math.sqrt((nn - 1) * (nn - 1) + 4 * mOverK));
    double sk = criticalCall(k, t, r, b, vol, q2);
    if (s >= sk) {
      return s - k;
    }
    double d1 = (Math.log(sk / k) + (b + 0.5 * v2) * t) / (vol * sqrtT);
    double a2 = sk / q2 * (1 - Math.exp((b - r) * t) * NormalDistribution.cdf(d1));
    return BlackScholesKernel.price(true, s, k, t, r, q, vol) + a2 * Math.pow(s / sk, q2);
  }

  /** Put with {@code r > 0}. */
  private static double put(double s, double k, double t, double r, double q, double vol) {
    double b = r - q;
    double v2 = vol * vol;
    double sqrtT = Math.sqrt(t);
    double nn = 2 * b / v2;
    double mOverK = mOverK(r, t, v2);
    double q1 = 0.5 * (-(nn - 1) - Math.sqrt((nn - 1) * (nn - 1) + 4 * mOverK));
    double sk = criticalPut(k, t, r, b, vol, q1);
    if (s <= sk) {
      return k - s;
    }
    double d1 = (Math.log(sk / k) + (b + 0.5 * v2) * t) / (vol * sqrtT);
    double a1 = -sk / q1 * (1 - Math.exp((b - r) * t) * NormalDistribution.cdf(-d1));
    return BlackScholesKernel.price(false, s, k, t, r, q, vol) + a1 * Math.pow(s / sk, q1);
  }

  /** {@code M / K = 2r / (sigma^2 (1 - e^{-rT}))}, with its limit {@code 2 / (sigma^2 T)} at 0. */
  private static double mOverK(double r, double t, double v2) {
    if (r == 0) {
      return 2 / (v2 * t);
    }
    return 2 * r / (v2 * -Math.expm1(-r * t));
  }

  private static double criticalCall(
      double k, double t, double r, double b, double vol, double q2) {
    double v2 = vol * vol;
    double sqrtT = Math.sqrt(t);
    double nn = 2 * b / v2;
    double m = 2 * r / v2;
    double q2u = 0.5 * (-(nn - 1) + Math.sqrt((nn - 1) * (nn - 1) + 4 * m));
    double su = k / (1 - 1 / q2u);
    double h2 = -(b * t + 2 * vol * sqrtT) * k / (su - k);
    double si = k + (su - k) * (1 - Math.exp(h2));
    if (!(si > k) || !Double.isFinite(si)) {
      si = k * 1.5;
    }
    double carry = Math.exp((b - r) * t);
    for (int it = 0; it < 200; it++) {
      double d1 = (Math.log(si / k) + (b + 0.5 * v2) * t) / (vol * sqrtT);
      double nd1 = NormalDistribution.cdf(d1);
      double rhs =
          BlackScholesKernel.price(true, si, k, t, r, r - b, vol) + (1 - carry * nd1) * si / q2;
      double bi =
          carry * nd1 * (1 - 1 / q2)
              + (1 - carry * NormalDistribution.pdf(d1) / (vol * sqrtT)) / q2;
      double next = (k + rhs - bi * si) / (1 - bi);
      if (!(next > k)) {
        next = 0.5 * (si + k);
      }
      if (Math.abs(next - si) <= 1e-12 * si) {
        return next;
      }
      si = next;
    }
    return si;
  }

  private static double criticalPut(double k, double t, double r, double b, double vol, double q1) {
    double v2 = vol * vol;
    double sqrtT = Math.sqrt(t);
    double nn = 2 * b / v2;
    double m = 2 * r / v2;
    double q1u = 0.5 * (-(nn - 1) - Math.sqrt((nn - 1) * (nn - 1) + 4 * m));
    double su = k / (1 - 1 / q1u);
    double h1 = (b * t - 2 * vol * sqrtT) * k / (k - su);
    double si = su + (k - su) * Math.exp(h1);
    if (!(si > 0 && si < k)) {
      si = 0.5 * k;
    }
    double carry = Math.exp((b - r) * t);
    for (int it = 0; it < 200; it++) {
      double d1 = (Math.log(si / k) + (b + 0.5 * v2) * t) / (vol * sqrtT);
      double nmd1 = NormalDistribution.cdf(-d1);
      double rhs =
          BlackScholesKernel.price(false, si, k, t, r, r - b, vol) - (1 - carry * nmd1) * si / q1;
      double bi =
          -carry * nmd1 * (1 - 1 / q1)
              - (1 + carry * NormalDistribution.pdf(-d1) / (vol * sqrtT)) / q1;
      double next = (k - rhs + bi * si) / (1 + bi);
      if (!(next > 0 && next < k)) {
        next = 0.5 * si;
      }
      if (Math.abs(next - si) <= 1e-12 * si) {
        return next;
      }
      si = next;
    }
    return si;
  }
}
