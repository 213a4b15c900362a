package io.github.bsoptions.app.web;

import io.github.bsoptions.app.obs.StageLatency;
import java.util.List;

/**
 * What the trading loop (or backtest, or a store reader) publishes for the dashboard. Every method
 * replaces the topic's current value, except {@link #appendEquity}, which appends to the curve.
 * Implementations are thread-safe and cheap enough to call once per loop iteration; they never
 * block on slow dashboard clients.
 */
public interface DashboardState {
  /** Publishes the near-the-money chain with scores. */
  void publishChain(Views.Chain chain);

  /** Publishes IV smiles and the term structure. */
  void publishSurface(Views.Surface surface);

  /** Publishes the latest signals (newest first). */
  void publishSignals(List<Views.Signal> signals);

  /** Publishes positions and net greeks. */
  void publishPortfolio(Views.Portfolio portfolio);

  /** Appends a point to the equity curve. */
  void appendEquity(Views.EquityPoint point);

  /** Publishes the latency table. */
  void publishLatency(List<StageLatency> rows);

  /** Publishes the health of sources, brokers and stores. */
  void publishHealth(List<Views.Health> health);

  /** Publishes a backtest result. */
  void publishBacktest(Views.Backtest backtest);

  /** A state that drops everything (no dashboard). */
  DashboardState NONE =
      new DashboardState() {
        @Override
        public void publishChain(Views.Chain chain) {}

        @Override
        public void publishSurface(Views.Surface surface) {}

        @Override
        public void publishSignals(List<Views.Signal> signals) {}

        @Override
        public void publishPortfolio(Views.Portfolio portfolio) {}

        @Override
        public void appendEquity(Views.EquityPoint point) {}

        @Override
        public void publishLatency(List<StageLatency> rows) {}

        @Override
        public void publishHealth(List<Views.Health> health) {}

        @Override
        public void publishBacktest(Views.Backtest backtest) {}
      };
}
