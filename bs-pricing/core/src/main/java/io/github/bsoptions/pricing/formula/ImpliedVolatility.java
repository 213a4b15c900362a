package io.github.bsoptions.pricing.formula;

import io.github.bsoptions.pricing.PricingStatus;
import io.github.bsoptions.pricing.batch.BatchModel;
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
 * regions, so the returned volatility reproduces the input price to about 1e-15 relative.
 *
 * <p>Statuses instead of silent numbers: {@code EXPIRED} (expiry 0); {@code BELOW_INTRINSIC} (below
 * {@code max(0, e^{-rT}(F - K))} for a call, allowing 4 ulps of round-off); {@code
 * ABOVE_UPPER_BOUND} (at or above {@code S e^{-qT}} for a call, {@code K e^{-rT}} for a put);
 * {@code NO_TIME_VALUE} (the price equals intrinsic value, the value does not depend on volatility
 * as for strike 0 or spot 0, or vega is so small that a relative volatility change of {@value
 * BlackImpliedVol#IDENTIFIABILITY} moves the price by less than 2 ulps, so the volatility is not
 * identifiable); invalid inputs name the field ({@code INVALID_INPUT(price)} for a NaN, infinite or
 * negative price). The volatility is NaN unless the status is OK.
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
    if (code != PricingStatus.OK.code()) {
      return ImpliedVolResult.failed(PricingStatus.of(code));
    }
    int[] iterations = new int[1];
    double v =
        BlackImpliedVol.solve(isCall, spot, strike, expiry, rate, dividendYield, price, iterations);
    return result(v, iterations[0]);
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
    if (code != PricingStatus.OK.code()) {
      return ImpliedVolResult.failed(PricingStatus.of(code));
    }
    int[] iterations = new int[1];
    double v =
        BlackImpliedVol.solve(isCall, forward, strike, expiry, rate, rate, price, iterations);
    return result(v, iterations[0]);
  }

  private static ImpliedVolResult result(double encoded, int iterations) {
    PricingStatus status = BlackImpliedVol.status(encoded);
    return status.isOk()
        ? ImpliedVolResult.ok(encoded, iterations)
        : new ImpliedVolResult(Double.NaN, status, iterations);
  }
}
