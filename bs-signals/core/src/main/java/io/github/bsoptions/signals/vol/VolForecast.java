package io.github.bsoptions.signals.vol;

import io.github.bsoptions.signals.internal.Checks;

/**
 * A multi-step variance forecast: the expected variance of each of the next periods.
 *
 * <p>{@code dailyVariances[0]} is the variance expected for the next period (one trading day),
 * {@code dailyVariances[h-1]} for the h-th. Annualization uses {@code periodsPerYear} (252).
 *
 * @param model the name of the model that produced the forecast
 * @param dailyVariances per-period variance forecasts, at least one, each finite and positive
 * @param periodsPerYear periods per year used to annualize
 */
public record VolForecast(String model, double[] dailyVariances, double periodsPerYear) {

  /** Validates and copies the variances. */
  public VolForecast {
    if (model == null) {
      throw new IllegalArgumentException("model must not be null");
    }
    dailyVariances = Checks.finiteArray(dailyVariances, 1, "dailyVariances").clone();
    for (double v : dailyVariances) {
      Checks.positive(v, "dailyVariances");
    }
    Checks.positive(periodsPerYear, "periodsPerYear");
  }

  /** Returns a flat forecast of the given annualized volatility over {@code horizon} days. */
  public static VolForecast flat(String model, double annualVol, int horizon) {
    Checks.positive(annualVol, "annualVol");
    Checks.positive(horizon, "horizon");
    double[] v = new double[horizon];
    java.util.Arrays.fill(v, annualVol * annualVol / RealizedVolatility.TRADING_DAYS);
    return new VolForecast(model, v, RealizedVolatility.TRADING_DAYS);
  }

  /** Returns the number of forecast periods. */
  public int horizon() {
    return dailyVariances.length;
  }

  /** Returns a copy of the per-period variance forecasts. */
  @Override
  public double[] dailyVariances() {
    return dailyVariances.clone();
  }

  /** Returns the variance forecast for period {@code step} (1-based, clamped to the horizon). */
  public double variance(int step) {
    Checks.positive(step, "step");
    return dailyVariances[Math.min(step, dailyVariances.length) - 1];
  }

  /**
   * Returns the annualized volatility expected on average over the next {@code days} periods:
   * {@code sqrt(periodsPerYear * mean(variance(1..days)))}. Beyond the horizon the last forecast is
   * repeated.
   *
   * @param days number of periods, at least 1
   * @return annualized volatility as a fraction
   */
  public double annualizedVol(int days) {
    Checks.positive(days, "days");
    double s = 0;
    for (int i = 1; i <= days; i++) {
      s += variance(i);
    }
    return Math.sqrt(periodsPerYear * s / days);
  }

  /** Returns the annualized volatility to an expiry {@code years} away (at least one period). */
  public double annualizedVolToExpiry(double years) {
    Checks.positive(years, "years");
    return annualizedVol(Math.max(1, (int) Math.round(years * periodsPerYear)));
  }

  /** Returns the annualized term structure: element i is {@code annualizedVol(i + 1)}. */
  public double[] annualizedTerm() {
    double[] out = new double[dailyVariances.length];
    double s = 0;
    for (int i = 0; i < out.length; i++) {
      s += dailyVariances[i];
      out[i] = Math.sqrt(periodsPerYear * s / (i + 1));
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VolForecast f
        && f.model.equals(model)
        && java.util.Arrays.equals(f.dailyVariances, dailyVariances)
        && Double.compare(f.periodsPerYear, periodsPerYear) == 0;
  }

  @Override
  public int hashCode() {
    return model.hashCode() * 31 + java.util.Arrays.hashCode(dailyVariances);
  }

  @Override
  public String toString() {
    return "VolForecast[" + model + ", horizon=" + horizon() + ", vol1=" + annualizedVol(1) + "]";
  }
}
