package io.github.bsoptions.app.store;

import java.time.Instant;

/**
 * A volatility forecast and, once known, the volatility realized over its horizon.
 *
 * @param createdAt when it was made
 * @param underlying the underlying symbol
 * @param model the model name ({@code garch}, {@code lstm-garch}, ...)
 * @param modelVersion the model version that made it
 * @param horizonDays the horizon in trading days, positive
 * @param forecastVol the forecast annualized volatility
 * @param realizedVol the realized annualized volatility, or NaN while unknown
 */
public record StoredForecast(
    Instant createdAt,
    String underlying,
    String model,
    String modelVersion,
    int horizonDays,
    double forecastVol,
    double realizedVol) {
  /** Validates every field. */
  public StoredForecast {
    Records.notNull(createdAt, "createdAt");
    Records.text(underlying, "underlying", 32);
    Records.text(model, "model", 64);
    Records.text(modelVersion, "modelVersion", 64);
    if (horizonDays <= 0) {
      throw new IllegalArgumentException("horizonDays must be > 0, was " + horizonDays);
    }
    Records.finite(forecastVol, "forecastVol");
    Records.finiteOrNaN(realizedVol, "realizedVol");
  }
}
