package io.github.bsoptions.exec.algo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/** A clock that moves only when told to. Thread-safe. */
public final class SimulatedClock extends Clock {
  private volatile Instant now;

  /** Creates the clock at {@code start}. */
  public SimulatedClock(Instant start) {
    this.now = Objects.requireNonNull(start, "start");
  }

  /** Moves the clock forward. */
  public synchronized void advance(Duration d) {
    if (d.isNegative()) {
      throw new IllegalArgumentException("duration must be >= 0, was " + d);
    }
    now = now.plus(d);
  }

  /** Sets the clock; it never goes back. */
  public synchronized void set(Instant t) {
    if (t.isBefore(now)) {
      throw new IllegalArgumentException("time must not go back: " + t + " < " + now);
    }
    now = t;
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
