package io.github.bsoptions.data.sim;

import io.github.bsoptions.data.error.DataException;
import io.github.bsoptions.data.model.Bar;
import io.github.bsoptions.data.model.OptionChain;
import io.github.bsoptions.data.model.OptionChainQuery;
import io.github.bsoptions.data.model.OptionContract;
import io.github.bsoptions.data.model.OptionSnapshot;
import io.github.bsoptions.data.model.ProviderGreeks;
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
import io.github.bsoptions.pricing.formula.BlackScholesFormulas;
import io.github.bsoptions.pricing.product.OptionType;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A deterministic simulated market, the offline default data source: underlyings follow a
 * stochastic-volatility process with jumps ({@link UnderlyingSpec}), option chains (weekly and
 * monthly expiries, strikes around the spot) are priced with bs-pricing from a volatility surface
 * with skew and term structure, with tick-rounded bid/ask spreads that widen away from the money
 * and near expiry, sizes, volume and open interest.
 *
 * <p>Time is simulated: nothing happens until {@link #advance()} moves the clock by one step (no
 * sleeping), so a backtest of many simulated days runs as fast as the pricing allows. Sessions run
 * 09:30 to 16:00 New York time on weekdays (no holidays); the clock jumps from one close to the
 * next open. Options expire at 16:00 New York time on their expiration date. {@link
 * #startRealTime(Duration)} drives the clock from a timer instead.
 *
 * <p>Everything is a function of the {@link SimulationConfig} (seed included) and the number of
 * steps taken: queries never change the path. Subscribed quotes and trades are delivered
 * synchronously from {@link #advance()} on the caller's thread. All methods are thread-safe.
 *
 * <pre>{@code
 * SimulatedMarket market = SimulatedMarket.create(
 *     SimulationConfig.builder().seed(7).underlying("SPY", 500, 0.18).build());
 * market.advance(30);                       // 30 simulated minutes
 * OptionChain chain = market.optionChain(OptionChainQuery.all("SPY"));
 * }</pre>
 */
public final class SimulatedMarket implements MarketDataProvider {
  /** The provider name reported in chains and errors. */
  public static final String NAME = "simulated";

  private static final Logger LOG = LoggerFactory.getLogger(SimulatedMarket.class);
  private static final double TRADING_SECONDS_PER_YEAR = 252 * 6.5 * 3600;
  private static final double SECONDS_PER_YEAR = 365.0 * 86400;
  private static final Set<ProviderCapability> CAPABILITIES =
      Set.copyOf(EnumSet.allOf(ProviderCapability.class));

  private final SimulationConfig config;
  private final Map<String, Underlying> underlyings = new LinkedHashMap<>();
  private final List<Sub> subscriptions = new CopyOnWriteArrayList<>();
  private final Map<Long, Listed> contractCache = new HashMap<>();
  private final double[] scratch = new double[6];

  // shared history of step times
  private long[] times = new long[1024];
  private int size;
  private Instant now;
  private LocalDate cachedExpiryDay;
  private List<LocalDate> cachedExpiries = List.of();
  private ScheduledExecutorService realTime;

  private SimulatedMarket(SimulationConfig config) {
    this.config = config;
    int idx = 0;
    for (UnderlyingSpec spec : config.underlyings()) {
      underlyings.put(spec.symbol(), new Underlying(spec, idx++, config.seed()));
    }
    Instant start = sessionTime(config.start());
    Instant t = start;
    if (config.historyDays() > 0) {
      LocalDate d = localDate(start);
      for (int i = 0; i < config.historyDays(); i++) {
        d = previousWeekday(d);
      }
      t = d.atTime(SimulationConfig.OPEN).atZone(SimulationConfig.NEW_YORK).toInstant();
    }
    now = t;
    record();
    while (now.isBefore(start)) {
      stepProcess();
    }
    // Rescale the history so the start price equals the configured spot (returns unchanged).
    for (Underlying u : underlyings.values()) {
      double scale = u.spec.spot() / u.spot;
      for (int i = 0; i < size; i++) {
        u.spots[i] *= scale;
      }
      u.spot = u.spec.spot();
    }
  }

  /** Creates a market from the configuration. */
  public static SimulatedMarket create(SimulationConfig config) {
    return new SimulatedMarket(java.util.Objects.requireNonNull(config, "config"));
  }

  /** Returns the configuration. */
  public SimulationConfig config() {
    return config;
  }

  // ---------------------------------------------------------------- clock

  /** Returns the simulated time. */
  public synchronized Instant now() {
    return now;
  }

  /** Returns how many steps have been taken since the start (history excluded). */
  public synchronized long steps() {
    return stepsSinceStart;
  }

  private long stepsSinceStart;

  /** Moves the clock by one step and delivers subscribed quotes and trades. */
  public void advance() {
    advance(1);
  }

  /** Moves the clock by {@code n} steps, delivering subscribed data after each. */
  public void advance(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("n must be >= 0, was " + n);
    }
    for (int i = 0; i < n; i++) {
      List<Runnable> deliveries;
      synchronized (this) {
        stepProcess();
        stepsSinceStart++;
        deliveries = subscriptions.isEmpty() ? List.of() : collectDeliveries();
      }
      for (Runnable r : deliveries) {
        r.run();
      }
    }
  }

  /** Advances until the clock is at or after {@code target}; returns the steps taken. */
  public int advanceTo(Instant target) {
    int n = 0;
    while (now().isBefore(target)) {
      advance();
      n++;
    }
    return n;
  }

  /** Advances to the next session's close (16:00 New York); returns the steps taken. */
  public int advanceToClose() {
    Instant t = now();
    ZonedDateTime z = t.atZone(SimulationConfig.NEW_YORK);
    Instant close = z.toLocalDate().atTime(SimulationConfig.CLOSE).atZone(z.getZone()).toInstant();
    if (!t.isBefore(close)) {
      LocalDate next = nextWeekday(z.toLocalDate());
      close = next.atTime(SimulationConfig.CLOSE).atZone(z.getZone()).toInstant();
    }
    return advanceTo(close);
  }

  /**
   * Starts advancing the clock by one step every {@code interval} of wall time on a daemon thread,
   * streaming in (scaled) real time. Close the returned handle (or this market) to stop.
   */
  public synchronized AutoCloseable startRealTime(Duration interval) {
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("interval must be > 0, was " + interval);
    }
    if (realTime != null) {
      throw new IllegalStateException("real time already started");
    }
    ScheduledExecutorService exec =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread th = new Thread(r, "simulated-market-clock");
              th.setDaemon(true);
              return th;
            });
    realTime = exec;
    long nanos = interval.toNanos();
    exec.scheduleAtFixedRate(this::advance, nanos, nanos, TimeUnit.NANOSECONDS);
    return () -> stopRealTime(exec);
  }

  private synchronized void stopRealTime(ScheduledExecutorService exec) {
    exec.shutdownNow();
    if (realTime == exec) {
      realTime = null;
    }
  }

  // ---------------------------------------------------------------- state queries

  /** Returns the current price of a simulated underlying. */
  public synchronized double spot(String symbol) {
    return underlying(symbol).spot;
  }

  /** Returns the current instantaneous volatility ({@code sqrt(v)}) of an underlying. */
  public synchronized double instantaneousVolatility(String symbol) {
    return Math.sqrt(Math.max(underlying(symbol).variance, 0));
  }

  /**
   * Returns the surface's implied volatility for an option on {@code symbol} now (the volatility
   * the simulated quotes are priced with).
   */
  public synchronized double impliedVolatility(String symbol, LocalDate expiry, double strike) {
    Underlying u = underlying(symbol);
    double t = yearsTo(expiry, now);
    if (t <= 0) {
      throw new IllegalArgumentException("expiry " + expiry + " is not after " + now);
    }
    return surfaceVol(u, u.spot, u.variance, t, strike);
  }

  /** Returns the expiries listed on the current simulated date, earliest first. */
  public synchronized List<LocalDate> listedExpiries() {
    return expiries(localDate(now));
  }

  // ---------------------------------------------------------------- MarketDataProvider

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<ProviderCapability> capabilities() {
    return CAPABILITIES;
  }

  @Override
  public synchronized Quote latestStockQuote(String symbol) {
    return stockQuote(underlying(symbol), size - 1);
  }

  @Override
  public synchronized Trade latestStockTrade(String symbol) {
    return stockTrade(underlying(symbol), size - 1);
  }

  @Override
  public synchronized StockSnapshot stockSnapshot(String symbol) {
    Underlying u = underlying(symbol);
    LocalDate today = localDate(now);
    Instant dayStart = today.atStartOfDay(SimulationConfig.NEW_YORK).toInstant();
    List<Bar> daily = stockBars(symbol, Timeframe.DAY_1, Instant.EPOCH, now);
    Optional<Bar> todayBar = Optional.empty();
    Optional<Bar> prevBar = Optional.empty();
    for (Bar b : daily) {
      if (b.start().equals(dayStart)) {
        todayBar = Optional.of(b);
      } else if (b.start().isBefore(dayStart)) {
        prevBar = Optional.of(b);
      }
    }
    return new StockSnapshot(
        symbol,
        Optional.of(stockQuote(u, size - 1)),
        Optional.of(stockTrade(u, size - 1)),
        todayBar,
        prevBar);
  }

  @Override
  public synchronized List<Bar> stockBars(
      String symbol, Timeframe timeframe, Instant start, Instant end) {
    Underlying u = underlying(symbol);
    checkRange(start, end);
    List<Bar> out = new ArrayList<>();
    BarBuilder bb = new BarBuilder(symbol, timeframe, out);
    for (int i = firstIndexAtOrAfter(start); i < size && times[i] <= end.toEpochMilli(); i++) {
      bb.add(times[i], u.spots[i], u.volumes[i]);
    }
    bb.flush();
    return out;
  }

  @Override
  public synchronized List<OptionContract> optionContracts(OptionChainQuery query) {
    Underlying u = underlying(query.underlying());
    List<OptionContract> out = new ArrayList<>();
    forEachListed(u, query, (c, t) -> out.add(c.contract()));
    return out;
  }

  @Override
  public synchronized OptionChain optionChain(OptionChainQuery query) {
    Underlying u = underlying(query.underlying());
    List<OptionSnapshot> out = new ArrayList<>(chainCapacity());
    ChainTick tick = new ChainTick(u, out);
    forEachListed(u, query, tick::add);
    return new OptionChain(u.spec.symbol(), OptionalDouble.of(round2(u.spot)), now, out, NAME);
  }

  @Override
  public synchronized List<Bar> optionBars(
      String occSymbol, Timeframe timeframe, Instant start, Instant end) {
    List<Trade> trades = optionTrades(occSymbol, start, end);
    List<Bar> out = new ArrayList<>();
    BarBuilder bb = new BarBuilder(occSymbol, timeframe, out);
    for (Trade t : trades) {
      bb.add(t.timestamp().toEpochMilli(), t.price(), t.size());
    }
    bb.flush();
    return out;
  }

  @Override
  public synchronized List<Trade> optionTrades(String occSymbol, Instant start, Instant end) {
    checkRange(start, end);
    OptionContract c = contract(occSymbol);
    Underlying u = underlying(c.underlying());
    long key = contractKey(u, c);
    List<Trade> out = new ArrayList<>();
    for (int i = firstIndexAtOrAfter(start); i < size && times[i] <= end.toEpochMilli(); i++) {
      Instant at = Instant.ofEpochMilli(times[i]);
      double t = yearsTo(c.expiration(), at);
      if (t < 0) {
        break;
      }
      Trade tr = maybeTrade(u, c, key, i, u.spots[i], u.variances[i], t, at);
      if (tr != null) {
        out.add(tr);
      }
    }
    return out;
  }

  @Override
  public synchronized List<Quote> latestOptionQuotes(List<String> occSymbols) {
    List<Quote> out = new ArrayList<>(occSymbols.size());
    for (String s : occSymbols) {
      OptionContract c = contract(s);
      Underlying u = underlying(c.underlying());
      double t = yearsTo(c.expiration(), now);
      if (t < 0) {
        throw new DataException.NotFound(NAME, "option " + s + " expired", null);
      }
      out.add(optionQuote(u, c, contractKey(u, c), t, s));
    }
    return out;
  }

  @Override
  public Subscription subscribe(StreamRequest request, StreamListener listener) {
    java.util.Objects.requireNonNull(request, "request");
    java.util.Objects.requireNonNull(listener, "listener");
    List<Underlying> sq = new ArrayList<>();
    List<Underlying> st = new ArrayList<>();
    List<OptionContract> oq = new ArrayList<>();
    List<OptionContract> ot = new ArrayList<>();
    synchronized (this) {
      for (String s : sorted(request.stockQuotes())) {
        sq.add(underlyingArg(s));
      }
      for (String s : sorted(request.stockTrades())) {
        st.add(underlyingArg(s));
      }
      for (String s : sorted(request.optionQuotes())) {
        oq.add(contractArg(s));
      }
      for (String s : sorted(request.optionTrades())) {
        ot.add(contractArg(s));
      }
    }
    Sub sub = new Sub(listener, sq, st, oq, ot);
    subscriptions.add(sub);
    listener.onStateChange(StreamState.STREAMING, "simulated stream started at " + now());
    return sub;
  }

  @Override
  public void close() {
    ScheduledExecutorService exec;
    synchronized (this) {
      exec = realTime;
      realTime = null;
    }
    if (exec != null) {
      exec.shutdownNow();
    }
    for (Sub s : subscriptions) {
      s.close();
    }
  }

  // ---------------------------------------------------------------- process

  private void stepProcess() {
    Instant next = nextTime(now);
    double dt = config.step().toMillis() / 1000.0 / TRADING_SECONDS_PER_YEAR;
    double r = config.rate();
    for (Underlying u : underlyings.values()) {
      UnderlyingSpec s = u.spec;
      SplittableRandom rnd = u.random;
      double z1 = rnd.nextGaussian();
      double z2 =
          s.correlation() * z1
              + Math.sqrt(1 - s.correlation() * s.correlation()) * rnd.nextGaussian();
      double v = Math.max(u.variance, 0);
      double k = Math.exp(s.jumpMean() + 0.5 * s.jumpStdDev() * s.jumpStdDev()) - 1;
      double logJump = 0;
      if (s.jumpIntensity() > 0 && rnd.nextDouble() < s.jumpIntensity() * dt) {
        logJump = s.jumpMean() + s.jumpStdDev() * rnd.nextGaussian();
      }
      double drift = (r - s.dividendYield() - s.jumpIntensity() * k - 0.5 * v) * dt;
      u.spot *= Math.exp(drift + Math.sqrt(v * dt) * z1 + logJump);
      double theta = s.volatility() * s.volatility();
      double nv =
          u.variance + s.meanReversion() * (theta - v) * dt + s.volOfVol() * Math.sqrt(v * dt) * z2;
      u.variance = Math.max(nv, 1e-6);
      u.stepVolume = 100L * (1 + (long) (rnd.nextDouble() * 50));
    }
    now = next;
    record();
  }

  private Instant nextTime(Instant t) {
    ZonedDateTime z = t.atZone(SimulationConfig.NEW_YORK);
    Instant close = z.toLocalDate().atTime(SimulationConfig.CLOSE).atZone(z.getZone()).toInstant();
    if (t.isBefore(close)) {
      Instant n = t.plus(config.step());
      return n.isAfter(close) ? close : n;
    }
    return nextWeekday(z.toLocalDate())
        .atTime(SimulationConfig.OPEN)
        .atZone(z.getZone())
        .toInstant();
  }

  private void record() {
    if (size == times.length) {
      times = Arrays.copyOf(times, size * 2);
      for (Underlying u : underlyings.values()) {
        u.grow(size * 2);
      }
    }
    times[size] = now.toEpochMilli();
    for (Underlying u : underlyings.values()) {
      u.spots[size] = u.spot;
      u.variances[size] = u.variance;
      u.volumes[size] = u.stepVolume;
    }
    size++;
  }

  private static Instant sessionTime(Instant t) {
    ZonedDateTime z = t.atZone(SimulationConfig.NEW_YORK);
    LocalDate d = z.toLocalDate();
    boolean weekday =
        d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;
    if (weekday && z.toLocalTime().isBefore(SimulationConfig.OPEN)) {
      return d.atTime(SimulationConfig.OPEN).atZone(z.getZone()).toInstant();
    }
    if (weekday && !z.toLocalTime().isAfter(SimulationConfig.CLOSE)) {
      return t;
    }
    return nextWeekday(d).atTime(SimulationConfig.OPEN).atZone(z.getZone()).toInstant();
  }

  private static LocalDate nextWeekday(LocalDate d) {
    LocalDate n = d.plusDays(1);
    while (n.getDayOfWeek() == DayOfWeek.SATURDAY || n.getDayOfWeek() == DayOfWeek.SUNDAY) {
      n = n.plusDays(1);
    }
    return n;
  }

  private static LocalDate previousWeekday(LocalDate d) {
    LocalDate n = d.minusDays(1);
    while (n.getDayOfWeek() == DayOfWeek.SATURDAY || n.getDayOfWeek() == DayOfWeek.SUNDAY) {
      n = n.minusDays(1);
    }
    return n;
  }

  private static LocalDate localDate(Instant t) {
    return t.atZone(SimulationConfig.NEW_YORK).toLocalDate();
  }

  // ---------------------------------------------------------------- listing and pricing

  private List<LocalDate> expiries(LocalDate today) {
    if (today.equals(cachedExpiryDay)) {
      return cachedExpiries;
    }
    List<LocalDate> out = new ArrayList<>();
    LocalDate f = today.with(TemporalAdjusters.nextOrSame(DayOfWeek.FRIDAY));
    for (int i = 0; i < config.weeklyExpiries(); i++) {
      out.add(f);
      f = f.plusWeeks(1);
    }
    LocalDate last = out.isEmpty() ? today.minusDays(1) : out.get(out.size() - 1);
    LocalDate m = today.withDayOfMonth(1);
    int added = 0;
    while (added < config.monthlyExpiries()) {
      LocalDate third = m.with(TemporalAdjusters.dayOfWeekInMonth(3, DayOfWeek.FRIDAY));
      if (third.isAfter(last)) {
        out.add(third);
        added++;
      }
      m = m.plusMonths(1);
    }
    cachedExpiryDay = today;
    cachedExpiries = List.copyOf(out);
    return cachedExpiries;
  }

  private interface ListingVisitor {
    void visit(Listed c, double yearsToExpiry);
  }

  /** A listed contract with its OCC symbol and pseudo-random key, cached across ticks. */
  private record Listed(OptionContract contract, String symbol, long key) {}

  private int chainCapacity() {
    return 2 * config.strikesPerExpiry() * (config.weeklyExpiries() + config.monthlyExpiries());
  }

  private void forEachListed(Underlying u, OptionChainQuery q, ListingVisitor visitor) {
    double s = u.spot;
    double step = u.spec.strikeStepAt(s);
    int n = config.strikesPerExpiry();
    long centre = Math.round(s / step);
    long lo = centre - n / 2;
    if (lo < 1) {
      lo = 1;
    }
    for (LocalDate exp : expiries(localDate(now))) {
      if (q.expirationFrom().isPresent() && exp.isBefore(q.expirationFrom().get())) {
        continue;
      }
      if (q.expirationTo().isPresent() && exp.isAfter(q.expirationTo().get())) {
        continue;
      }
      double t = yearsTo(exp, now);
      if (t < 0) {
        continue;
      }
      for (long k = lo; k < lo + n; k++) {
        double strike = Math.round(k * step * 1000.0) / 1000.0;
        if (strike >= 100_000) {
          break;
        }
        if (q.strikeMin().isPresent() && strike < q.strikeMin().getAsDouble()) {
          continue;
        }
        if (q.strikeMax().isPresent() && strike > q.strikeMax().getAsDouble()) {
          continue;
        }
        for (OptionType type : OptionType.values()) {
          if (q.type().isPresent() && q.type().get() != type) {
            continue;
          }
          visitor.visit(cachedContract(u, exp, type, strike), t);
        }
      }
    }
  }

  private Listed cachedContract(Underlying u, LocalDate exp, OptionType type, double k) {
    long key = key(u.index, exp, type, k);
    Listed c = contractCache.get(key);
    if (c == null) {
      if (contractCache.size() > 200_000) {
        contractCache.clear();
      }
      OptionContract oc = OptionContract.of(u.spec.symbol(), exp, type, k);
      c = new Listed(oc, oc.symbol(), key);
      contractCache.put(key, c);
    }
    return c;
  }

  private static long key(int idx, LocalDate exp, OptionType type, double strike) {
    long thousandths = Math.round(strike * 1000.0);
    return (((long) idx * 100_000L + exp.toEpochDay()) * 2 + type.ordinal()) * 100_000_000L
        + thousandths;
  }

  private long contractKey(Underlying u, OptionContract c) {
    return key(u.index, c.expiration(), c.type(), c.strike());
  }

  private static double yearsTo(LocalDate expiry, Instant at) {
    Instant exp =
        expiry.atTime(SimulationConfig.CLOSE).atZone(SimulationConfig.NEW_YORK).toInstant();
    return (exp.toEpochMilli() - at.toEpochMilli()) / 1000.0 / SECONDS_PER_YEAR;
  }

  private double surfaceVol(Underlying u, double spot, double variance, double t, double strike) {
    double atm = surfaceAtm(u, variance, t);
    return surfaceVolAt(
        u, atm, surfaceForward(u, spot, t), surfaceScale(atm, t), strike); // same as per-expiry
  }

  /** At-the-money volatility of the surface for expiry {@code t} (the expected average var). */
  private static double surfaceAtm(Underlying u, double variance, double t) {
    UnderlyingSpec s = u.spec;
    double theta = s.volatility() * s.volatility();
    double kt = s.meanReversion() * Math.max(t, 1e-6);
    double avgVar = theta + (variance - theta) * (1 - Math.exp(-kt)) / kt;
    return Math.sqrt(Math.max(avgVar, 1e-6));
  }

  private double surfaceForward(Underlying u, double spot, double t) {
    return spot * Math.exp((config.rate() - u.spec.dividendYield()) * t);
  }

  private static double surfaceScale(double atm, double t) {
    return atm * Math.sqrt(Math.max(t, 1.0 / 365 / 24));
  }

  /** The skewed volatility at {@code strike} from the per-expiry terms. */
  private static double surfaceVolAt(
      Underlying u, double atm, double fwd, double scale, double strike) {
    UnderlyingSpec s = u.spec;
    double x = Math.log(strike / fwd) / scale;
    x = Math.max(-4, Math.min(4, x));
    double factor = 1 + s.skew() * x + s.smile() * x * x;
    factor = Math.max(0.3, Math.min(3.0, factor));
    return Math.max(0.01, atm * factor);
  }

  /** Prices into {@code scratch}: price, delta, gamma, vega, theta, rho; returns the vol. */
  private double price(Underlying u, OptionContract c, double spot, double var, double t) {
    double vol = surfaceVol(u, spot, var, t, c.strike());
    BlackScholesFormulas.priceAndFirstOrderGreeks(
        c.type() == OptionType.CALL,
        spot,
        c.strike(),
        Math.max(t, 0),
        config.rate(),
        u.spec.dividendYield(),
        vol,
        scratch,
        0);
    return vol;
  }

  private double liquidity(Underlying u, OptionContract c, double spot, double vol, double t) {
    return liquidityAt(c.strike(), spot, vol, liquidityScale(t));
  }

  private static double liquidityScale(double t) {
    return Math.sqrt(Math.max(t, 1.0 / 365));
  }

  private static double liquidityAt(double strike, double spot, double vol, double scale) {
    double x = Math.log(strike / spot) / (vol * scale);
    return Math.exp(-0.5 * x * x);
  }

  private Quote optionQuote(Underlying u, OptionContract c, long key, double t, String symbol) {
    double vol = price(u, c, u.spot, u.variance, t);
    double liq = liquidity(u, c, u.spot, vol, t);
    return quoteFor(key, size - 1, scratch[0], liquidityScale(t), liq, symbol, now);
  }

  /** {@code scale} is {@link #liquidityScale}, {@code liq} the contract's liquidity. */
  private Quote quoteFor(
      long key, int stepIdx, double theo, double scale, double liq, String symbol, Instant at) {
    double tick = theo < 3 ? 0.01 : 0.05;
    double frac = 0.015 + 0.04 * (1 - liq) + 0.002 / scale;
    double n1 = unit(key, stepIdx, 1);
    double half = 0.5 * Math.max(tick, Math.min(0.5, frac) * theo) * (0.8 + 0.4 * n1);
    double bid = Math.floor((theo - half) / tick + 1e-9) * tick;
    double ask = Math.ceil((theo + half) / tick - 1e-9) * tick;
    bid = bid < tick ? 0 : round2(bid);
    ask = Math.max(round2(ask), tick);
    long bidSize = bid == 0 ? 0 : 1 + (long) (unit(key, stepIdx, 2) * 200 * liq);
    long askSize = 1 + (long) (unit(key, stepIdx, 3) * 200 * liq);
    return new Quote(symbol, bid, ask, bidSize, askSize, at);
  }

  /**
   * Builds the snapshots of one chain query at the current step: the per-step terms (date, session
   * fraction) once, the per-expiry surface terms once per expiry, then one Black-Scholes call and
   * the output records per contract. Every value equals what the scalar helpers give.
   */
  private final class ChainTick {
    private final Underlying u;
    private final List<OptionSnapshot> out;
    private final double spot;
    private final LocalDate today;
    private final int todayEpochDay;
    private final double dayFraction;
    private final int stepIdx;
    private final boolean providerGreeks;
    private LocalDate expiry;
    private double atm;
    private double fwd;
    private double surfaceScale;
    private double liquidityScale;
    private boolean expiresToday;

    ChainTick(Underlying u, List<OptionSnapshot> out) {
      this.u = u;
      this.out = out;
      this.spot = u.spot;
      this.today = localDate(now);
      this.todayEpochDay = (int) today.toEpochDay();
      this.dayFraction = sessionFraction(now);
      this.stepIdx = size - 1;
      this.providerGreeks = config.providerGreeks();
    }

    void add(Listed l, double t) {
      OptionContract c = l.contract();
      LocalDate exp = c.expiration();
      if (exp != expiry && !exp.equals(expiry)) {
        expiry = exp;
        atm = surfaceAtm(u, u.variance, t);
        fwd = surfaceForward(u, spot, t);
        surfaceScale = surfaceScale(atm, t);
        liquidityScale = liquidityScale(t);
        expiresToday = exp.equals(today);
      }
      out.add(snapshot(l, t));
    }

    private OptionSnapshot snapshot(Listed l, double t) {
      OptionContract c = l.contract();
      long key = l.key();
      String symbol = l.symbol();
      double strike = c.strike();
      double vol = surfaceVolAt(u, atm, fwd, surfaceScale, strike);
      double[] g = scratch;
      BlackScholesFormulas.priceAndFirstOrderGreeks(
          c.type() == OptionType.CALL,
          spot,
          strike,
          Math.max(t, 0),
          config.rate(),
          u.spec.dividendYield(),
          vol,
          g,
          0);
      double theo = g[0];
      double liq = liquidityAt(strike, spot, vol, liquidityScale);
      Quote q = quoteFor(key, stepIdx, theo, liquidityScale, liq, symbol, now);
      long oi = (long) (20_000 * liq * (0.25 + unit(key, 0, 4))) + (long) (unit(key, 0, 5) * 50);
      long volume = (long) (oi * 0.15 * dayFraction * (0.5 + unit(key, todayEpochDay, 6)));
      Optional<Trade> last = Optional.empty();
      if (volume > 0) {
        double tick = theo < 3 ? 0.01 : 0.05;
        double px = Math.max(tick, round2(Math.round(theo / tick) * tick));
        long ago = (long) (unit(key, stepIdx, 7) * 600_000 * dayFraction);
        last =
            Optional.of(
                new Trade(
                    symbol, px, 1 + (long) (unit(key, stepIdx, 8) * 10), now.minusMillis(ago)));
      }
      boolean greeks = providerGreeks && q.isTwoSided() && !expiresToday;
      return new OptionSnapshot(
          c,
          Optional.of(q),
          last,
          greeks ? OptionalDouble.of(vol) : OptionalDouble.empty(),
          greeks
              ? Optional.of(
                  new ProviderGreeks(g[1], g[2], g[4] / 365.0, g[3] / 100.0, g[5] / 100.0))
              : Optional.empty(),
          volume,
          OptionalLong.of(oi));
    }
  }

  private Trade maybeTrade(
      Underlying u,
      OptionContract c,
      long key,
      int i,
      double spot,
      double var,
      double t,
      Instant at) {
    double vol = price(u, c, spot, var, t);
    double liq = liquidity(u, c, spot, vol, t);
    if (unit(key, i, 9) >= 0.02 + 0.25 * liq) {
      return null;
    }
    double theo = scratch[0];
    double tick = theo < 3 ? 0.01 : 0.05;
    double px = Math.max(tick, round2(Math.round(theo / tick) * tick));
    return new Trade(c.symbol(), px, 1 + (long) (unit(key, i, 10) * 20 * liq), at);
  }

  private static double sessionFraction(Instant t) {
    ZonedDateTime z = t.atZone(SimulationConfig.NEW_YORK);
    double secs = z.toLocalTime().toSecondOfDay() - SimulationConfig.OPEN.toSecondOfDay();
    return Math.max(0, Math.min(1, secs / (6.5 * 3600)));
  }

  private Quote stockQuote(Underlying u, int i) {
    double s = u.spots[i];
    double half = Math.max(0.01, round2(s * 0.00005 * (1 + unit(u.index, i, 11))));
    double bid = round2(s - half);
    double ask = round2(s + half);
    return new Quote(
        u.spec.symbol(),
        Math.max(bid, 0.01),
        Math.max(ask, 0.02),
        100 * (1 + (long) (unit(u.index, i, 12) * 20)),
        100 * (1 + (long) (unit(u.index, i, 13) * 20)),
        Instant.ofEpochMilli(times[i]));
  }

  private Trade stockTrade(Underlying u, int i) {
    return new Trade(
        u.spec.symbol(),
        Math.max(round2(u.spots[i]), 0.01),
        1 + (long) (unit(u.index, i, 14) * 500),
        Instant.ofEpochMilli(times[i]));
  }

  // ---------------------------------------------------------------- streaming

  private List<Runnable> collectDeliveries() {
    List<Runnable> out = new ArrayList<>();
    for (Sub sub : subscriptions) {
      if (sub.state != StreamState.STREAMING) {
        continue;
      }
      List<Quote> quotes = new ArrayList<>();
      List<Trade> trades = new ArrayList<>();
      for (Underlying u : sub.stockQuotes) {
        quotes.add(stockQuote(u, size - 1));
      }
      for (Underlying u : sub.stockTrades) {
        trades.add(stockTrade(u, size - 1));
      }
      for (OptionContract c : sub.optionQuotes) {
        Underlying u = underlyings.get(c.underlying());
        double t = yearsTo(c.expiration(), now);
        if (t >= 0) {
          quotes.add(optionQuote(u, c, contractKey(u, c), t, c.symbol()));
        }
      }
      for (OptionContract c : sub.optionTrades) {
        Underlying u = underlyings.get(c.underlying());
        double t = yearsTo(c.expiration(), now);
        if (t >= 0) {
          Trade tr = maybeTrade(u, c, contractKey(u, c), size - 1, u.spot, u.variance, t, now);
          if (tr != null) {
            trades.add(tr);
          }
        }
      }
      out.add(() -> sub.deliver(quotes, trades));
    }
    return out;
  }

  private final class Sub implements Subscription {
    private final StreamListener listener;
    private final List<Underlying> stockQuotes;
    private final List<Underlying> stockTrades;
    private final List<OptionContract> optionQuotes;
    private final List<OptionContract> optionTrades;
    private volatile StreamState state = StreamState.STREAMING;

    Sub(
        StreamListener listener,
        List<Underlying> sq,
        List<Underlying> st,
        List<OptionContract> oq,
        List<OptionContract> ot) {
      this.listener = listener;
      this.stockQuotes = sq;
      this.stockTrades = st;
      this.optionQuotes = oq;
      this.optionTrades = ot;
    }

    void deliver(List<Quote> quotes, List<Trade> trades) {
      try {
        for (Quote q : quotes) {
          listener.onQuote(q);
        }
        for (Trade t : trades) {
          listener.onTrade(t);
        }
      } catch (RuntimeException e) {
        LOG.warn("stream listener threw; continuing", e);
      }
    }

    @Override
    public StreamState state() {
      return state;
    }

    @Override
    public void close() {
      if (state != StreamState.CLOSED) {
        state = StreamState.CLOSED;
        subscriptions.remove(this);
        listener.onStateChange(StreamState.CLOSED, "closed by caller");
      }
    }
  }

  // ---------------------------------------------------------------- helpers

  private Underlying underlying(String symbol) {
    Underlying u = underlyings.get(symbol);
    if (u == null) {
      throw new DataException.NotFound(NAME, "unknown symbol '" + symbol + "'", null);
    }
    return u;
  }

  private Underlying underlyingArg(String symbol) {
    Underlying u = underlyings.get(symbol);
    if (u == null) {
      throw new IllegalArgumentException("symbol is not simulated: '" + symbol + "'");
    }
    return u;
  }

  private OptionContract contractArg(String occ) {
    OptionContract c = OptionContract.parse(occ);
    underlyingArg(c.underlying());
    return c;
  }

  private OptionContract contract(String occ) {
    OptionContract c;
    try {
      c = OptionContract.parse(occ);
    } catch (IllegalArgumentException e) {
      throw new DataException.Rejected(NAME, e.getMessage(), e);
    }
    underlying(c.underlying());
    return c;
  }

  private static List<String> sorted(Set<String> s) {
    List<String> l = new ArrayList<>(s);
    l.sort(null);
    return l;
  }

  private static void checkRange(Instant start, Instant end) {
    java.util.Objects.requireNonNull(start, "start");
    java.util.Objects.requireNonNull(end, "end");
    if (start.isAfter(end)) {
      throw new IllegalArgumentException("start " + start + " is after end " + end);
    }
  }

  private int firstIndexAtOrAfter(Instant start) {
    int i = Arrays.binarySearch(times, 0, size, start.toEpochMilli());
    return i >= 0 ? i : -i - 1;
  }

  private static double round2(double v) {
    return Math.round(v * 100.0) / 100.0;
  }

  /** A uniform [0, 1) number that depends only on (seed, a, b, salt). */
  private double unit(long a, long b, int salt) {
    long h = mix(config.seed() ^ mix(a * 0x9E3779B97F4A7C15L + b) ^ (salt * 0xBF58476D1CE4E5B9L));
    return (h >>> 11) * 0x1.0p-53;
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  private static final class Underlying {
    final UnderlyingSpec spec;
    final int index;
    final SplittableRandom random;
    double spot;
    double variance;
    long stepVolume;
    double[] spots = new double[1024];
    double[] variances = new double[1024];
    long[] volumes = new long[1024];

    Underlying(UnderlyingSpec spec, int index, long seed) {
      this.spec = spec;
      this.index = index;
      this.random =
          new SplittableRandom(mix(seed ^ mix(spec.symbol().hashCode() + 0x632BE59BD9B4E019L)));
      this.spot = spec.spot();
      this.variance = spec.volatility() * spec.volatility();
    }

    void grow(int n) {
      spots = Arrays.copyOf(spots, n);
      variances = Arrays.copyOf(variances, n);
      volumes = Arrays.copyOf(volumes, n);
    }
  }

  /** Aggregates (time, price, volume) points into bars of a timeframe. */
  private static final class BarBuilder {
    private final String symbol;
    private final Timeframe tf;
    private final List<Bar> out;
    private long bucket = Long.MIN_VALUE;
    private Instant start;
    private double open;
    private double high;
    private double low;
    private double close;
    private long volume;
    private long count;
    private double notional;

    BarBuilder(String symbol, Timeframe tf, List<Bar> out) {
      this.symbol = symbol;
      this.tf = tf;
      this.out = out;
    }

    void add(long millis, double price, long vol) {
      long b =
          tf == Timeframe.DAY_1
              ? Instant.ofEpochMilli(millis)
                  .atZone(SimulationConfig.NEW_YORK)
                  .toLocalDate()
                  .toEpochDay()
              : Math.floorDiv(millis, tf.duration().toMillis());
      if (b != bucket) {
        flush();
        bucket = b;
        start =
            tf == Timeframe.DAY_1
                ? LocalDate.ofEpochDay(b).atStartOfDay(SimulationConfig.NEW_YORK).toInstant()
                : Instant.ofEpochMilli(b * tf.duration().toMillis());
        open = price;
        high = price;
        low = price;
        volume = 0;
        count = 0;
        notional = 0;
      }
      high = Math.max(high, price);
      low = Math.min(low, price);
      close = price;
      volume += vol;
      count++;
      notional += price * vol;
    }

    void flush() {
      if (bucket != Long.MIN_VALUE && count > 0) {
        out.add(
            new Bar(
                symbol,
                start,
                round2(open),
                round2(high),
                round2(low),
                round2(close),
                volume,
                count,
                volume > 0 ? notional / volume : Double.NaN));
      }
      bucket = Long.MIN_VALUE;
      count = 0;
    }
  }
}
