package io.github.bsoptions.risk.stress;

import io.github.bsoptions.risk.internal.Book;
import io.github.bsoptions.risk.internal.Checks;
import io.github.bsoptions.risk.portfolio.MarketState;
import io.github.bsoptions.risk.portfolio.Portfolio;
import io.github.bsoptions.risk.portfolio.Position;
import io.github.bsoptions.risk.portfolio.RiskPricers;
import java.util.ArrayList;
import java.util.List;

/**
 * Revalues a portfolio under stress scenarios with the pricing models of {@link RiskPricers} (no
 * greek approximations). Stateless and thread-safe.
 */
public final class StressTester {
  /** The tester over {@link RiskPricers#DEFAULT}. */
  public static final StressTester DEFAULT = new StressTester(RiskPricers.DEFAULT);

  private final RiskPricers pricers;

  /** Returns a tester over {@code pricers}. */
  public StressTester(RiskPricers pricers) {
    this.pricers = Checks.notNull(pricers, "pricers");
  }

  /**
   * Returns the scenarios of a grid: every spot shock with every vol shift, all with the same days
   * forward, spot varying slowest.
   */
  public static List<StressScenario> grid(
      double[] spotShocks, double[] volShifts, double daysForward) {
    Checks.notNull(spotShocks, "spotShocks");
    Checks.notNull(volShifts, "volShifts");
    if (spotShocks.length == 0 || volShifts.length == 0) {
      throw new IllegalArgumentException("a grid needs at least one spot and one vol shock");
    }
    List<StressScenario> out = new ArrayList<>();
    for (double s : spotShocks) {
      for (double v : volShifts) {
        out.add(StressScenario.of(s, v, daysForward));
      }
    }
    return out;
  }

  /**
   * Returns the P&amp;L of {@code portfolio} under each scenario.
   *
   * @throws IllegalArgumentException when the portfolio is empty or the market lacks a spot
   */
  public StressResult run(Portfolio portfolio, MarketState market, List<StressScenario> scenarios) {
    Checks.notNull(portfolio, "portfolio");
    Checks.notNull(market, "market");
    Checks.notNull(scenarios, "scenarios");
    if (portfolio.isEmpty()) {
      throw new IllegalArgumentException("portfolio is empty: nothing to stress");
    }
    Book book = new Book(portfolio, market, pricers);
    String[] unds = book.underlyings();
    double[] spot0 = book.spots();
    int n = book.positionCount();
    double[] base = new double[n];
    book.positionValues(spot0, 0, 0, 0, base);
    double baseValue = sum(base);
    List<StressResult.Row> rows = new ArrayList<>();
    double[] shocked = new double[unds.length];
    double[] values = new double[n];
    for (StressScenario sc : scenarios) {
      for (int u = 0; u < unds.length; u++) {
        shocked[u] = spot0[u] * (1 + sc.spotShock(unds[u]));
      }
      book.positionValues(shocked, sc.volShift(), sc.yearsForward(), sc.rateShift(), values);
      double[] pnl = new double[n];
      for (int i = 0; i < n; i++) {
        pnl[i] = values[i] - base[i];
      }
      double v = sum(values);
      rows.add(new StressResult.Row(sc, v, v - baseValue, pnl));
    }
    List<String> ids = new ArrayList<>();
    for (Position p : portfolio.positions()) {
      ids.add(p.id());
    }
    return new StressResult(baseValue, ids, rows);
  }

  private static double sum(double[] a) {
    double s = 0;
    for (double x : a) {
      s += x;
    }
    return s;
  }
}
