package io.github.bsoptions.data.spi;

import io.github.bsoptions.data.model.Bar;
import io.github.bsoptions.data.model.OptionChain;
import io.github.bsoptions.data.model.OptionChainQuery;
import io.github.bsoptions.data.model.OptionContract;
import io.github.bsoptions.data.model.Quote;
import io.github.bsoptions.data.model.StockSnapshot;
import io.github.bsoptions.data.model.Timeframe;
import io.github.bsoptions.data.model.Trade;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The market-data port (the seed's {@code MarketDataApi}): every source, real or simulated,
 * implements it, and failover, caching and recording decorate it.
 *
 * <p>Errors are {@link io.github.bsoptions.data.error.DataException}s (retryable, rejected, not
 * found, authentication, fatal), decided by type, never by message. A method a provider cannot
 * serve throws {@link UnsupportedOperationException} and the provider does not declare the matching
 * {@link ProviderCapability}. Results are complete for the request or an exception is thrown: never
 * a partially parsed page returned as complete.
 */
public interface MarketDataProvider extends AutoCloseable {

  /** Returns the provider's name (e.g. {@code alpaca}, {@code simulated}). */
  String name();

  /** Returns what this provider can serve. */
  Set<ProviderCapability> capabilities();

  /** Returns the latest stock quote. */
  Quote latestStockQuote(String symbol);

  /** Returns the latest stock trade. */
  Trade latestStockTrade(String symbol);

  /** Returns the stock snapshot (latest quote, trade, daily bars). */
  StockSnapshot stockSnapshot(String symbol);

  /** Returns stock bars in {@code [start, end]}, oldest first. */
  List<Bar> stockBars(String symbol, Timeframe timeframe, Instant start, Instant end);

  /** Returns the listed contracts matching the query, sorted like a chain. */
  List<OptionContract> optionContracts(OptionChainQuery query);

  /** Returns the chain snapshot (quotes, trades, greeks/IV when the provider has them). */
  OptionChain optionChain(OptionChainQuery query);

  /** Returns option bars for one contract in {@code [start, end]}, oldest first. */
  List<Bar> optionBars(String occSymbol, Timeframe timeframe, Instant start, Instant end);

  /** Returns option trades for one contract in {@code [start, end]}, oldest first. */
  List<Trade> optionTrades(String occSymbol, Instant start, Instant end);

  /** Returns the latest quotes of the given option contracts (OCC symbols). */
  List<Quote> latestOptionQuotes(List<String> occSymbols);

  /**
   * Subscribes to real-time (or simulated) quotes and trades. The provider reconnects and
   * re-subscribes by itself; the listener hears about gaps and state changes.
   */
  Subscription subscribe(StreamRequest request, StreamListener listener);

  /** Releases connections and threads. */
  @Override
  void close();
}
