package io.github.bsoptions.pricing.american;

/** Gauss-Legendre nodes and weights on {@code [-1, 1]}, computed to full double precision. */
final class GaussLegendre {
  final double[] nodes;
  final double[] weights;

  private GaussLegendre(double[] nodes, double[] weights) {
    this.nodes = nodes;
    this.weights = weights;
  }

  /** Returns the {@code n}-point rule, nodes ascending. */
  static GaussLegendre of(int n) {
    double[] x = new double[n];
    double[] w = new double[n];
    int m = (n + 1) / 2;
    for (int i = 0; i < m; i++) {
      // Tricomi's initial guess for the i-th root, then Newton on P_n.
      double z = Math.cos(Math.PI * (i + 0.75) / (n + 0.5));
      double dp = 0;
      for (int iter = 0; iter < 100; iter++) {
        double p0 = 1;
        double p1 = z;
        for (int k = 2; k <= n; k++) {
          double p2 = ((2 * k - 1) * z * p1 - (k - 1) * p0) / k;
          p0 = p1;
          p1 = p2;
        }
        dp = n * (z * p1 - p0) / (z * z - 1);
        double dz = p1 / dp;
        z -= dz;
        if (Math.abs(dz) <= 1e-16) {
          break;
        }
      }
      double p0 = 1;
      double p1 = z;
      for (int k = 2; k <= n; k++) {
        double p2 = ((2 * k - 1) * z * p1 - (k - 1) * p0) / k;
        p0 = p1;
        p1 = p2;
      }
      dp = n * (z * p1 - p0) / (z * z - 1);
      x[i] = -z;
      x[n - 1 - i] = z;
      w[i] = 2 / ((1 - z * z) * dp * dp);
      w[n - 1 - i] = w[i];
    }
    if (n % 2 == 1) {
      x[n / 2] = 0;
    }
    return new GaussLegendre(x, w);
  }
}
