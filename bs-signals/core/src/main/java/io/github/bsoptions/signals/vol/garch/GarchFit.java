package io.github.bsoptions.signals.vol.garch;

import io.github.bsoptions.signals.vol.VolForecast;
import java.util.Objects;

/**
 * The result of a GARCH maximum-likelihood fit.
 *
 * @param spec the fitted specification
 * @param parameters the estimates
 * @param standardErrors standard errors in the same slots; NaN for parameters not estimated (e.g.
 *     omega under variance targeting, nu for normal innovations) or when the Hessian is not
 *     invertible
 * @param logLikelihood the maximized full log-likelihood (constants included)
 * @param observations number of returns used
 * @param evaluations likelihood evaluations the optimizer used
 * @param converged whether the optimizer's restarts stopped improving before the budget ran out
 * @param nextVariance the one-step-ahead conditional variance {@code h_{n+1}}
 * @param sampleVariance the mean squared residual at the fitted mean
 */
public record GarchFit(
    GarchSpec spec,
    GarchParameters parameters,
    StandardErrors standardErrors,
    double logLikelihood,
    int observations,
    int evaluations,
    boolean converged,
    double nextVariance,
    double sampleVariance) {

  /** Validates the components. */
  public GarchFit {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(parameters, "parameters");
    Objects.requireNonNull(standardErrors, "standardErrors");
  }

  /** Returns the persistence of the fitted model. */
  public double persistence() {
    return parameters.persistence();
  }

  /** Returns the number of estimated parameters. */
  public int parameterCount() {
    int k = 2;
    if (spec.mean() == GarchSpec.MeanModel.CONSTANT) {
      k++;
    }
    if (!spec.varianceTargeting()) {
      k++;
    }
    if (spec.variant() == GarchSpec.Variant.GJR) {
      k++;
    }
    if (spec.innovation() == GarchSpec.Innovation.STUDENT_T) {
      k++;
    }
    return k;
  }

  /** Returns Akaike's information criterion {@code 2k - 2 lnL}. */
  public double aic() {
    return 2 * parameterCount() - 2 * logLikelihood;
  }

  /** Returns the Bayesian information criterion {@code k ln n - 2 lnL}. */
  public double bic() {
    return parameterCount() * Math.log(observations) - 2 * logLikelihood;
  }

  /**
   * Returns variance forecasts for the next {@code horizon} periods.
   *
   * @param horizon number of periods, at least 1
   * @return the forecast, named after the variant ({@code "garch"} or {@code "gjr-garch"})
   */
  public VolForecast forecast(int horizon) {
    VolForecast f = GarchModel.forecast(parameters, nextVariance, horizon);
    String name = spec.variant() == GarchSpec.Variant.GJR ? "gjr-garch" : "garch";
    return new VolForecast(name, f.dailyVariances(), f.periodsPerYear());
  }

  /**
   * Standard errors of the estimates (NaN where not estimated or not available).
   *
   * @param mu of mu
   * @param omega of omega
   * @param alpha of alpha
   * @param gamma of gamma
   * @param beta of beta
   * @param nu of nu
   */
  public record StandardErrors(
      double mu, double omega, double alpha, double gamma, double beta, double nu) {
    /** All NaN. */
    public static final StandardErrors NONE =
        new StandardErrors(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
  }
}
