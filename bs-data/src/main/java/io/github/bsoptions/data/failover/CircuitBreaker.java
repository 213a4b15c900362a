package io.github.bsoptions.data.failover;

import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * A per-provider circuit breaker: {@code CLOSED} until {@code failureThreshold} consecutive
 * failures, then {@code OPEN} (calls skipped) for {@code openDuration}, then {@code HALF_OPEN}: one
 * trial call is let through; its success closes the breaker (fail-back), its failure re-opens it.
 * Thread-safe.
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

  private final int failureThreshold;
  private final long openNanos;
  private final LongSupplier nanoTime;
  private State state = State.CLOSED;
  private int failures;
  private long openedAt;
  private boolean trialInFlight;

  /**
   * Creates a closed breaker.
   *
   * @param failureThreshold consecutive failures that open it ({@code >= 1})
   * @param openDuration how long it stays open before a trial
   * @param nanoTime the monotonic clock
   */
  public CircuitBreaker(int failureThreshold, Duration openDuration, LongSupplier nanoTime) {
    if (failureThreshold < 1) {
      throw new IllegalArgumentException("failureThreshold must be >= 1, was " + failureThreshold);
    }
    if (openDuration.isNegative()) {
      throw new IllegalArgumentException("openDuration must be >= 0, was " + openDuration);
    }
    this.failureThreshold = failureThreshold;
    this.openNanos = openDuration.toNanos();
    this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
  }

  /** Returns the current state (moving OPEN to HALF_OPEN when the open duration has passed). */
  public synchronized State state() {
    if (state == State.OPEN && nanoTime.getAsLong() - openedAt >= openNanos) {
      state = State.HALF_OPEN;
      trialInFlight = false;
    }
    return state;
  }

  /** Returns true when a call may go through now (claims the trial slot when half-open). */
  public synchronized boolean tryAcquire() {
    State s = state();
    if (s == State.CLOSED) {
      return true;
    }
    if (s == State.HALF_OPEN && !trialInFlight) {
      trialInFlight = true;
      return true;
    }
    return false;
  }

  /** Records a successful call; returns the state before it. */
  public synchronized State onSuccess() {
    State before = state;
    failures = 0;
    state = State.CLOSED;
    trialInFlight = false;
    return before;
  }

  /** Records a failed call; returns the state after it. */
  public synchronized State onFailure() {
    failures++;
    if (state == State.HALF_OPEN || failures >= failureThreshold) {
      state = State.OPEN;
      openedAt = nanoTime.getAsLong();
      trialInFlight = false;
    }
    return state;
  }
}
