package io.github.bsoptions.signals.forecast;

import io.github.bsoptions.signals.internal.Checks;
import io.github.bsoptions.signals.spi.Forecaster;
import io.github.bsoptions.signals.vol.ForecastInput;
import io.github.bsoptions.signals.vol.VolForecast;
import io.github.bsoptions.signals.vol.garch.GarchFit;
import io.github.bsoptions.signals.vol.garch.GarchModel;
import io.github.bsoptions.signals.vol.garch.GarchSpec;
import java.util.Objects;

/**
 * Forecasts by fitting a GARCH-family model to the input's returns on every call (about a few
 * milliseconds for 2,500 returns) and projecting its variance.
 */
public final class GarchForecaster implements Forecaster {
  private final GarchSpec spec;
  private final String name;
  private final int window;

  /**
   * Creates a forecaster.
   *
   * @param spec the model to fit
   * @param window the number of most recent returns to fit on (e.g. 2,520 for ten years)
   */
  public GarchForecaster(GarchSpec spec, int window) {
    this.spec = Objects.requireNonNull(spec, "spec");
    this.window = Checks.positive(window, "window");
    this.name = spec.variant() == GarchSpec.Variant.GJR ? "gjr-garch" : "garch";
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public int minHistory() {
    return 100;
  }

  /** Returns the fit on the most recent {@code window} returns of the input. */
  public GarchFit fit(ForecastInput input) {
    double[] r = input.logReturns();
    if (r.length < minHistory()) {
      throw new IllegalArgumentException(
          "logReturns must have at least " + minHistory() + " values, had " + r.length);
    }
    int from = Math.max(0, r.length - window);
    return GarchModel.fit(java.util.Arrays.copyOfRange(r, from, r.length), spec);
  }

  @Override
  public VolForecast forecast(ForecastInput input, int horizon) {
    return fit(input).forecast(horizon);
  }
}
