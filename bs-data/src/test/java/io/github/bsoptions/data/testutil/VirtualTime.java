package io.github.bsoptions.data.testutil;

import io.github.bsoptions.data.http.TimeSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A virtual clock: sleeping advances it instantly and is recorded. */
public final class VirtualTime implements TimeSource {
  private long nanos = 1_000_000_000L;
  private long millis = 1_767_600_000_000L; // 2026-01-05
  private final List<Duration> sleeps = new ArrayList<>();

  @Override
  public synchronized long nanoTime() {
    return nanos;
  }

  @Override
  public synchronized long epochMillis() {
    return millis;
  }

  @Override
  public synchronized void sleep(Duration d) {
    sleeps.add(d);
    advance(d);
  }

  /** Moves the clocks forward. */
  public synchronized void advance(Duration d) {
    nanos += d.toNanos();
    millis += d.toMillis();
  }

  /** Returns the sleeps so far. */
  public synchronized List<Duration> sleeps() {
    return List.copyOf(sleeps);
  }

  /** Returns the total slept. */
  public synchronized Duration slept() {
    return sleeps.stream().reduce(Duration.ZERO, Duration::plus);
  }
}
