package io.github.bsoptions.app.cli;

import io.github.bsoptions.app.config.AppConfig;
import io.github.bsoptions.app.config.ConfigKey;
import io.github.bsoptions.app.loop.DemoSystem;
import io.github.bsoptions.app.loop.MlRetrainer;
import picocli.CommandLine.Option;

/**
 * Options the trading-loop commands {@code bs run} and {@code bs demo} share, mixed in with
 * {@code @Mixin}: the dashboard port and the hybrid LSTM-GARCH retraining. Their {@code --seed},
 * {@code --step-minutes} and {@code --dashboard} say different things per command (a cycle, a loop
 * step; serving while running, or until Ctrl-C) and stay in each command, as does {@code bs
 * backtest}'s own {@code --ml} (per replayed session).
 */
final class LoopOptions {
  @Option(names = "--port", paramLabel = "N", description = "Dashboard port (with --dashboard).")
  Integer port;

  @Option(
      names = "--ml",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description =
          "Retrain the hybrid LSTM-GARCH every session (demo: between the simulated sessions;"
              + " run: in the background) and trade on it once in service (default"
              + " ${DEFAULT-VALUE}; --no-ml: GARCH refits only).")
  boolean ml;

  /** Returns the configuration with {@code --port}, when given, as the dashboard port. */
  AppConfig withPort(AppConfig config) {
    return port == null ? config : config.with(ConfigKey.DASHBOARD_PORT, Integer.toString(port));
  }

  /**
   * Has the system retrain the hybrid model every session, unless {@code --no-ml}: between sessions
   * when they are simulated back to back ({@code betweenSessions}, the demo), else in the
   * background.
   */
  void retrain(DemoSystem system, boolean betweenSessions) {
    if (ml) {
      system.retrainWith(betweenSessions ? MlRetrainer.betweenSessions() : MlRetrainer.demo());
    }
  }
}
