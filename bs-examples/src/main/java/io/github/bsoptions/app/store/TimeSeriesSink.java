package io.github.bsoptions.app.store;

import java.util.List;

/**
 * Where quote/greek and P&amp;L time series go: the JDBC store, InfluxDB, or both ({@link
 * #both(TimeSeriesSink, TimeSeriesSink)}).
 */
public interface TimeSeriesSink extends AutoCloseable {
  /** Writes quote and greek points (one batch: all or none where the sink is transactional). */
  void writeQuotes(List<QuotePoint> points);

  /** Writes a P&amp;L snapshot. */
  void writePnl(PnlSnapshot snapshot);

  /** Releases resources; the default does nothing. */
  @Override
  default void close() {}

  /** Returns a sink that writes to {@code a}, then to {@code b}. */
  static TimeSeriesSink both(TimeSeriesSink a, TimeSeriesSink b) {
    return new TimeSeriesSink() {
      @Override
      public void writeQuotes(List<QuotePoint> points) {
        a.writeQuotes(points);
        b.writeQuotes(points);
      }

      @Override
      public void writePnl(PnlSnapshot snapshot) {
        a.writePnl(snapshot);
        b.writePnl(snapshot);
      }

      @Override
      public void close() {
        try {
          a.close();
        } finally {
          b.close();
        }
      }
    };
  }
}
