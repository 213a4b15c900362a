package io.github.bsoptions.data.spi;

import java.util.Set;

/**
 * What to stream.
 *
 * @param stockQuotes stock symbols whose quotes to stream
 * @param stockTrades stock symbols whose trades to stream
 * @param optionQuotes OCC symbols whose quotes to stream
 * @param optionTrades OCC symbols whose trades to stream
 */
public record StreamRequest(
    Set<String> stockQuotes,
    Set<String> stockTrades,
    Set<String> optionQuotes,
    Set<String> optionTrades) {

  /** Copies the sets. */
  public StreamRequest {
    stockQuotes = Set.copyOf(stockQuotes);
    stockTrades = Set.copyOf(stockTrades);
    optionQuotes = Set.copyOf(optionQuotes);
    optionTrades = Set.copyOf(optionTrades);
  }
}
