package io.github.bsoptions.exec.algo;

import io.github.bsoptions.exec.order.Side;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Pure schedule and price-path functions for the algorithms. */
public final class Schedules {
  private Schedules() {}

  /**
   * One child order of a schedule.
   *
   * @param at when it starts
   * @param qty quantity
   */
  public record Slice(Instant at, long qty) {}

  /**
   * TWAP: {@code slices} equal intervals over {@code horizon}; quantities as equal as whole units
   * allow (the first {@code qty % slices} slices get one more), summing to {@code qty}.
   */
  public static List<Slice> twap(long qty, Instant start, Duration horizon, int slices) {
    if (qty < 1) {
      throw new IllegalArgumentException("qty must be >= 1, was " + qty);
    }
    if (slices < 1 || slices > qty) {
      throw new IllegalArgumentException("slices must be in [1, qty], was " + slices);
    }
    if (horizon.isNegative() || horizon.isZero()) {
      throw new IllegalArgumentException("horizon must be > 0, was " + horizon);
    }
    List<Slice> out = new ArrayList<>(slices);
    long base = qty / slices;
    long extra = qty % slices;
    long step = horizon.toNanos() / slices;
    for (int i = 0; i < slices; i++) {
      out.add(new Slice(start.plusNanos(step * i), base + (i < extra ? 1 : 0)));
    }
    return out;
  }

  /**
   * Limit prices from the mid toward the natural price (ask for a buy, bid for a sell) in {@code
   * steps} equal moves, rounded to the tick on the passive side; the last price is the natural
   * price.
   *
   * @return {@code steps + 1} prices
   */
  public static double[] limitWalk(Side side, double bid, double ask, int steps, double tick) {
    if (!(bid > 0 && ask >= bid)) {
      throw new IllegalArgumentException("quote must be two-sided, was " + bid + "/" + ask);
    }
    if (steps < 1) {
      throw new IllegalArgumentException("steps must be >= 1, was " + steps);
    }
    if (!(tick > 0)) {
      throw new IllegalArgumentException("tick must be > 0, was " + tick);
    }
    double mid = 0.5 * (bid + ask);
    double natural = side == Side.BUY ? ask : bid;
    double[] out = new double[steps + 1];
    for (int k = 0; k <= steps; k++) {
      double p = mid + (natural - mid) * k / steps;
      double ticks = p / tick;
      double rounded =
          (side == Side.BUY ? Math.floor(ticks + 1e-9) : Math.ceil(ticks - 1e-9)) * tick;
      out[k] = k == steps ? natural : Math.round(rounded * 1e8) / 1e8;
    }
    return out;
  }
}
