package io.github.bsoptions.pricing.formula;

import io.github.bsoptions.pricing.PricingStatus;
import io.github.bsoptions.pricing.batch.BatchModel;
import io.github.bsoptions.pricing.internal.BachelierKernel;
import io.github.bsoptions.pricing.internal.BlackImpliedVol;
import io.github.bsoptions.pricing.internal.RowChecks;

/**
 * Implied volatility for the Black-Scholes-Merton and Black-76 models, to machine precision.
 *
 * <p>Method: Jäckel's "Let's Be Rational" (Wilmott, January 2015). The price is normalised to
 * {@code beta = price / (e^{-rT} sqrt(F K))} and moved to its out-of-the-money twin by put-call
 * parity (deep in-the-money prices keep their time-value digits); a rational-cubic initial guess in
 * one of four branches is refined by third-order Householder steps on a branch-specific objective,
 * inside a bracket that shrinks at every evaluation and falls back to bisection, so every price
 * strictly between the bounds converges (typically in two steps) and no iteration cap can silently
 * return a wrong number. The normalised Black function is evaluated without cancellation in four
 * regions, so the returned volatility reproduces the input price to about 1e-15 relative (far out
 * of the money, where one ulp of sigma moves the price by more, sigma is exact to an ulp or two).
 *
 * <p>Statuses instead of silent numbers: {@code EXPIRED} (expiry 0); {@code BELOW_INTRINSIC} (below
 * {@code max(0, e^{-rT}(F - K))} for a call, allowing 4 ulps of round-off); {@code
 * ABOVE_UPPER_BOUND} (at or above {@code S e^{-qT}} for a call, {@code K e^{-rT}} for a put);
 * {@code NO_TIME_VALUE} (the price equals intrinsic value, the value does not depend on volatility
 * as for strike 0 or spot 0, or vega is so small that a relative volatility change of {@value
 * BlackImpliedVol#IDENTIFIABILITY} moves the price by less than twice the resolution of its time
 * value: 2 ulps of the price, plus in the money 4 ulps of the larger discounted term of the
 * intrinsic value, so the volatility is not identifiable); invalid inputs name the field ({@code
 * INVALID_INPUT(price)} for a NaN, infinite or negative price). The volatility is NaN unless the
 * status is OK.
 */
public final class ImpliedVolatility {

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
    return black(code, isCall, spot, strike, expiry, rate, dividendYield, price);
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
   * @return the volatility per square root of a year, or a status
   */
  public static ImpliedVolResult black76(
      boolean isCall, double forward, double strike, double expiry, double rate, double price) {
    byte code = RowChecks.validate(BatchModel.BLACK_76, forward, strike, expiry, rate, 0, 0);
    return black(code, isCall, forward, strike, expiry, rate, rate, price);
  }

  /**
   * The Black solve behind both models, with one allocation site for the result (two sites merging
   * into one value keep C2's escape analysis from removing the record in an inlining caller) and no
   * iteration-count array where the count travels in the result ({@link
   * BlackImpliedVol#solveSigned}; the rare rest, statuses found after solving and counts other than
   * one or two, solve again with the counting form). An array passed to the solver, which is too
   * large to inline, escapes: 24 bytes per option, which cost about 10% of a solve once the guess
   * became cheap (docs/performance.md, IV seventh pass).
   */
  private static ImpliedVolResult black(
      byte code,
      boolean isCall,
      double spot,
      double strike,
      double expiry,
      double rate,
      double div,
      double price) {
    double v;
    int iterations = 0;
    if (code != PricingStatus.OK.code()) {
      v = -code;
    } else {
      v = BlackImpliedVol.solveSigned(isCall, spot, strike, expiry, rate, div, price);
      if (v > 0) {
        iterations = 1;
      } else if (v != Math.rint(v)) {
        if (v == v) {
          iterations = 2;
          v = -v;
        } else {
          int[] count = new int[1];
          v = BlackImpliedVol.solve(isCall, spot, strike, expiry, rate, div, price, count);
          iterations = count[0];
        }
      }
    }
    PricingStatus status = BlackImpliedVol.status(v);
    return new ImpliedVolResult(status.isOk() ? v : Double.NaN, status, iterations);
  }

  /**
   * Returns the Bachelier (normal) volatility, in price units per square root of a year, that
   * reproduces {@code price} (see {@link BachelierFormulas}).
   *
   * <p>Method: the out-of-the-money time value {@code u} over the moneyness {@code m = |F - K|} is
   * {@code psi(z) / z} with {@code z = m / (sigma sqrt(T))} and {@code psi(z) = n(z) - z N(-z)}
   * (evaluated through the Mills ratio, without cancellation); safeguarded Newton steps on {@code
   * ln(psi(z) / z)}, which is nearly linear in {@code z}, inside a shrinking bracket with bisection
   * as fallback. At the money the answer is closed-form ({@code sigma sqrt(T) = sqrt(2 pi) u}).
   * Statuses as for the Black solver; there is no upper bound (the normal price grows without limit
   * in sigma).
   *
   * @param isCall true for a call
   * @param spot spot price (any finite value)
   * @param strike strike (any finite value)
   * @param expiry time to expiry in years
   * @param rate continuously compounded rate per year
   * @param dividendYield continuous dividend yield per year
   * @param price the option price
   * @return the normal volatility, or a status
   */
  public static ImpliedVolResult bachelier(
      boolean isCall,
      double spot,
      double strike,
      double expiry,
      double rate,
      double dividendYield,
      double price) {
    PricingStatus input = BachelierFormulas.validate(spot, strike, expiry, rate, dividendYield);
    if (!input.isOk()) {
      return ImpliedVolResult.failed(input);
    }
    if (!(price >= 0 && price < Double.POSITIVE_INFINITY)) {
      return ImpliedVolResult.failed(PricingStatus.INVALID_PRICE);
    }
    if (expiry == 0) {
      return ImpliedVolResult.failed(PricingStatus.EXPIRED);
    }
    double df = Math.exp(-rate * expiry);
    double fwd = spot * Math.exp((rate - dividendYield) * expiry);
    double w = isCall ? 1.0 : -1.0;
    double intrinsic = df * Math.max(w * (fwd - strike), 0.0);
    double tol = intrinsic > 0 ? 8 * Math.ulp(df * Math.max(Math.abs(fwd), Math.abs(strike))) : 0;
    if (price < intrinsic - tol) {
      return ImpliedVolResult.failed(PricingStatus.BELOW_INTRINSIC);
    }
    if (price <= intrinsic + tol) {
      return ImpliedVolResult.failed(PricingStatus.NO_TIME_VALUE);
    }
    double u = (price - intrinsic) / df; // undiscounted out-of-the-money time value
    double m = Math.abs(fwd - strike);
    double sqrtT = Math.sqrt(expiry);
    if (m == 0) {
      return ImpliedVolResult.ok(SQRT_2PI * u / sqrtT, 0);
    }
    double target = Math.log(u / m);
    // Bracket in z = m / v: g(z) = psi(z) / z falls from +inf to 0.
    double lo = 0;
    double hi = 40;
    double z = initialZ(u / m);
    int i = 0;
    while (true) {
      i++;
      double g = psiOverZ(z);
      double f = Math.log(g) - target;
      if (f > 0) {
        lo = z; // price too high: z too small
      } else if (f < 0) {
        hi = z;
      } else {
        break;
      }
      // d ln g / dz = g'(z) / g(z) with g'(z) = -n(z) / z^2.
      double slope = -NormalDistribution.pdf(z) / (z * z * g);
      double next = z - f / slope;
      if (!(next > lo && next < hi)) {
        next = 0.5 * (lo + hi);
      }
      double dz = next - z;
      z = next;
      if (Math.abs(dz) <= 4 * EPS * z || hi - lo <= 4 * EPS * hi) {
        break;
      }
      if (i >= 200) {
        return new ImpliedVolResult(Double.NaN, PricingStatus.NOT_CONVERGED, i);
      }
    }
    double v = m / z;
    // Identifiability: a relative change IDENTIFIABILITY in sigma must move the price by more than
    // twice the time value's resolution (the price's ulp, plus in the money the intrinsic's).
    double resolution =
        Math.ulp(price)
            + (intrinsic > 0 ? 2 * Math.ulp(df * Math.max(Math.abs(fwd), Math.abs(strike))) : 0.0);
    if (!(df * v * NormalDistribution.pdf(z) * BlackImpliedVol.IDENTIFIABILITY >= 2 * resolution)) {
      return new ImpliedVolResult(Double.NaN, PricingStatus.NO_TIME_VALUE, i);
    }
    return ImpliedVolResult.ok(v / sqrtT, i);
  }

  private static final double SQRT_2PI = 2.506628274631000502415765284811;
  private static final double EPS = Math.ulp(1.0);

  private static double psiOverZ(double z) {
    return BachelierKernel.psi(z) / z;
  }

  private static double initialZ(double ratio) {
    // ratio = psi(z)/z: near 0 psi ~ n(0) so z ~ n(0)/ratio; far out psi ~ n(z)/z^2.
    if (ratio > 0.1) {
      return Math.min(NormalDistribution.INV_SQRT_2PI / ratio, 39);
    }
    double z = Math.sqrt(-2 * Math.log(ratio * SQRT_2PI));
    return Math.max(0.05, Math.min(z, 39));
  }
}
