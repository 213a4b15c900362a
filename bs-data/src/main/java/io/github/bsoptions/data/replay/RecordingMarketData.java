package io.github.bsoptions.data.replay;

import io.github.bsoptions.data.model.Bar;
import io.github.bsoptions.data.model.OptionChain;
import io.github.bsoptions.data.model.OptionChainQuery;
import io.github.bsoptions.data.model.OptionContract;
import io.github.bsoptions.data.model.Quote;
import io.github.bsoptions.data.model.StockSnapshot;
import io.github.bsoptions.data.model.Timeframe;
import io.github.bsoptions.data.model.Trade;
import io.github.bsoptions.data.spi.MarketDataProvider;
import io.github.bsoptions.data.spi.ProviderCapability;
import io.github.bsoptions.data.spi.StreamListener;
import io.github.bsoptions.data.spi.StreamRequest;
import io.github.bsoptions.data.spi.StreamState;
import io.github.bsoptions.data.spi.Subscription;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Records everything a provider returns (requests and streamed data) to a {@link RecordingFormat}
 * file while passing it through unchanged: a session recorded from Alpaca or the simulated market
 * can later be replayed with {@link ReplayProvider}. Failed calls are not recorded. Each line is
 * flushed as it is written, so a crash loses at most the line being written (which the reader
 * skips).
 */
public final class RecordingMarketData implements MarketDataProvider {
  private final MarketDataProvider delegate;
  private final Supplier<Instant> clock;
  private final BufferedWriter out;
  private boolean closed;

  private RecordingMarketData(MarketDataProvider delegate, Path file, Supplier<Instant> clock)
      throws IOException {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    out.write(RecordingFormat.header());
    out.newLine();
    out.flush();
  }

  /**
   * Wraps {@code delegate}, recording to {@code file} (created or truncated). {@code clock} stamps
   * each event: pass the simulated market's {@code now} when recording a simulation, {@code
   * Instant::now} for a live source.
   *
   * @throws UncheckedIOException when the file cannot be created
   */
  public static RecordingMarketData wrap(
      MarketDataProvider delegate, Path file, Supplier<Instant> clock) {
    try {
      return new RecordingMarketData(delegate, file, clock);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private synchronized void write(RecordedEvent e) {
    if (closed) {
      return;
    }
    try {
      out.write(RecordingFormat.encode(e));
      out.newLine();
      out.flush();
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  @Override
  public String name() {
    return delegate.name();
  }

  @Override
  public Set<ProviderCapability> capabilities() {
    return delegate.capabilities();
  }

  @Override
  public Quote latestStockQuote(String symbol) {
    Quote q = delegate.latestStockQuote(symbol);
    write(new RecordedEvent.QuoteEvent(clock.get(), q, false));
    return q;
  }

  @Override
  public Trade latestStockTrade(String symbol) {
    Trade t = delegate.latestStockTrade(symbol);
    write(new RecordedEvent.TradeEvent(clock.get(), t, false));
    return t;
  }

  @Override
  public StockSnapshot stockSnapshot(String symbol) {
    StockSnapshot s = delegate.stockSnapshot(symbol);
    write(new RecordedEvent.StockSnapshotEvent(clock.get(), s));
    return s;
  }

  @Override
  public List<Bar> stockBars(String symbol, Timeframe timeframe, Instant start, Instant end) {
    List<Bar> bars = delegate.stockBars(symbol, timeframe, start, end);
    write(new RecordedEvent.BarsEvent(clock.get(), symbol, timeframe, bars));
    return bars;
  }

  @Override
  public List<OptionContract> optionContracts(OptionChainQuery query) {
    List<OptionContract> cs = delegate.optionContracts(query);
    write(new RecordedEvent.ContractsEvent(clock.get(), query.underlying(), cs));
    return cs;
  }

  @Override
  public OptionChain optionChain(OptionChainQuery query) {
    OptionChain c = delegate.optionChain(query);
    write(new RecordedEvent.ChainEvent(clock.get(), c));
    return c;
  }

  @Override
  public List<Bar> optionBars(String occSymbol, Timeframe timeframe, Instant start, Instant end) {
    List<Bar> bars = delegate.optionBars(occSymbol, timeframe, start, end);
    write(new RecordedEvent.BarsEvent(clock.get(), occSymbol, timeframe, bars));
    return bars;
  }

  @Override
  public List<Trade> optionTrades(String occSymbol, Instant start, Instant end) {
    List<Trade> trades = delegate.optionTrades(occSymbol, start, end);
    for (Trade t : trades) {
      write(new RecordedEvent.TradeEvent(t.timestamp(), t, false));
    }
    return trades;
  }

  @Override
  public List<Quote> latestOptionQuotes(List<String> occSymbols) {
    List<Quote> qs = delegate.latestOptionQuotes(occSymbols);
    Instant at = clock.get();
    for (Quote q : qs) {
      write(new RecordedEvent.QuoteEvent(at, q, false));
    }
    return qs;
  }

  @Override
  public Subscription subscribe(StreamRequest request, StreamListener listener) {
    return delegate.subscribe(
        request,
        new StreamListener() {
          @Override
          public void onQuote(Quote quote) {
            write(new RecordedEvent.QuoteEvent(clock.get(), quote, true));
            listener.onQuote(quote);
          }

          @Override
          public void onTrade(Trade trade) {
            write(new RecordedEvent.TradeEvent(clock.get(), trade, true));
            listener.onTrade(trade);
          }

          @Override
          public void onStateChange(StreamState state, String detail) {
            listener.onStateChange(state, detail);
          }

          @Override
          public void onGap(String detail) {
            listener.onGap(detail);
          }
        });
  }

  /** Closes the recording file, then the delegate. */
  @Override
  public void close() {
    synchronized (this) {
      if (!closed) {
        closed = true;
        try {
          out.close();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        } finally {
          delegate.close();
        }
      }
    }
  }
}
