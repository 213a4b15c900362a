package io.github.bsoptions.signals.ml;

import io.github.bsoptions.signals.vol.ChainFeatures;
import io.github.bsoptions.signals.vol.ForecastInput;
import io.github.bsoptions.signals.vol.garch.GarchFit;
import io.github.bsoptions.signals.vol.garch.GarchModel;
import io.github.bsoptions.signals.vol.garch.GarchSpec;

/**
 * Per-day features of one history, computed once (package-private).
 *
 * <p>Day {@code t} uses information up to and including day {@code t}: {@code [r_t / 0.01, ln(r_t^2
 * + 1e-8), ln(range_t + 1e-8)]} and, for the hybrid, {@code [ln h_{t+1}, ln mean(h_{t+1..t+H})]}
 * from a GARCH(1,1) filter. Without range variances the third feature is the log of the 5-day mean
 * squared return. With chain features the last three are {@code [ln(iv_t^2 / 252), skew_t,
 * termSlope_t]} from the day's option chain.
 */
final class Features {
  static final GarchSpec GARCH = GarchSpec.garch();
  static final double EPS = 1e-8;

  final int n;
  final int nf;
  final float[][] f; // [day][feature]
  final double[] garchMean; // per day t: mean GARCH variance over t+1..t+H (hybrid), else NaN
  final double[] r;

  Features(ForecastInput in, VolModelConfig cfg, GarchFit fit) {
    this.r = in.logReturns();
    this.n = r.length;
    this.nf = cfg.featureCount();
    double[] range = in.hasRangeVariances() ? in.rangeVariances() : null;
    if (cfg.chainFeatures() && !in.hasChainFeatures()) {
      throw new IllegalArgumentException(
          "model " + cfg.modelName() + " reads chain features, but the input has none: " + in);
    }
    ChainFeatures chain = in.chain();
    int c0 = cfg.hybrid() ? 5 : 3;
    f = new float[n][nf];
    garchMean = new double[n];
    double[] h = null;
    if (cfg.hybrid()) {
      h = GarchModel.conditionalVariances(r, GARCH, fit.parameters());
    }
    double p = cfg.hybrid() ? fit.parameters().persistence() : 0;
    double uv = cfg.hybrid() ? fit.parameters().unconditionalVariance() : 0;
    double roll = 0;
    for (int t = 0; t < n; t++) {
      double r2 = r[t] * r[t];
      roll += r2;
      if (t >= 5) {
        roll -= r[t - 5] * r[t - 5];
      }
      f[t][0] = (float) Math.max(-10, Math.min(10, r[t] / 0.01));
      f[t][1] = (float) Math.log(r2 + EPS);
      double rv = range != null ? range[t] : roll / Math.min(t + 1, 5);
      f[t][2] = (float) Math.log(rv + EPS);
      if (cfg.hybrid()) {
        double next = h[t + 1];
        double mean = meanForecast(next, uv, p, cfg.targetDays());
        garchMean[t] = mean;
        f[t][3] = (float) Math.log(next);
        f[t][4] = (float) Math.log(mean);
      } else {
        garchMean[t] = Double.NaN;
      }
      if (cfg.chainFeatures()) {
        double iv = chain.atmIvAt(t);
        f[t][c0] = (float) Math.log(iv * iv / 252);
        f[t][c0 + 1] = (float) chain.skewAt(t);
        f[t][c0 + 2] = (float) chain.termSlopeAt(t);
      }
    }
  }

  /** Mean of {@code V + P^(k-1) (next - V)} for k = 1..H. */
  static double meanForecast(double next, double uv, double p, int horizon) {
    if (!(p < 1)) {
      return next;
    }
    double s = 0;
    double w = 1;
    for (int k = 0; k < horizon; k++) {
      s += uv + w * (next - uv);
      w *= p;
    }
    return s / horizon;
  }

  /** Realized mean squared return over days t+1..t+H. */
  double realized(int t, int horizon) {
    double s = 0;
    for (int k = 1; k <= horizon; k++) {
      s += r[t + k] * r[t + k];
    }
    return s / horizon;
  }

  /** Copies the standardized sequence ending at day t into out at offset. */
  void sequence(int t, int len, float[] mean, float[] sd, float[] out, int offset) {
    int o = offset;
    for (int d = t - len + 1; d <= t; d++) {
      for (int k = 0; k < nf; k++) {
        out[o++] = (f[d][k] - mean[k]) / sd[k];
      }
    }
  }
}
