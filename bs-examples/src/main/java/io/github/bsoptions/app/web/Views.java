package io.github.bsoptions.app.web;

import java.util.List;

/**
 * The values the dashboard shows, as published by the trading loop. Times are epoch milliseconds
 * (JavaScript-friendly); a NaN double is shown as blank (sent as JSON {@code null}).
 */
public final class Views {
  private Views() {}

  /**
   * One option of the near-the-money chain, with its analytics and score.
   *
   * @param symbol option symbol
   * @param type {@code C} or {@code P}
   * @param expiry expiry date, ISO
   * @param strike strike
   * @param bid bid
   * @param ask ask
   * @param iv implied volatility of the mid
   * @param delta delta
   * @param gamma gamma
   * @param vega vega per vol point
   * @param theta theta per day
   * @param volume volume
   * @param openInterest open interest
   * @param score near-the-money score (higher is better)
   */
  public record ChainRow(
      String symbol,
      String type,
      String expiry,
      double strike,
      double bid,
      double ask,
      double iv,
      double delta,
      double gamma,
      double vega,
      double theta,
      long volume,
      long openInterest,
      double score) {}

  /**
   * A near-the-money chain.
   *
   * @param underlying underlying symbol
   * @param spot underlying price
   * @param asOfMillis time of the quotes
   * @param rows the options, best score first
   */
  public record Chain(String underlying, double spot, long asOfMillis, List<ChainRow> rows) {
    /** Copies the rows. */
    public Chain {
      rows = List.copyOf(rows);
    }
  }

  /**
   * One point of a smile.
   *
   * @param strike strike
   * @param iv implied volatility
   */
  public record SmilePoint(double strike, double iv) {}

  /**
   * The implied-volatility smile of one expiry.
   *
   * @param expiry expiry date, ISO
   * @param years time to expiry in years
   * @param points points by strike
   */
  public record Smile(String expiry, double years, List<SmilePoint> points) {
    /** Copies the points. */
    public Smile {
      points = List.copyOf(points);
    }
  }

  /**
   * One point of the at-the-money term structure.
   *
   * @param expiry expiry date, ISO
   * @param years time to expiry in years
   * @param atmIv at-the-money implied volatility
   */
  public record TermPoint(String expiry, double years, double atmIv) {}

  /**
   * Smiles and term structure of one underlying.
   *
   * @param underlying underlying symbol
   * @param asOfMillis time
   * @param smiles one per expiry
   * @param term the term structure
   */
  public record Surface(
      String underlying, long asOfMillis, List<Smile> smiles, List<TermPoint> term) {
    /** Copies the lists. */
    public Surface {
      smiles = List.copyOf(smiles);
      term = List.copyOf(term);
    }
  }

  /**
   * A signal.
   *
   * @param atMillis when generated
   * @param symbol instrument
   * @param strategy strategy
   * @param direction {@code LONG}, {@code SHORT}, ...
   * @param score score
   * @param probability probability of profit, or NaN
   * @param reason short explanation
   */
  public record Signal(
      long atMillis,
      String symbol,
      String strategy,
      String direction,
      double score,
      double probability,
      String reason) {}

  /**
   * One position with its marks and greeks (position totals, not per contract).
   *
   * @param symbol instrument
   * @param quantity signed quantity
   * @param averagePrice average open price
   * @param mark current mark
   * @param unrealized unrealized P&amp;L
   * @param delta position delta
   * @param gamma position gamma
   * @param vega position vega
   * @param theta position theta per day
   */
  public record Position(
      String symbol,
      double quantity,
      double averagePrice,
      double mark,
      double unrealized,
      double delta,
      double gamma,
      double vega,
      double theta) {}

  /**
   * Positions and net greeks.
   *
   * @param asOfMillis time
   * @param positions positions
   * @param netDelta net delta
   * @param netGamma net gamma
   * @param netVega net vega
   * @param netTheta net theta per day
   */
  public record Portfolio(
      long asOfMillis,
      List<Position> positions,
      double netDelta,
      double netGamma,
      double netVega,
      double netTheta) {
    /** Copies the positions. */
    public Portfolio {
      positions = List.copyOf(positions);
    }
  }

  /**
   * A point of the equity curve.
   *
   * @param atMillis time
   * @param equity account equity
   * @param realized realized P&amp;L
   * @param unrealized unrealized P&amp;L
   */
  public record EquityPoint(long atMillis, double equity, double realized, double unrealized) {}

  /**
   * Latency of one stage, in microseconds.
   *
   * @param stage stage label
   * @param count samples
   * @param p50Micros median
   * @param p99Micros 99th percentile
   * @param maxMicros maximum
   * @param targetMicros the seed's target, or NaN
   * @param ok whether the p99 meets the target
   */
  public record LatencyRow(
      String stage,
      long count,
      double p50Micros,
      double p99Micros,
      double maxMicros,
      double targetMicros,
      boolean ok) {}

  /**
   * Health of a component (data source, broker, store).
   *
   * @param component name
   * @param kind {@code source}, {@code broker}, {@code store}, ...
   * @param status {@code UP}, {@code DEGRADED} or {@code DOWN}
   * @param detail short detail (never a secret)
   * @param checkedAtMillis when checked
   */
  public record Health(
      String component, String kind, String status, String detail, long checkedAtMillis) {}

  /**
   * Result of a backtest.
   *
   * @param name name of the run
   * @param ranAtMillis when it ran
   * @param totalReturn total return (fraction)
   * @param sharpe annualized Sharpe ratio
   * @param maxDrawdown maximum drawdown (fraction, positive)
   * @param hitRate fraction of winning trades
   * @param trades number of trades
   * @param turnover turnover (traded notional over average equity)
   * @param pricesPerSecond option prices per second achieved
   * @param equity equity curve
   */
  public record Backtest(
      String name,
      long ranAtMillis,
      double totalReturn,
      double sharpe,
      double maxDrawdown,
      double hitRate,
      long trades,
      double turnover,
      double pricesPerSecond,
      List<EquityPoint> equity) {
    /** Copies the curve. */
    public Backtest {
      equity = List.copyOf(equity);
    }
  }
}
