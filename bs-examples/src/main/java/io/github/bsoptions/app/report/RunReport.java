package io.github.bsoptions.app.report;

import io.github.bsoptions.app.obs.StageLatency;
import io.github.bsoptions.app.web.Views;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a demo, backtest or live session reports at the end: activity counts, P&amp;L, risk usage,
 * forecast quality, per-stage latency and the trades.
 *
 * @param title report title
 * @param mode {@code demo}, {@code backtest} or {@code run}
 * @param seed seed of the simulated market (or -1)
 * @param simStart simulated (or market) time of the first event
 * @param simEnd simulated (or market) time of the last event
 * @param tradingDays trading days covered
 * @param wallTime wall-clock duration of the run
 * @param counts activity counts
 * @param pnl P&amp;L summary
 * @param equity equity curve
 * @param latency latency per stage
 * @param risk risk-limit usage at the end (peak usage where tracked)
 * @param forecasts forecast quality per model version
 * @param trades fills, oldest first
 * @param notes free-form lines (what was skipped and why, model versions, ...)
 */
public record RunReport(
    String title,
    String mode,
    long seed,
    Instant simStart,
    Instant simEnd,
    int tradingDays,
    Duration wallTime,
    Counts counts,
    Pnl pnl,
    List<Views.EquityPoint> equity,
    List<StageLatency> latency,
    List<RiskUsage> risk,
    List<ForecastQuality> forecasts,
    List<Trade> trades,
    List<String> notes) {
  /** Copies the lists. */
  public RunReport {
    equity = List.copyOf(equity);
    latency = List.copyOf(latency);
    risk = List.copyOf(risk);
    forecasts = List.copyOf(forecasts);
    trades = List.copyOf(trades);
    notes = List.copyOf(notes);
  }

  /**
   * Activity counts.
   *
   * @param chains chains acquired
   * @param optionsPriced options priced (each pricing of one option counts)
   * @param signals signals generated
   * @param ordersSubmitted orders sent to the broker
   * @param ordersDenied orders denied by pre-trade checks
   * @param fills fills received
   * @param denialReasons denials by reason
   */
  public record Counts(
      long chains,
      long optionsPriced,
      long signals,
      long ordersSubmitted,
      long ordersDenied,
      long fills,
      Map<String, Long> denialReasons) {
    /** Copies the map. */
    public Counts {
      denialReasons = Map.copyOf(denialReasons);
    }
  }

  /**
   * P&amp;L summary.
   *
   * @param startEquity equity at the start
   * @param endEquity equity at the end
   * @param realized realized P&amp;L
   * @param unrealized unrealized P&amp;L at the end
   * @param maxDrawdown maximum drawdown, fraction of peak equity
   * @param sharpe annualized Sharpe ratio of the equity curve's daily returns (NaN if undefined)
   */
  public record Pnl(
      double startEquity,
      double endEquity,
      double realized,
      double unrealized,
      double maxDrawdown,
      double sharpe) {}

  /**
   * Usage of one risk limit.
   *
   * @param limit limit name
   * @param used value used (absolute)
   * @param cap the limit
   */
  public record RiskUsage(String limit, double used, double cap) {
    /** Returns used / cap (NaN when the cap is 0). */
    public double fraction() {
      return cap == 0 ? Double.NaN : Math.abs(used) / Math.abs(cap);
    }
  }

  /**
   * Quality of one forecasting model version against realized volatility.
   *
   * @param model model name
   * @param version model version
   * @param forecasts number of forecasts scored
   * @param rmse root mean squared error of volatility
   * @param qlike QLIKE loss of variance
   * @param trainMillis training time of this version
   */
  public record ForecastQuality(
      String model, String version, int forecasts, double rmse, double qlike, long trainMillis) {}

  /**
   * One fill.
   *
   * @param at when
   * @param symbol instrument
   * @param side {@code BUY} or {@code SELL}
   * @param quantity quantity
   * @param price price
   * @param strategy strategy that asked for it
   */
  public record Trade(
      Instant at, String symbol, String side, double quantity, double price, String strategy) {}
}
