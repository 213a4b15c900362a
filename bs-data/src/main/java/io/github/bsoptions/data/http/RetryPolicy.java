package io.github.bsoptions.data.http;

import java.time.Duration;
import java.util.Objects;

/**
 * How an HTTP data client retries retryable failures (timeouts, resets, 408, 429, 5xx, truncated or
 * malformed bodies): at most {@code maxAttempts} tries, exponential backoff from {@code baseDelay}
 * capped at {@code maxDelay} with full jitter, a 429's {@code Retry-After} / {@code
 * X-RateLimit-Reset} honoured (never a tight loop), and the whole call bounded by {@code deadline}:
 * a wait that would pass it fails the call at once with the last error.
 *
 * @param maxAttempts total tries per request ({@code >= 1})
 * @param baseDelay first backoff
 * @param maxDelay backoff cap
 * @param deadline the limit for one logical call, all pages and retries included
 */
public record RetryPolicy(
    int maxAttempts, Duration baseDelay, Duration maxDelay, Duration deadline) {

  /** Four tries, 250 ms doubling to 5 s, 60 s per call. */
  public static final RetryPolicy DEFAULT =
      new RetryPolicy(4, Duration.ofMillis(250), Duration.ofSeconds(5), Duration.ofSeconds(60));

  /** One try, no retries (the failover layer retries instead). */
  public static final RetryPolicy NONE =
      new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ofSeconds(30));

  /** Validates the policy. */
  public RetryPolicy {
    Objects.requireNonNull(baseDelay, "baseDelay");
    Objects.requireNonNull(maxDelay, "maxDelay");
    Objects.requireNonNull(deadline, "deadline");
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be >= 1, was " + maxAttempts);
    }
    if (baseDelay.isNegative() || maxDelay.isNegative() || maxDelay.compareTo(baseDelay) < 0) {
      throw new IllegalArgumentException(
          "need 0 <= baseDelay <= maxDelay, was " + baseDelay + ", " + maxDelay);
    }
    if (deadline.isNegative() || deadline.isZero()) {
      throw new IllegalArgumentException("deadline must be > 0, was " + deadline);
    }
  }

  /** Returns the backoff cap before attempt {@code attempt} (1-based retry number). */
  public Duration backoffCap(int attempt) {
    long base = baseDelay.toNanos();
    long cap = maxDelay.toNanos();
    long d = base;
    for (int i = 1; i < attempt && d < cap; i++) {
      d = Math.min(cap, d * 2);
    }
    return Duration.ofNanos(Math.min(d, cap));
  }
}
