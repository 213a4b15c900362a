package io.github.bsoptions.data.failover;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.github.bsoptions.data.error.DataException;
import io.github.bsoptions.data.http.TimeSource;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Composes market-data providers by priority: health tracking with a {@link CircuitBreaker} per
 * provider, retries with backoff and jitter on retryable failures only, automatic failover to the
 * next provider and fail-back when the preferred one recovers (every switch logged and reported to
 * {@link DataMetrics#onSwitch}), and a Caffeine cache with a TTL per data kind ({@link
 * CachePolicy}) in which concurrent identical requests make one upstream call.
 *
 * <p>Outcomes: a value from some provider (chains carry their source; {@link #lastSource()} names
 * the provider of the last answer on this thread), or a typed {@link DataException}. {@code
 * Rejected} (a bad request) is returned at once; {@code NotFound} moves on to the next provider and
 * is thrown when none has the data; retryable, authentication and fatal failures count against the
 * provider's breaker and move on. Providers that lack the capability, or throw {@link
 * UnsupportedOperationException}, are skipped. Each call is bounded by the configured deadline.
 * Rate limits are enforced by each HTTP provider's own token bucket.
 */
public final class FailoverMarketData implements MarketDataProvider {
  private static final Logger LOG = LoggerFactory.getLogger(FailoverMarketData.class);

  private enum Kind {
    QUOTES,
    CHAINS,
    CONTRACTS,
    HISTORY
  }

  private record Key(Kind kind, String op, List<Object> args) {}

  private record Cached(Object value, long loadedAtNanos) {}

  private final List<Entry> providers;
  private final TimeSource time;
  private final DataMetrics metrics;
  private final CachePolicy cachePolicy;
  private final Cache<Key, Cached> cache;
  private final int attemptsPerProvider;
  private final Duration backoffBase;
  private final Duration backoffMax;
  private final Duration deadline;
  private final SplittableRandom jitter;
  private final ThreadLocal<String> lastSource = new ThreadLocal<>();
  private volatile String active;

  private static final class Entry {
    final MarketDataProvider provider;
    final CircuitBreaker breaker;
    final int rank;

    Entry(MarketDataProvider provider, CircuitBreaker breaker, int rank) {
      this.provider = provider;
      this.breaker = breaker;
      this.rank = rank;
    }
  }

  private FailoverMarketData(Builder b) {
    if (b.providers.isEmpty()) {
      throw new IllegalArgumentException("providers must not be empty");
    }
    this.time = b.time;
    this.metrics = b.metrics;
    this.cachePolicy = b.cache;
    this.attemptsPerProvider = b.attemptsPerProvider;
    this.backoffBase = b.backoffBase;
    this.backoffMax = b.backoffMax;
    this.deadline = b.deadline;
    this.jitter = new SplittableRandom(b.seed);
    List<Entry> list = new ArrayList<>();
    for (int i = 0; i < b.providers.size(); i++) {
      list.add(
          new Entry(
              b.providers.get(i),
              new CircuitBreaker(b.failureThreshold, b.openDuration, time::nanoTime),
              i));
    }
    this.providers = List.copyOf(list);
    this.active = list.get(0).provider.name(); // the preferred source until something else answers
    this.cache =
        Caffeine.newBuilder()
            .maximumSize(b.cache.maxEntries())
            .ticker(time::nanoTime)
            .expireAfter(
                new Expiry<Key, Cached>() {
                  @Override
                  public long expireAfterCreate(Key key, Cached value, long currentTime) {
                    return ttl(key.kind()).toNanos();
                  }

                  @Override
                  public long expireAfterUpdate(
                      Key key, Cached value, long currentTime, long currentDuration) {
                    return ttl(key.kind()).toNanos();
                  }

                  @Override
                  public long expireAfterRead(
                      Key key, Cached value, long currentTime, long currentDuration) {
                    return currentDuration;
                  }
                })
            .build();
  }

  /** Returns a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Configures a {@link FailoverMarketData}. */
  public static final class Builder {
    private final List<MarketDataProvider> providers = new ArrayList<>();
    private TimeSource time = TimeSource.SYSTEM;
    private DataMetrics metrics = DataMetrics.NOOP;
    private CachePolicy cache = CachePolicy.DEFAULT;
    private int failureThreshold = 3;
    private Duration openDuration = Duration.ofSeconds(30);
    private int attemptsPerProvider = 2;
    private Duration backoffBase = Duration.ofMillis(100);
    private Duration backoffMax = Duration.ofSeconds(2);
    private Duration deadline = Duration.ofSeconds(60);
    private long seed = 1;

    Builder() {}

    /** Adds a provider; earlier ones are preferred. */
    public Builder add(MarketDataProvider provider) {
      providers.add(Objects.requireNonNull(provider, "provider"));
      return this;
    }

    /** Sets the time source (tests use a virtual one). */
    public Builder time(TimeSource t) {
      this.time = Objects.requireNonNull(t, "time");
      return this;
    }

    /** Sets the metrics hooks. */
    public Builder metrics(DataMetrics m) {
      this.metrics = Objects.requireNonNull(m, "metrics");
      return this;
    }

    /** Sets the cache TTLs. */
    public Builder cache(CachePolicy p) {
      this.cache = Objects.requireNonNull(p, "cache");
      return this;
    }

    /**
     * Sets the breaker: consecutive failures to open ({@code >= 1}), and how long it stays open
     * ({@code >= 1 ms}, Resilience4j's least).
     */
    public Builder breaker(int failures, Duration open) {
      if (failures < 1 || open.toNanos() < 1_000_000) {
        throw new IllegalArgumentException(
            "breaker needs failures >= 1 and open >= 1 ms, was " + failures + " and " + open);
      }
      this.failureThreshold = failures;
      this.openDuration = open;
      return this;
    }

    /** Sets tries per provider on retryable failures and the backoff between them. */
    public Builder retries(int attempts, Duration base, Duration max) {
      if (attempts < 1 || base.isNegative() || max.compareTo(base) < 0) {
        throw new IllegalArgumentException("retries need attempts >= 1 and 0 <= base <= max");
      }
      this.attemptsPerProvider = attempts;
      this.backoffBase = base;
      this.backoffMax = max;
      return this;
    }

    /** Sets the per-call deadline across providers and retries. */
    public Builder deadline(Duration d) {
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("deadline must be > 0, was " + d);
      }
      this.deadline = d;
      return this;
    }

    /** Sets the jitter seed (for reproducible runs). */
    public Builder seed(long s) {
      this.seed = s;
      return this;
    }

    /** Builds the composite. */
    public FailoverMarketData build() {
      return new FailoverMarketData(this);
    }
  }

  // ------------------------------------------------------------------ status

  /** Returns the name of the provider that answered this thread's last call, or null. */
  public String lastSource() {
    return lastSource.get();
  }

  /** Returns the provider that answered most recently (any thread); initially the preferred one. */
  public String activeProvider() {
    return active;
  }

  /** Returns each provider's breaker state, in priority order. */
  public List<CircuitBreaker.State> breakerStates() {
    return providers.stream().map(e -> e.breaker.state()).toList();
  }

  /** Drops every cached value. */
  public void invalidateCache() {
    cache.invalidateAll();
  }

  @Override
  public String name() {
    return "failover("
        + String.join(",", providers.stream().map(e -> e.provider.name()).toList())
        + ")";
  }

  @Override
  public Set<ProviderCapability> capabilities() {
    EnumSet<ProviderCapability> all = EnumSet.noneOf(ProviderCapability.class);
    for (Entry e : providers) {
      all.addAll(e.provider.capabilities());
    }
    return Set.copyOf(all);
  }

  // ------------------------------------------------------------------ data

  @Override
  public Quote latestStockQuote(String symbol) {
    return cached(
        Kind.QUOTES,
        "stockQuote",
        List.of(symbol),
        null,
        ProviderCapability.STOCK_LATEST,
        p -> p.latestStockQuote(symbol));
  }

  @Override
  public Trade latestStockTrade(String symbol) {
    return cached(
        Kind.QUOTES,
        "stockTrade",
        List.of(symbol),
        null,
        ProviderCapability.STOCK_LATEST,
        p -> p.latestStockTrade(symbol));
  }

  @Override
  public StockSnapshot stockSnapshot(String symbol) {
    return cached(
        Kind.QUOTES,
        "stockSnapshot",
        List.of(symbol),
        null,
        ProviderCapability.STOCK_LATEST,
        p -> p.stockSnapshot(symbol));
  }

  @Override
  public List<Bar> stockBars(String symbol, Timeframe timeframe, Instant start, Instant end) {
    return cached(
        Kind.HISTORY,
        "stockBars",
        List.of(symbol, timeframe, start, end),
        null,
        ProviderCapability.STOCK_BARS,
        p -> p.stockBars(symbol, timeframe, start, end));
  }

  @Override
  public List<OptionContract> optionContracts(OptionChainQuery query) {
    return cached(
        Kind.CONTRACTS,
        "contracts",
        List.of(query),
        null,
        ProviderCapability.OPTION_CONTRACTS,
        p -> p.optionContracts(query));
  }

  @Override
  public OptionChain optionChain(OptionChainQuery query) {
    return optionChain(query, null);
  }

  /**
   * Returns the chain, from the cache only when it is at most {@code maxAge} old (null: the
   * policy's TTL).
   */
  public OptionChain optionChain(OptionChainQuery query, Duration maxAge) {
    return cached(
        Kind.CHAINS,
        "chain",
        List.of(query),
        maxAge,
        ProviderCapability.OPTION_CHAIN,
        p -> p.optionChain(query));
  }

  /** Returns the latest stock quote, from the cache only when at most {@code maxAge} old. */
  public Quote latestStockQuote(String symbol, Duration maxAge) {
    return cached(
        Kind.QUOTES,
        "stockQuote",
        List.of(symbol),
        maxAge,
        ProviderCapability.STOCK_LATEST,
        p -> p.latestStockQuote(symbol));
  }

  @Override
  public List<Bar> optionBars(String occSymbol, Timeframe timeframe, Instant start, Instant end) {
    return cached(
        Kind.HISTORY,
        "optionBars",
        List.of(occSymbol, timeframe, start, end),
        null,
        ProviderCapability.OPTION_HISTORY,
        p -> p.optionBars(occSymbol, timeframe, start, end));
  }

  @Override
  public List<Trade> optionTrades(String occSymbol, Instant start, Instant end) {
    return cached(
        Kind.HISTORY,
        "optionTrades",
        List.of(occSymbol, start, end),
        null,
        ProviderCapability.OPTION_HISTORY,
        p -> p.optionTrades(occSymbol, start, end));
  }

  @Override
  public List<Quote> latestOptionQuotes(List<String> occSymbols) {
    return cached(
        Kind.QUOTES,
        "optionQuotes",
        List.copyOf(occSymbols),
        null,
        ProviderCapability.OPTION_LATEST,
        p -> p.latestOptionQuotes(occSymbols));
  }

  // ------------------------------------------------------------------ core

  private Duration ttl(Kind k) {
    return switch (k) {
      case QUOTES -> cachePolicy.quotes();
      case CHAINS -> cachePolicy.chains();
      case CONTRACTS -> cachePolicy.contracts();
      case HISTORY -> cachePolicy.history();
    };
  }

  @SuppressWarnings("unchecked")
  private <T> T cached(
      Kind kind,
      String op,
      List<Object> args,
      Duration maxAge,
      ProviderCapability cap,
      Function<MarketDataProvider, T> call) {
    Duration ttl = ttl(kind);
    if (ttl.isZero() || (maxAge != null && maxAge.isZero())) {
      return invoke(op, cap, call);
    }
    Key key = new Key(kind, op, args);
    Cached c = cache.getIfPresent(key);
    long now = time.nanoTime();
    if (c != null && (maxAge == null || now - c.loadedAtNanos() <= maxAge.toNanos())) {
      metrics.onCacheHit(kind.name());
      return (T) c.value();
    }
    if (c != null) {
      cache.asMap().remove(key, c);
    }
    boolean[] loaded = {false};
    Cached got =
        cache.get(
            key,
            k -> {
              loaded[0] = true;
              T v = invoke(op, cap, call);
              return new Cached(v, time.nanoTime());
            });
    if (loaded[0]) {
      metrics.onCacheMiss(kind.name());
    } else {
      metrics.onCacheHit(kind.name());
    }
    return (T) got.value();
  }

  private <T> T invoke(String op, ProviderCapability cap, Function<MarketDataProvider, T> call) {
    long end = time.nanoTime() + deadline.toNanos();
    DataException notFound = null;
    DataException last = null;
    List<String> skipped = new ArrayList<>();
    for (Entry e : providers) {
      if (!e.provider.capabilities().contains(cap)) {
        continue;
      }
      for (int attempt = 1; attempt <= attemptsPerProvider; attempt++) {
        if (!e.breaker.tryAcquire()) {
          skipped.add(e.provider.name() + " (breaker open)");
          break;
        }
        if (time.nanoTime() > end) {
          e.breaker.release();
          throw deadlineExceeded(op, last);
        }
        long t0 = time.nanoTime();
        try {
          T v = call.apply(e.provider);
          metrics.onCall(e.provider.name(), op, true, Duration.ofNanos(time.nanoTime() - t0));
          success(e, op);
          return v;
        } catch (UnsupportedOperationException ex) {
          e.breaker.onSuccess();
          break;
        } catch (DataException.Rejected ex) {
          metrics.onCall(e.provider.name(), op, true, Duration.ofNanos(time.nanoTime() - t0));
          e.breaker.onSuccess();
          throw ex;
        } catch (DataException.NotFound ex) {
          metrics.onCall(e.provider.name(), op, true, Duration.ofNanos(time.nanoTime() - t0));
          e.breaker.onSuccess();
          if (notFound == null) {
            notFound = ex;
          }
          break;
        } catch (DataException.Retryable ex) {
          failure(e, op, ex, t0);
          last = ex;
          if (attempt < attemptsPerProvider) {
            Duration wait = backoff(attempt);
            if (ex.retryAfter().isPresent() && ex.retryAfter().get().compareTo(wait) > 0) {
              wait = ex.retryAfter().get();
            }
            if (time.nanoTime() + wait.toNanos() > end) {
              break; // no time to wait here: try the next provider
            }
            sleep(wait);
          }
        } catch (DataException ex) {
          // Authentication or Fatal: this provider cannot serve; move on.
          failure(e, op, ex, t0);
          last = ex;
          break;
        } catch (IllegalArgumentException ex) {
          e.breaker.release();
          throw ex; // bad input: no provider will accept it
        } catch (RuntimeException ex) {
          DataException wrapped =
              new DataException.Fatal(e.provider.name(), op + " failed: " + ex, ex);
          failure(e, op, wrapped, t0);
          last = wrapped;
          break;
        }
      }
    }
    if (last == null && notFound != null) {
      throw notFound;
    }
    if (notFound != null) {
      notFound.addSuppressed(last);
      throw notFound;
    }
    if (last != null) {
      throw last;
    }
    throw new DataException.Retryable(
        name(),
        op
            + ": no provider available"
            + (skipped.isEmpty() ? " with capability " + cap : ": " + String.join(", ", skipped)),
        null,
        null);
  }

  private void success(Entry e, String op) {
    CircuitBreaker.State before = e.breaker.onSuccess();
    if (before != CircuitBreaker.State.CLOSED) {
      metrics.onBreakerState(e.provider.name(), CircuitBreaker.State.CLOSED);
    }
    String name = e.provider.name();
    lastSource.set(name);
    String prev = active;
    if (prev != null && !prev.equals(name)) {
      boolean failback = rank(name) < rank(prev);
      LOG.warn(
          "market data {} switched from {} to {}{}",
          op,
          prev,
          name,
          failback ? " (fail-back)" : "");
      metrics.onSwitch(prev, name, op, failback);
    }
    active = name;
  }

  private void failure(Entry e, String op, DataException ex, long t0) {
    metrics.onCall(e.provider.name(), op, false, Duration.ofNanos(time.nanoTime() - t0));
    CircuitBreaker.State before = e.breaker.state();
    CircuitBreaker.State after = e.breaker.onFailure();
    if (after != before) {
      LOG.warn(
          "provider {} breaker {} after {}",
          e.provider.name(),
          after,
          ex.getClass().getSimpleName());
      metrics.onBreakerState(e.provider.name(), after);
    }
  }

  private int rank(String name) {
    for (Entry e : providers) {
      if (e.provider.name().equals(name)) {
        return e.rank;
      }
    }
    return Integer.MAX_VALUE;
  }

  private DataException deadlineExceeded(String op, DataException last) {
    return new DataException.Retryable(
        name(), op + ": call deadline " + deadline + " exceeded", null, last);
  }

  private Duration backoff(int attempt) {
    long cap = backoffBase.toNanos();
    for (int i = 1; i < attempt && cap < backoffMax.toNanos(); i++) {
      cap = Math.min(backoffMax.toNanos(), cap * 2);
    }
    long half = cap / 2;
    long j;
    synchronized (jitter) {
      j = half <= 0 ? 0 : jitter.nextLong(cap - half + 1);
    }
    return Duration.ofNanos(half + j);
  }

  private void sleep(Duration d) {
    try {
      time.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DataException.Retryable(name(), "interrupted during backoff", null, e);
    }
  }

  // ------------------------------------------------------------------ streaming

  @Override
  public Subscription subscribe(StreamRequest request, StreamListener listener) {
    FailoverSubscription s = new FailoverSubscription(request, listener);
    s.start(0);
    return s;
  }

  /** Streams from the first capable provider; moves to the next when the stream fails for good. */
  private final class FailoverSubscription implements Subscription {
    private final StreamRequest request;
    private final StreamListener listener;
    private volatile Subscription current;
    private volatile boolean closed;

    FailoverSubscription(StreamRequest request, StreamListener listener) {
      this.request = request;
      this.listener = listener;
    }

    private boolean capable(MarketDataProvider p) {
      boolean needOptions = !request.optionQuotes().isEmpty() || !request.optionTrades().isEmpty();
      boolean needStocks = !request.stockQuotes().isEmpty() || !request.stockTrades().isEmpty();
      Set<ProviderCapability> c = p.capabilities();
      return (!needOptions || c.contains(ProviderCapability.STREAM_OPTIONS))
          && (!needStocks || c.contains(ProviderCapability.STREAM_STOCKS));
    }

    synchronized void start(int from) {
      for (int i = from; i < providers.size(); i++) {
        MarketDataProvider p = providers.get(i).provider;
        if (!capable(p)) {
          continue;
        }
        int index = i;
        try {
          current =
              p.subscribe(
                  request,
                  new StreamListener() {
                    @Override
                    public void onQuote(Quote quote) {
                      listener.onQuote(quote);
                    }

                    @Override
                    public void onTrade(Trade trade) {
                      listener.onTrade(trade);
                    }

                    @Override
                    public void onStateChange(StreamState state, String detail) {
                      if (state == StreamState.CLOSED && !closed) {
                        LOG.warn("stream from {} closed ({}); failing over", p.name(), detail);
                        listener.onGap("stream from " + p.name() + " ended: " + detail);
                        metrics.onSwitch(p.name(), "next", "stream", false);
                        start(index + 1);
                      } else {
                        listener.onStateChange(state, p.name() + ": " + detail);
                      }
                    }

                    @Override
                    public void onGap(String detail) {
                      listener.onGap(p.name() + ": " + detail);
                    }
                  });
          return;
        } catch (DataException | UnsupportedOperationException e) {
          LOG.warn("cannot stream from {}: {}", p.name(), e.getMessage());
        }
      }
      current = null;
      if (!closed) {
        closed = true;
        listener.onStateChange(StreamState.CLOSED, "no provider can stream this request");
      }
    }

    @Override
    public StreamState state() {
      Subscription c = current;
      return closed || c == null ? StreamState.CLOSED : c.state();
    }

    @Override
    public void close() {
      closed = true;
      Subscription c = current;
      if (c != null) {
        c.close();
      }
    }
  }

  /** Closes every provider. */
  @Override
  public void close() {
    for (Entry e : providers) {
      try {
        e.provider.close();
      } catch (RuntimeException ex) {
        LOG.warn("closing {} failed", e.provider.name(), ex);
      }
    }
  }
}
