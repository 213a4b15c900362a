package io.github.bsoptions.signals.spi;

import io.github.bsoptions.signals.vol.ForecastInput;
import io.github.bsoptions.signals.vol.VolForecast;

/**
 * A volatility forecaster: from a history of returns (and optional range and implied-vol features)
 * to per-day variance forecasts.
 *
 * <p>Implementations are thread-safe for concurrent {@link #forecast} calls. A forecaster that
 * cannot forecast from the given input (too short a history, say) throws {@link
 * IllegalArgumentException} naming the reason.
 */
public interface Forecaster {

  /** Returns the forecaster's name, e.g. {@code "garch"} or {@code "hybrid-lstm-garch"}. */
  String name();

  /** Returns the minimum number of returns {@link #forecast} needs. */
  int minHistory();

  /**
   * Returns the variance forecast for the next {@code horizon} trading days.
   *
   * @param input the history, oldest first
   * @param horizon number of days to forecast, at least 1
   * @return the forecast
   */
  VolForecast forecast(ForecastInput input, int horizon);
}
