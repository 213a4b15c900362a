package io.github.bsoptions.data.failover;

import java.time.Duration;

/**
 * Hooks for metrics and monitoring (no metrics library dependency): implement the methods you need
 * and bridge them to Micrometer or similar in the application. Methods run on the calling thread
 * and must be fast and must not throw.
 */
public interface DataMetrics {
  /** Metrics that go nowhere. */
  DataMetrics NOOP = new DataMetrics() {};

  /** A provider call finished. */
  default void onCall(String provider, String operation, boolean success, Duration elapsed) {}

  /**
   * Calls moved from one provider to another ({@code failback} true when back to a preferred one).
   */
  default void onSwitch(String from, String to, String operation, boolean failback) {}

  /** A provider's circuit breaker changed state. */
  default void onBreakerState(String provider, CircuitBreaker.State state) {}

  /** A cache lookup was answered from the cache. */
  default void onCacheHit(String kind) {}

  /** A cache lookup had to load. */
  default void onCacheMiss(String kind) {}
}
