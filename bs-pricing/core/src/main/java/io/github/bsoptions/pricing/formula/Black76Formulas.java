package io.github.bsoptions.pricing.formula;

import io.github.bsoptions.pricing.batch.BatchModel;
import io.github.bsoptions.pricing.greeks.Greeks;
import io.github.bsoptions.pricing.internal.BlackScholesKernel;
import io.github.bsoptions.pricing.internal.RowChecks;

/**
 * Black-76 formulas for European options on a forward or future: {@code V = e^{-rT} black(F, K,
 * sigma sqrt(T))}.
 *
 * <p>Greeks are with respect to the forward (delta {@code dV/dF}); rho is {@code dV/dr} holding the
 * forward fixed ({@code -T V}); the dividend rho is 0. Other conventions as in {@link
 * BlackScholesFormulas}.
 */
public final class Black76Formulas {
  private Black76Formulas() {}

  /** Returns the option price. */
  public static double price(
      boolean isCall,
      double forward,
      double strike,
      double expiry,
      double rate,
      double volatility) {
    check(forward, strike, expiry, rate, volatility);
    return BlackScholesKernel.fastPrice(isCall, forward, strike, expiry, rate, rate, volatility);
  }

  /** Returns the price with every analytic greek (with respect to the forward). */
  public static Greeks greeks(
      boolean isCall,
      double forward,
      double strike,
      double expiry,
      double rate,
      double volatility) {
    check(forward, strike, expiry, rate, volatility);
    Greeks g = BlackScholesKernel.greeks(isCall, forward, strike, expiry, rate, rate, volatility);
    return new Greeks(
        g.price(),
        g.delta(),
        g.gamma(),
        g.vega(),
        g.theta(),
        -expiry * g.price(),
        0.0,
        g.vanna(),
        g.volga(),
        g.charm(),
        g.veta(),
        g.speed(),
        g.zomma(),
        g.color(),
        g.ultima(),
        g.dualDelta(),
        g.dualGamma());
  }

  /** Returns the implied volatility reproducing {@code price}. */
  public static ImpliedVolResult impliedVolatility(
      boolean isCall, double forward, double strike, double expiry, double rate, double price) {
    return ImpliedVolatility.black76(isCall, forward, strike, expiry, rate, price);
  }

  private static void check(double forward, double strike, double expiry, double rate, double vol) {
    byte code = RowChecks.validate(BatchModel.BLACK_76, forward, strike, expiry, rate, 0, vol);
    RowChecks.throwIfInvalid(BatchModel.BLACK_76, code, forward, strike, expiry, rate, 0, vol);
  }
}
