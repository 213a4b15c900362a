package io.github.bsoptions.pricing.pricer;

import io.github.bsoptions.pricing.PricingStatus;
import io.github.bsoptions.pricing.american.FrozenAlo;
import io.github.bsoptions.pricing.batch.BatchModel;
import io.github.bsoptions.pricing.formula.BlackScholesFormulas;
import io.github.bsoptions.pricing.formula.ImpliedVolResult;
import io.github.bsoptions.pricing.formula.ImpliedVolatility;
import io.github.bsoptions.pricing.internal.BlackScholesKernel;
import io.github.bsoptions.pricing.internal.Checks;
import io.github.bsoptions.pricing.internal.RowChecks;
import io.github.bsoptions.pricing.product.OptionType;

/**
 * Temporary frozen copy (commit c2ace6b) of {@link AmericanModel}'s American implied volatility
 * without cash dividends, over the frozen ALO pricer {@link FrozenAlo}, for a same-run JMH
 * comparison of the fourth ALO pass ({@code AmericanBench.frozen*}). Delete after the lead's quiet
 * re-measurement.
 */
public final class FrozenAmericanIv {
  private FrozenAmericanIv() {}

  private static final double MAX_VOL = 10.0;

  /** The c2ace6b American implied volatility (no cash dividends) over {@link FrozenAlo}. */
  public static ImpliedVolResult impliedVolatility(
      OptionType type,
      double spot,
      double strike,
      double expiry,
      double rate,
      double div,
      double price) {
    Checks.notNull(type, "type");
    byte code = RowChecks.validate(BatchModel.BLACK_SCHOLES, spot, strike, expiry, rate, div, 0);
    if (code != PricingStatus.OK.code()) {
      return ImpliedVolResult.failed(PricingStatus.of(code));
    }
    if (!(price >= 0 && price < Double.POSITIVE_INFINITY)) {
      return ImpliedVolResult.failed(PricingStatus.INVALID_PRICE);
    }
    boolean dv = false;
    if (expiry == 0) {
      return ImpliedVolResult.failed(PricingStatus.EXPIRED);
    }
    boolean c = type.isCall();
    double intrinsic = Math.max(c ? spot - strike : strike - spot, 0);
    // An American call is worth at most max(S, S e^{-qT}) (the stock, or the stock at expiry when
    // q < 0); a put at most max(K, K e^{-rT}).
    double upper =
        c
            ? Math.max(spot, spot * Math.exp(-div * expiry))
            : Math.max(strike, strike * Math.exp(-rate * expiry));
    double scale = Math.max(price, Math.max(intrinsic, Double.MIN_NORMAL));
    double tol = 64 * Math.ulp(scale);
    if (price < intrinsic - tol) {
      return ImpliedVolResult.failed(PricingStatus.BELOW_INTRINSIC);
    }
    if (price >= upper) {
      return ImpliedVolResult.failed(PricingStatus.ABOVE_UPPER_BOUND);
    }
    double lowValue = value(c, spot, strike, expiry, rate, div, 0);
    if (price < lowValue - tol) {
      return ImpliedVolResult.failed(PricingStatus.BELOW_INTRINSIC);
    }
    if (price <= lowValue + tol) {
      return ImpliedVolResult.failed(PricingStatus.NO_TIME_VALUE);
    }
    // Initial guess: the European implied volatility of the price (an upper estimate for puts).
    double guess = 0.3;
    ImpliedVolResult eu = ImpliedVolatility.blackScholes(c, spot, strike, expiry, rate, div, price);
    if (eu.isOk() && eu.volatility() > 1e-4 && eu.volatility() < MAX_VOL) {
      guess = eu.volatility();
    }
    double lo = 0;
    double flo = lowValue - price;
    double hi = Double.NaN;
    double fhi = Double.NaN;
    int evaluations = 0;
    double x0 = guess;
    double f0 = value(c, spot, strike, expiry, rate, div, x0) - price;
    evaluations++;
    if (f0 == 0) {
      return ImpliedVolResult.ok(x0, evaluations);
    }
    if (f0 > 0) {
      hi = x0;
      fhi = f0;
    } else {
      lo = x0;
      flo = f0;
    }
    // Second point: de-Americanize the price with the early exercise premium at x0, which varies
    // slowly with the volatility, and take the European implied volatility of the rest.
    double x1 = Double.NaN;
    if (!dv) {
      double premium =
          f0 + price - BlackScholesFormulas.price(c, spot, strike, expiry, rate, div, x0);
      ImpliedVolResult eu1 =
          ImpliedVolatility.blackScholes(c, spot, strike, expiry, rate, div, price - premium);
      if (eu1.isOk() && eu1.volatility() > 0 && eu1.volatility() < MAX_VOL) {
        x1 = eu1.volatility();
      }
    }
    if (!(x1 > lo && x1 != x0) || (!Double.isNaN(hi) && !(x1 < hi))) {
      x1 = f0 > 0 ? x0 * 0.98 : x0 * 1.02;
    }
    double f1 = value(c, spot, strike, expiry, rate, div, x1) - price;
    evaluations++;
    if (f1 > 0) {
      if (Double.isNaN(hi) || x1 < hi) {
        hi = x1;
        fhi = f1;
      }
    } else if (f1 < 0) {
      if (x1 > lo) {
        lo = x1;
        flo = f1;
      }
    } else {
      return ImpliedVolResult.ok(x1, evaluations);
    }
    // Find an upper bracket when needed.
    while (Double.isNaN(hi)) {
      double x = Math.min(Math.max(2 * lo, 0.1), MAX_VOL);
      double f = value(c, spot, strike, expiry, rate, div, x) - price;
      evaluations++;
      if (f > 0) {
        hi = x;
        fhi = f;
      } else if (f == 0) {
        return ImpliedVolResult.ok(x, evaluations);
      } else if (x >= MAX_VOL) {
        return ImpliedVolResult.failed(PricingStatus.ABOVE_UPPER_BOUND);
      } else {
        lo = x;
        flo = f;
      }
    }
    double fTol = 1e-12 * price;
    double[] work = dv ? null : new double[6];
    for (int it = 0; it < 200; it++) {
      // Without cash dividends: the value is the European value plus an early exercise premium
      // that is nearly linear in the volatility; a secant on the premium alone, with the European
      // part solved exactly, is far more accurate than a secant on the whole value (whose
      // curvature is the European volga). Otherwise, or when that step fails: the secant through
      // the last two points. Bisection when it leaves the bracket (and every 16th step, which
      // bounds the work when the iteration crawls).
      double x =
          dv
              ? Double.NaN
              : premiumSecant(c, spot, strike, expiry, rate, div, price, x0, f0, x1, f1, work);
      if (!(x > lo && x < hi)) {
        x = x1 - f1 * (x1 - x0) / (f1 - f0);
      }
      boolean secant = x > lo && x < hi && it % 16 != 15;
      if (!secant) {
        x = 0.5 * (lo + hi);
      }
      double f = value(c, spot, strike, expiry, rate, div, x) - price;
      evaluations++;
      if (Math.abs(f) <= fTol || (secant && Math.abs(x - x1) <= 1e-12 * x)) {
        // The residual is at the price tolerance, or the secant step is at the resolution of the
        // price function (its rounding noise, about 1e-15 of the strike, can exceed fTol).
        return ImpliedVolResult.ok(x, evaluations);
      }
      if (f > 0) {
        hi = x;
        fhi = f;
      } else {
        lo = x;
        flo = f;
      }
      if (hi - lo <= 1e-14 * hi) {
        return ImpliedVolResult.ok(0.5 * (lo + hi), evaluations);
      }
      x0 = x1;
      f0 = f1;
      x1 = x;
      f1 = f;
    }
    if (fhi - flo <= 4 * fTol) {
      return ImpliedVolResult.ok(0.5 * (lo + hi), evaluations);
    }
    return ImpliedVolResult.failed(PricingStatus.NOT_CONVERGED);
  }

  /**
   * Returns the root of {@code BS(x) + p(x) = price}, where {@code p} is the early exercise premium
   * {@code value - BS} interpolated linearly through the two points {@code (x0, f0)}, {@code (x1,
   * f1)} ({@code f} = American value - price), by Newton's method on the European part (analytic
   * vega); NaN when it does not converge.
   */
  private static double premiumSecant(
      boolean c,
      double spot,
      double strike,
      double expiry,
      double rate,
      double div,
      double price,
      double x0,
      double f0,
      double x1,
      double f1,
      double[] work) {
    double p0 = f0 + price - BlackScholesKernel.fastPrice(c, spot, strike, expiry, rate, div, x0);
    double p1 = f1 + price - BlackScholesKernel.fastPrice(c, spot, strike, expiry, rate, div, x1);
    double slope = (p1 - p0) / (x1 - x0);
    double x = x1;
    for (int i = 0; i < 12; i++) {
      BlackScholesKernel.fastFirstOrder(c, spot, strike, expiry, rate, div, x, work, 0);
      double g = work[0] + p1 + slope * (x - x1) - price;
      double gp = work[3] + slope;
      if (!(gp > 0)) {
        return Double.NaN;
      }
      double dx = g / gp;
      x -= dx;
      if (!(x > 0)) {
        return Double.NaN;
      }
      if (Math.abs(dx) <= 1e-15 * x) {
        return x;
      }
    }
    return Double.NaN;
  }

  private static double value(
      boolean c, double s, double k, double t, double r, double q, double vol) {
    return FrozenAlo.price(c, s, k, t, r, q, vol);
  }
}
