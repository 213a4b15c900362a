package io.github.bsoptions.pricing.american;

import io.github.bsoptions.pricing.formula.NormalDistribution;

/**
 * The bivariate normal distribution function by Genz's (2004) method (Drezner-Wesolowsky with
 * Gauss-Legendre quadrature), accurate to about 1e-15 absolute; as in West (2005), "Better
 * approximations to cumulative normal functions".
 */
final class BivariateNormal {
  private static final GaussLegendre G6 = GaussLegendre.of(6);
  private static final GaussLegendre G12 = GaussLegendre.of(12);
  private static final GaussLegendre G20 = GaussLegendre.of(20);
  private static final double TWO_PI = 2 * Math.PI;

  private BivariateNormal() {}

  /** Returns {@code P[X <= x, Y <= y]} for standard normals with correlation {@code rho}. */
  static double cdf(double x, double y, double rho) {
    GaussLegendre g;
    double ar = Math.abs(rho);
    if (ar < 0.3) {
      g = G6;
    } else if (ar < 0.75) {
      g = G12;
    } else {
      g = G20;
    }
    // Nodes on [-1, 1]: the Genz formulas use the half rule with nodes x_i < 0 and 1 +- x_i.
    double[] xs = g.nodes;
    double[] ws = g.weights;
    int half = xs.length / 2;
    double h = -x;
    double k = -y;
    double hk = h * k;
    double bvn = 0;
    if (ar < 0.925) {
      if (ar > 0) {
        double hs = (h * h + k * k) / 2;
        double asr = Math.asin(rho);
        for (int i = 0; i < half; i++) {
          for (int is = -1; is <= 1; is += 2) {
            double sn = Math.sin(asr * (is * xs[i] + 1) / 2);
            bvn += ws[i] * Math.exp((sn * hk - hs) / (1 - sn * sn));
          }
        }
        bvn = bvn * asr / (2 * TWO_PI);
      }
      return bvn + NormalDistribution.cdf(-h) * NormalDistribution.cdf(-k);
    }
    if (rho < 0) {
      k = -k;
      hk = -hk;
    }
    if (ar < 1) {
      double as = (1 - rho) * (1 + rho);
      double a = Math.sqrt(as);
      double bs = (h - k) * (h - k);
      double c = (4 - hk) / 8;
      double d = (12 - hk) / 16;
      double asr = -(bs / as + hk) / 2;
      if (asr > -100) {
        bvn = a * Math.exp(asr) * (1 - c * (bs - as) * (1 - d * bs / 5) / 3 + c * d * as * as / 5);
      }
      if (-hk < 100) {
        double b = Math.sqrt(bs);
        bvn -=
            Math.exp(-hk / 2)
                * Math.sqrt(TWO_PI)
                * NormalDistribution.cdf(-b / a)
                * b
                * (1 - c * bs * (1 - d * bs / 5) / 3);
      }
      a = a / 2;
      for (int i = 0; i < half; i++) {
        for (int is = -1; is <= 1; is += 2) {
          double xsq = a * (is * xs[i] + 1);
          xsq = xsq * xsq;
          double rs = Math.sqrt(1 - xsq);
          double asr2 = -(bs / xsq + hk) / 2;
          if (asr2 > -100) {
            bvn +=
                a
                    * ws[i]
                    * Math.exp(asr2)
                    * (Math.exp(-hk * (1 - rs) / (2 * (1 + rs))) / rs
                        - (1 + c * xsq * (1 + d * xsq)));
          }
        }
      }
      bvn = -bvn / TWO_PI;
    }
    if (rho > 0) {
      return bvn + NormalDistribution.cdf(-Math.max(h, k));
    }
    bvn = -bvn;
    if (k > h) {
      bvn += NormalDistribution.cdf(k) - NormalDistribution.cdf(h);
    }
    return bvn;
  }
}
