package io.github.bsoptions.data.spi;

/** What a {@link MarketDataProvider} can serve. */
public enum ProviderCapability {
  /** Latest stock quotes, trades and snapshots. */
  STOCK_LATEST,
  /** Historical stock bars. */
  STOCK_BARS,
  /** Listed option contracts. */
  OPTION_CONTRACTS,
  /** Option chain snapshots. */
  OPTION_CHAIN,
  /** Greeks and implied volatility inside chain snapshots. */
  OPTION_GREEKS,
  /** Historical option bars and trades. */
  OPTION_HISTORY,
  /** Latest option quotes. */
  OPTION_LATEST,
  /** Streaming stock quotes and trades. */
  STREAM_STOCKS,
  /** Streaming option quotes and trades. */
  STREAM_OPTIONS
}
