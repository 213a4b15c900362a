package io.github.bsoptions.pricing.cuda;

import io.github.bsoptions.pricing.formula.NormalDistribution;
import io.github.bsoptions.pricing.internal.BlackScholesKernel;

/**
 * The device seam on the CPU: the same arithmetic as the CUDA kernels (the scalar reference kernel,
 * and the kernels' Newton iteration in Java) with a small capacity, so tests exercise the backend's
 * chunking, packing, compaction and fallbacks without a GPU.
 */
final class CpuDeviceKernels implements DeviceKernels {
  private final int capacity;
  int calls;

  CpuDeviceKernels(int capacity) {
    this.capacity = capacity;
  }

  @Override
  public int capacity() {
    return capacity;
  }

  @Override
  public void price(boolean black76, RowBuffers in, int n, double[] out) {
    calls++;
    for (int i = 0; i < n; i++) {
      out[i] =
          BlackScholesKernel.price(
              in.call[i] == 1,
              in.spot[i],
              in.strike[i],
              in.expiry[i],
              in.rate[i],
              black76 ? in.rate[i] : in.div[i],
              in.vol[i]);
    }
  }

  @Override
  public void greeks(boolean black76, RowBuffers in, int n, double[][] out) {
    calls++;
    double[] tmp = new double[6];
    for (int i = 0; i < n; i++) {
      BlackScholesKernel.firstOrder(
          in.call[i] == 1,
          in.spot[i],
          in.strike[i],
          in.expiry[i],
          in.rate[i],
          black76 ? in.rate[i] : in.div[i],
          in.vol[i],
          tmp,
          0);
      for (int c = 0; c < 5; c++) {
        out[c][i] = tmp[c];
      }
      out[5][i] = black76 ? -in.expiry[i] * tmp[0] : tmp[5];
    }
  }

  @Override
  public void impliedVolatility(IvBuffers b, int n, int maxIter) {
    calls++;
    for (int i = 0; i < n; i++) {
      solve(b, i, maxIter);
    }
  }

  /** The bs_iv kernel's iteration, line for line. */
  private static void solve(IvBuffers b, int i, int maxIter) {
    double f = b.forward[i];
    double k = b.strike[i];
    double x = b.logMoneyness[i];
    double tg = b.target[i];
    double lo = 0;
    double hi = Double.POSITIVE_INFINITY;
    double v = Math.sqrt(2 * Math.abs(x));
    double logTarget = Math.log(tg);
    b.v[i] = Double.NaN;
    b.done[i] = 0;
    for (int it = 1; it <= maxIter; it++) {
      double d1 = x / v + 0.5 * v;
      double p =
          x < 0
              ? f * NormalDistribution.cdf(d1) - k * NormalDistribution.cdf(d1 - v)
              : k * NormalDistribution.cdf(v - d1) - f * NormalDistribution.cdf(-d1);
      if (p == tg) {
        b.v[i] = v;
        b.done[i] = 1;
        return;
      }
      if (p > tg) {
        hi = v;
      } else {
        lo = v;
      }
      double vega = f * NormalDistribution.pdf(d1);
      double next;
      if (p > 0 && vega > 0) {
        next = v - (Math.log(p) - logTarget) * p / vega;
        if (Math.abs(next - v) <= 1e-10 * v) {
          b.v[i] = next;
          b.done[i] = 1;
          return;
        }
      } else {
        next = Double.NaN;
      }
      if (!(next > lo && next < hi)) {
        next = Double.isInfinite(hi) ? 2 * v : 0.5 * (lo + hi);
      }
      if (Math.abs(next - v) <= 2 * Math.ulp(v)
          || (!Double.isInfinite(hi) && hi - lo <= 4 * Math.ulp(hi))
          || Double.isInfinite(next)) {
        b.v[i] = next;
        b.done[i] = 1;
        return;
      }
      v = next;
    }
  }
}
