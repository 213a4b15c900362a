package io.github.bsoptions.signals.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.bsoptions.signals.spi.Forecaster;
import io.github.bsoptions.signals.vol.ChainFeatures;
import io.github.bsoptions.signals.vol.ForecastInput;
import io.github.bsoptions.signals.vol.Forecasters;
import io.github.bsoptions.signals.vol.VolForecast;
import io.github.bsoptions.signals.vol.garch.GarchModel;
import io.github.bsoptions.signals.vol.garch.GarchParameters;
import io.github.bsoptions.signals.vol.garch.GarchSpec;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ForecastersTest {

  @Test
  void builtIns_areDiscoveredByName() {
    assertThat(Forecasters.names()).contains("garch", "gjr-garch", "trailing-rv", "implied-vol");
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

  @Test
  void impliedVolForecaster_holdsTheLastAtmIvFlat_andNeedsOne() {
    double[] r = {0.01, -0.02, 0.005, 0.0};
    ChainFeatures chain =
        new ChainFeatures(
            new double[] {0.2, 0.22, 0.25, 0.3},
            new double[] {0.03, 0.03, 0.04, 0.05},
            new double[] {-0.01, 0, 0.01, 0.02});
    ForecastInput in = new ForecastInput(r, new double[0], OptionalDouble.empty(), chain);
    assertThat(in.impliedVol()).hasValue(0.3);
    VolForecast f = Forecasters.create("implied-vol").forecast(in, 3);
    assertThat(f.dailyVariances()).containsExactly(0.09 / 252, 0.09 / 252, 0.09 / 252);
    assertThat(new ImpliedVolForecaster().forecast(in.head(2), 1).variance(1))
        .isEqualTo(0.22 * 0.22 / 252);
    assertThatThrownBy(() -> new ImpliedVolForecaster().forecast(ForecastInput.ofReturns(r), 1))
        .hasMessageContaining("impliedVol");
  }

  @Test
  void forecastInput_slicesChainFeaturesWithTheReturns_andValidatesThem() {
    double[] r = {0.01, -0.02, 0.005, 0.0};
    double[] range = {1e-4, 2e-4, 3e-4, 4e-4};
    ChainFeatures chain =
        new ChainFeatures(
            new double[] {0.2, 0.22, 0.25, 0.3},
            new double[] {0.03, 0.03, 0.04, 0.05},
            new double[] {-0.01, 0, 0.01, 0.02});
    ForecastInput in = new ForecastInput(r, range, OptionalDouble.empty(), chain);
    ForecastInput head = in.head(3);
    assertThat(head.logReturns()).containsExactly(0.01, -0.02, 0.005);
    assertThat(head.rangeVariances()).containsExactly(1e-4, 2e-4, 3e-4);
    assertThat(head.chain().skew()).containsExactly(0.03, 0.03, 0.04);
    assertThat(head.impliedVol()).hasValue(0.25);
    ForecastInput tail = in.tail(2);
    assertThat(tail.chain().termSlope()).containsExactly(0.01, 0.02);
    assertThat(tail.logReturns()).containsExactly(0.005, 0.0);
    assertThat(in).isEqualTo(new ForecastInput(r, range, OptionalDouble.empty(), chain));
    assertThat(in).isNotEqualTo(new ForecastInput(r, range, OptionalDouble.of(0.3)));
    assertThatThrownBy(() -> new ForecastInput(r, range, OptionalDouble.empty(), chain.head(3)))
        .hasMessageContaining("chain");
    assertThatThrownBy(
            () ->
                new ChainFeatures(
                    new double[] {0.2, -0.1}, new double[] {0, 0}, new double[] {0, 0}))
        .hasMessageContaining("atmIv[1]");
    assertThatThrownBy(
            () -> new ChainFeatures(new double[] {0.2}, new double[] {0, 0}, new double[] {0}))
        .hasMessageContaining("same length");
    assertThatThrownBy(() -> in.head(1)).hasMessageContaining("days");
  }
}
