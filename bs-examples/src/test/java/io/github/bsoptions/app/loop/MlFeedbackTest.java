package io.github.bsoptions.app.loop;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bsoptions.app.obs.AppMetrics;
import io.github.bsoptions.app.report.RunReport;
import io.github.bsoptions.app.store.JdbcTradingStore;
import io.github.bsoptions.app.store.StoredForecast;
import io.github.bsoptions.app.web.DashboardState;
import io.github.bsoptions.signals.ml.VolModelConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The learned half of the feedback loop: the hybrid LSTM-GARCH trained at the first session's start
 * serves the second session, and its forecasts are stored under its version.
 */
class MlFeedbackTest {
  @TempDir Path dir;

  @Test
  void theModelTrainedOnDayOneServesDayTwoAndIsLoggedWithItsVersion() throws Exception {
    check(
        new MlRetrainer(VolModelConfig.defaults(true).withEpochs(2), Duration.ofMinutes(5)),
        "in the background");
  }

  /**
   * Trained between sessions (the demo's way), the same version serves day two even when the
   * promotion would wait only a millisecond for a background training.
   */
  @Test
  void trainedBetweenSessionsTheModelIsReadyAtTheNextSession() throws Exception {
    check(
        new MlRetrainer(VolModelConfig.defaults(true).withEpochs(2), Duration.ofMillis(1), true),
        "before its first cycle");
  }

  private void check(MlRetrainer ml, String where) throws Exception {
    DemoSystem.Settings d = DemoSystem.Settings.defaults(42, 2);
    DemoSystem.Settings settings =
        new DemoSystem.Settings(
            42,
            2,
            Duration.ofMinutes(60),
            Map.of("SPY", new double[] {500, 0.18}),
            d.startingCash(),
            d.forecaster(),
            d.maxOpenTrades());
    RunReport r;
    List<StoredForecast> stored;
    try (JdbcTradingStore store =
            JdbcTradingStore.open(JdbcTradingStore.embeddedUrl(dir.resolve("db")), "", "");
        DemoSystem system =
            new DemoSystem(
                settings,
                dir.resolve("journal"),
                new AppMetrics(),
                store,
                store,
                DashboardState.NONE)) {
      system.retrainWith(ml);
      r = system.run(null);
      stored = store.forecasts();
    }
    if (ml.unavailable().isPresent()) {
      // no DJL PyTorch engine here: the loop went on with GARCH and said why
      assertThat(r.notes()).anyMatch(n -> n.startsWith("learned model not trained"));
      return;
    }
    // trained once (at day 1; a model trained on the last day would never serve)
    assertThat(ml.versions()).hasSize(1);
    MlRetrainer.Version v = ml.versions().get(0);
    assertThat(v.model()).isEqualTo("hybrid-lstm-garch");
    assertThat(v.samples()).isPositive();
    assertThat(v.epochs()).isEqualTo(2);
    assertThat(v.lastLoss()).isFinite();
    // day 1: GARCH only; day 2: GARCH and the hybrid, stored with its version
    assertThat(stored).extracting(StoredForecast::model).contains("hybrid-lstm-garch");
    assertThat(stored)
        .filteredOn(f -> f.model().equals("hybrid-lstm-garch"))
        .singleElement()
        .satisfies(f -> assertThat(f.modelVersion()).isEqualTo(v.label()));
    assertThat(r.notes()).anyMatch(n -> n.startsWith("model hybrid-lstm-garch " + v.label()));
    assertThat(r.notes()).anyMatch(n -> n.startsWith("feedback loop:") && n.contains(where));
  }
}
