package io.github.bsoptions.risk.stress;

import java.util.List;

/**
 * P&amp;L of a portfolio under a list of scenarios, by full revaluation.
 *
 * @param baseValue the portfolio value before any shock
 * @param positionIds the position ids, in portfolio order (the columns of {@code positionPnl})
 * @param rows one row per scenario, in the order given
 */
public record StressResult(double baseValue, List<String> positionIds, List<Row> rows) {

  /** Copies the lists. */
  public StressResult {
    positionIds = List.copyOf(positionIds);
    rows = List.copyOf(rows);
  }

  /** Returns the worst (lowest) total P&amp;L row. */
  public Row worst() {
    Row w = null;
    for (Row r : rows) {
      if (w == null || r.pnl() < w.pnl()) {
        w = r;
      }
    }
    return w;
  }

  /**
   * The outcome of one scenario.
   *
   * @param scenario the scenario
   * @param value the portfolio value after the shock
   * @param pnl {@code value - baseValue}
   * @param positionPnl P&amp;L per position, in portfolio order
   */
  public record Row(StressScenario scenario, double value, double pnl, double[] positionPnl) {
    /** Copies the array. */
    public Row {
      positionPnl = positionPnl.clone();
    }

    /** Returns a copy of the per-position P&amp;L. */
    @Override
    public double[] positionPnl() {
      return positionPnl.clone();
    }
  }
}
