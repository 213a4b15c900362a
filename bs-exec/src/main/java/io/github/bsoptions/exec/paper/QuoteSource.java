package io.github.bsoptions.exec.paper;

import io.github.bsoptions.data.model.OptionContract;
import io.github.bsoptions.data.model.Quote;
import io.github.bsoptions.data.spi.MarketDataProvider;
import java.util.List;

/** Where the paper broker reads quotes. */
@FunctionalInterface
public interface QuoteSource {

  /** Returns the latest quote for the symbol, or null when there is none. */
  Quote quote(String symbol);

  /**
   * Quotes from a market-data provider: option quotes for OCC symbols, stock quotes otherwise. A
   * provider failure reads as "no quote" (the order rests; nothing is invented).
   */
  static QuoteSource of(MarketDataProvider provider) {
    return symbol -> {
      try {
        if (OptionContract.isOccSymbol(symbol)) {
          List<Quote> q = provider.latestOptionQuotes(List.of(symbol));
          return q.isEmpty() ? null : q.get(0);
        }
        return provider.latestStockQuote(symbol);
      } catch (RuntimeException e) {
        return null;
      }
    };
  }
}
