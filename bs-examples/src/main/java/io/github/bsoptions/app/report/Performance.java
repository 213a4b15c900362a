package io.github.bsoptions.app.report;

/**
 * Performance statistics of a run on primitive series: maximum drawdown, annualized Sharpe ratio of
 * daily returns, hit rate of closed trades and turnover. Pure functions, shared by the demo, the
 * backtest and the live loop's reports.
 */
public final class Performance {
  /** Trading days per year used to annualize. */
  public static final int TRADING_DAYS = 252;

  private Performance() {}

  /**
   * Returns the largest peak-to-trough fall of an equity series as a fraction of the peak (0 when
   * it never falls, 0 for an empty series).
   *
   * @param equity equity values in time order, all positive
   */
  public static double maxDrawdown(double[] equity) {
    double peak = Double.NEGATIVE_INFINITY;
    double dd = 0;
    for (int i = 0; i < equity.length; i++) {
      double e = equity[i];
      if (!(e > 0)) {
        throw new IllegalArgumentException("equity[" + i + "] must be > 0, was " + e);
      }
      peak = Math.max(peak, e);
      dd = Math.max(dd, (peak - e) / peak);
    }
    return dd;
  }

  /**
   * Returns the annualized Sharpe ratio (zero risk-free rate) of the daily returns from {@code
   * start} through the daily closing equities: mean / sample standard deviation times the square
   * root of {@value #TRADING_DAYS}; NaN with fewer than five returns or no variation.
   *
   * @param start equity before the first day, positive
   * @param dailyClose closing equity of each day in order, positive
   */
  public static double sharpe(double start, double[] dailyClose) {
    if (!(start > 0)) {
      throw new IllegalArgumentException("start must be > 0, was " + start);
    }
    if (dailyClose.length < 5) {
      return Double.NaN;
    }
    double[] r = new double[dailyClose.length];
    double prev = start;
    double mean = 0;
    for (int i = 0; i < r.length; i++) {
      if (!(dailyClose[i] > 0)) {
        throw new IllegalArgumentException(
            "dailyClose[" + i + "] must be > 0, was " + dailyClose[i]);
      }
      r[i] = dailyClose[i] / prev - 1;
      prev = dailyClose[i];
      mean += r[i];
    }
    mean /= r.length;
    double var = 0;
    for (double x : r) {
      var += (x - mean) * (x - mean);
    }
    var /= r.length - 1;
    return var > 0 ? mean / Math.sqrt(var) * Math.sqrt(TRADING_DAYS) : Double.NaN;
  }

  /**
   * Returns the fraction of closed trades with a positive P&amp;L; NaN when none closed.
   *
   * @param closedPnl P&amp;L of each closed trade
   */
  public static double hitRate(double[] closedPnl) {
    if (closedPnl.length == 0) {
      return Double.NaN;
    }
    int wins = 0;
    for (double p : closedPnl) {
      if (p > 0) {
        wins++;
      }
    }
    return (double) wins / closedPnl.length;
  }

  /**
   * Returns the turnover: traded premium (sum of |quantity x price x multiplier| over fills)
   * divided by the average equity.
   *
   * @param tradedPremium traded premium in currency, at least 0
   * @param averageEquity average equity over the run, positive
   */
  public static double turnover(double tradedPremium, double averageEquity) {
    if (!(tradedPremium >= 0)) {
      throw new IllegalArgumentException("tradedPremium must be >= 0, was " + tradedPremium);
    }
    if (!(averageEquity > 0)) {
      throw new IllegalArgumentException("averageEquity must be > 0, was " + averageEquity);
    }
    return tradedPremium / averageEquity;
  }
}
