package io.github.bsoptions.pricing.internal;

import io.github.bsoptions.pricing.formula.NormalDistribution;

/**
 * Unchecked Bachelier (normal) model kernels shared by the formula class and the backends; inputs
 * must already be valid. Conventions as in {@code BachelierFormulas}.
 *
 * <p>Internal API, unstable.
 */
public final class BachelierKernel {
  private BachelierKernel() {}

  /** Returns the price without validating (inputs already checked). */
  public static double price(
      boolean isCall,
      double spot,
      double strike,
      double expiry,
      double rate,
      double div,
      double vol) {
    double w = isCall ? 1.0 : -1.0;
    double df = Math.exp(-rate * expiry);
    double fwd = spot * Math.exp((rate - div) * expiry);
    double v = vol * Math.sqrt(expiry);
    double m = fwd - strike;
    if (!(v > 0)) {
      return df * Math.max(w * m, 0.0);
    }
    double d = m / v;
    return df * (w * m * NormalDistribution.cdf(w * d) + v * NormalDistribution.pdf(d));
  }

  /**
   * Writes price, delta, gamma, vega, theta and rho into {@code out[offset .. offset + 5]} without
   * allocating; inputs must be valid.
   */
  public static void firstOrder(
      boolean isCall,
      double spot,
      double strike,
      double expiry,
      double rate,
      double div,
      double vol,
      double[] out,
      int offset) {
    double w = isCall ? 1.0 : -1.0;
    double df = Math.exp(-rate * expiry);
    double growth = Math.exp((rate - div) * expiry);
    double fwd = spot * growth;
    double sqrtT = Math.sqrt(expiry);
    double v = vol * sqrtT;
    double m = fwd - strike;
    if (!(v > 0)) {
      double step = m == 0 ? 0.5 : ((m > 0) == isCall ? 1.0 : 0.0);
      double value = df * Math.max(w * m, 0.0);
      out[offset] = value;
      out[offset + 1] = w * df * growth * step;
      out[offset + 2] = 0;
      out[offset + 3] = 0;
      out[offset + 4] = rate * value - df * w * step * fwd * (rate - div);
      out[offset + 5] = -expiry * value + df * w * step * fwd * expiry;
      return;
    }
    double d = m / v;
    double cdf = NormalDistribution.cdf(w * d);
    double pdf = NormalDistribution.pdf(d);
    double value = df * (w * m * cdf + v * pdf);
    out[offset] = value;
    out[offset + 1] = w * df * growth * cdf;
    out[offset + 2] = df * growth * growth * pdf / v;
    out[offset + 3] = df * sqrtT * pdf;
    out[offset + 4] = rate * value - df * (w * cdf * fwd * (rate - div) + pdf * vol / (2 * sqrtT));
    out[offset + 5] = -expiry * value + df * w * cdf * fwd * expiry;
  }
}
