package io.github.bsoptions.signals.forecast;

import io.github.bsoptions.signals.internal.Checks;
import io.github.bsoptions.signals.spi.Forecaster;
import io.github.bsoptions.signals.vol.ForecastInput;
import io.github.bsoptions.signals.vol.VolForecast;
import java.util.Arrays;

/**
 * The option-implied baseline: the current at-the-money implied volatility ({@link
 * ForecastInput#impliedVol()}) held flat as the forecast, as a trader reading the market's own
 * forecast would. Implied volatility carries the variance risk premium, so it is biased high
 * against realized volatility; that is the point of comparing against it.
 */
public final class ImpliedVolForecaster implements Forecaster {
  /** Creates the forecaster. */
  public ImpliedVolForecaster() {}

  @Override
  public String name() {
    return "implied-vol";
  }

  @Override
  public int minHistory() {
    return 2;
  }

  /**
   * Returns the flat forecast {@code iv^2 / 252} per day.
   *
   * @throws IllegalArgumentException when the input carries no implied volatility
   */
  @Override
  public VolForecast forecast(ForecastInput input, int horizon) {
    Checks.positive(horizon, "horizon");
    if (input.impliedVol().isEmpty()) {
      throw new IllegalArgumentException(
          "impliedVol must be present for the implied-vol forecaster (input " + input + ")");
    }
    double iv = Checks.positive(input.impliedVol().getAsDouble(), "impliedVol");
    double[] v = new double[horizon];
    Arrays.fill(v, iv * iv / 252);
    return new VolForecast(name(), v, 252);
  }
}
