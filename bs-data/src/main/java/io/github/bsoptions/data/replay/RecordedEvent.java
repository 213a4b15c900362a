package io.github.bsoptions.data.replay;

import io.github.bsoptions.data.model.Bar;
import io.github.bsoptions.data.model.OptionChain;
import io.github.bsoptions.data.model.OptionContract;
import io.github.bsoptions.data.model.Quote;
import io.github.bsoptions.data.model.StockSnapshot;
import io.github.bsoptions.data.model.Timeframe;
import io.github.bsoptions.data.model.Trade;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One entry of a recorded market-data session, in recorded order. {@link #at()} is when the data
 * was observed (the recording clock), which drives replay.
 */
public sealed interface RecordedEvent {

  /** Returns when the event was recorded. */
  Instant at();

  /**
   * An option chain snapshot.
   *
   * @param at when it was recorded
   * @param chain the chain
   */
  record ChainEvent(Instant at, OptionChain chain) implements RecordedEvent {
    /** Validates the event. */
    public ChainEvent {
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(chain, "chain");
    }
  }

  /**
   * A quote (stock or option), from a request or a stream.
   *
   * @param at when it was recorded
   * @param quote the quote
   * @param streamed whether it came from a stream (replayed to subscribers)
   */
  record QuoteEvent(Instant at, Quote quote, boolean streamed) implements RecordedEvent {
    /** Validates the event. */
    public QuoteEvent {
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(quote, "quote");
    }
  }

  /**
   * A trade (stock or option), from a request or a stream.
   *
   * @param at when it was recorded
   * @param trade the trade
   * @param streamed whether it came from a stream (replayed to subscribers)
   */
  record TradeEvent(Instant at, Trade trade, boolean streamed) implements RecordedEvent {
    /** Validates the event. */
    public TradeEvent {
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(trade, "trade");
    }
  }

  /**
   * A stock snapshot.
   *
   * @param at when it was recorded
   * @param snapshot the snapshot
   */
  record StockSnapshotEvent(Instant at, StockSnapshot snapshot) implements RecordedEvent {
    /** Validates the event. */
    public StockSnapshotEvent {
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(snapshot, "snapshot");
    }
  }

  /**
   * Bars of one symbol (stock or OCC option).
   *
   * @param at when they were recorded
   * @param symbol the symbol
   * @param timeframe the bar interval
   * @param bars the bars, oldest first
   */
  record BarsEvent(Instant at, String symbol, Timeframe timeframe, List<Bar> bars)
      implements RecordedEvent {
    /** Validates the event and copies the list. */
    public BarsEvent {
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(symbol, "symbol");
      Objects.requireNonNull(timeframe, "timeframe");
      bars = List.copyOf(bars);
    }
  }

  /**
   * Listed contracts of one underlying.
   *
   * @param at when they were recorded
   * @param underlying the underlying symbol
   * @param contracts the contracts
   */
  record ContractsEvent(Instant at, String underlying, List<OptionContract> contracts)
      implements RecordedEvent {
    /** Validates the event and copies the list. */
    public ContractsEvent {
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(underlying, "underlying");
      contracts = List.copyOf(contracts);
    }
  }
}
