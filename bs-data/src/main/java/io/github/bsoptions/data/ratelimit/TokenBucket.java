package io.github.bsoptions.data.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * A client-side token bucket: at most {@code capacity} requests in a burst, refilled continuously
 * at {@code capacity} per {@code period} (e.g. 200 per minute for Alpaca's Basic data plan). After
 * an HTTP 429 the owner calls {@link #pauseUntil(Instant)} so that no request goes out before the
 * server's reset time. Thread-safe.
 */
public final class TokenBucket {
  private final int capacity;
  private final double tokensPerNano;
  private final LongSupplier nanoTime;
  private final LongSupplier epochMillis;
  private double tokens;
  private long last;
  private long pausedUntilMillis = Long.MIN_VALUE;

  /**
   * Creates a full bucket on the system clocks.
   *
   * @param capacity requests per period ({@code >= 1})
   * @param period the refill period ({@code > 0})
   */
  public TokenBucket(int capacity, Duration period) {
    this(capacity, period, System::nanoTime, System::currentTimeMillis);
  }

  /**
   * Creates a full bucket on the given clocks (for tests and simulations).
   *
   * @param capacity requests per period ({@code >= 1})
   * @param period the refill period ({@code > 0})
   * @param nanoTime a monotonic clock in nanoseconds
   * @param epochMillis the wall clock in epoch milliseconds (for {@link #pauseUntil(Instant)})
   */
  public TokenBucket(
      int capacity, Duration period, LongSupplier nanoTime, LongSupplier epochMillis) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be >= 1, was " + capacity);
    }
    Objects.requireNonNull(period, "period");
    if (period.isZero() || period.isNegative()) {
      throw new IllegalArgumentException("period must be > 0, was " + period);
    }
    this.capacity = capacity;
    this.tokensPerNano = capacity / (double) period.toNanos();
    this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    this.epochMillis = Objects.requireNonNull(epochMillis, "epochMillis");
    this.tokens = capacity;
    this.last = nanoTime.getAsLong();
  }

  /** Returns the burst capacity. */
  public int capacity() {
    return capacity;
  }

  /**
   * Takes one token and returns how long the caller must wait before sending (zero when a token was
   * available and no pause is in force). Tokens are reserved in order, so concurrent callers are
   * spaced out rather than all released at once.
   */
  public synchronized Duration reserve() {
    refill();
    long waitNanos = 0;
    tokens -= 1;
    if (tokens < 0) {
      waitNanos = (long) Math.ceil(-tokens / tokensPerNano);
    }
    long pause = pausedUntilMillis - epochMillis.getAsLong();
    if (pause > 0) {
      waitNanos = Math.max(waitNanos, pause * 1_000_000L);
    }
    return Duration.ofNanos(waitNanos);
  }

  /** Takes a token if one is available now (and no pause is in force); returns whether it did. */
  public synchronized boolean tryAcquire() {
    refill();
    if (tokens >= 1 && epochMillis.getAsLong() >= pausedUntilMillis) {
      tokens -= 1;
      return true;
    }
    return false;
  }

  /** Forbids requests until {@code until} (the server's rate-limit reset). */
  public synchronized void pauseUntil(Instant until) {
    pausedUntilMillis = Math.max(pausedUntilMillis, until.toEpochMilli());
  }

  /** Returns the tokens available now (may be negative when reservations are queued). */
  public synchronized double available() {
    refill();
    return tokens;
  }

  private void refill() {
    long t = nanoTime.getAsLong();
    long dt = t - last;
    if (dt > 0) {
      tokens = Math.min(capacity, tokens + dt * tokensPerNano);
      last = t;
    }
  }
}
