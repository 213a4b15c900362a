package io.github.bsoptions.data.model;

import java.time.Instant;
import java.util.Objects;

/**
 * An OHLCV bar.
 *
 * @param symbol the stock or OCC option symbol
 * @param start the start of the bar's interval
 * @param open first trade price
 * @param high highest trade price
 * @param low lowest trade price
 * @param close last trade price
 * @param volume traded volume
 * @param tradeCount number of trades (0 when unknown)
 * @param vwap volume-weighted average price (NaN when unknown)
 */
public record Bar(
    String symbol,
    Instant start,
    double open,
    double high,
    double low,
    double close,
    long volume,
    long tradeCount,
    double vwap) {

  /** Validates the bar (finite positive prices, {@code low <= open, close <= high}). */
  public Bar {
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(start, "start");
    for (double p : new double[] {open, high, low, close}) {
      if (!(p > 0 && p < Double.POSITIVE_INFINITY)) {
        throw new IllegalArgumentException("bar prices must be finite and > 0, was " + p);
      }
    }
    if (low > high || open < low || open > high || close < low || close > high) {
      throw new IllegalArgumentException(
          "bar must satisfy low <= open, close <= high, was o="
              + open
              + " h="
              + high
              + " l="
              + low
              + " c="
              + close);
    }
    if (volume < 0 || tradeCount < 0) {
      throw new IllegalArgumentException("volume and trade count must be >= 0");
    }
  }
}
