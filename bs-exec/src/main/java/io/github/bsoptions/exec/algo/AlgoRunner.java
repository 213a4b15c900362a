package io.github.bsoptions.exec.algo;

import io.github.bsoptions.data.model.Quote;
import io.github.bsoptions.exec.engine.ExecutionEngine;
import io.github.bsoptions.exec.journal.TrackedOrder;
import io.github.bsoptions.exec.order.OrderRequest;
import io.github.bsoptions.exec.order.Side;
import io.github.bsoptions.exec.paper.QuoteSource;
import io.github.bsoptions.exec.spi.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Runs execution algorithms through an {@link ExecutionEngine} (so every child order is gated,
 * journalled and routed like any other) on a {@link SimulatedClock}. After each clock step the
 * {@code market} hook runs (e.g. feeding the next quotes to a paper broker).
 *
 * <p>{@link #twapWithWalk}: the parent is cut into TWAP slices; each slice (plus any shortfall of
 * earlier slices) is worked by a limit order that starts at the mid and is re-priced toward the
 * natural price every {@code sliceLength / (steps + 1)} (cancel, then a new child at the next
 * price), ending at the natural price.
 */
public final class AlgoRunner {
  private final ExecutionEngine engine;
  private final QuoteSource quotes;
  private final SimulatedClock clock;
  private final Consumer<Instant> market;

  /** Creates a runner. */
  public AlgoRunner(
      ExecutionEngine engine, QuoteSource quotes, SimulatedClock clock, Consumer<Instant> market) {
    this.engine = Objects.requireNonNull(engine, "engine");
    this.quotes = Objects.requireNonNull(quotes, "quotes");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.market = market == null ? t -> {} : market;
  }

  /**
   * TWAP with a limit walk inside each slice.
   *
   * @param strategy strategy tag for the child orders
   * @param symbol instrument
   * @param side buy or sell
   * @param qty parent quantity
   * @param horizon total duration
   * @param slices number of TWAP slices
   * @param steps price steps from mid to natural inside a slice
   * @param tick price tick
   * @throws IllegalStateException when there is no two-sided quote at the start
   */
  public AlgoReport twapWithWalk(
      String strategy,
      String symbol,
      Side side,
      long qty,
      Duration horizon,
      int slices,
      int steps,
      double tick) {
    Quote arrival = quotes.quote(symbol);
    if (arrival == null || !arrival.isTwoSided()) {
      throw new IllegalStateException("no two-sided quote for " + symbol + " at arrival");
    }
    double arrivalMid = arrival.mid();
    List<Schedules.Slice> plan = Schedules.twap(qty, clock.instant(), horizon, slices);
    Duration sliceLen = horizon.dividedBy(slices);
    Duration stepLen = sliceLen.dividedBy(steps + 1L);
    long scheduled = 0;
    long filled = 0;
    double notional = 0;
    int children = 0;
    for (Schedules.Slice s : plan) {
      if (clock.instant().isBefore(s.at())) {
        clock.set(s.at());
        market.accept(clock.instant());
      }
      scheduled += s.qty();
      for (int k = 0; k <= steps && filled < scheduled; k++) {
        Quote q = quotes.quote(symbol);
        if (q == null || !q.isTwoSided()) {
          clock.advance(stepLen);
          market.accept(clock.instant());
          continue;
        }
        double px = Schedules.limitWalk(side, q.bid(), q.ask(), steps, tick)[k];
        Outcome o =
            engine.submit(
                strategy, OrderRequest.limit("child", symbol, side, scheduled - filled, px));
        children++;
        clock.advance(stepLen);
        market.accept(clock.instant());
        TrackedOrder t = engine.order(o.clientOrderId());
        if (t.state().status().isOpen() && !t.brokerOrderId().isEmpty()) {
          engine.cancel(o.clientOrderId());
          t = engine.order(o.clientOrderId());
        }
        long f = t.state().filledQty();
        if (f > 0) {
          filled += f;
          notional += f * t.state().avgFillPrice();
        }
      }
    }
    double avg = filled == 0 ? Double.NaN : notional / filled;
    double slip = filled == 0 ? Double.NaN : side.sign() * (avg - arrivalMid);
    return new AlgoReport(qty, filled, avg, arrivalMid, slip, slip / arrivalMid * 1e4, children);
  }
}
