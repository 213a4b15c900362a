package io.github.bsoptions.data.failover;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A per-provider circuit breaker: {@code CLOSED} until {@code failureThreshold} consecutive
 * failures, then {@code OPEN} (calls skipped) until {@code openDuration} has passed, then {@code
 * HALF_OPEN}: one trial call is let through; its success closes the breaker (fail-back), its
 * failure re-opens it. Thread-safe.
 *
 * <p>A Resilience4j circuit breaker does the work, configured to exactly these rules: a count-based
 * window of the last {@code failureThreshold} calls that opens at a 100 % failure rate (so only
 * consecutive failures open it), one permitted call when half-open, no automatic transition (the
 * next call after the open duration is the trial), no slow-call rule, and its clock read from the
 * given monotonic time source (tests drive it).
 */
public final class CircuitBreaker {
  /** Breaker states. */
  public enum State {
    /** Calls flow. */
    CLOSED,
    /** Calls are skipped until the open duration has passed. */
    OPEN,
    /** One trial call is allowed. */
    HALF_OPEN
  }

  private final io.github.resilience4j.circuitbreaker.CircuitBreaker breaker;
  private final long openNanos;
  private final LongSupplier nanoTime;
  private long openedAt;

  /**
   * Creates a closed breaker.
   *
   * @param failureThreshold consecutive failures that open it ({@code >= 1})
   * @param openDuration how long it stays open before a trial ({@code >= 1 ms})
   * @param nanoTime the monotonic clock
   */
  public CircuitBreaker(int failureThreshold, Duration openDuration, LongSupplier nanoTime) {
    if (failureThreshold < 1) {
      throw new IllegalArgumentException("failureThreshold must be >= 1, was " + failureThreshold);
    }
    if (openDuration.toNanos() < 1_000_000) {
      throw new IllegalArgumentException("openDuration must be >= 1 ms, was " + openDuration);
    }
    this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    this.openNanos = openDuration.toNanos();
    CircuitBreakerConfig config =
        CircuitBreakerConfig.custom()
            .slidingWindow(failureThreshold, failureThreshold, SlidingWindowType.COUNT_BASED)
            .failureRateThreshold(100)
            .slowCallRateThreshold(100)
            .slowCallDurationThreshold(Duration.ofDays(365))
            .waitDurationInOpenState(openDuration)
            .permittedNumberOfCallsInHalfOpenState(1)
            .automaticTransitionFromOpenToHalfOpenEnabled(false)
            .writableStackTraceEnabled(false)
            .clock(new NanoClock(nanoTime))
            .build();
    this.breaker = io.github.resilience4j.circuitbreaker.CircuitBreaker.of("provider", config);
  }

  /** Returns the current state (OPEN reads as HALF_OPEN once the open duration has passed). */
  public synchronized State state() {
    return switch (breaker.getState()) {
      case CLOSED -> State.CLOSED;
      case HALF_OPEN -> State.HALF_OPEN;
      case OPEN -> nanoTime.getAsLong() - openedAt > openNanos ? State.HALF_OPEN : State.OPEN;
      default -> State.OPEN; // disabled, forced open, metrics only: never configured here
    };
  }

  /** Returns true when a call may go through now (claims the trial slot when half-open). */
  public synchronized boolean tryAcquire() {
    return breaker.tryAcquirePermission();
  }

  /** Gives back a slot taken by {@link #tryAcquire} for a call that was not made. */
  public synchronized void release() {
    breaker.releasePermission();
  }

  /** Records a successful call; returns the state before it. */
  public synchronized State onSuccess() {
    State before = state();
    if (breaker.getState() == io.github.resilience4j.circuitbreaker.CircuitBreaker.State.OPEN) {
      // a call let through before the breaker opened answered: the provider is back
      breaker.transitionToClosedState();
    } else {
      breaker.onSuccess(0, TimeUnit.NANOSECONDS);
    }
    return before;
  }

  /** Records a failed call; returns the state after it. */
  public synchronized State onFailure() {
    var before = breaker.getState();
    breaker.onError(0, TimeUnit.NANOSECONDS, FAILURE);
    if (breaker.getState() == io.github.resilience4j.circuitbreaker.CircuitBreaker.State.OPEN
        && before != io.github.resilience4j.circuitbreaker.CircuitBreaker.State.OPEN) {
      openedAt = nanoTime.getAsLong();
    }
    return state();
  }

  /** The throwable recorded for a failed call (the breaker counts it; nothing is thrown). */
  private static final RuntimeException FAILURE =
      new RuntimeException("provider call failed", null, false, false) {
        private static final long serialVersionUID = 1L;
      };

  /** A clock whose instant is the monotonic time source's nanoseconds (only differences count). */
  private static final class NanoClock extends Clock {
    private final LongSupplier nanoTime;

    NanoClock(LongSupplier nanoTime) {
      this.nanoTime = nanoTime;
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
      return Instant.EPOCH.plusNanos(nanoTime.getAsLong());
    }
  }
}
