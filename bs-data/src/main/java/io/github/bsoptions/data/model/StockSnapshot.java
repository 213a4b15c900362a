package io.github.bsoptions.data.model;

import java.util.Objects;
import java.util.Optional;

/**
 * The latest market state of a stock or ETF.
 *
 * @param symbol the symbol
 * @param latestQuote the latest quote, if any
 * @param latestTrade the latest trade, if any
 * @param dailyBar today's bar, if any
 * @param previousDailyBar the previous session's bar, if any
 */
public record StockSnapshot(
    String symbol,
    Optional<Quote> latestQuote,
    Optional<Trade> latestTrade,
    Optional<Bar> dailyBar,
    Optional<Bar> previousDailyBar) {

  /** Validates that no component is null. */
  public StockSnapshot {
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(latestQuote, "latestQuote");
    Objects.requireNonNull(latestTrade, "latestTrade");
    Objects.requireNonNull(dailyBar, "dailyBar");
    Objects.requireNonNull(previousDailyBar, "previousDailyBar");
  }
}
