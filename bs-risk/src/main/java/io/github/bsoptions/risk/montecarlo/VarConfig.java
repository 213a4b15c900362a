package io.github.bsoptions.risk.montecarlo;

import io.github.bsoptions.risk.internal.Checks;

/**
 * Monte Carlo settings.
 *
 * @param paths number of simulated scenarios ({@code >= 1000}); rounded up to a multiple of {@code
 *     2 * sections}
 * @param horizonDays the horizon in calendar days ({@code > 0}; 365-day year), over which options
 *     also age
 * @param seed the random seed: equal seeds give equal results, whatever the thread count
 * @param antithetic whether each draw {@code z} is paired with {@code -z}
 * @param sections independent sections the paths are split into (each with its own random stream;
 *     the spread of their estimates gives the confidence intervals), {@code >= 6}
 * @param threads worker threads ({@code >= 1})
 * @param returnModel how spots move
 */
public record VarConfig(
    int paths,
    double horizonDays,
    long seed,
    boolean antithetic,
    int sections,
    int threads,
    ReturnModel returnModel) {

  /** Validates the settings. */
  public VarConfig {
    if (paths < 1000) {
      throw new IllegalArgumentException("paths must be >= 1000, was " + paths);
    }
    Checks.positive(horizonDays, "horizonDays");
    if (sections < 6) {
      throw new IllegalArgumentException("sections must be >= 6, was " + sections);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, was " + threads);
    }
    Checks.notNull(returnModel, "returnModel");
  }

  /**
   * Returns {@code paths} over a 1-day horizon, antithetic GBM, 20 sections, one thread per core.
   */
  public static VarConfig of(int paths, long seed) {
    return new VarConfig(
        paths, 1, seed, true, 20, Runtime.getRuntime().availableProcessors(), ReturnModel.GBM);
  }

  /** Returns a copy with another horizon. */
  public VarConfig withHorizonDays(double days) {
    return new VarConfig(paths, days, seed, antithetic, sections, threads, returnModel);
  }

  /** Returns a copy with another thread count. */
  public VarConfig withThreads(int n) {
    return new VarConfig(paths, horizonDays, seed, antithetic, sections, n, returnModel);
  }

  /** Returns a copy with another return model. */
  public VarConfig withReturnModel(ReturnModel model) {
    return new VarConfig(paths, horizonDays, seed, antithetic, sections, threads, model);
  }

  /** Returns a copy with antithetic variates on or off. */
  public VarConfig withAntithetic(boolean on) {
    return new VarConfig(paths, horizonDays, seed, on, sections, threads, returnModel);
  }

  /** Returns the paths actually simulated (rounded up to a multiple of {@code 2 * sections}). */
  public int effectivePaths() {
    int unit = 2 * sections;
    return (int) (((long) paths + unit - 1) / unit * unit);
  }
}
