package io.github.bsoptions.signals.vol.garch;

import io.github.bsoptions.signals.internal.Checks;

/**
 * GARCH(1,1)-family parameters: {@code r_t = mu + e_t}, {@code e_t = sqrt(h_t) z_t}, {@code h_t =
 * omega + (alpha + gamma 1[e_{t-1} < 0]) e_{t-1}^2 + beta h_{t-1}}.
 *
 * <p>Returns are per period (daily log returns as fractions). {@code gamma} is 0 for plain GARCH;
 * {@code nu} is NaN for normal innovations.
 *
 * @param mu mean return per period
 * @param omega constant term, {@code > 0}
 * @param alpha ARCH coefficient, {@code >= 0}
 * @param gamma leverage coefficient, {@code alpha + gamma >= 0}
 * @param beta GARCH coefficient, {@code >= 0}
 * @param nu Student-t degrees of freedom ({@code > 2}) or NaN for normal innovations
 */
public record GarchParameters(
    double mu, double omega, double alpha, double gamma, double beta, double nu) {

  /** Validates the parameters. */
  public GarchParameters {
    Checks.finite(mu, "mu");
    Checks.positive(omega, "omega");
    Checks.nonNegative(alpha, "alpha");
    Checks.finite(gamma, "gamma");
    if (alpha + gamma < 0) {
      throw new IllegalArgumentException("alpha + gamma must be >= 0, was " + (alpha + gamma));
    }
    Checks.nonNegative(beta, "beta");
    if (!Double.isNaN(nu) && !(nu > 2 && nu < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException("nu must be > 2 and finite (or NaN), was " + nu);
    }
  }

  /** Returns plain GARCH(1,1) parameters with normal innovations. */
  public static GarchParameters of(double mu, double omega, double alpha, double beta) {
    return new GarchParameters(mu, omega, alpha, 0, beta, Double.NaN);
  }

  /** Returns the persistence {@code alpha + gamma / 2 + beta} (symmetric innovations). */
  public double persistence() {
    return alpha + 0.5 * gamma + beta;
  }

  /** Returns whether the variance process is covariance-stationary (persistence below 1). */
  public boolean isStationary() {
    return persistence() < 1;
  }

  /**
   * Returns the unconditional variance {@code omega / (1 - persistence)} (NaN if not stationary).
   */
  public double unconditionalVariance() {
    double p = persistence();
    return p < 1 ? omega / (1 - p) : Double.NaN;
  }

  /** Returns the half-life of a variance shock in periods, {@code ln 0.5 / ln persistence}. */
  public double halfLife() {
    double p = persistence();
    return p < 1 && p > 0 ? Math.log(0.5) / Math.log(p) : Double.POSITIVE_INFINITY;
  }
}
