package io.github.bsoptions.signals.pop;

import io.github.bsoptions.signals.internal.Checks;
import io.github.bsoptions.signals.vol.garch.GarchParameters;
import io.github.bsoptions.signals.vol.garch.GarchSpec;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Probability of profit by Monte Carlo under GARCH price paths: daily log returns {@code r_t =
 * drift_d + sqrt(h_t) z_t} with the GARCH variance recursion started at the current one-step
 * variance, so volatility clustering and (for GJR / Student-t) leverage and fat tails shape the
 * terminal distribution. The drift per day is {@code drift / 252 - h_t / 2}, matching the lognormal
 * convention of {@link ProbabilityOfProfit}. Deterministic for a given seed.
 */
public final class GarchMonteCarlo {
  private GarchMonteCarlo() {}

  /**
   * Simulates the position's profit at expiry.
   *
   * @param legs the position
   * @param spot current underlying price
   * @param days trading days to expiry
   * @param drift annualized drift
   * @param spec GARCH specification (variant and innovations)
   * @param params GARCH parameters (stationary)
   * @param nextVariance the current one-step-ahead variance {@code h_{n+1}}
   * @param paths number of paths
   * @param seed random seed
   * @return probability of profit and expected profit with their Monte Carlo standard errors
   */
  public static Estimate analyze(
      List<PayoffLeg> legs,
      double spot,
      int days,
      double drift,
      GarchSpec spec,
      GarchParameters params,
      double nextVariance,
      int paths,
      long seed) {
    Objects.requireNonNull(spec, "spec");
    Checks.positive(spot, "spot");
    Checks.positive(days, "days");
    Checks.finite(drift, "drift");
    Checks.positive(nextVariance, "nextVariance");
    Checks.positive(paths, "paths");
    if (legs == null || legs.isEmpty()) {
      throw new IllegalArgumentException("legs must not be empty");
    }
    if (!params.isStationary()) {
      throw new IllegalArgumentException("persistence must be < 1, was " + params.persistence());
    }
    SplittableRandom rng = new SplittableRandom(seed);
    boolean t = spec.innovation() == GarchSpec.Innovation.STUDENT_T;
    double gamma = spec.variant() == GarchSpec.Variant.GJR ? params.gamma() : 0;
    double nu = params.nu();
    double tScale = t ? Math.sqrt((nu - 2) / nu) : 1;
    double daily = drift / 252;
    int wins = 0;
    double sum = 0;
    double sum2 = 0;
    for (int p = 0; p < paths; p++) {
      double h = nextVariance;
      double x = 0;
      for (int d = 0; d < days; d++) {
        double z;
        if (t) {
          z = rng.nextGaussian() / Math.sqrt(2 * gamma(rng, 0.5 * nu) / nu) * tScale;
        } else {
          z = rng.nextGaussian();
        }
        double e = Math.sqrt(h) * z;
        x += daily - 0.5 * h + e;
        h = params.omega() + (params.alpha() + (e < 0 ? gamma : 0)) * e * e + params.beta() * h;
      }
      double st = spot * Math.exp(x);
      double profit = 0;
      for (PayoffLeg l : legs) {
        profit += l.profitAt(st);
      }
      if (profit > 0) {
        wins++;
      }
      sum += profit;
      sum2 += profit * profit;
    }
    double pop = (double) wins / paths;
    double mean = sum / paths;
    double var = Math.max(0, sum2 / paths - mean * mean);
    return new Estimate(
        pop, Math.sqrt(pop * (1 - pop) / paths), mean, Math.sqrt(var / paths), paths);
  }

  private static double gamma(SplittableRandom rng, double shape) {
    if (shape < 1) {
      return gamma(rng, shape + 1) * Math.pow(rng.nextDouble(), 1 / shape);
    }
    double d = shape - 1.0 / 3;
    double c = 1 / Math.sqrt(9 * d);
    while (true) {
      double x = rng.nextGaussian();
      double v = 1 + c * x;
      if (v <= 0) {
        continue;
      }
      v = v * v * v;
      if (Math.log(rng.nextDouble()) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
        return d * v;
      }
    }
  }

  /**
   * A Monte Carlo estimate.
   *
   * @param probabilityOfProfit fraction of paths with positive profit
   * @param popStandardError its standard error
   * @param expectedProfit mean profit per unit
   * @param expectedProfitStandardError its standard error
   * @param paths number of paths
   */
  public record Estimate(
      double probabilityOfProfit,
      double popStandardError,
      double expectedProfit,
      double expectedProfitStandardError,
      int paths) {}
}
