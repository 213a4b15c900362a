package io.github.bsoptions.data.spi;

import io.github.bsoptions.data.model.Quote;
import io.github.bsoptions.data.model.Trade;

/**
 * Receives streamed market data. Callbacks run on the provider's I/O thread: return quickly and
 * hand work to another thread.
 */
public interface StreamListener {

  /** A quote arrived (stock or option; options carry OCC symbols). */
  void onQuote(Quote quote);

  /** A trade arrived. */
  void onTrade(Trade trade);

  /** The stream's connection state changed (connected, reconnecting, closed), with a reason. */
  default void onStateChange(StreamState state, String detail) {}

  /** Data may have been missed (e.g. between a disconnect and the re-subscription). */
  default void onGap(String detail) {}
}
