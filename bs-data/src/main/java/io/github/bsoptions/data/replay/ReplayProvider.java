package io.github.bsoptions.data.replay;

import io.github.bsoptions.data.error.DataException;
import io.github.bsoptions.data.model.Bar;
import io.github.bsoptions.data.model.OptionChain;
import io.github.bsoptions.data.model.OptionChainQuery;
import io.github.bsoptions.data.model.OptionContract;
import io.github.bsoptions.data.model.OptionSnapshot;
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
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Replays a recorded session ({@link RecordingFormat}, {@link RecordingMarketData}, or events built
 * from CSV with {@link ChainCsv}) as a {@link MarketDataProvider}.
 *
 * <p>Events are applied strictly in recorded order by {@link #step()}, {@link #advanceTo(Instant)},
 * {@link #replayAll()} or {@link #play(double)} (which sleeps the recorded gaps divided by a speed
 * factor). Queries answer from what has been applied so far, like a live source at that moment: the
 * latest chain per underlying (with option quotes that were recorded after it substituted), the
 * latest quote and trade per symbol, all bars and option trades seen. Data not yet replayed is
 * {@link DataException.NotFound}. Streamed quotes and trades are delivered to matching subscribers,
 * synchronously, as they are applied. Thread-safe.
 */
public final class ReplayProvider implements MarketDataProvider {
  /** The provider name reported in errors. */
  public static final String NAME = "replay";

  private final List<RecordedEvent> events;
  private final List<Sub> subs = new CopyOnWriteArrayList<>();
  private final Map<String, OptionChain> chains = new HashMap<>();
  private final Map<String, List<OptionContract>> contracts = new HashMap<>();
  private final Map<String, Quote> quotes = new HashMap<>();
  private final Map<String, Trade> trades = new HashMap<>();
  private final Map<String, StockSnapshot> snapshots = new HashMap<>();
  private final Map<String, TreeMap<Instant, Bar>> bars = new HashMap<>();
  private final Map<String, TreeMap<Instant, List<Trade>>> tradeHistory = new HashMap<>();
  private int cursor;
  private Instant now;

  private ReplayProvider(List<RecordedEvent> events) {
    this.events = List.copyOf(events);
    this.now = this.events.isEmpty() ? Instant.EPOCH : this.events.get(0).at();
  }

  /** Creates a replay of the given events (in this order). */
  public static ReplayProvider of(List<RecordedEvent> events) {
    return new ReplayProvider(events);
  }

  /**
   * Opens a recording file.
   *
   * @throws IllegalArgumentException naming the line when the file is not a valid recording
   */
  public static ReplayProvider open(Path file) {
    return new ReplayProvider(RecordingFormat.read(file));
  }

  // ------------------------------------------------------------------ replay control

  /** Returns the number of recorded events. */
  public int size() {
    return events.size();
  }

  /** Returns how many events have been applied. */
  public synchronized int position() {
    return cursor;
  }

  /** Returns true when every event has been applied. */
  public synchronized boolean finished() {
    return cursor >= events.size();
  }

  /** Returns the replay clock: the time of the last applied event (the first one's before that). */
  public synchronized Instant now() {
    return now;
  }

  /** Applies the next event; returns false when the recording is exhausted. */
  public boolean step() {
    List<Runnable> deliveries = new ArrayList<>();
    synchronized (this) {
      if (cursor >= events.size()) {
        return false;
      }
      apply(events.get(cursor++), deliveries);
    }
    deliveries.forEach(Runnable::run);
    return true;
  }

  /** Applies every event recorded at or before {@code t} (stopping at the first later one). */
  public int advanceTo(Instant t) {
    int n = 0;
    while (true) {
      synchronized (this) {
        if (cursor >= events.size() || events.get(cursor).at().isAfter(t)) {
          if (now.isBefore(t)) {
            now = t;
          }
          return n;
        }
      }
      step();
      n++;
    }
  }

  /** Applies all remaining events as fast as possible. */
  public int replayAll() {
    int n = 0;
    while (step()) {
      n++;
    }
    return n;
  }

  /**
   * Applies all remaining events, sleeping between them for the recorded gap divided by {@code
   * speed} (2.0 = twice as fast as recorded); {@code speed} infinite replays without sleeping.
   *
   * @throws InterruptedException when interrupted while sleeping
   */
  public int play(double speed) throws InterruptedException {
    if (!(speed > 0)) {
      throw new IllegalArgumentException("speed must be > 0, was " + speed);
    }
    int n = 0;
    while (true) {
      Instant prev;
      Instant next;
      synchronized (this) {
        if (cursor >= events.size()) {
          return n;
        }
        prev = now;
        next = events.get(cursor).at();
      }
      if (Double.isFinite(speed) && next.isAfter(prev)) {
        long nanos = (long) (Duration.between(prev, next).toNanos() / speed);
        if (nanos > 0) {
          Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        }
      }
      step();
      n++;
    }
  }

  private void apply(RecordedEvent e, List<Runnable> deliveries) {
    if (e.at().isAfter(now)) {
      now = e.at();
    }
    if (e instanceof RecordedEvent.ChainEvent c) {
      chains.put(c.chain().underlying(), c.chain());
      for (OptionSnapshot o : c.chain().options()) {
        if (o.quote().isPresent()) {
          Quote q = o.quote().get();
          Quote prev = quotes.get(q.symbol());
          if (prev == null || !q.timestamp().isBefore(prev.timestamp())) {
            quotes.put(q.symbol(), q);
          }
        }
      }
    } else if (e instanceof RecordedEvent.QuoteEvent q) {
      Quote prev = quotes.get(q.quote().symbol());
      if (prev == null || !q.quote().timestamp().isBefore(prev.timestamp())) {
        quotes.put(q.quote().symbol(), q.quote());
      }
      if (q.streamed()) {
        for (Sub s : subs) {
          if (s.wantsQuote(q.quote().symbol())) {
            deliveries.add(() -> s.listener.onQuote(q.quote()));
          }
        }
      }
    } else if (e instanceof RecordedEvent.TradeEvent t) {
      Trade tr = t.trade();
      Trade prev = trades.get(tr.symbol());
      if (prev == null || !tr.timestamp().isBefore(prev.timestamp())) {
        trades.put(tr.symbol(), tr);
      }
      tradeHistory
          .computeIfAbsent(tr.symbol(), k -> new TreeMap<>())
          .computeIfAbsent(tr.timestamp(), k -> new ArrayList<>(1))
          .add(tr);
      if (t.streamed()) {
        for (Sub s : subs) {
          if (s.wantsTrade(tr.symbol())) {
            deliveries.add(() -> s.listener.onTrade(tr));
          }
        }
      }
    } else if (e instanceof RecordedEvent.StockSnapshotEvent s) {
      snapshots.put(s.snapshot().symbol(), s.snapshot());
    } else if (e instanceof RecordedEvent.BarsEvent b) {
      TreeMap<Instant, Bar> m =
          bars.computeIfAbsent(b.symbol() + "|" + b.timeframe(), k -> new TreeMap<>());
      for (Bar bar : b.bars()) {
        m.put(bar.start(), bar);
      }
    } else if (e instanceof RecordedEvent.ContractsEvent c) {
      contracts.put(c.underlying(), c.contracts());
    }
  }

  // ------------------------------------------------------------------ MarketDataProvider

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<ProviderCapability> capabilities() {
    return Set.copyOf(EnumSet.allOf(ProviderCapability.class));
  }

  @Override
  public synchronized Quote latestStockQuote(String symbol) {
    Optional<Quote> q = newest(Optional.ofNullable(quotes.get(symbol)), snapshotQuote(symbol));
    return q.orElseThrow(() -> notFound("no quote for " + symbol));
  }

  @Override
  public synchronized Trade latestStockTrade(String symbol) {
    StockSnapshot s = snapshots.get(symbol);
    Optional<Trade> a = Optional.ofNullable(trades.get(symbol));
    Optional<Trade> b = s == null ? Optional.empty() : s.latestTrade();
    Optional<Trade> t =
        a.isPresent() && b.isPresent()
            ? (a.get().timestamp().isBefore(b.get().timestamp()) ? b : a)
            : a.or(() -> b);
    return t.orElseThrow(() -> notFound("no trade for " + symbol));
  }

  @Override
  public synchronized StockSnapshot stockSnapshot(String symbol) {
    StockSnapshot s = snapshots.get(symbol);
    Optional<Quote> q = Optional.ofNullable(quotes.get(symbol));
    Optional<Trade> t = Optional.ofNullable(trades.get(symbol));
    if (s == null) {
      if (q.isEmpty() && t.isEmpty()) {
        throw notFound("no snapshot for " + symbol);
      }
      return new StockSnapshot(symbol, q, t, Optional.empty(), Optional.empty());
    }
    return new StockSnapshot(
        symbol,
        newest(q, s.latestQuote()),
        latestStockTradeOr(s),
        s.dailyBar(),
        s.previousDailyBar());
  }

  private Optional<Trade> latestStockTradeOr(StockSnapshot s) {
    Trade t = trades.get(s.symbol());
    if (t != null
        && (s.latestTrade().isEmpty()
            || !t.timestamp().isBefore(s.latestTrade().get().timestamp()))) {
      return Optional.of(t);
    }
    return s.latestTrade();
  }

  @Override
  public synchronized List<Bar> stockBars(
      String symbol, Timeframe timeframe, Instant start, Instant end) {
    return barsOf(symbol, timeframe, start, end);
  }

  @Override
  public synchronized List<OptionContract> optionContracts(OptionChainQuery query) {
    List<OptionContract> cs = contracts.get(query.underlying());
    if (cs == null) {
      OptionChain c = chains.get(query.underlying());
      if (c == null) {
        throw notFound("no contracts for " + query.underlying());
      }
      cs = c.options().stream().map(OptionSnapshot::contract).toList();
    }
    return cs.stream().filter(c -> matches(query, c)).toList();
  }

  @Override
  public synchronized OptionChain optionChain(OptionChainQuery query) {
    OptionChain c = chains.get(query.underlying());
    if (c == null) {
      throw notFound("no chain for " + query.underlying());
    }
    List<OptionSnapshot> out = new ArrayList<>();
    for (OptionSnapshot s : c.options()) {
      if (!matches(query, s.contract())) {
        continue;
      }
      Quote newer = quotes.get(s.symbol());
      if (newer != null
          && (s.quote().isEmpty() || newer.timestamp().isAfter(s.quote().get().timestamp()))) {
        s =
            new OptionSnapshot(
                s.contract(),
                Optional.of(newer),
                s.lastTrade(),
                s.impliedVolatility(),
                s.greeks(),
                s.volume(),
                s.openInterest());
      }
      out.add(s);
    }
    return new OptionChain(c.underlying(), c.underlyingPrice(), c.asOf(), out, c.source());
  }

  @Override
  public synchronized List<Bar> optionBars(
      String occSymbol, Timeframe timeframe, Instant start, Instant end) {
    return barsOf(occSymbol, timeframe, start, end);
  }

  @Override
  public synchronized List<Trade> optionTrades(String occSymbol, Instant start, Instant end) {
    TreeMap<Instant, List<Trade>> m = tradeHistory.get(occSymbol);
    if (m == null) {
      return List.of();
    }
    List<Trade> out = new ArrayList<>();
    m.subMap(start, true, end, true).values().forEach(out::addAll);
    return out;
  }

  @Override
  public synchronized List<Quote> latestOptionQuotes(List<String> occSymbols) {
    List<Quote> out = new ArrayList<>(occSymbols.size());
    for (String s : occSymbols) {
      Quote q = quotes.get(s);
      if (q == null) {
        throw notFound("no quote for " + s);
      }
      out.add(q);
    }
    return out;
  }

  @Override
  public Subscription subscribe(StreamRequest request, StreamListener listener) {
    Sub s = new Sub(request, listener);
    subs.add(s);
    listener.onStateChange(StreamState.STREAMING, "replay");
    return s;
  }

  @Override
  public void close() {
    for (Sub s : subs) {
      s.close();
    }
  }

  // ------------------------------------------------------------------ helpers

  private List<Bar> barsOf(String symbol, Timeframe tf, Instant start, Instant end) {
    if (start.isAfter(end)) {
      throw new IllegalArgumentException("start " + start + " is after end " + end);
    }
    TreeMap<Instant, Bar> m = bars.get(symbol + "|" + tf);
    return m == null ? List.of() : List.copyOf(m.subMap(start, true, end, true).values());
  }

  private Optional<Quote> snapshotQuote(String symbol) {
    StockSnapshot s = snapshots.get(symbol);
    return s == null ? Optional.empty() : s.latestQuote();
  }

  private static Optional<Quote> newest(Optional<Quote> a, Optional<Quote> b) {
    if (a.isPresent() && b.isPresent()) {
      return a.get().timestamp().isBefore(b.get().timestamp()) ? b : a;
    }
    return a.isPresent() ? a : b;
  }

  static boolean matches(OptionChainQuery q, OptionContract c) {
    if (q.expirationFrom().isPresent() && c.expiration().isBefore(q.expirationFrom().get())) {
      return false;
    }
    if (q.expirationTo().isPresent() && c.expiration().isAfter(q.expirationTo().get())) {
      return false;
    }
    if (q.strikeMin().isPresent() && c.strike() < q.strikeMin().getAsDouble()) {
      return false;
    }
    if (q.strikeMax().isPresent() && c.strike() > q.strikeMax().getAsDouble()) {
      return false;
    }
    return q.type().isEmpty() || q.type().get() == c.type();
  }

  private static DataException.NotFound notFound(String msg) {
    return new DataException.NotFound(NAME, msg + " (not in the recording up to now)", null);
  }

  private final class Sub implements Subscription {
    final StreamRequest request;
    final StreamListener listener;
    volatile StreamState state = StreamState.STREAMING;

    Sub(StreamRequest request, StreamListener listener) {
      this.request = request;
      this.listener = listener;
    }

    boolean wantsQuote(String symbol) {
      return request.stockQuotes().contains(symbol) || request.optionQuotes().contains(symbol);
    }

    boolean wantsTrade(String symbol) {
      return request.stockTrades().contains(symbol) || request.optionTrades().contains(symbol);
    }

    @Override
    public StreamState state() {
      return state;
    }

    @Override
    public void close() {
      if (state != StreamState.CLOSED) {
        state = StreamState.CLOSED;
        subs.remove(this);
        listener.onStateChange(StreamState.CLOSED, "closed by caller");
      }
    }
  }
}
