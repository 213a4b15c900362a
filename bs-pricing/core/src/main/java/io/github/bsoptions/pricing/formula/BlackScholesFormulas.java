package io.github.bsoptions.pricing.formula;

import io.github.bsoptions.pricing.batch.BatchModel;
import io.github.bsoptions.pricing.greeks.Greeks;
import io.github.bsoptions.pricing.internal.BlackScholesKernel;
import io.github.bsoptions.pricing.internal.RowChecks;

/**
 * Black-Scholes-Merton formulas for European options on a spot with a continuous dividend yield.
 *
 * <p>Inputs: {@code spot >= 0}, {@code strike >= 0}, {@code expiry >= 0} in years, {@code rate} and
 * {@code dividendYield} continuously compounded per year (negative allowed), {@code volatility >=
 * 0} per square root of a year. All must be finite; otherwise an {@link IllegalArgumentException}
 * names the field and value. Greek units are those of {@link Greeks}.
 *
 * <p>Edge cases have defined answers: expiry 0 gives intrinsic value, volatility 0 the discounted
 * forward intrinsic value, strike 0 the discounted forward; greeks there follow the convention in
 * {@link Greeks}' documentation (delta a step with 1/2 at the money, the others 0).
 */
public final class BlackScholesFormulas {
  private BlackScholesFormulas() {}

  /** Returns the option price. */
  public static double price(
      boolean isCall,
      double spot,
      double strike,
      double expiry,
      double rate,
      double dividendYield,
      double volatility) {
    // Validates as check() does, off the common path: only valid inputs reach the direct formula.
    return BlackScholesKernel.checkedFastPrice(
        isCall, spot, strike, expiry, rate, dividendYield, volatility);
  }

  /** Returns the price with every analytic greek. */
  public static Greeks greeks(
      boolean isCall,
      double spot,
      double strike,
      double expiry,
      double rate,
      double dividendYield,
      double volatility) {
    check(spot, strike, expiry, rate, dividendYield, volatility);
    return BlackScholesKernel.greeks(isCall, spot, strike, expiry, rate, dividendYield, volatility);
  }

  /** Returns delta, {@code dV/dS}. */
  public static double delta(
      boolean isCall,
      double spot,
      double strike,
      double expiry,
      double rate,
      double dividendYield,
      double volatility) {
    double[] out = new double[6];
    check(spot, strike, expiry, rate, dividendYield, volatility);
    BlackScholesKernel.fastFirstOrder(
        isCall, spot, strike, expiry, rate, dividendYield, volatility, out, 0);
    return out[1];
  }

  /**
   * Writes price, delta, gamma, vega, theta and rho into {@code out[offset .. offset + 5]} without
   * allocating.
   */
  public static void priceAndFirstOrderGreeks(
      boolean isCall,
      double spot,
      double strike,
      double expiry,
      double rate,
      double dividendYield,
      double volatility,
      double[] out,
      int offset) {
    check(spot, strike, expiry, rate, dividendYield, volatility);
    BlackScholesKernel.fastFirstOrder(
        isCall, spot, strike, expiry, rate, dividendYield, volatility, out, offset);
  }

  /** Returns the implied volatility reproducing {@code price}; see {@link ImpliedVolatility}. */
  public static ImpliedVolResult impliedVolatility(
      boolean isCall,
      double spot,
      double strike,
      double expiry,
      double rate,
      double dividendYield,
      double price) {
    return ImpliedVolatility.blackScholes(isCall, spot, strike, expiry, rate, dividendYield, price);
  }

  private static void check(
      double spot, double strike, double expiry, double rate, double div, double vol) {
    // One test for the common case: no sign bit set among the four that must be >= 0 (-0.0 and
    // anything else goes on to the detailed check), and a finite sum (no NaN, no infinity; a sum
    // that overflows from finite terms also goes on to the detailed check, which passes it).
    long signs =
        Double.doubleToRawLongBits(spot)
            | Double.doubleToRawLongBits(strike)
            | Double.doubleToRawLongBits(expiry)
            | Double.doubleToRawLongBits(vol);
    double sum = ((spot + strike) + (expiry + vol)) + (rate + div);
    if (signs >= 0 && sum - sum == 0) {
      return;
    }
    checkDetailed(spot, strike, expiry, rate, div, vol);
  }

  private static void checkDetailed(
      double spot, double strike, double expiry, double rate, double div, double vol) {
    byte code = RowChecks.validate(BatchModel.BLACK_SCHOLES, spot, strike, expiry, rate, div, vol);
    RowChecks.throwIfInvalid(BatchModel.BLACK_SCHOLES, code, spot, strike, expiry, rate, div, vol);
  }
}
