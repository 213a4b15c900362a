package io.github.bsoptions.app.cli;

import io.github.bsoptions.signals.forecast.GarchForecaster;
import io.github.bsoptions.signals.forecast.ImpliedVolForecaster;
import io.github.bsoptions.signals.forecast.TrailingRealizedForecaster;
import io.github.bsoptions.signals.ml.SimulatedVolatility;
import io.github.bsoptions.signals.ml.VolModelConfig;
import io.github.bsoptions.signals.ml.VolModelTrainer;
import io.github.bsoptions.signals.spi.Forecaster;
import io.github.bsoptions.signals.vol.ForecastInput;
import io.github.bsoptions.signals.vol.ForecastMetrics;
import io.github.bsoptions.signals.vol.WalkForward;
import io.github.bsoptions.signals.vol.garch.GarchSpec;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bs forecast-eval}: a walk-forward, out-of-sample comparison of volatility forecasters on
 * simulated stochastic-volatility paths ({@link SimulatedVolatility#typical()}), scored by QLIKE
 * and the RMSE of the forecast volatility. GARCH(1,1), GJR-GARCH, trailing realized volatility and
 * the option-implied volatility always; the LSTM, the hybrid LSTM-GARCH and the hybrid that also
 * reads the chain features (ATM IV, skew, term slope), trained here on separate paths, when the DJL
 * PyTorch engine loads.
 */
@Command(
    name = "forecast-eval",
    description = {
      "Walk-forward out-of-sample comparison of volatility forecasters on simulated paths:"
          + " QLIKE and vol RMSE of the mean variance over the next --target days.",
      "GARCH, GJR-GARCH, 21-day trailing realized vol and the ATM implied vol always; with"
          + " --with-ml (default, if the DJL PyTorch engine loads) also an LSTM, a hybrid"
          + " LSTM-GARCH and a hybrid reading the chain features, trained on separate paths."
    })
public final class ForecastEvalCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--paths",
      defaultValue = "3",
      description = "Evaluation paths (default ${DEFAULT-VALUE}).")
  int paths;

  @Option(
      names = "--train-paths",
      defaultValue = "6",
      description = "Training paths for the ML models (default ${DEFAULT-VALUE}).")
  int trainPaths;

  @Option(
      names = "--days",
      defaultValue = "1200",
      description = "Days per evaluation path (default ${DEFAULT-VALUE}).")
  int days;

  @Option(
      names = "--first",
      defaultValue = "1000",
      description = "First forecast day; earlier days are warm-up (default ${DEFAULT-VALUE}).")
  int first;

  @Option(
      names = "--step",
      defaultValue = "5",
      description = "Days between forecasts (default ${DEFAULT-VALUE}).")
  int step;

  @Option(
      names = "--target",
      defaultValue = "5",
      description = "Days ahead whose mean variance is forecast (default ${DEFAULT-VALUE}).")
  int target;

  @Option(
      names = "--epochs",
      defaultValue = "5",
      description = "Training epochs of the ML models (default ${DEFAULT-VALUE}).")
  int epochs;

  @Option(
      names = "--seed",
      defaultValue = "1000",
      description =
          "Training paths use seeds seed..seed+train-paths-1, evaluation paths seed+4000..."
              + " (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--with-ml",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description = "Train and include the LSTM and hybrid models (default ${DEFAULT-VALUE}).")
  boolean withMl;

  /** One row of the comparison. */
  record Row(String model, ForecastMetrics metrics) {}

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      check(paths, "--paths");
      check(trainPaths, "--train-paths");
      check(step, "--step");
      check(target, "--target");
      check(epochs, "--epochs");
      if (first < 30 || first + target >= days) {
        throw new IllegalArgumentException(
            "--first must be >= 30 and below --days minus --target, was "
                + first
                + " (days "
                + days
                + ")");
      }
      List<Row> rows = evaluate(err);
      out.printf(
          Locale.ROOT,
          "walk-forward: %d paths x %d days, forecasts from day %d every %d days, target %d"
              + " days%n",
          paths,
          days,
          first,
          step,
          target);
      out.printf(Locale.ROOT, "%-24s %6s %10s %10s%n", "model", "n", "QLIKE", "RMSE");
      for (Row r : rows) {
        out.printf(
            Locale.ROOT,
            "%-24s %6d %10.4f %10.4f%n",
            r.model(),
            r.metrics().count(),
            r.metrics().qlike(),
            r.metrics().rmseVol());
      }
      out.println(
          "QLIKE: mean of realized/forecast - ln(realized/forecast) - 1 (lower is better);"
              + " RMSE: of annualized volatility.");
      out.flush();
      return 0;
    } catch (IllegalArgumentException e) {
      err.println("bs forecast-eval: " + e.getMessage());
      err.flush();
      return 2;
    }
  }

  private static void check(int v, String name) {
    if (v < 1) {
      throw new IllegalArgumentException(name + " must be >= 1, was " + v);
    }
  }

  List<Row> evaluate(PrintWriter err) {
    SimulatedVolatility sv = SimulatedVolatility.typical();
    List<ForecastInput> test = new ArrayList<>();
    for (int i = 0; i < paths; i++) {
      test.add(sv.path(days, seed + 4000 + i));
    }
    int window = Math.min(1000, first);
    Map<String, Forecaster> models = new LinkedHashMap<>();
    models.put("garch", new GarchForecaster(GarchSpec.garch(), window));
    models.put("gjr-garch", new GarchForecaster(GarchSpec.gjr(), window));
    models.put("trailing-rv-21", new TrailingRealizedForecaster(21));
    models.put("implied-vol", new ImpliedVolForecaster());
    List<AutoCloseable> trained = new ArrayList<>();
    try {
      if (withMl) {
        try {
          List<ForecastInput> train = new ArrayList<>();
          for (int i = 0; i < trainPaths; i++) {
            train.add(sv.path(Math.max(days, 1000), seed + i));
          }
          List<VolModelConfig> configs =
              List.of(
                  VolModelConfig.defaults(false).withEpochs(epochs),
                  VolModelConfig.defaults(true).withEpochs(epochs),
                  VolModelConfig.defaults(true).withEpochs(epochs).withChainFeatures(true));
          for (VolModelConfig cfg : configs) {
            VolModelTrainer.Result res = VolModelTrainer.train(train, cfg);
            trained.add(res.forecaster());
            models.put(res.forecaster().name(), res.forecaster());
          }
        } catch (RuntimeException | LinkageError e) {
          err.println(
              "bs forecast-eval: ML models skipped (DJL PyTorch engine unavailable: "
                  + e.getMessage()
                  + ")");
          err.flush();
        }
      }
      List<Row> rows = new ArrayList<>();
      for (Map.Entry<String, Forecaster> m : models.entrySet()) {
        rows.add(
            new Row(m.getKey(), WalkForward.evaluate(m.getValue(), test, first, step, target)));
      }
      return rows;
    } finally {
      for (AutoCloseable c : trained) {
        try {
          c.close();
        } catch (Exception e) {
          err.println("bs forecast-eval: close failed: " + e.getMessage());
        }
      }
    }
  }
}
