package io.github.bsoptions.data.failover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.bsoptions.data.failover.CircuitBreaker.State;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The breaker's rules on a driven clock: consecutive failures, open time, one half-open trial. */
class CircuitBreakerTest {
  private final AtomicLong now = new AtomicLong(1_000_000_000L);
  private final CircuitBreaker b = new CircuitBreaker(3, Duration.ofSeconds(5), now::get);

  private void advance(Duration d) {
    now.addAndGet(d.toNanos());
  }

  private State fail() {
    assertThat(b.tryAcquire()).isTrue();
    return b.onFailure();
  }

  @Test
  void onlyConsecutiveFailuresOpenIt() {
    assertThat(fail()).isEqualTo(State.CLOSED);
    assertThat(fail()).isEqualTo(State.CLOSED);
    assertThat(b.tryAcquire()).isTrue();
    assertThat(b.onSuccess()).isEqualTo(State.CLOSED);
    assertThat(fail()).isEqualTo(State.CLOSED);
    assertThat(fail()).isEqualTo(State.CLOSED);
    assertThat(fail()).isEqualTo(State.OPEN);
    assertThat(b.tryAcquire()).isFalse();
  }

  @Test
  void afterTheOpenTimeOneTrialDecides() {
    fail();
    fail();
    fail();
    advance(Duration.ofSeconds(5));
    assertThat(b.state()).isEqualTo(State.OPEN);
    assertThat(b.tryAcquire()).isFalse();
    advance(Duration.ofNanos(1));
    assertThat(b.state()).isEqualTo(State.HALF_OPEN);
    assertThat(b.tryAcquire()).isTrue();
    assertThat(b.tryAcquire()).as("one trial at a time").isFalse();
    assertThat(b.onFailure()).as("a failed trial re-opens it").isEqualTo(State.OPEN);
    assertThat(b.tryAcquire()).isFalse();
    advance(Duration.ofSeconds(5).plusNanos(1));
    assertThat(b.tryAcquire()).isTrue();
    assertThat(b.onSuccess()).isEqualTo(State.HALF_OPEN);
    assertThat(b.state()).isEqualTo(State.CLOSED);
    assertThat(b.tryAcquire()).isTrue();
  }

  @Test
  void aReleasedTrialMayBeTakenAgain() {
    fail();
    fail();
    fail();
    advance(Duration.ofSeconds(6));
    assertThat(b.tryAcquire()).isTrue();
    b.release();
    assertThat(b.tryAcquire()).isTrue();
  }

  @Test
  void badSettingsAreRefusedByName() {
    assertThatThrownBy(() -> new CircuitBreaker(0, Duration.ofSeconds(1), now::get))
        .hasMessageContaining("failureThreshold");
    assertThatThrownBy(() -> new CircuitBreaker(1, Duration.ofNanos(999_999), now::get))
        .hasMessageContaining("openDuration");
  }
}
