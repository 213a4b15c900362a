package io.github.bsoptions.risk.pretrade;

import io.github.bsoptions.data.model.Quote;
import java.util.Map;
import java.util.Optional;

/** Looks up the latest quote of a symbol (a quote cache, in the application). */
@FunctionalInterface
public interface QuoteSource {

  /** Returns the latest quote of {@code symbol}, or empty when there is none. */
  Optional<Quote> latest(String symbol);

  /** Returns a source over a fixed map (tests, backtests). */
  static QuoteSource of(Map<String, Quote> quotes) {
    Map<String, Quote> copy = Map.copyOf(quotes);
    return symbol -> Optional.ofNullable(copy.get(symbol));
  }
}
