package io.github.bsoptions.risk.montecarlo;

/**
 * GARCH(1,1) dynamics of daily log returns: {@code eps_t = sqrt(v_t) x_t} and {@code v_{t+1} =
 * omega + alpha eps_t^2 + beta v_t}, with {@code v} a variance per day. Used by {@link
 * ReturnModel#GARCH}: one step per horizon day.
 *
 * @param omega the constant term ({@code > 0}), per day
 * @param alpha the reaction to the last shock ({@code >= 0})
 * @param beta the persistence ({@code >= 0}; {@code alpha + beta < 1} for stationarity)
 * @param variance today's conditional variance per day ({@code > 0}), e.g. from a fitted filter
 */
public record GarchParams(double omega, double alpha, double beta, double variance) {

  /** Validates the parameters. */
  public GarchParams {
    if (!(omega > 0 && omega < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException("omega must be finite and > 0, was " + omega);
    }
    if (!(alpha >= 0) || !(beta >= 0) || !(alpha + beta < 1)) {
      throw new IllegalArgumentException(
          "alpha and beta must be >= 0 with alpha + beta < 1, were " + alpha + ", " + beta);
    }
    if (!(variance > 0 && variance < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException("variance must be finite and > 0, was " + variance);
    }
  }

  /** Returns constant-variance dynamics for an annual volatility (365-day year). */
  public static GarchParams constant(double annualVolatility) {
    double v = annualVolatility * annualVolatility / 365.0;
    return new GarchParams(v, 0, 0, v);
  }

  /** Returns the long-run variance per day, {@code omega / (1 - alpha - beta)}. */
  public double longRunVariance() {
    return omega / (1 - alpha - beta);
  }
}
