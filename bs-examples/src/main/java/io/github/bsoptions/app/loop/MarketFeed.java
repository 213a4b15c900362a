package io.github.bsoptions.app.loop;

import io.github.bsoptions.data.replay.RecordedEvent;
import io.github.bsoptions.data.replay.RecordingFormat;
import io.github.bsoptions.data.replay.RecordingMarketData;
import io.github.bsoptions.data.replay.ReplayProvider;
import io.github.bsoptions.data.sim.SimulatedMarket;
import io.github.bsoptions.data.sim.SimulationConfig;
import io.github.bsoptions.data.spi.MarketDataProvider;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Where the trading loop's market comes from: the data port it queries, the clock it reads, and how
 * it moves from one loop step to the next and from one session to the next. The demo runs on {@link
 * #simulated(SimulatedMarket) the simulated market} (optionally {@link #recording(SimulatedMarket,
 * Path) recording every query}); the backtest runs the same loop on {@link #replay(Path, double) a
 * recording}.
 */
public interface MarketFeed extends AutoCloseable {
  /** The data port the loop and the paper broker query. */
  MarketDataProvider data();

  /** The feed's clock. */
  Instant now();

  /** The risk-free rate the loop prices with. */
  double rate();

  /**
   * The underlying's spot when a chain does not carry it; NaN when unknown. By default the mid of
   * the latest stock quote from {@link #data()}.
   */
  default double spot(String underlying) {
    try {
      var q = data().latestStockQuote(underlying);
      return (q.bid() + q.ask()) / 2;
    } catch (RuntimeException e) {
      return Double.NaN;
    }
  }

  /** Moves to the next loop step. */
  void advance();

  /** Moves to the next session's first step. */
  void nextSession();

  /** Number of sessions this feed holds; 0 when unbounded (the simulation). */
  int sessions();

  /** A one-line description for reports. */
  String describe();

  /** Releases the feed (closes a recording file). */
  @Override
  void close();

  /** The simulated market as it is: queries answered by the simulation. */
  static MarketFeed simulated(SimulatedMarket market) {
    return new Simulated(market, market, "simulated market, paper broker");
  }

  /**
   * The simulated market with every query the loop and the paper broker make recorded to {@code
   * file} (stamped with the simulated time), for {@code bs backtest --replay}.
   */
  static MarketFeed recording(SimulatedMarket market, Path file) {
    return new Simulated(
        market,
        RecordingMarketData.wrap(market, file, market::now),
        "simulated market recorded to " + file.getFileName() + ", paper broker");
  }

  /**
   * A recording replayed: the clock starts at the first recorded event, {@link #advance()} moves by
   * the recording's step (the smallest gap between events on one day) and {@link #nextSession()} to
   * the first event of the next recorded day, applying every event up to the new time. Queries
   * answer from what has been replayed so far.
   *
   * @throws IllegalArgumentException when the file is not a recording or is empty
   */
  static MarketFeed replay(Path file, double rate) {
    return new Replay(file, RecordingFormat.read(file), rate);
  }

  /**
   * A live provider (Alpaca) on the wall clock: {@link #advance()} and {@link #nextSession()} do
   * nothing (time moves by itself; the loop paces its cycles). Takes ownership of the provider.
   *
   * @param provider the provider
   * @param clock the wall clock
   * @param rate the risk-free rate to price with
   */
  static MarketFeed live(MarketDataProvider provider, java.time.Clock clock, double rate) {
    return new Live(provider, clock, rate);
  }

  /** A live provider on the wall clock. */
  final class Live implements MarketFeed {
    private final MarketDataProvider provider;
    private final java.time.Clock clock;
    private final double rate;

    Live(MarketDataProvider provider, java.time.Clock clock, double rate) {
      if (!Double.isFinite(rate)) {
        throw new IllegalArgumentException("rate must be finite, was " + rate);
      }
      this.provider = provider;
      this.clock = clock;
      this.rate = rate;
    }

    /**
     * Returns whether the regular session (09:30 to 16:00 New York, Monday to Friday) is open at
     * {@code t}; holidays are not known here (their chains simply stop changing).
     */
    public static boolean regularSession(Instant t) {
      java.time.ZonedDateTime z = t.atZone(SimulationConfig.NEW_YORK);
      java.time.DayOfWeek d = z.getDayOfWeek();
      if (d == java.time.DayOfWeek.SATURDAY || d == java.time.DayOfWeek.SUNDAY) {
        return false;
      }
      java.time.LocalTime lt = z.toLocalTime();
      return !lt.isBefore(SimulationConfig.OPEN) && lt.isBefore(SimulationConfig.CLOSE);
    }

    @Override
    public MarketDataProvider data() {
      return provider;
    }

    @Override
    public Instant now() {
      return clock.instant();
    }

    @Override
    public double rate() {
      return rate;
    }

    @Override
    public void advance() {
      // the wall clock moves by itself
    }

    @Override
    public void nextSession() {
      // the wall clock moves by itself
    }

    @Override
    public int sessions() {
      return 0;
    }

    @Override
    public String describe() {
      return provider.name() + " (live)";
    }

    @Override
    public void close() {
      provider.close();
    }
  }

  /** The simulation, optionally behind a recording decorator. */
  final class Simulated implements MarketFeed {
    private final SimulatedMarket market;
    private final MarketDataProvider data;
    private final String description;

    Simulated(SimulatedMarket market, MarketDataProvider data, String description) {
      this.market = market;
      this.data = data;
      this.description = description;
    }

    @Override
    public MarketDataProvider data() {
      return data;
    }

    @Override
    public Instant now() {
      return market.now();
    }

    @Override
    public double rate() {
      return market.config().rate();
    }

    @Override
    public double spot(String underlying) {
      return market.spot(underlying);
    }

    @Override
    public void advance() {
      market.advance();
    }

    @Override
    public void nextSession() {
      market.advanceToClose();
      market.advance();
    }

    @Override
    public int sessions() {
      return 0;
    }

    @Override
    public String describe() {
      return description;
    }

    @Override
    public void close() {
      if (data != market) {
        data.close();
      }
      market.close();
    }
  }

  /** A recording replayed through {@link ReplayProvider}. */
  final class Replay implements MarketFeed {
    private final ReplayProvider replay;
    private final double rate;
    private final Duration step;
    private final List<Instant> sessionStarts = new ArrayList<>();
    private final String description;
    private final java.util.SortedSet<String> underlyings = new TreeSet<>();
    private Instant now;

    Replay(Path file, List<RecordedEvent> events, double rate) {
      if (events.isEmpty()) {
        throw new IllegalArgumentException("replay: recording " + file + " holds no events");
      }
      if (!Double.isFinite(rate)) {
        throw new IllegalArgumentException("rate must be finite, was " + rate);
      }
      this.replay = ReplayProvider.of(events);
      this.rate = rate;
      TreeSet<Instant> times = new TreeSet<>();
      for (RecordedEvent e : events) {
        times.add(e.at());
        if (e instanceof RecordedEvent.ChainEvent c) {
          underlyings.add(c.chain().underlying());
        }
      }
      Duration min = null;
      Instant prev = null;
      LocalDate prevDay = null;
      for (Instant t : times) {
        LocalDate d = t.atZone(SimulationConfig.NEW_YORK).toLocalDate();
        if (!d.equals(prevDay)) {
          sessionStarts.add(t);
        } else {
          Duration g = Duration.between(prev, t);
          if (min == null || g.compareTo(min) < 0) {
            min = g;
          }
        }
        prev = t;
        prevDay = d;
      }
      this.step = min == null ? Duration.ofMinutes(5) : min;
      this.now = times.first();
      replay.advanceTo(now);
      this.description =
          "replay of " + file.getFileName() + " (" + events.size() + " events), paper broker";
    }

    /** The underlyings whose chains were recorded, sorted. */
    public List<String> underlyings() {
      return List.copyOf(underlyings);
    }

    /** The step inferred from the recording. */
    public Duration step() {
      return step;
    }

    @Override
    public MarketDataProvider data() {
      return replay;
    }

    @Override
    public Instant now() {
      return now;
    }

    @Override
    public double rate() {
      return rate;
    }

    @Override
    public void advance() {
      now = now.plus(step);
      replay.advanceTo(now);
    }

    @Override
    public void nextSession() {
      LocalDate today = now.atZone(SimulationConfig.NEW_YORK).toLocalDate();
      for (Instant s : sessionStarts) {
        if (s.atZone(SimulationConfig.NEW_YORK).toLocalDate().isAfter(today)) {
          now = s;
          replay.advanceTo(now);
          return;
        }
      }
      replay.replayAll();
    }

    @Override
    public int sessions() {
      return sessionStarts.size();
    }

    @Override
    public String describe() {
      return description;
    }

    @Override
    public void close() {
      replay.close();
    }
  }
}
