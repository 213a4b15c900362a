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

  /**
   * Returns {@code psi(z) = n(z) - z N(-z)} for {@code z >= 0} (the normalised out-of-the-money
   * time value), to a few ulps relative: through the Mills ratio for moderate {@code z}, and for
   * {@code z > 6} through the continued fraction {@code M(z) = 1/(z + K)}, {@code K = 1/(z + 2/(z +
   * 3/(z + ...)))}, which gives {@code 1 - z M(z) = K / (z + K)} without cancellation.
   */
  public static double psi(double z) {
    double oneMinus;
    if (z > 6) {
      double k = 0;
      for (int n = 60; n >= 2; n--) {
        k = n / (z + k);
      }
      double big = 1 / (z + k);
      oneMinus = big / (z + big);
    } else {
      oneMinus = 1 - z * NormalDistribution.millsRatio(z);
    }
    return NormalDistribution.pdf(z) * oneMinus;
  }

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
    // Intrinsic plus the out-of-the-money time value v psi(|m| / v), free of cancellation.
    return df * (Math.max(w * m, 0.0) + v * psi(Math.abs(m) / v));
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
    double value = df * (Math.max(w * m, 0.0) + v * psi(Math.abs(m) / v));
    out[offset] = value;
    out[offset + 1] = w * df * growth * cdf;
    out[offset + 2] = df * growth * growth * pdf / v;
    out[offset + 3] = df * sqrtT * pdf;
    out[offset + 4] = rate * value - df * (w * cdf * fwd * (rate - div) + pdf * vol / (2 * sqrtT));
    out[offset + 5] = -expiry * value + df * w * cdf * fwd * expiry;
  }
}
