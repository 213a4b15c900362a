package io.github.bsoptions.app.loop;

import io.github.bsoptions.data.sim.SimulatedMarket;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A {@link Clock} that reads a {@link SimulatedMarket}'s simulated time. */
public final class SimClock extends Clock {
  private final java.util.function.Supplier<Instant> now;

  /** Creates a clock on {@code market}. */
  public SimClock(SimulatedMarket market) {
    this.now = market::now;
  }

  /** Creates a clock reading {@code now} (a market feed's clock). */
  public SimClock(java.util.function.Supplier<Instant> now) {
    this.now = now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    return now.get();
  }
}
