package io.github.bsoptions.app.loop;

import io.github.bsoptions.data.sim.SimulationConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live trading loop of {@code bs run}: the same {@link DemoSystem} pipeline as the demo, one
 * cycle at a time, paced by wall time, until stopped ({@link #requestStop()}, which a SIGINT
 * shutdown hook calls), a bound is reached ({@code --cycles}, {@code --duration}) or a recording
 * runs out. After every cycle the {@link RunState} is written, so a restart resumes where the loop
 * stopped.
 *
 * <p>On a simulated or replayed feed each cycle is one feed step and sessions end at the close as
 * in the demo; on a live feed (Alpaca) cycles run only in the regular session (unless {@link
 * Limits#outsideHours()}), the feedback loop refits once per calendar day, and outside the session
 * the loop waits.
 */
public final class LiveLoop {
  private static final Logger LOG = LoggerFactory.getLogger(LiveLoop.class);
  private static final int MAX_CONSECUTIVE_FAILURES = 10;

  /**
   * Bounds and pacing of a run.
   *
   * @param maxCycles stop after this many cycles in this run (0: no bound)
   * @param duration stop after this much wall time (null: no bound)
   * @param interval wall time between cycles (zero: as fast as possible)
   * @param outsideHours on a live feed, also cycle when the regular session is closed (a dry run on
   *     the last quotes) instead of waiting for the open
   */
  public record Limits(long maxCycles, Duration duration, Duration interval, boolean outsideHours) {
    /** Limits that wait for the regular session on a live feed. */
    public Limits(long maxCycles, Duration duration, Duration interval) {
      this(maxCycles, duration, interval, false);
    }

    /** Validates. */
    public Limits {
      if (maxCycles < 0) {
        throw new IllegalArgumentException("maxCycles must be >= 0, was " + maxCycles);
      }
      if (duration != null && (duration.isNegative() || duration.isZero())) {
        throw new IllegalArgumentException("duration must be > 0, was " + duration);
      }
      if (interval == null || interval.isNegative()) {
        throw new IllegalArgumentException("interval must be >= 0, was " + interval);
      }
    }
  }

  /**
   * What a run did.
   *
   * @param cycles cycles this run
   * @param stoppedBy why it stopped ({@code stop requested}, {@code --cycles}, ...)
   * @param state the state written last
   */
  public record Result(long cycles, String stoppedBy, RunState state) {}

  private final DemoSystem system;
  private final MarketFeed feed;
  private final Path stateFile;
  private final RunState start;
  private final Limits limits;
  private final PrintWriter out;
  private final CountDownLatch stop = new CountDownLatch(1);

  /**
   * Creates the loop.
   *
   * @param system the composed system (already resumed: feed fast-forwarded, book restored)
   * @param stateFile where the run state goes after every cycle
   * @param start the state at the start of this run (its cycles and runs count on)
   * @param limits bounds and pacing
   * @param out where one status line per cycle goes (null: none)
   */
  public LiveLoop(
      DemoSystem system, Path stateFile, RunState start, Limits limits, PrintWriter out) {
    this.system = system;
    this.feed = system.market();
    this.stateFile = stateFile;
    this.start = start;
    this.limits = limits;
    this.out = out;
  }

  /** Asks the loop to stop after the cycle in progress (safe from any thread). */
  public void requestStop() {
    stop.countDown();
  }

  /** Returns whether a stop was requested. */
  public boolean stopRequested() {
    return stop.getCount() == 0;
  }

  /** Runs until stopped or bounded; writes the state after every cycle. */
  public Result run() throws InterruptedException {
    long wall0 = System.nanoTime();
    long cycles = 0;
    int failures = 0;
    boolean live = feed instanceof MarketFeed.Live;
    LocalDate day = date(feed.now());
    system.beginSession();
    RunState state = start;
    String reason;
    while (true) {
      if (stopRequested()) {
        reason = "stop requested";
        break;
      }
      if (limits.maxCycles() > 0 && cycles >= limits.maxCycles()) {
        reason = "--cycles " + limits.maxCycles() + " reached";
        break;
      }
      if (limits.duration() != null && System.nanoTime() - wall0 >= limits.duration().toNanos()) {
        reason = "--duration " + limits.duration() + " reached";
        break;
      }
      boolean exhausted = false;
      if (live) {
        LocalDate today = date(feed.now());
        if (!today.equals(day)) {
          system.endSession();
          system.beginSession();
          day = today;
        }
        if (!limits.outsideHours() && !MarketFeed.Live.regularSession(feed.now())) {
          LOG.debug("market closed at {}: waiting", feed.now());
          pause(limits.interval().isZero() ? Duration.ofSeconds(1) : limits.interval());
          continue;
        }
      }
      try {
        system.cycle();
        failures = 0;
      } catch (RuntimeException e) {
        failures++;
        LOG.warn("cycle failed ({} in a row): {}", failures, e.toString());
        if (failures >= MAX_CONSECUTIVE_FAILURES) {
          reason = failures + " cycles in a row failed, last: " + e;
          break;
        }
        pause(limits.interval());
        continue;
      }
      cycles++;
      if (!live && system.sessionOver(day)) {
        system.endSession();
        LocalDate next = date(feed.now());
        if (!next.isAfter(day)) {
          exhausted = true; // a recording with no later session
        } else {
          day = next;
          system.beginSession();
        }
      }
      state =
          new RunState(
              start.source(),
              start.broker(),
              start.seed(),
              start.stepSeconds(),
              start.firstStart(),
              feed.now(),
              start.cycles() + cycles,
              start.runs(),
              system.book());
      state.write(stateFile);
      status(cycles, state);
      if (exhausted) {
        reason = "the recording has no more sessions";
        break;
      }
      pause(limits.interval());
    }
    return new Result(cycles, reason, state);
  }

  private void status(long cycles, RunState state) {
    if (out == null) {
      return;
    }
    var a = system.broker().account();
    out.printf(
        Locale.ROOT,
        "cycle %d (%d in all)  %s  open structures %d  positions %d  cash %,.2f%n",
        cycles,
        state.cycles(),
        feed.now()
            .atZone(SimulationConfig.NEW_YORK)
            .toLocalDateTime()
            .truncatedTo(ChronoUnit.MINUTES),
        state.book().open().size(),
        system.broker().positions().stream().filter(p -> p.qty() != 0).count(),
        a.cash());
    out.flush();
  }

  private void pause(Duration d) throws InterruptedException {
    if (!d.isZero()) {
      stop.await(d.toNanos(), TimeUnit.NANOSECONDS);
    }
  }

  private static LocalDate date(Instant t) {
    return t.atZone(SimulationConfig.NEW_YORK).toLocalDate();
  }

  /**
   * Moves a simulated or replayed feed to {@code target} exactly as the loop moved it (a step per
   * cycle, the next session at each close), so a restart continues the same market path.
   *
   * @throws IllegalStateException when the feed does not pass through {@code target} (another seed,
   *     step or recording)
   */
  public static void fastForward(MarketFeed feed, Duration step, Instant target) {
    if (feed instanceof MarketFeed.Live) {
      return;
    }
    LocalDate day = date(feed.now());
    while (feed.now().isBefore(target)) {
      Instant before = feed.now();
      feed.advance(); // the cycle's step
      if (DemoSystem.sessionOver(feed.now(), day, step)) {
        feed.nextSession(); // the session's end, as the loop does after the cycle
        LocalDate next = date(feed.now());
        if (!next.isAfter(day)) {
          break;
        }
        day = next;
      }
      if (!feed.now().isAfter(before)) {
        break;
      }
    }
    if (!feed.now().equals(target)) {
      throw new IllegalStateException(
          "cannot resume: the feed does not pass through "
              + target
              + " (it is at "
              + feed.now()
              + "); was the state made with another seed, step or recording?");
    }
  }
}
