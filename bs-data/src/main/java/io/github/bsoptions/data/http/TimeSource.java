package io.github.bsoptions.data.http;

import java.time.Duration;

/**
 * The clocks and sleep an HTTP or streaming client uses; tests and simulations substitute a virtual
 * one so that backoff and rate limits run without real waiting.
 */
public interface TimeSource {
  /** The system clocks and {@link Thread#sleep(long, int)}. */
  TimeSource SYSTEM =
      new TimeSource() {
        @Override
        public long nanoTime() {
          return System.nanoTime();
        }

        @Override
        public long epochMillis() {
          return System.currentTimeMillis();
        }

        @Override
        public void sleep(Duration d) throws InterruptedException {
          long n = d.toNanos();
          if (n > 0) {
            Thread.sleep(n / 1_000_000, (int) (n % 1_000_000));
          }
        }
      };

  /** Returns a monotonic time in nanoseconds. */
  long nanoTime();

  /** Returns the wall clock in epoch milliseconds. */
  long epochMillis();

  /** Sleeps for {@code d}. */
  void sleep(Duration d) throws InterruptedException;
}
