package io.github.bsoptions.signals.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.bsoptions.signals.spi.Forecaster;
import io.github.bsoptions.signals.vol.ForecastInput;
import io.github.bsoptions.signals.vol.Forecasters;
import io.github.bsoptions.signals.vol.VolForecast;
import io.github.bsoptions.signals.vol.garch.GarchModel;
import io.github.bsoptions.signals.vol.garch.GarchParameters;
import io.github.bsoptions.signals.vol.garch.GarchSpec;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ForecastersTest {

  @Test
  void builtIns_areDiscoveredByName() {
    assertThat(Forecasters.names()).contains("garch", "gjr-garch", "trailing-rv");
    assertThatThrownBy(() -> Forecasters.create("nope"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("garch");
  }

  @Test
  void garchForecaster_forecastsTowardTheLongRunVariance() {
    GarchParameters p = GarchParameters.of(0, 4e-6, 0.08, 0.90);
    double[] r = GarchModel.simulate(GarchSpec.garch(), p, 2000, new SplittableRandom(1), null);
    Forecaster f = Forecasters.create("garch");
    VolForecast fc = f.forecast(ForecastInput.ofReturns(r), 500);
    assertThat(fc.model()).isEqualTo("garch");
    assertThat(fc.horizon()).isEqualTo(500);
    double longRun = Math.sqrt(252 * p.unconditionalVariance());
    assertThat(fc.annualizedVol(500)).isBetween(0.7 * longRun, 1.3 * longRun);
    VolForecast naive = Forecasters.create("trailing-rv").forecast(ForecastInput.ofReturns(r), 5);
    assertThat(naive.variance(1)).isEqualTo(naive.variance(5));
  }
}
