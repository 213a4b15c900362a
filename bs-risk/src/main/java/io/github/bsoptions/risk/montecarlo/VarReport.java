package io.github.bsoptions.risk.montecarlo;

import java.util.List;

/**
 * Monte Carlo VaR and expected shortfall of a portfolio. Losses are positive numbers in currency:
 * {@code loss = value now - value at the horizon}.
 *
 * @param baseValue the portfolio value now
 * @param paths the number of paths simulated
 * @param meanPnl the mean P&amp;L over all paths (with its interval)
 * @param levels one entry per confidence level asked
 * @param correlationRidge what was added to the correlation diagonal to make it positive definite
 *     (0 when nothing; see {@link MonteCarloVar})
 */
public record VarReport(
    double baseValue, int paths, Estimate meanPnl, List<Level> levels, double correlationRidge) {

  /** Copies the list. */
  public VarReport {
    levels = List.copyOf(levels);
  }

  /** Returns the entry for {@code confidence}. */
  public Level at(double confidence) {
    for (Level l : levels) {
      if (l.confidence() == confidence) {
        return l;
      }
    }
    throw new IllegalArgumentException("no level " + confidence + " in this report");
  }

  /**
   * VaR and ES at one confidence level.
   *
   * @param confidence the level, e.g. 0.99
   * @param var the loss exceeded with probability {@code 1 - confidence}
   * @param expectedShortfall the mean loss beyond the VaR
   */
  public record Level(double confidence, Estimate var, Estimate expectedShortfall) {}
}
