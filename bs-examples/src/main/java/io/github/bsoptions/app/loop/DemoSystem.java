package io.github.bsoptions.app.loop;

import io.github.bsoptions.app.obs.AppMetrics;
import io.github.bsoptions.app.obs.LatencyRecorder;
import io.github.bsoptions.app.obs.Stage;
import io.github.bsoptions.app.obs.StageLatency;
import io.github.bsoptions.app.report.Performance;
import io.github.bsoptions.app.report.ProgressBar;
import io.github.bsoptions.app.report.RunReport;
import io.github.bsoptions.app.store.PnlSnapshot;
import io.github.bsoptions.app.store.QuotePoint;
import io.github.bsoptions.app.store.StoredFill;
import io.github.bsoptions.app.store.StoredForecast;
import io.github.bsoptions.app.store.StoredOrder;
import io.github.bsoptions.app.store.StoredPosition;
import io.github.bsoptions.app.store.StoredSignal;
import io.github.bsoptions.app.store.TimeSeriesSink;
import io.github.bsoptions.app.store.TradingStore;
import io.github.bsoptions.app.web.DashboardState;
import io.github.bsoptions.app.web.Views;
import io.github.bsoptions.data.model.Bar;
import io.github.bsoptions.data.model.EnrichedOption;
import io.github.bsoptions.data.model.OptionChain;
import io.github.bsoptions.data.model.OptionChainQuery;
import io.github.bsoptions.data.model.OptionContract;
import io.github.bsoptions.data.model.Quote;
import io.github.bsoptions.data.model.Timeframe;
import io.github.bsoptions.data.sim.SimulatedMarket;
import io.github.bsoptions.data.sim.SimulationConfig;
import io.github.bsoptions.exec.engine.ExecutionEngine;
import io.github.bsoptions.exec.journal.JdbcJournal;
import io.github.bsoptions.exec.journal.Journal;
import io.github.bsoptions.exec.journal.JournalStore;
import io.github.bsoptions.exec.order.Fill;
import io.github.bsoptions.exec.order.OrderRequest;
import io.github.bsoptions.exec.order.Side;
import io.github.bsoptions.exec.paper.FillModel;
import io.github.bsoptions.exec.paper.PaperBroker;
import io.github.bsoptions.exec.paper.QuoteSource;
import io.github.bsoptions.exec.routing.SmartOrderRouter;
import io.github.bsoptions.exec.spi.BrokerClient;
import io.github.bsoptions.exec.spi.Outcome;
import io.github.bsoptions.pricing.product.OptionType;
import io.github.bsoptions.risk.limits.KillSwitch;
import io.github.bsoptions.risk.limits.RiskLimits;
import io.github.bsoptions.risk.portfolio.Instrument;
import io.github.bsoptions.risk.portfolio.MarketState;
import io.github.bsoptions.risk.portfolio.OptionInstrument;
import io.github.bsoptions.risk.portfolio.Portfolio;
import io.github.bsoptions.risk.portfolio.PortfolioAnalyzer;
import io.github.bsoptions.risk.portfolio.RiskPricers;
import io.github.bsoptions.risk.pretrade.AccountState;
import io.github.bsoptions.risk.pretrade.PreTradeCheck;
import io.github.bsoptions.risk.pretrade.RiskContext;
import io.github.bsoptions.risk.sizing.KellySizer;
import io.github.bsoptions.risk.sizing.SizingPolicy;
import io.github.bsoptions.risk.sizing.SizingResult;
import io.github.bsoptions.risk.sizing.TradeProfile;
import io.github.bsoptions.signals.ml.LstmVolForecaster;
import io.github.bsoptions.signals.ntm.ChainEnricher;
import io.github.bsoptions.signals.ntm.NearTheMoney;
import io.github.bsoptions.signals.ntm.NtmCriteria;
import io.github.bsoptions.signals.score.ChainScorer;
import io.github.bsoptions.signals.score.ContractScore;
import io.github.bsoptions.signals.score.ScoredChain;
import io.github.bsoptions.signals.score.ScoringContext;
import io.github.bsoptions.signals.spi.Forecaster;
import io.github.bsoptions.signals.strategy.DirectionalDeltaStrategy;
import io.github.bsoptions.signals.strategy.LongVolatilityStrategy;
import io.github.bsoptions.signals.strategy.MarketView;
import io.github.bsoptions.signals.strategy.ShortPremiumStrategy;
import io.github.bsoptions.signals.strategy.Signal;
import io.github.bsoptions.signals.strategy.SignalLeg;
import io.github.bsoptions.signals.strategy.Strategies;
import io.github.bsoptions.signals.strategy.Strategy;
import io.github.bsoptions.signals.strategy.Trend;
import io.github.bsoptions.signals.vol.ForecastInput;
import io.github.bsoptions.signals.vol.ForecastMetrics;
import io.github.bsoptions.signals.vol.Forecasters;
import io.github.bsoptions.signals.vol.VolForecast;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole system on the simulated market with the paper broker: every step, for each underlying,
 * acquire the chain, enrich it (implied volatilities and greeks with bs-pricing), select and score
 * the near-the-money options, run the strategies, size with Kelly, check with bs-risk's pre-trade
 * rules and submit through bs-exec's journalled engine to the paper broker; manage exits by each
 * signal's rules; mark the book to market; persist and publish everything. Once per simulated day
 * the volatility forecaster is refitted on the daily returns (the feedback loop) and scored against
 * the realized variance; with {@link #retrainWith} a learned model is also retrained every session.
 *
 * <p>{@link #run} drives whole simulated days (the demo and the backtest); the live loop ({@link
 * LiveLoop}, {@code bs run}) drives the same system one {@link #cycle()} at a time, on any {@link
 * MarketFeed} and any broker given as a {@link Venue}.
 */
public final class DemoSystem implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DemoSystem.class);
  private static final double MULTIPLIER = 100;

  /** Relative volatility edge the demo's strategies need (implied vs forecast). */
  static final double DEMO_EDGE = 0.05;

  /** Daily returns in the trend statistic the directional strategy reads. */
  static final int TREND_DAYS = 20;

  /** Trend statistic the demo's directional strategy needs. */
  static final double DEMO_TREND = 1.0;

  /**
   * Gap allowance on a stop: an unbounded-loss structure is assumed to lose this times its stop.
   */
  static final double GAP = 2;

  /**
   * The demo account's risk limits: bs-risk's defaults with per-order and book gamma limits sized
   * for a 250,000 account that trades short-dated at-the-money index options (one SPY straddle two
   * weeks out carries about 15,000 of dollar gamma per 1% move), and gross-notional limits that
   * count every leg of a defined-risk spread (one SPY iron condor is 200,000 of gross notional), so
   * a ladder of a few spreads per underlying fits.
   */
  public static final RiskLimits DEMO_LIMITS =
      RiskLimits.DEFAULT.toBuilder()
          .maxOrderDollarGamma(60_000)
          .maxPortfolioDollarGamma(150_000)
          .maxGrossNotional(3_000_000)
          .maxConcentration(6)
          .build();

  /** The demo's sizing: half Kelly, at most 2% of the account at risk per trade, 20 contracts. */
  public static final SizingPolicy DEMO_SIZING =
      new SizingPolicy(0.5, 0.02, Double.POSITIVE_INFINITY, 20);

  /**
   * Settings of a run.
   *
   * @param seed market seed
   * @param days simulated trading days
   * @param step simulated time per loop step
   * @param underlyings underlying symbols with spot and volatility
   * @param startingCash paper account cash
   * @param forecaster forecaster name ({@code garch}, ...) or empty for the best available
   * @param maxOpenTrades open structures allowed at once per underlying
   */
  public record Settings(
      long seed,
      int days,
      Duration step,
      Map<String, double[]> underlyings,
      double startingCash,
      String forecaster,
      int maxOpenTrades) {
    /** Copies the map. */
    public Settings {
      if (days < 1) {
        throw new IllegalArgumentException("days must be >= 1, was " + days);
      }
      underlyings = Map.copyOf(underlyings);
    }

    /**
     * The demo's defaults: SPY and QQQ, 5-minute steps, 250,000 cash, GARCH, 8 open per underlying.
     */
    public static Settings defaults(long seed, int days) {
      Map<String, double[]> u = new LinkedHashMap<>();
      u.put("SPY", new double[] {500, 0.18});
      u.put("QQQ", new double[] {430, 0.24});
      return new Settings(seed, days, Duration.ofMinutes(5), u, 250_000, "garch", 8);
    }
  }

  private final Settings settings;
  private final MarketFeed market;
  private final SimClock clock;
  private final AppMetrics metrics;
  private final TradingStore store;
  private final TimeSeriesSink series;
  private final DashboardState dashboard;
  private final BrokerClient broker;
  private final Venue venue;
  private final ExecutionEngine engine;
  private final JournalStore journal;
  private final RiskGate gate;
  private final PreTradeCheck preTrade;
  private final KellySizer sizer = new KellySizer(DEMO_SIZING);
  private final ChainScorer scorer = ChainScorer.withDefaults();
  private final List<Strategy> strategies;
  private final Forecaster forecaster;
  private final List<String> underlyings;

  private final Map<String, EnrichedOption> optionsBySymbol = new HashMap<>();

  /**
   * The OCC symbol of each contract seen, so the per-step options-by-symbol index does not build
   * (and hash) a new symbol string per option and step: {@link OptionContract#symbol()} formats one
   * on every call, 574 per chain and step in the demo. Cleared when it reaches {@link
   * #SYMBOL_CACHE_LIMIT} entries.
   */
  private final Map<OptionContract, String> symbols = new HashMap<>();

  private static final int SYMBOL_CACHE_LIMIT = 50_000;
  private final Map<String, Double> spots = new HashMap<>();
  private final Map<String, VolForecast> forecasts = new HashMap<>();

  /** Per underlying: the trend statistic of the last {@link #TREND_DAYS} daily closes. */
  private final Map<String, Double> trends = new HashMap<>();

  private final Map<String, Double> predictedNextVar = new HashMap<>();
  private final Map<String, List<double[]>> forecastPairs = new HashMap<>();
  private final Map<String, Long> trainMillis = new HashMap<>();
  private final Map<String, String> modelVersions = new HashMap<>();
  private MlRetrainer retrainer;
  private final List<RunState.Trade> open = new ArrayList<>();
  private final Set<String> seenFills = new HashSet<>();
  private final ArrayDeque<Views.Signal> recentSignals = new ArrayDeque<>();
  private final List<Views.EquityPoint> equityCurve = new ArrayList<>();
  private final List<RunReport.Trade> trades = new ArrayList<>();
  private final Map<String, Long> denials = new TreeMap<>();
  private final Map<String, String> strategyByOrder = new HashMap<>();
  private long chains;
  private long missingChains;
  private long optionsPriced;
  private long pricingNanos;
  // per priced chain, in order: pricing-stage nanoseconds and options (the steady-state rate)
  private long[] chainPricingNanos = new long[1024];
  private int[] chainOptions = new int[1024];
  private int pricedChains;
  private List<StageLatency> warmupLatency;
  private int warmUpRounds = OrderPathWarmUp.DEFAULT_ROUNDS;
  private String warmUpNote;
  private String signalWarmUpNote;
  private long signalCount;
  private long ordersSubmitted;
  private long ordersDenied;
  private long fillCount;
  private double peakAbsDelta;
  private double peakAbsVega;
  private double realized;
  private double tradedPremium;
  private final List<Double> closedPnl = new ArrayList<>();
  private int dayIndex;
  private Instant fillsSince;

  /**
   * Where the system's orders go: the broker, the hooks a paper broker needs from the loop, and the
   * execution engine's journal. The system owns it once built (closes the broker and journal).
   *
   * @param broker the broker
   * @param matchAll re-matches resting orders against fresh quotes after each step (a paper broker;
   *     a no-op for a real one)
   * @param endOfDay expires DAY orders at the close (a paper broker; a no-op for a real one)
   * @param journal the engine's journal; an earlier run's records are replayed and reconciled
   * @param fillsSince how far back start-up reconciliation asks the broker for fills
   */
  public record Venue(
      BrokerClient broker,
      Runnable matchAll,
      Runnable endOfDay,
      JournalStore journal,
      Instant fillsSince) {
    /** Checks that nothing is null. */
    public Venue {
      java.util.Objects.requireNonNull(broker, "broker");
      java.util.Objects.requireNonNull(matchAll, "matchAll");
      java.util.Objects.requireNonNull(endOfDay, "endOfDay");
      java.util.Objects.requireNonNull(journal, "journal");
      java.util.Objects.requireNonNull(fillsSince, "fillsSince");
    }

    /** A real broker: nothing to match or expire in process. */
    public static Venue of(BrokerClient broker, JournalStore journal, Instant fillsSince) {
      return new Venue(broker, () -> {}, () -> {}, journal, fillsSince);
    }
  }

  /** The demo's paper fill model: no slippage, 0.65 per contract, fills up to displayed size. */
  public static final FillModel DEMO_FILLS = new FillModel(0, 0.65, 1.0, true, 100);

  /**
   * A fresh in-process paper broker on the feed and a new demo journal in {@code journalDir}:
   * bs-exec's file {@link Journal} with {@link Journal.Durability#NONE}, each record written to the
   * file before {@code append} returns (it survives a crash of the process, not necessarily a power
   * loss). That is the guarantee the demo's H2 {@link JdbcJournal} gave with a checkpoint after
   * each commit, at a fraction of the cost: H2 rewrites the B-tree pages of the journal table at
   * every commit, 0.2-0.8 ms of CPU per multi-leg order on the 2-core build machine (most of the
   * seed's 1 ms for order submission), where the file journal appends one line (about 15 µs in
   * bs-bench's {@code ExecBench}). {@code bs run} keeps its journal in the database.
   */
  static Venue demoVenue(Settings settings, MarketFeed feed, Path journalDir) throws IOException {
    PaperBroker paper =
        new PaperBroker(
            "paper",
            QuoteSource.of(feed.data()),
            DEMO_FILLS,
            new SimClock(feed::now),
            settings.startingCash());
    Files.createDirectories(journalDir);
    JournalStore journal =
        Journal.open(
            journalDir.resolve("demo-" + settings.seed() + "-" + System.nanoTime() + ".journal"),
            Journal.Durability.NONE,
            "demo");
    return new Venue(paper, paper::matchAll, paper::endOfDay, journal, feed.now());
  }

  /**
   * Builds the system. The journal goes to {@code journalDir}; a journal from an earlier run with
   * the same path is replayed and reconciled by the engine before trading.
   */
  public DemoSystem(
      Settings settings,
      Path journalDir,
      AppMetrics metrics,
      TradingStore store,
      TimeSeriesSink series,
      DashboardState dashboard)
      throws IOException {
    this(
        settings,
        MarketFeed.simulated(simulatedMarket(settings)),
        journalDir,
        metrics,
        store,
        series,
        dashboard);
  }

  /** The simulated market the settings describe (seed, step, underlyings, 300 days of history). */
  public static SimulatedMarket simulatedMarket(Settings settings) {
    SimulationConfig.Builder b =
        SimulationConfig.builder().seed(settings.seed()).step(settings.step()).historyDays(300);
    for (Map.Entry<String, double[]> e : new TreeMap<>(settings.underlyings()).entrySet()) {
      b.underlying(e.getKey(), e.getValue()[0], e.getValue()[1]);
    }
    return SimulatedMarket.create(b.build());
  }

  /**
   * Builds the system on {@code feed} (the simulation, a recorded simulation or a replay): the same
   * strategies, risk checks and paper execution whatever the feed. Takes ownership of the feed.
   */
  public DemoSystem(
      Settings settings,
      MarketFeed feed,
      Path journalDir,
      AppMetrics metrics,
      TradingStore store,
      TimeSeriesSink series,
      DashboardState dashboard)
      throws IOException {
    this(settings, feed, demoVenue(settings, feed, journalDir), metrics, store, series, dashboard);
  }

  /**
   * Builds the system on {@code feed} with orders going to {@code venue} (the live loop's paper
   * account, or a real broker). Takes ownership of both. The engine replays the venue's journal and
   * reconciles it with the broker before the first step.
   *
   * @throws io.github.bsoptions.exec.engine.RecoveryException when reconciliation fails
   */
  public DemoSystem(
      Settings settings,
      MarketFeed feed,
      Venue venue,
      AppMetrics metrics,
      TradingStore store,
      TimeSeriesSink series,
      DashboardState dashboard) {
    this.settings = settings;
    this.metrics = metrics;
    this.store = store;
    this.series = series;
    this.dashboard = dashboard;
    this.market = feed;
    this.underlyings = List.copyOf(new TreeMap<>(settings.underlyings()).keySet());
    this.clock = new SimClock(feed::now);
    this.strategies = demoStrategies(Strategies.discover());
    this.forecaster =
        settings.forecaster().isEmpty()
            ? Forecasters.best()
            : Forecasters.create(settings.forecaster());
    this.venue = venue;
    this.broker = venue.broker();
    this.journal = venue.journal();
    this.preTrade = new PreTradeCheck(DEMO_LIMITS, RiskPricers.DEFAULT, clock, new KillSwitch());
    this.gate = new RiskGate(preTrade, this::riskContext, this::instrument, clock, metrics);
    this.fillsSince = venue.fillsSince();
    this.engine =
        ExecutionEngine.start(
            journal, SmartOrderRouter.single(broker, clock), gate, venue.fillsSince(), 3);
    // fills from before this start were counted and stored by the run that made them
    for (Fill f : broker.fills(fillsSince)) {
      seenFills.add(f.executionId());
    }
  }

  /**
   * The demo's strategy book: the two volatility strategies laddered over several tenors with a 5%
   * volatility edge (the library defaults, one tenor at 15% edge, trade a few times a week), the
   * directional strategy at a trend of {@link #DEMO_TREND} standard errors (the default 2 rarely
   * fires within a few days), plus any other strategy found on the module path, each held at most
   * {@link #DEMO_HOLD_SESSIONS}.
   */
  static List<Strategy> demoStrategies(List<Strategy> discovered) {
    List<Strategy> out = new ArrayList<>();
    for (int days : new int[] {14, 28, 42, 63}) {
      out.add(
          new HoldingPeriod(
              new ShortPremiumStrategy(DEMO_EDGE, days, 0.25, 2, Math.min(7, days / 4)),
              DEMO_HOLD_SESSIONS));
      out.add(new HoldingPeriod(new LongVolatilityStrategy(DEMO_EDGE, days), DEMO_HOLD_SESSIONS));
    }
    out.add(
        new HoldingPeriod(new DirectionalDeltaStrategy(DEMO_TREND, 28, 0.25), DEMO_HOLD_SESSIONS));
    for (Strategy s : discovered) {
      if (!s.name().equals("short-premium")
          && !s.name().equals("long-volatility")
          && !s.name().equals("directional-delta")) {
        out.add(new HoldingPeriod(s, DEMO_HOLD_SESSIONS));
      }
    }
    return List.copyOf(out);
  }

  /**
   * The demo's holding period: a structure is closed at the first step of the next session at the
   * latest (earlier at its strategy's profit target or stop), so a few simulated days show closed
   * trades, a hit rate and realized P&amp;L; the strategies' own exit dates are weeks away.
   */
  public static final int DEMO_HOLD_SESSIONS = 1;

  /** Returns the strategy book: open structures and realized results (for the run state). */
  public RunState.Book book() {
    return new RunState.Book(realized, closedPnl, open);
  }

  /**
   * Restores the strategy book of an earlier run on the same account. A structure is kept when the
   * broker holds every leg (with the right sign and enough quantity, after the structures before
   * it) or its entry order is still working there; the others are dropped and described in the
   * returned notes, so the loop never sends an exit for a position that is not there.
   */
  public List<String> restore(RunState.Book book) {
    Map<String, Long> held = new HashMap<>();
    for (io.github.bsoptions.exec.order.Position p : broker.positions()) {
      held.merge(p.symbol(), p.qty(), Long::sum);
    }
    List<String> notes = new ArrayList<>();
    open.clear();
    for (RunState.Trade t : book.open()) {
      Map<String, Long> after = new HashMap<>(held);
      boolean ok = true;
      for (SignalLeg l : t.signal().legs()) {
        long need = (long) l.quantity() * t.units();
        long have = after.getOrDefault(l.contract().symbol(), 0L);
        if (Long.signum(have) != Long.signum(need) || Math.abs(have) < Math.abs(need)) {
          ok = false;
          break;
        }
        after.put(l.contract().symbol(), have - need);
      }
      if (ok) {
        open.add(t);
        held = after;
      } else if (broker
          .findByClientOrderId(t.entryOrder())
          .map(o -> o.status().isOpen())
          .orElse(false)) {
        open.add(t); // the entry still works at the broker
      } else {
        notes.add(
            "dropped "
                + t.signal().underlying()
                + " "
                + t.signal().structure()
                + " x"
                + t.units()
                + ": the broker does not hold its legs and its entry order "
                + t.entryOrder()
                + " is not working");
      }
    }
    realized = book.realized();
    closedPnl.clear();
    closedPnl.addAll(book.closedPnl());
    return notes;
  }

  /** Returns the broker orders go to. */
  public BrokerClient broker() {
    return broker;
  }

  /** Returns the execution engine (its start-up reconciliation, positions, kill switch). */
  public ExecutionEngine engine() {
    return engine;
  }

  /** Returns the market feed (for tests). */
  public MarketFeed market() {
    return market;
  }

  /** Runs the configured days and returns the report. */
  public RunReport run(ProgressBar progress) {
    long wall0 = System.nanoTime();
    Instant simStart = market.now();
    int stepsPerDay = (int) (Duration.ofMinutes(390).toSeconds() / settings.step().toSeconds());
    long total = (long) stepsPerDay * settings.days();
    long done = 0;
    // one pricing sample per chain: room for the whole run up front, so the loop never takes the
    // arrays' growth branch, which the JIT has not seen when it compiles step() and which would
    // throw the compiled step() (the loop's largest method) away in the middle of the run
    reserveChains(total * underlyings.size() + 16);
    if (settings.days() >= 2 && warmUpRounds > 0) {
      // day 1 is the reported warm-up: compile the order path and the strategies' signal-making
      // path before it (the demo sends about 15 orders a day and proposes a structure about once
      // per strategy and day: too few calls for the JIT to compile them otherwise)
      warmUpNote = OrderPathWarmUp.run(settings, warmUpRounds);
      signalWarmUpNote = SignalPathWarmUp.run(settings, SignalPathWarmUp.DEFAULT_ROUNDS);
    }
    for (dayIndex = 0; dayIndex < settings.days(); dayIndex++) {
      beginSession(dayIndex < settings.days() - 1); // a model trained on the last day never serves
      LocalDate day = market.now().atZone(SimulationConfig.NEW_YORK).toLocalDate();
      while (!sessionOver(day)) {
        cycle();
        done++;
        if (progress != null) {
          progress.update(
              done,
              String.format(
                  java.util.Locale.ROOT,
                  "day %d/%d  %s  orders %d  fills %d",
                  dayIndex + 1,
                  settings.days(),
                  market
                      .now()
                      .atZone(SimulationConfig.NEW_YORK)
                      .toLocalTime()
                      .truncatedTo(ChronoUnit.MINUTES),
                  ordersSubmitted,
                  fillCount));
        }
      }
      endSession();
      if (dayIndex == 0 && settings.days() >= 2) {
        // the first day is the warm-up (JIT compilation, the first model training): the latency
        // table covers the days after it, and the report says what the first day measured
        warmupLatency = metrics.latency().snapshot();
        metrics.latency().reset();
      }
    }
    if (progress != null) {
      progress.finish("done");
    }
    LOG.trace("{} of {} planned steps", done, total);
    return report(wall0, simStart, settings.days(), new ArrayList<>());
  }

  /**
   * Starts a session: the feedback loop refits the forecaster on the daily returns up to now and
   * scores the previous forecast against the realized move.
   */
  public void beginSession() {
    beginSession(true);
  }

  private void beginSession(boolean trainMl) {
    retrainForecasts(market.now().atZone(SimulationConfig.NEW_YORK).toLocalDate(), trainMl);
  }

  /**
   * Turns on the learned part of the feedback loop: {@code retrainer} trains a new model version at
   * every session start (in the background or before the first cycle); from the next session on,
   * the version in service forecasts next to the refitted GARCH, its forecasts are stored with the
   * version and scored, and the strategies trade on them. The system closes it.
   */
  public void retrainWith(MlRetrainer retrainer) {
    this.retrainer = retrainer;
  }

  /**
   * One loop step at the feed's current time (data, pricing, signals, exits, risk, orders, fills,
   * marks), then the feed moves to its next step.
   */
  public void cycle() {
    step();
    market.advance();
  }

  /**
   * Returns whether the session of {@code day} is over: the feed has moved to another day, or to
   * within one step of the close.
   */
  public boolean sessionOver(LocalDate day) {
    return sessionOver(market.now(), day, settings.step());
  }

  /**
   * Returns whether the session of {@code day} is over at {@code now} for a loop stepping by {@code
   * step}: another day, or within one step of the close.
   */
  public static boolean sessionOver(Instant now, LocalDate day, Duration step) {
    java.time.ZonedDateTime z = now.atZone(SimulationConfig.NEW_YORK);
    return !z.toLocalDate().equals(day)
        || !z.toLocalTime().isBefore(SimulationConfig.CLOSE.minus(step));
  }

  /**
   * Sets how many entry-and-exit rounds (eight throwaway orders each) warm the order path up before
   * the first session of a {@link #run} of two days or more, whose first day is the reported
   * warm-up ({@code 0}: none, and no warm-up of the signal path either). See {@link
   * OrderPathWarmUp} and {@link SignalPathWarmUp}.
   */
  public void warmUpRounds(int rounds) {
    if (rounds < 0) {
      throw new IllegalArgumentException("rounds must be >= 0, was " + rounds);
    }
    this.warmUpRounds = rounds;
  }

  /** Names the run in its report ({@code run}); by default {@code demo}, or {@code backtest}. */
  public void mode(String mode) {
    this.mode = mode;
  }

  private String mode;

  /** Returns the settings. */
  public Settings settings() {
    return settings;
  }

  /** Ends a session: open DAY orders expire at the paper broker; the feed moves to the next one. */
  public void endSession() {
    venue.endOfDay().run();
    market.nextSession();
  }

  /**
   * The run's report so far.
   *
   * @param wall0 {@link System#nanoTime()} at the start
   * @param simStart the feed's time at the start
   * @param days sessions covered
   * @param notes notes to print first (appended to)
   */
  public RunReport report(long wall0, Instant simStart, int days, List<String> notes) {
    double startEquity = settings.startingCash();
    dashboard.publishLatency(metrics.latency().snapshot());
    Views.EquityPoint last = equityCurve.isEmpty() ? null : equityCurve.get(equityCurve.size() - 1);
    double endEquity = last == null ? startEquity : last.equity();
    List<RunReport.ForecastQuality> fq = new ArrayList<>();
    for (String u : underlyings) {
      if (!forecastPairs.containsKey(forecaster.name() + " " + u)) {
        notes.add("no forecast of " + u + " could be scored yet (needs two simulated days)");
      }
    }
    for (Map.Entry<String, List<double[]>> e : new TreeMap<>(forecastPairs).entrySet()) {
      List<double[]> pairs = e.getValue();
      double[] r = new double[pairs.size()];
      double[] f = new double[pairs.size()];
      for (int i = 0; i < r.length; i++) {
        r[i] = pairs.get(i)[0];
        f[i] = pairs.get(i)[1];
      }
      try {
        ForecastMetrics m = ForecastMetrics.of(r, f);
        fq.add(
            new RunReport.ForecastQuality(
                e.getKey(),
                modelVersions.getOrDefault(e.getKey(), "daily refit x" + days),
                m.count(),
                m.rmseVol(),
                m.qlike(),
                trainMillis.getOrDefault(e.getKey(), 0L)));
      } catch (IllegalArgumentException ex) {
        notes.add("forecast quality of " + e.getKey() + ": " + ex.getMessage());
      }
    }
    if (retrainer == null) {
      notes.add(
          "feedback loop: "
              + forecaster.name()
              + " refitted every session; learned model retraining off");
    } else {
      notes.add(
          "feedback loop: "
              + forecaster.name()
              + " refitted every session; "
              + retrainer.model()
              + " retrained every session "
              + (retrainer.inline()
                  ? "before its first cycle (between simulated sessions, as overnight)"
                  : "in the background")
              + ", in service from the next session"
              + " (its forecasts then drive the strategies)");
      for (MlRetrainer.Version v : retrainer.versions()) {
        notes.add(
            String.format(
                java.util.Locale.ROOT,
                "model %s %s: %d histories, %d samples, %d epochs, loss %.3f -> %.3f,"
                    + " in-sample QLIKE %.4f RMSE %.4f, trained in %.1f s",
                v.model(),
                v.label(),
                v.histories(),
                v.samples(),
                v.epochs(),
                v.firstLoss(),
                v.lastLoss(),
                v.inSampleQlike(),
                v.inSampleRmse(),
                v.millis() / 1000.0));
      }
      retrainer.unavailable().ifPresent(why -> notes.add("learned model not trained: " + why));
    }
    notes.add("journal: " + journal.describe() + ", " + journal.nextSeq() + " records");
    double avgEquity =
        equityCurve.stream().mapToDouble(Views.EquityPoint::equity).average().orElse(startEquity);
    double hit = Performance.hitRate(closedPnl.stream().mapToDouble(Double::doubleValue).toArray());
    notes.add(
        String.format(
            java.util.Locale.ROOT,
            "hit rate %s of %d closed trades; turnover %.3f (traded premium %.2f / average"
                + " equity %.2f)",
            Double.isNaN(hit) ? "n/a" : String.format(java.util.Locale.ROOT, "%.1f%%", hit * 100),
            closedPnl.size(),
            Performance.turnover(tradedPremium, avgEquity),
            tradedPremium,
            avgEquity));
    if (missingChains > 0) {
      notes.add(
          missingChains
              + " step(s) had no chain for an underlying (not in the recording) and skipped it");
    }
    notes.add("strategies: " + strategies.stream().map(Strategy::name).toList());
    double wallSeconds = Math.max(1e-9, (System.nanoTime() - wall0) / 1e9);
    notes.add(pricingThroughput(wallSeconds));
    if (warmupLatency != null) {
      notes.add(warmupNote(warmupLatency, days));
    }
    if (warmUpNote != null) {
      notes.add(warmUpNote);
    }
    if (signalWarmUpNote != null) {
      notes.add(signalWarmUpNote);
    }
    return new RunReport(
        "bs " + mode() + ": " + market.describe(),
        mode(),
        settings.seed(),
        simStart,
        market.now(),
        days,
        Duration.ofNanos(System.nanoTime() - wall0),
        new RunReport.Counts(
            chains, optionsPriced, signalCount, ordersSubmitted, ordersDenied, fillCount, denials),
        new RunReport.Pnl(
            startEquity,
            endEquity,
            realized,
            endEquity - startEquity - realized,
            maxDrawdown(),
            sharpe(startEquity)),
        equityCurve,
        metrics.latency().snapshot(),
        List.of(
            new RunReport.RiskUsage(
                "peak |portfolio $delta|", peakAbsDelta, DEMO_LIMITS.maxPortfolioDollarDelta()),
            new RunReport.RiskUsage(
                "peak |portfolio vega|", peakAbsVega, DEMO_LIMITS.maxPortfolioVega())),
        fq,
        trades,
        notes);
  }

  private String mode() {
    return mode != null ? mode : market instanceof MarketFeed.Replay ? "backtest" : "demo";
  }

  private double maxDrawdown() {
    return Performance.maxDrawdown(
        equityCurve.stream().mapToDouble(Views.EquityPoint::equity).toArray());
  }

  private double sharpe(double start) {
    Map<LocalDate, Double> close = new TreeMap<>();
    for (Views.EquityPoint p : equityCurve) {
      close.put(
          Instant.ofEpochMilli(p.atMillis()).atZone(SimulationConfig.NEW_YORK).toLocalDate(),
          p.equity());
    }
    return Performance.sharpe(
        start, close.values().stream().mapToDouble(Double::doubleValue).toArray());
  }

  /** The feedback loop: refit the forecaster on daily returns and score yesterday's forecast. */
  private void retrainForecasts(LocalDate day, boolean trainMl) {
    Instant now = market.now();
    LstmVolForecaster ml = null;
    MlRetrainer.Version mlVersion = null;
    if (retrainer != null) {
      ml = retrainer.promote().orElse(null);
      mlVersion = retrainer.inService().orElse(null);
    }
    List<ForecastInput> histories = new ArrayList<>();
    for (String u : underlyings) {
      List<Bar> bars =
          market.data().stockBars(u, Timeframe.DAY_1, now.minus(Duration.ofDays(500)), now);
      if (bars.size() < 30) {
        continue;
      }
      double[] r = new double[bars.size() - 1];
      for (int i = 1; i < bars.size(); i++) {
        r[i - 1] = Math.log(bars.get(i).close() / bars.get(i - 1).close());
      }
      ForecastInput in = ForecastInput.ofReturns(r);
      histories.add(in);
      double[] closes = new double[bars.size()];
      for (int i = 0; i < closes.length; i++) {
        closes[i] = bars.get(i).close();
      }
      trends.put(u, Trend.tStatistic(closes, TREND_DAYS));
      String key = forecaster.name() + " " + u;
      score(key, r);
      long t0 = System.nanoTime();
      VolForecast f = forecaster.forecast(in, 21);
      long ms = (System.nanoTime() - t0) / 1_000_000;
      trainMillis.merge(key, ms, Math::max);
      forecasts.put(u, f);
      predictedNextVar.put(key, f.variance(1));
      store.saveForecast(
          new StoredForecast(
              now, u, f.model(), day.toString(), 21, f.annualizedVol(21), Double.NaN));
      LOG.debug("{} forecast {} vol21 {} ({} ms)", u, f.model(), f.annualizedVol(21), ms);
      if (ml != null && r.length >= ml.minHistory()) {
        String mk = ml.name() + " " + u;
        score(mk, r);
        VolForecast mf = ml.forecast(in, 21);
        predictedNextVar.put(mk, mf.variance(1));
        trainMillis.put(mk, mlVersion.millis());
        modelVersions.put(mk, "v1-v" + mlVersion.version() + " daily retrain");
        store.saveForecast(
            new StoredForecast(
                now, u, mf.model(), mlVersion.label(), 21, mf.annualizedVol(21), Double.NaN));
        // the learned model, once in service, is the forecast the strategies trade on
        forecasts.put(u, mf);
        LOG.debug(
            "{} forecast {} {} vol21 {}", u, mf.model(), mlVersion.label(), mf.annualizedVol(21));
      }
    }
    if (retrainer != null && trainMl) {
      retrainer.retrain(day, histories);
    }
  }

  /** Scores the one-day variance {@code key} predicted at the last session against its return. */
  private void score(String key, double[] r) {
    Double predicted = predictedNextVar.get(key);
    if (predicted != null) {
      double last = r[r.length - 1];
      forecastPairs
          .computeIfAbsent(key, k -> new ArrayList<>())
          .add(new double[] {last * last, predicted});
    }
  }

  private void step() {
    Instant now = market.now();
    optionsBySymbol.clear();
    List<QuotePoint> points = new ArrayList<>();
    for (String u : underlyings) {
      long t0 = System.nanoTime();
      OptionChain chain;
      try {
        chain = market.data().optionChain(OptionChainQuery.all(u));
      } catch (io.github.bsoptions.data.error.DataException e) {
        // a replay holds only what was recorded: a step without this chain is skipped for it
        missingChains++;
        LOG.debug("no chain for {} at {}: {}", u, now, e.getMessage());
        continue;
      }
      long t1 = System.nanoTime();
      metrics.latency().record(Stage.DATA_ACQUISITION, t1 - t0);
      chains++;
      List<EnrichedOption> enriched = ChainEnricher.enrich(chain, market.rate(), 0, now);
      long t2 = System.nanoTime();
      if (!enriched.isEmpty()) {
        metrics.latency().recordPerItem(Stage.PRICING_PER_OPTION, t2 - t1, enriched.size());
        pricingNanos += t2 - t1;
        optionsPriced += enriched.size();
        recordPricing(t2 - t1, enriched.size());
        // the signal stage starts here: recording one metrics sample per option (hundreds of
        // timer updates) is not signal generation (it stays in the end-to-end time)
        t2 = System.nanoTime();
      }
      double spot = chain.underlyingPrice().orElseGet(() -> market.spot(u));
      spots.put(u, spot);
      for (EnrichedOption o : enriched) {
        optionsBySymbol.put(symbol(o.contract()), o);
      }
      VolForecast forecast =
          forecasts.getOrDefault(u, VolForecast.flat("flat", settings.underlyings().get(u)[1], 21));
      List<EnrichedOption> ntm = NearTheMoney.select(enriched, NtmCriteria.DEFAULT);
      ScoredChain scored = scorer.score(ntm, ScoringContext.of(forecast));
      List<io.github.bsoptions.signals.strategy.Position> held = heldPositions(u);
      MarketView view =
          new MarketView(
              u,
              spot,
              market.rate(),
              0,
              now,
              enriched,
              scored,
              forecast,
              held,
              trends.getOrDefault(u, Double.NaN));
      List<Signal> signals = new ArrayList<>();
      for (Strategy s : strategies) {
        signals.addAll(s.evaluate(view));
      }
      long t3 = System.nanoTime();
      metrics.latency().record(Stage.SIGNAL_GENERATION, t3 - t2);
      manageExits(u);
      long openHere = open.stream().filter(t -> t.signal().underlying().equals(u)).count();
      for (Signal s : acrossStrategies(signals)) {
        signalCount++;
        publishSignal(s);
        if (openHere < settings.maxOpenTrades() && enter(s)) {
          openHere++;
        }
      }
      metrics.latency().record(Stage.END_TO_END, System.nanoTime() - t0);
      if (u.equals(underlyings.get(0))) {
        publishMarket(chain, scored, enriched, spot);
      }
      for (ContractScore cs : scored.top(5)) {
        EnrichedOption o = cs.option();
        if (Double.isFinite(o.bid()) && Double.isFinite(o.ask())) {
          points.add(
              new QuotePoint(
                  now,
                  o.contract().symbol(),
                  o.bid(),
                  o.ask(),
                  spot,
                  o.impliedVolatility(),
                  o.delta(),
                  o.gamma(),
                  o.vega() / 100,
                  o.theta() / 365));
        }
      }
    }
    venue.matchAll().run();
    collectFills();
    series.writeQuotes(points);
    markToMarket(now);
  }

  /** Makes room for {@code n} pricing samples (at most 2^22; beyond that they still grow). */
  private void reserveChains(long n) {
    int want = (int) Math.min(n, 1 << 22);
    if (want > chainOptions.length) {
      chainPricingNanos = java.util.Arrays.copyOf(chainPricingNanos, want);
      chainOptions = java.util.Arrays.copyOf(chainOptions, want);
    }
  }

  private void recordPricing(long nanos, int options) {
    if (pricedChains == chainOptions.length) {
      chainPricingNanos = java.util.Arrays.copyOf(chainPricingNanos, 2 * pricedChains);
      chainOptions = java.util.Arrays.copyOf(chainOptions, 2 * pricedChains);
    }
    chainPricingNanos[pricedChains] = nanos;
    chainOptions[pricedChains] = options;
    pricedChains++;
  }

  /** Says that the latency table leaves out the warm-up day, and what that day measured. */
  static String warmupNote(List<StageLatency> day1, int days) {
    StringBuilder b =
        new StringBuilder(
            String.format(
                java.util.Locale.ROOT,
                "latency table: %s; day 1 (warm-up: JIT compilation, first model training) is"
                    + " left out of it and measured p99 (max)",
                days == 2 ? "day 2" : "days 2-" + days));
    String sep = ": ";
    for (StageLatency l : day1) {
      if (l.count() > 0) {
        b.append(sep)
            .append(l.stage().label())
            .append(' ')
            .append(LatencyRecorder.duration(l.p99Nanos()))
            .append(" (")
            .append(LatencyRecorder.duration(l.maxNanos()))
            .append(')');
        sep = ", ";
      }
    }
    return b.toString();
  }

  /**
   * The report's throughput line: the pricing stage's rate in steady state (the last half of the
   * chains priced, after the JIT has compiled the pricing path), over the whole run (the first
   * chains run in the interpreter and the first compiler tiers), and over the loop's wall time.
   */
  String pricingThroughput(double wallSeconds) {
    long lateNanos = 0;
    long lateOptions = 0;
    for (int i = pricedChains / 2; i < pricedChains; i++) {
      lateNanos += chainPricingNanos[i];
      lateOptions += chainOptions[i];
    }
    return String.format(
        java.util.Locale.ROOT,
        "throughput (implied volatility from the mid and greeks, one core): %,.0f option prices/s"
            + " in the pricing stage after warm-up (last half of the run's chains: %,d options in"
            + " %.3f s); %,.0f option prices/s in the pricing stage over the whole run, JIT"
            + " warm-up included (%,d options in %.3f s); %,.0f option prices/s of the whole"
            + " loop's wall time (%.2f s with data, signals, risk, execution)",
        lateOptions / Math.max(1e-9, lateNanos / 1e9),
        lateOptions,
        lateNanos / 1e9,
        optionsPriced / Math.max(1e-9, pricingNanos / 1e9),
        optionsPriced,
        pricingNanos / 1e9,
        optionsPriced / wallSeconds,
        wallSeconds);
  }

  /**
   * Orders the signals round-robin across strategies (each strategy's best first, then each one's
   * second, ...), so the cap on open trades per underlying does not starve the strategies that come
   * last in the book.
   */
  static List<Signal> acrossStrategies(List<Signal> signals) {
    Map<String, List<Signal>> byStrategy = new LinkedHashMap<>();
    for (Signal s : signals) {
      byStrategy.computeIfAbsent(s.strategy(), k -> new ArrayList<>()).add(s);
    }
    List<Signal> out = new ArrayList<>(signals.size());
    for (int round = 0; out.size() < signals.size(); round++) {
      for (List<Signal> l : byStrategy.values()) {
        if (round < l.size()) {
          out.add(l.get(round));
        }
      }
    }
    return out;
  }

  /** The contract's OCC symbol, from {@link #symbols} (the same string {@code symbol()} gives). */
  private String symbol(OptionContract c) {
    String s = symbols.get(c);
    if (s == null) {
      if (symbols.size() >= SYMBOL_CACHE_LIMIT) {
        symbols.clear();
      }
      s = c.symbol();
      symbols.put(c, s);
    }
    return s;
  }

  private List<io.github.bsoptions.signals.strategy.Position> heldPositions(String underlying) {
    List<io.github.bsoptions.signals.strategy.Position> out = new ArrayList<>();
    for (io.github.bsoptions.exec.order.Position p : broker.positions()) {
      EnrichedOption o = optionsBySymbol.get(p.symbol());
      if (o != null && o.contract().underlying().equals(underlying) && p.qty() != 0) {
        out.add(new io.github.bsoptions.signals.strategy.Position(o.contract(), p.qty()));
      }
    }
    return out;
  }

  private void publishSignal(Signal s) {
    recentSignals.addFirst(
        new Views.Signal(
            s.asOf().toEpochMilli(),
            s.underlying() + " " + s.structure(),
            s.strategy(),
            s.netPrice() >= 0 ? "DEBIT" : "CREDIT",
            s.confidence(),
            s.probabilityOfProfit(),
            s.rationale()));
    while (recentSignals.size() > 50) {
      recentSignals.removeLast();
    }
    String details = s.rationale().length() > 900 ? s.rationale().substring(0, 900) : s.rationale();
    store.saveSignal(
        new StoredSignal(
            s.asOf(),
            s.underlying(),
            s.strategy(),
            s.netPrice() >= 0 ? "DEBIT" : "CREDIT",
            s.confidence(),
            s.probabilityOfProfit(),
            s.structure() + ": " + details));
  }

  /** Sizes, checks and submits a signal; returns whether an order was sent. */
  private boolean enter(Signal s) {
    double marketable = 0;
    for (SignalLeg l : s.legs()) {
      EnrichedOption o = optionsBySymbol.get(l.contract().symbol());
      if (o == null || !Double.isFinite(o.bid()) || !Double.isFinite(o.ask())) {
        return false;
      }
      marketable += l.quantity() * (l.quantity() > 0 ? o.ask() : o.bid());
    }
    TradeProfile profile = profile(s);
    if (profile == null) {
      denials.merge("no edge (expected profit <= 0)", 1L, Long::sum);
      return false;
    }
    io.github.bsoptions.exec.order.Account acct = broker.account();
    SizingResult size;
    try {
      size = sizer.size(lastEquity(), acct.buyingPower(), profile);
    } catch (IllegalArgumentException e) {
      LOG.debug("not sized: {}", e.getMessage());
      return false;
    }
    if (size.contracts() <= 0) {
      denials.merge("Kelly size 0 (" + size.binding() + ")", 1L, Long::sum);
      return false;
    }
    OrderRequest one = order(s.legs(), 1, marketable, false);
    long allowed = gate.largestQuantity(engineId(s.strategy()), one);
    long units = Math.min(size.contracts(), allowed);
    if (units <= 0) {
      String why = "Kelly size 0";
      if (allowed <= 0) {
        io.github.bsoptions.risk.pretrade.OrderProposal p =
            gate.proposal(engineId(s.strategy()), one);
        why =
            p == null
                ? "sized to 0: unknown instrument"
                : "sized to 0: "
                    + preTrade.check(p, riskContext()).violations().stream()
                        .map(v -> v.rule().name())
                        .distinct()
                        .toList();
      }
      denials.merge(why, 1L, Long::sum);
      return false;
    }
    OrderRequest req = order(s.legs(), units, marketable, false);
    return submit(s.strategy(), req, s, units, s.netPrice());
  }

  /**
   * The signal's bet per contract (all amounts in currency per contract, i.e. per share times the
   * multiplier): the loss is the signal's max loss when bounded, else the loss at its stop (with a
   * gap allowance of {@link #GAP}); the win is set so that the binary bet has the signal's own
   * expected profit and probability of profit. Returns null when the signal expects no profit.
   */
  static TradeProfile profile(Signal s) {
    double premium = Math.abs(s.netPrice()) * MULTIPLIER;
    double expected = s.expectedProfit() * MULTIPLIER;
    double pop = s.probabilityOfProfit();
    if (!(expected > 0) || !(pop > 0) || !(premium > 0)) {
      return null;
    }
    double loss =
        Double.isFinite(s.maxLoss()) && s.maxLoss() > 0
            ? s.maxLoss() * MULTIPLIER
            : premium * Math.max(s.exit().stopLoss(), 0.5) * GAP;
    double cost = s.netPrice() > 0 ? premium : loss;
    // expected = pop * win - (1 - pop) * loss
    double win = (expected + (1 - pop) * loss) / pop;
    return TradeProfile.binary(pop, win, loss, cost);
  }

  private OrderRequest order(List<SignalLeg> legs, long units, double netLimit, boolean reverse) {
    double limit = Math.round(netLimit * 100) / 100.0;
    if (legs.size() == 1) {
      SignalLeg l = legs.get(0);
      int q = reverse ? -l.quantity() : l.quantity();
      Side side = q > 0 ? Side.BUY : Side.SELL;
      return OrderRequest.limit(
          "pending", l.contract().symbol(), side, units * Math.abs(q), Math.abs(limit));
    }
    List<io.github.bsoptions.exec.order.OrderLeg> ol = new ArrayList<>();
    for (SignalLeg l : legs) {
      int q = reverse ? -l.quantity() : l.quantity();
      ol.add(
          io.github.bsoptions.exec.order.OrderLeg.of(
              l.contract().symbol(), q > 0 ? Side.BUY : Side.SELL, Math.abs(q)));
    }
    return OrderRequest.multiLeg("pending", units, limit, ol);
  }

  private boolean submit(String strategy, OrderRequest req, Signal s, long units, double entryNet) {
    long t0 = System.nanoTime();
    Outcome o = engine.submit(engineId(strategy), req);
    long took = System.nanoTime() - t0;
    metrics.latency().record(Stage.ORDER_SUBMISSION, Math.max(1, took - gate.lastCheckNanos()));
    Instant now = market.now();
    String status;
    boolean sent;
    if (o instanceof Outcome.Denied d) {
      ordersDenied++;
      for (String r : d.reasons()) {
        String key = r.contains(":") ? r.substring(0, r.indexOf(':')) : r;
        denials.merge(key.length() > 40 ? key.substring(0, 40) : key, 1L, Long::sum);
      }
      status = "DENIED";
      sent = false;
    } else if (o instanceof Outcome.Confirmed c) {
      ordersSubmitted++;
      metrics.orderSubmitted(broker.name());
      status = c.order().status().name();
      sent = true;
    } else {
      ordersSubmitted++;
      status = o instanceof Outcome.Refused ? "REFUSED" : "UNKNOWN";
      sent = false;
    }
    strategyByOrder.put(o.clientOrderId(), strategy);
    store.saveOrder(
        new StoredOrder(
            o.clientOrderId(),
            now,
            now,
            req.legs().isEmpty() ? req.symbol() : s.underlying() + " " + s.structure(),
            req.legs().isEmpty() ? req.side().name() : (entryNet >= 0 ? "BUY" : "SELL"),
            req.qty(),
            req.legs().isEmpty() ? "LIMIT" : "MLEG_LIMIT",
            req.limitPrice(),
            status,
            broker.name(),
            strategy));
    if (sent && s != null && entryNet != 0) {
      open.add(new RunState.Trade(s, units, entryNet, strategy, o.clientOrderId()));
    }
    return sent;
  }

  /** The engine's strategy id: 1-16 letters and digits ({@code short-premium-exit} -> ...X). */
  static String engineId(String strategy) {
    boolean exit = strategy.endsWith("-exit");
    String base = (exit ? strategy.substring(0, strategy.length() - 5) : strategy);
    base = base.replaceAll("[^A-Za-z0-9]", "");
    if (base.isEmpty()) {
      base = "strategy";
    }
    base = base.substring(0, Math.min(base.length(), exit ? 15 : 16));
    return exit ? base + "X" : base;
  }

  private void manageExits(String underlying) {
    LocalDate today = market.now().atZone(SimulationConfig.NEW_YORK).toLocalDate();
    for (RunState.Trade t : new ArrayList<>(open)) {
      if (!t.signal().underlying().equals(underlying)) {
        continue;
      }
      double value = 0;
      double marketable = 0;
      boolean quoted = true;
      for (SignalLeg l : t.signal().legs()) {
        EnrichedOption o = optionsBySymbol.get(l.contract().symbol());
        if (o == null || !Double.isFinite(o.bid()) || !Double.isFinite(o.ask())) {
          quoted = false;
          break;
        }
        value += l.quantity() * o.mid();
        marketable += -l.quantity() * (-l.quantity() > 0 ? o.ask() : o.bid());
      }
      if (!quoted) {
        continue;
      }
      double pnl = value - t.entryNet();
      double premium = Math.abs(t.entryNet());
      boolean exit =
          pnl >= t.signal().exit().profitTarget() * premium
              || pnl <= -t.signal().exit().stopLoss() * premium
              || !today.isBefore(t.signal().exit().exitBy());
      if (exit) {
        OrderRequest req = order(t.signal().legs(), t.units(), marketable, true);
        if (submit(t.strategy() + "-exit", req, t.signal(), t.units(), 0)) {
          open.remove(t);
          realized += pnl * t.units() * MULTIPLIER;
          closedPnl.add(pnl * t.units() * MULTIPLIER);
        }
      }
    }
  }

  private void collectFills() {
    for (Fill f : broker.fills(fillsSince)) {
      if (!seenFills.add(f.executionId())) {
        continue;
      }
      fillCount++;
      tradedPremium += Math.abs(f.qty() * f.price() * MULTIPLIER);
      metrics.fill(broker.name());
      String strategy = strategyByOrder.getOrDefault(f.clientOrderId(), "?");
      trades.add(
          new RunReport.Trade(
              f.timestamp(), f.symbol(), f.side().name(), f.qty(), f.price(), strategy));
      if (store.order(f.clientOrderId()).isPresent()) {
        store.saveFill(
            new StoredFill(
                f.executionId(),
                f.clientOrderId(),
                f.timestamp(),
                f.symbol(),
                f.side().name(),
                f.qty(),
                f.price(),
                f.fee()));
      }
    }
  }

  private double lastEquity() {
    return equityCurve.isEmpty()
        ? settings.startingCash()
        : equityCurve.get(equityCurve.size() - 1).equity();
  }

  private void markToMarket(Instant now) {
    double cash = broker.account().cash();
    double value = 0;
    double delta = 0;
    double gamma = 0;
    double vega = 0;
    double theta = 0;
    List<Views.Position> view = new ArrayList<>();
    for (io.github.bsoptions.exec.order.Position p : broker.positions()) {
      if (p.qty() == 0) {
        continue;
      }
      EnrichedOption o = optionsBySymbol.get(p.symbol());
      double mark = o != null && Double.isFinite(o.mid()) ? o.mid() : p.avgEntryPrice();
      double m = p.qty() * MULTIPLIER;
      value += mark * m;
      double d = o == null ? Double.NaN : o.delta() * m;
      double g = o == null ? Double.NaN : o.gamma() * m;
      double v = o == null ? Double.NaN : o.vega() / 100 * m;
      double th = o == null ? Double.NaN : o.theta() / 365 * m;
      if (o != null && Double.isFinite(d)) {
        delta += d;
        gamma += g;
        vega += v;
        theta += th;
      }
      view.add(
          new Views.Position(
              p.symbol(),
              p.qty(),
              p.avgEntryPrice(),
              mark,
              (mark - p.avgEntryPrice()) * m,
              d,
              g,
              v,
              th));
      store.savePosition(new StoredPosition(p.symbol(), p.qty(), p.avgEntryPrice(), 0, now));
    }
    if (!view.isEmpty()) {
      io.github.bsoptions.risk.portfolio.GreekExposure total = riskContext().greeks().total();
      peakAbsDelta = Math.max(peakAbsDelta, Math.abs(total.dollarDelta()));
      peakAbsVega = Math.max(peakAbsVega, Math.abs(total.vega()));
    }
    double equity = cash + value;
    double unrealized = equity - settings.startingCash() - realized;
    Views.EquityPoint ep = new Views.EquityPoint(now.toEpochMilli(), equity, realized, unrealized);
    equityCurve.add(ep);
    dashboard.appendEquity(ep);
    dashboard.publishPortfolio(
        new Views.Portfolio(now.toEpochMilli(), view, delta, gamma, vega, theta));
    dashboard.publishSignals(List.copyOf(recentSignals));
    series.writePnl(
        new PnlSnapshot(now, equity, cash, realized, unrealized, delta, gamma, vega, theta));
    if (equityCurve.size() % 12 == 0) {
      dashboard.publishLatency(metrics.latency().snapshot());
      dashboard.publishHealth(
          List.of(
              new Views.Health(
                  market instanceof MarketFeed.Live ? "alpaca" : "simulated",
                  "source",
                  "UP",
                  market instanceof MarketFeed.Live ? market.describe() : "seed " + settings.seed(),
                  now.toEpochMilli()),
              new Views.Health(
                  broker.name(),
                  "broker",
                  "UP",
                  "kill switch " + engine.killSwitch(),
                  now.toEpochMilli()),
              new Views.Health("store", "store", "UP", store.describe(), now.toEpochMilli())));
    }
  }

  private void publishMarket(
      OptionChain chain, ScoredChain scored, List<EnrichedOption> enriched, double spot) {
    List<Views.ChainRow> rows = new ArrayList<>();
    for (ContractScore cs : scored.top(30)) {
      EnrichedOption o = cs.option();
      rows.add(
          new Views.ChainRow(
              o.contract().symbol(),
              o.contract().type() == OptionType.CALL ? "C" : "P",
              o.contract().expiration().toString(),
              o.contract().strike(),
              o.bid(),
              o.ask(),
              o.impliedVolatility(),
              o.delta(),
              o.gamma(),
              o.vega() / 100,
              o.theta() / 365,
              o.volume(),
              o.openInterest(),
              cs.score()));
    }
    long asOf = chain.asOf().toEpochMilli();
    dashboard.publishChain(new Views.Chain(chain.underlying(), spot, asOf, rows));
    Map<LocalDate, List<Views.SmilePoint>> smiles = new TreeMap<>();
    Map<LocalDate, Double> years = new TreeMap<>();
    Map<LocalDate, double[]> atm = new TreeMap<>();
    for (EnrichedOption o : enriched) {
      boolean otm =
          o.contract().type() == OptionType.CALL
              ? o.contract().strike() >= spot
              : o.contract().strike() < spot;
      if (!otm || !Double.isFinite(o.impliedVolatility())) {
        continue;
      }
      LocalDate e = o.contract().expiration();
      smiles
          .computeIfAbsent(e, k -> new ArrayList<>())
          .add(new Views.SmilePoint(o.contract().strike(), o.impliedVolatility()));
      years.put(e, o.expiryYears());
      double dist = Math.abs(o.contract().strike() - spot);
      double[] best = atm.get(e);
      if (best == null || dist < best[0]) {
        atm.put(e, new double[] {dist, o.impliedVolatility()});
      }
    }
    List<Views.Smile> sm = new ArrayList<>();
    List<Views.TermPoint> term = new ArrayList<>();
    for (Map.Entry<LocalDate, List<Views.SmilePoint>> e : smiles.entrySet()) {
      List<Views.SmilePoint> pts = new ArrayList<>(e.getValue());
      pts.sort(java.util.Comparator.comparingDouble(Views.SmilePoint::strike));
      sm.add(new Views.Smile(e.getKey().toString(), years.get(e.getKey()), pts));
      term.add(
          new Views.TermPoint(
              e.getKey().toString(), years.get(e.getKey()), atm.get(e.getKey())[1]));
    }
    dashboard.publishSurface(new Views.Surface(chain.underlying(), asOf, sm, term));
  }

  private Instrument instrument(String symbol) {
    EnrichedOption o = optionsBySymbol.get(symbol);
    if (o == null) {
      return null;
    }
    double vol = Double.isFinite(o.impliedVolatility()) ? o.impliedVolatility() : 0.2;
    return OptionInstrument.european(
        o.contract().underlying(),
        o.contract().type(),
        o.contract().strike(),
        Math.max(o.expiryYears(), 1e-6),
        vol,
        market.rate(),
        0);
  }

  private RiskContext riskContext() {
    List<io.github.bsoptions.risk.portfolio.Position> pos = new ArrayList<>();
    for (io.github.bsoptions.exec.order.Position p : broker.positions()) {
      Instrument ins = instrument(p.symbol());
      if (ins != null && p.qty() != 0) {
        pos.add(io.github.bsoptions.risk.portfolio.Position.of(p.symbol(), ins, p.qty()));
      }
    }
    Instant now = market.now();
    MarketState ms = null;
    for (Map.Entry<String, Double> e : spots.entrySet()) {
      ms =
          ms == null ? MarketState.of(e.getKey(), e.getValue()) : ms.with(e.getKey(), e.getValue());
    }
    Portfolio portfolio = new Portfolio(pos);
    io.github.bsoptions.exec.order.Account a = broker.account();
    LOG.trace("risk context at {}", now);
    return new RiskContext(
        portfolio,
        PortfolioAnalyzer.DEFAULT.greeks(portfolio, ms),
        ms,
        List.of(),
        new AccountState(lastEquity(), a.buyingPower()),
        symbol -> {
          EnrichedOption o = optionsBySymbol.get(symbol);
          if (o == null || !Double.isFinite(o.bid()) || !Double.isFinite(o.ask())) {
            return java.util.Optional.<Quote>empty();
          }
          return java.util.Optional.of(new Quote(symbol, o.bid(), o.ask(), 1, 1, o.quoteTime()));
        });
  }

  @Override
  public void close() {
    engine.close();
    if (retrainer != null) {
      retrainer.close();
    }
    broker.close();
    journal.close();
    market.close();
  }
}
