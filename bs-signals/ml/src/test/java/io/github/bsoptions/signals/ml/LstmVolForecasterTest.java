package io.github.bsoptions.signals.ml;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bsoptions.signals.forecast.GarchForecaster;
import io.github.bsoptions.signals.forecast.ImpliedVolForecaster;
import io.github.bsoptions.signals.forecast.TrailingRealizedForecaster;
import io.github.bsoptions.signals.vol.ForecastInput;
import io.github.bsoptions.signals.vol.ForecastMetrics;
import io.github.bsoptions.signals.vol.VolForecast;
import io.github.bsoptions.signals.vol.WalkForward;
import io.github.bsoptions.signals.vol.garch.GarchSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LstmVolForecasterTest {
  private static final SimulatedVolatility SV = SimulatedVolatility.typical();
  private static final int DAYS = 1200;
  private static List<ForecastInput> train;
  private static List<ForecastInput> test;
  private static VolModelTrainer.Result hybrid;
  private static VolModelTrainer.Result lstm;
  private static VolModelTrainer.Result chain;

  @BeforeAll
  static void trainModels() {
    train = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      train.add(SV.path(1000, 1000 + i));
    }
    test = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      test.add(SV.path(DAYS, 5000 + i));
    }
    hybrid = VolModelTrainer.train(train, VolModelConfig.defaults(true).withEpochs(5));
    lstm = VolModelTrainer.train(train, VolModelConfig.defaults(false).withEpochs(5));
    chain =
        VolModelTrainer.train(
            train, VolModelConfig.defaults(true).withEpochs(5).withChainFeatures(true));
  }

  @AfterAll
  static void close() {
    hybrid.forecaster().close();
    lstm.forecaster().close();
    chain.forecaster().close();
  }

  @Test
  void training_reducesLoss() {
    for (TrainingReport r : List.of(hybrid.report(), lstm.report(), chain.report())) {
      assertThat(r.samples()).isGreaterThan(5000);
      assertThat(r.lastEpochLoss()).as(r.model()).isLessThan(r.firstEpochLoss());
      assertThat(r.inSample().qlike()).isPositive();
    }
  }

  @Test
  void saveAndLoad_reproducePredictionsExactly(@TempDir Path dir) {
    ForecastInput in = test.get(0);
    for (LstmVolForecaster f :
        List.of(hybrid.forecaster(), lstm.forecaster(), chain.forecaster())) {
      f.save(dir.resolve(f.name()));
      try (LstmVolForecaster loaded = LstmVolForecaster.load(dir.resolve(f.name()))) {
        assertThat(loaded.name()).isEqualTo(f.name());
        assertThat(loaded.config()).isEqualTo(f.config());
        VolForecast a = f.forecast(in, 30);
        VolForecast b = loaded.forecast(in, 30);
        assertThat(b.dailyVariances()).containsExactly(a.dailyVariances());
      }
    }
  }

  @Test
  void hybrid_beatsGarchOutOfSample() {
    int first = 1000;
    int step = 5;
    int h = 5;
    ForecastMetrics garch =
        WalkForward.evaluate(new GarchForecaster(GarchSpec.garch(), 1000), test, first, step, h);
    ForecastMetrics hyb = WalkForward.evaluate(hybrid.forecaster(), test, first, step, h);
    ForecastMetrics lst = WalkForward.evaluate(lstm.forecaster(), test, first, step, h);
    ForecastMetrics naive =
        WalkForward.evaluate(new TrailingRealizedForecaster(21), test, first, step, h);
    ForecastMetrics iv = WalkForward.evaluate(new ImpliedVolForecaster(), test, first, step, h);
    ForecastMetrics hc = WalkForward.evaluate(chain.forecaster(), test, first, step, h);
    System.out.printf(
        "out-of-sample QLIKE / vol RMSE (n=%d): garch %.4f / %.4f, hybrid %.4f / %.4f,"
            + " lstm %.4f / %.4f, trailing-rv %.4f / %.4f, implied-vol %.4f / %.4f,"
            + " hybrid+chain %.4f / %.4f%n",
        garch.count(),
        garch.qlike(),
        garch.rmseVol(),
        hyb.qlike(),
        hyb.rmseVol(),
        lst.qlike(),
        lst.rmseVol(),
        naive.qlike(),
        naive.rmseVol(),
        iv.qlike(),
        iv.rmseVol(),
        hc.qlike(),
        hc.rmseVol());
    assertThat(hyb.qlike()).isLessThan(garch.qlike());
    assertThat(hc.qlike()).isLessThan(garch.qlike()).isLessThan(iv.qlike());
  }

  @Test
  void providers_loadSavedModels_andBestFallsBackToGarchWithout(@TempDir Path dir) {
    String key = MlForecasterProviders.MODEL_DIR_PROPERTY;
    String before = System.getProperty(key);
    try {
      System.clearProperty(key);
      if (System.getenv("BS_SIGNALS_MODEL_DIR") == null) {
        assertThat(io.github.bsoptions.signals.vol.Forecasters.best().name()).isEqualTo("garch");
      }
      hybrid.forecaster().save(dir.resolve("hybrid-lstm-garch"));
      System.setProperty(key, dir.toString());
      io.github.bsoptions.signals.spi.Forecaster best =
          io.github.bsoptions.signals.vol.Forecasters.best();
      assertThat(best.name()).isEqualTo("hybrid-lstm-garch");
      assertThat(best.forecast(test.get(1), 10).dailyVariances())
          .containsExactly(hybrid.forecaster().forecast(test.get(1), 10).dailyVariances());
      ((LstmVolForecaster) best).close();
    } finally {
      if (before == null) {
        System.clearProperty(key);
      } else {
        System.setProperty(key, before);
      }
    }
  }

  @Test
  void chainModel_needsChainFeatures_andNamesThem() {
    assertThat(chain.forecaster().name()).isEqualTo("hybrid-lstm-garch-chain");
    ForecastInput returnsOnly = ForecastInput.ofReturns(test.get(0).logReturns());
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> chain.forecaster().forecast(returnsOnly, 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("chain features");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                VolModelTrainer.train(
                    List.of(returnsOnly),
                    VolModelConfig.defaults(true).withEpochs(1).withChainFeatures(true)))
        .hasMessageContaining("chain features");
  }

  @Test
  void forecaster_rejectsShortHistory() {
    ForecastInput tiny = ForecastInput.ofReturns(new double[] {0.01, -0.01, 0.02});
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> hybrid.forecaster().forecast(tiny, 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least");
  }
}
