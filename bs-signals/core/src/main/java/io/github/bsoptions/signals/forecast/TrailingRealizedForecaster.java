package io.github.bsoptions.signals.forecast;

import io.github.bsoptions.signals.internal.Checks;
import io.github.bsoptions.signals.spi.Forecaster;
import io.github.bsoptions.signals.vol.ForecastInput;
import io.github.bsoptions.signals.vol.VolForecast;
import java.util.Arrays;

/**
 * The naive baseline: the mean squared return (or mean range variance when present) over the last
 * {@code window} days, held flat.
 */
public final class TrailingRealizedForecaster implements Forecaster {
  private final int window;

  /** Creates a forecaster averaging the last {@code window} days (e.g. 21). */
  public TrailingRealizedForecaster(int window) {
    this.window = Checks.positive(window, "window");
  }

  @Override
  public String name() {
    return "trailing-rv";
  }

  @Override
  public int minHistory() {
    return window;
  }

  @Override
  public VolForecast forecast(ForecastInput input, int horizon) {
    Checks.positive(horizon, "horizon");
    double[] x = input.hasRangeVariances() ? input.rangeVariances() : input.logReturns();
    if (x.length < window) {
      throw new IllegalArgumentException(
          "logReturns must have at least " + window + " values, had " + x.length);
    }
    double s = 0;
    for (int i = x.length - window; i < x.length; i++) {
      s += input.hasRangeVariances() ? x[i] : x[i] * x[i];
    }
    double v = Math.max(s / window, 1e-12);
    double[] out = new double[horizon];
    Arrays.fill(out, v);
    return new VolForecast(name(), out, 252);
  }
}
