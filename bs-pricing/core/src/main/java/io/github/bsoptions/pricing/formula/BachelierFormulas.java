package io.github.bsoptions.pricing.formula;

import io.github.bsoptions.pricing.PricingStatus;
import io.github.bsoptions.pricing.batch.BatchModel;
import io.github.bsoptions.pricing.greeks.Greeks;
import io.github.bsoptions.pricing.internal.BachelierKernel;
import io.github.bsoptions.pricing.internal.RowChecks;

/**
 * Bachelier (normal) model formulas on the forward {@code F = S e^{(r-q)T}}: {@code V = e^{-rT} [w
 * (F - K) N(w d) + sigma sqrt(T) n(d)]}, {@code d = (F - K) / (sigma sqrt(T))}, {@code w = +1} for
 * a call and {@code -1} for a put.
 *
 * <p>Units: {@code volatility} is a normal volatility in price units per square root of a year (for
 * example 25.0 for a 100-priced underlying moving 25 a year); spot and strike may be negative
 * (spreads, rates). Greeks are with respect to the spot, in {@link Greeks}' units: vega per 1.00 of
 * normal volatility, theta per year of time passing, rho per 1.00 rate with the spot fixed. Every
 * greek is analytic except charm, veta and color, which are central differences in expiry of the
 * analytic delta, vega and gamma (relative error about 1e-8).
 *
 * <p>Degenerate cases: expiry 0 or volatility 0 give the discounted forward intrinsic value, with
 * delta a step (half at the money) and the smooth greeks 0, as for Black-Scholes.
 */
public final class BachelierFormulas {
  private BachelierFormulas() {}

  /** Returns the option price. */
  public static double price(
      boolean isCall,
      double spot,
      double strike,
      double expiry,
      double rate,
      double dividendYield,
      double volatility) {
    check(spot, strike, expiry, rate, dividendYield, volatility);
    return BachelierKernel.price(isCall, spot, strike, expiry, rate, dividendYield, volatility);
  }

  /** Returns the price with every greek (see the class documentation for units). */
  public static Greeks greeks(
      boolean isCall,
      double spot,
      double strike,
      double expiry,
      double rate,
      double dividendYield,
      double volatility) {
    check(spot, strike, expiry, rate, dividendYield, volatility);
    double[] g = new double[17];
    analytic(isCall, spot, strike, expiry, rate, dividendYield, volatility, g);
    if (volatility * Math.sqrt(expiry) > 0) {
      double h = 1e-5 * expiry;
      double[] up = new double[17];
      double[] dn = new double[17];
      analytic(isCall, spot, strike, expiry + h, rate, dividendYield, volatility, up);
      analytic(isCall, spot, strike, expiry - h, rate, dividendYield, volatility, dn);
      // Time passing is -dT.
      g[9] = -(up[1] - dn[1]) / (2 * h);
      g[10] = -(up[3] - dn[3]) / (2 * h);
      g[13] = -(up[2] - dn[2]) / (2 * h);
    }
    return new Greeks(
        g[0], g[1], g[2], g[3], g[4], g[5], g[6], g[7], g[8], g[9], g[10], g[11], g[12], g[13],
        g[14], g[15], g[16]);
  }

  private static void analytic(
      boolean isCall,
      double spot,
      double strike,
      double expiry,
      double rate,
      double div,
      double vol,
      double[] g) {
    BachelierKernel.firstOrder(isCall, spot, strike, expiry, rate, div, vol, g, 0);
    double w = isCall ? 1.0 : -1.0;
    double df = Math.exp(-rate * expiry);
    double growth = Math.exp((rate - div) * expiry);
    double fwd = spot * growth;
    double sqrtT = Math.sqrt(expiry);
    double v = vol * sqrtT;
    double m = fwd - strike;
    if (!(v > 0)) {
      double step = m == 0 ? 0.5 : ((m > 0) == isCall ? 1.0 : 0.0);
      g[6] = -df * w * step * fwd * expiry;
      g[15] = -w * df * step;
      for (int i : new int[] {7, 8, 9, 10, 11, 12, 13, 14, 16}) {
        g[i] = 0;
      }
      return;
    }
    double d = m / v;
    double cdf = NormalDistribution.cdf(w * d);
    double pdf = NormalDistribution.pdf(d);
    double dq = df * growth;
    g[6] = -df * w * cdf * fwd * expiry; // dividend rho
    g[7] = -dq * pdf * d / vol; // vanna
    g[8] = df * sqrtT * pdf * d * d / vol; // volga
    g[11] = -df * growth * growth * growth * pdf * d / (v * v); // speed
    g[12] = df * growth * growth * pdf * (d * d - 1) / (v * vol); // zomma
    g[14] = df * sqrtT * pdf * (d * d * d * d - 3 * d * d) / (vol * vol); // ultima
    g[15] = -w * df * cdf; // dual delta
    g[16] = df * pdf / v; // dual gamma
  }

  /**
   * Returns the normal implied volatility reproducing {@code price}; see {@link
   * ImpliedVolatility#bachelier}.
   */
  public static ImpliedVolResult impliedVolatility(
      boolean isCall,
      double spot,
      double strike,
      double expiry,
      double rate,
      double dividendYield,
      double price) {
    return ImpliedVolatility.bachelier(isCall, spot, strike, expiry, rate, dividendYield, price);
  }

  static void check(
      double spot, double strike, double expiry, double rate, double div, double vol) {
    byte code = RowChecks.validate(BatchModel.BACHELIER, spot, strike, expiry, rate, div, vol);
    RowChecks.throwIfInvalid(BatchModel.BACHELIER, code, spot, strike, expiry, rate, div, vol);
  }

  /** Returns the status for invalid inputs, or OK (volatility not checked). */
  static PricingStatus validate(
      double spot, double strike, double expiry, double rate, double div) {
    return PricingStatus.of(
        RowChecks.validate(BatchModel.BACHELIER, spot, strike, expiry, rate, div, 0));
  }
}
