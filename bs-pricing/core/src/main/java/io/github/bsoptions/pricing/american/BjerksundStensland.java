package io.github.bsoptions.pricing.american;

import io.github.bsoptions.pricing.formula.NormalDistribution;
import io.github.bsoptions.pricing.internal.BlackScholesKernel;

/**
 * The Bjerksund and Stensland (2002) approximation of American option values ("Closed form
 * valuation of American options", two-step flat boundary), as given in Haug, "The Complete Guide to
 * Option Pricing Formulas" (2nd ed., section 3.1.3). Puts use the Bjerksund-Stensland put-call
 * transformation {@code P(S, K, T, r, b) = C(K, S, T, r - b, -b)}.
 *
 * <p>The approximation is a lower bound of the American value with typical relative error 1e-4 to
 * 1e-3. Regimes without early exercise are European; the double-boundary regime is priced by
 * extrapolated Leisen-Reimer trees as in {@link AndersenLakeOffengelter}. Where the formulas
 * overflow (volatility tiny against the carry) the {@link AndersenLakeOffengelter} value is
 * returned; otherwise the value is floored at the European and intrinsic values.
 */
public final class BjerksundStensland {
  private BjerksundStensland() {}

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
    double b = rate - dividendYield;
    double value =
        isCall
            ? call(spot, strike, expiry, rate, b, volatility)
            : call(strike, spot, expiry, rate - b, -b, volatility);
    return AmericanLimits.afterApproximation(
        value, isCall, spot, strike, expiry, rate, dividendYield, volatility);
  }

  /**
   * The 2002 call formula with cost of carry {@code b}; requires early exercise ({@code b < r}).
   */
  private static double call(double s, double k, double t, double r, double b, double vol) {
    double v2 = vol * vol;
    double t1 = 0.5 * (Math.sqrt(5) - 1) * t;
    double beta = (0.5 - b / v2) + Math.sqrt((b / v2 - 0.5) * (b / v2 - 0.5) + 2 * r / v2);
    double bInf = beta / (beta - 1) * k;
    double b0 = Math.max(k, r / (r - b) * k);
    double ht1 = -(b * t1 + 2 * vol * Math.sqrt(t1)) * k * k / ((bInf - b0) * b0);
    double ht2 = -(b * t + 2 * vol * Math.sqrt(t)) * k * k / ((bInf - b0) * b0);
    double i1 = b0 + (bInf - b0) * (1 - Math.exp(ht1));
    double i2 = b0 + (bInf - b0) * (1 - Math.exp(ht2));
    if (!(beta > 1) || !Double.isFinite(i1) || !Double.isFinite(i2)) {
      return BlackScholesKernel.price(true, s, k, t, r, r - b, vol);
    }
    if (s >= i2) {
      return s - k;
    }
    double alpha1 = (i1 - k) * Math.pow(i1, -beta);
    double alpha2 = (i2 - k) * Math.pow(i2, -beta);
    return alpha2 * Math.pow(s, beta)
        - alpha2 * phi(s, t1, beta, i2, i2, r, b, vol)
        + phi(s, t1, 1, i2, i2, r, b, vol)
        - phi(s, t1, 1, i1, i2, r, b, vol)
        - k * phi(s, t1, 0, i2, i2, r, b, vol)
        + k * phi(s, t1, 0, i1, i2, r, b, vol)
        + alpha1 * phi(s, t1, beta, i1, i2, r, b, vol)
        - alpha1 * psi(s, t, beta, i1, i2, i1, t1, r, b, vol)
        + psi(s, t, 1, i1, i2, i1, t1, r, b, vol)
        - psi(s, t, 1, k, i2, i1, t1, r, b, vol)
        - k * psi(s, t, 0, i1, i2, i1, t1, r, b, vol)
        + k * psi(s, t, 0, k, i2, i1, t1, r, b, vol);
  }

  private static double phi(
      double s, double t, double gamma, double h, double i, double r, double b, double vol) {
    double v2 = vol * vol;
    double sqrtT = Math.sqrt(t);
    double lambda = (-r + gamma * b + 0.5 * gamma * (gamma - 1) * v2) * t;
    double d = -(Math.log(s / h) + (b + (gamma - 0.5) * v2) * t) / (vol * sqrtT);
    double kappa = 2 * b / v2 + (2 * gamma - 1);
    return Math.exp(lambda)
        * Math.pow(s, gamma)
        * (NormalDistribution.cdf(d)
            - Math.pow(i / s, kappa)
                * NormalDistribution.cdf(d - 2 * Math.log(i / s) / (vol * sqrtT)));
  }

  private static double psi(
      double s,
      double t,
      double gamma,
      double h,
      double i2,
      double i1,
      double t1,
      double r,
      double b,
      double vol) {
    double v2 = vol * vol;
    double sqrtT = Math.sqrt(t);
    double sqrtT1 = Math.sqrt(t1);
    double drift = b + (gamma - 0.5) * v2;
    double e1 = (Math.log(s / i1) + drift * t1) / (vol * sqrtT1);
    double e2 = (Math.log(i2 * i2 / (s * i1)) + drift * t1) / (vol * sqrtT1);
    double e3 = (Math.log(s / i1) - drift * t1) / (vol * sqrtT1);
    double e4 = (Math.log(i2 * i2 / (s * i1)) - drift * t1) / (vol * sqrtT1);
    double f1 = (Math.log(s / h) + drift * t) / (vol * sqrtT);
    double f2 = (Math.log(i2 * i2 / (s * h)) + drift * t) / (vol * sqrtT);
    double f3 = (Math.log(i1 * i1 / (s * h)) + drift * t) / (vol * sqrtT);
    double f4 = (Math.log(s * i1 * i1 / (h * i2 * i2)) + drift * t) / (vol * sqrtT);
    double rho = Math.sqrt(t1 / t);
    double lambda = -r + gamma * b + 0.5 * gamma * (gamma - 1) * v2;
    double kappa = 2 * b / v2 + (2 * gamma - 1);
    return Math.exp(lambda * t)
        * Math.pow(s, gamma)
        * (BivariateNormal.cdf(-e1, -f1, rho)
            - Math.pow(i2 / s, kappa) * BivariateNormal.cdf(-e2, -f2, rho)
            - Math.pow(i1 / s, kappa) * BivariateNormal.cdf(-e3, -f3, -rho)
            + Math.pow(i1 / i2, kappa) * BivariateNormal.cdf(-e4, -f4, -rho));
  }
}
