package io.github.bsoptions.data.failover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.bsoptions.data.error.DataException;
import io.github.bsoptions.data.model.OptionChain;
import io.github.bsoptions.data.model.OptionChainQuery;
import io.github.bsoptions.data.testutil.VirtualTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class FailoverMarketDataTest {
  static final OptionChainQuery Q = OptionChainQuery.all("SPY");

  static final class CountingMetrics implements DataMetrics {
    final List<String> switches = new ArrayList<>();
    final AtomicInteger hits = new AtomicInteger();
    final AtomicInteger misses = new AtomicInteger();

    @Override
    public synchronized void onSwitch(String from, String to, String operation, boolean failback) {
      switches.add(from + "->" + to + (failback ? " (failback)" : ""));
    }

    @Override
    public void onCacheHit(String kind) {
      hits.incrementAndGet();
    }

    @Override
    public void onCacheMiss(String kind) {
      misses.incrementAndGet();
    }
  }

  /**
   * D-1: 1,000 seeded fault sequences of 20 calls each across both sources: every call returns the
   * right data marked with its source or a typed error, and none runs past its deadline.
   */
  @Test
  void randomFaultSequencesEndInDataOrTypedErrorWithinDeadline() {
    Duration deadline = Duration.ofSeconds(10);
    int data = 0;
    int errors = 0;
    for (long seed = 1; seed <= 1000; seed++) {
      SplittableRandom rnd = new SplittableRandom(seed);
      VirtualTime time = new VirtualTime();
      ScriptedProvider a = new ScriptedProvider("alpaca");
      ScriptedProvider b = new ScriptedProvider("massive");
      for (ScriptedProvider p : List.of(a, b)) {
        p.fault = faults(rnd, time);
      }
      FailoverMarketData f =
          FailoverMarketData.builder()
              .add(a)
              .add(b)
              .time(time)
              .seed(seed)
              .cache(CachePolicy.NONE)
              .breaker(3, Duration.ofSeconds(5))
              .retries(3, Duration.ofMillis(100), Duration.ofSeconds(1))
              .deadline(deadline)
              .build();
      for (int i = 0; i < 20; i++) {
        long t0 = time.nanoTime();
        try {
          OptionChain c = f.optionChain(Q);
          assertThat(c).isEqualTo(ScriptedProvider.chain("SPY", c.source()));
          assertThat(c.source()).isIn("alpaca", "massive").isEqualTo(f.lastSource());
          data++;
        } catch (DataException e) {
          errors++;
        }
        // a provider call may itself take up to 3 s (simulated stall) after the last check
        assertThat(Duration.ofNanos(time.nanoTime() - t0))
            .as("seed %d call %d", seed, i)
            .isLessThanOrEqualTo(deadline.plusSeconds(3));
        time.advance(Duration.ofMillis(rnd.nextInt(2000)));
      }
    }
    assertThat(data).isGreaterThan(1000);
    assertThat(errors).isGreaterThan(10);
  }

  private static Supplier<RuntimeException> faults(SplittableRandom seedRnd, VirtualTime time) {
    SplittableRandom rnd = seedRnd.split();
    double failRate = rnd.nextDouble();
    return () -> {
      double u = rnd.nextDouble();
      if (u >= failRate) {
        return null;
      }
      int kind = rnd.nextInt(6);
      return switch (kind) {
        case 0 -> new DataException.Retryable("x", "HTTP 503", null, null);
        case 1 ->
            new DataException.Retryable("x", "HTTP 429", Duration.ofSeconds(rnd.nextInt(20)), null);
        case 2 -> {
          time.advance(Duration.ofSeconds(3)); // a stalled call that times out
          yield new DataException.Retryable("x", "timeout", null, null);
        }
        case 3 -> new DataException.Authentication("x", "HTTP 401", null);
        case 4 -> new DataException.Fatal("x", "bug", null);
        default -> new DataException.Retryable("x", "truncated body", null, null);
      };
    };
  }

  /** D-2: switch to the fallback when the primary is down, fail back after recovery. */
  @Test
  void breakerFailsOverAndFailsBackAfterOneHalfOpenTrial() {
    VirtualTime time = new VirtualTime();
    ScriptedProvider a = new ScriptedProvider("alpaca");
    ScriptedProvider b = new ScriptedProvider("massive");
    CountingMetrics m = new CountingMetrics();
    FailoverMarketData f =
        FailoverMarketData.builder()
            .add(a)
            .add(b)
            .time(time)
            .metrics(m)
            .cache(CachePolicy.NONE)
            .breaker(2, Duration.ofSeconds(30))
            .retries(1, Duration.ZERO, Duration.ZERO)
            .build();
    assertThat(f.optionChain(Q).source()).isEqualTo("alpaca");
    a.fault = () -> new DataException.Retryable("alpaca", "HTTP 500", null, null);
    assertThat(f.optionChain(Q).source()).isEqualTo("massive");
    assertThat(f.optionChain(Q).source()).isEqualTo("massive");
    assertThat(f.breakerStates())
        .containsExactly(CircuitBreaker.State.OPEN, CircuitBreaker.State.CLOSED);
    int primaryCalls = a.calls.get();
    assertThat(f.optionChain(Q).source()).isEqualTo("massive");
    assertThat(a.calls.get()).isEqualTo(primaryCalls); // open: primary not touched
    a.fault = () -> null; // primary recovers
    time.advance(Duration.ofSeconds(31));
    assertThat(f.optionChain(Q).source()).isEqualTo("alpaca");
    assertThat(f.breakerStates())
        .containsExactly(CircuitBreaker.State.CLOSED, CircuitBreaker.State.CLOSED);
    assertThat(m.switches).containsExactly("alpaca->massive", "massive->alpaca (failback)");
  }

  @Test
  void rejectedIsNotFailedOverButNotFoundIs() {
    ScriptedProvider a = new ScriptedProvider("alpaca");
    ScriptedProvider b = new ScriptedProvider("massive");
    FailoverMarketData f =
        FailoverMarketData.builder()
            .add(a)
            .add(b)
            .time(new VirtualTime())
            .cache(CachePolicy.NONE)
            .build();
    a.fault = () -> new DataException.Rejected("alpaca", "HTTP 422 invalid symbol", null);
    assertThatThrownBy(() -> f.optionChain(Q)).isInstanceOf(DataException.Rejected.class);
    assertThat(b.calls.get()).isZero();
    a.fault = () -> new DataException.NotFound("alpaca", "HTTP 404", null);
    assertThat(f.optionChain(Q).source()).isEqualTo("massive");
    b.fault = () -> new DataException.NotFound("massive", "HTTP 404", null);
    assertThatThrownBy(() -> f.optionChain(Q)).isInstanceOf(DataException.NotFound.class);
    assertThat(f.breakerStates()).containsOnly(CircuitBreaker.State.CLOSED);
  }

  /** D-3: TTL, caller staleness limit, and coalescing of concurrent identical requests. */
  @Test
  void cacheHonoursTtlStalenessAndCoalescesConcurrentRequests() throws Exception {
    VirtualTime time = new VirtualTime();
    ScriptedProvider a = new ScriptedProvider("alpaca");
    CountingMetrics m = new CountingMetrics();
    FailoverMarketData f =
        FailoverMarketData.builder()
            .add(a)
            .time(time)
            .metrics(m)
            .cache(
                new CachePolicy(
                    Duration.ofSeconds(1),
                    Duration.ofSeconds(5),
                    Duration.ofMinutes(1),
                    Duration.ofMinutes(1),
                    100))
            .build();
    f.optionChain(Q);
    f.optionChain(Q);
    assertThat(a.calls.get()).isEqualTo(1);
    time.advance(Duration.ofSeconds(2));
    f.optionChain(Q); // within TTL
    assertThat(a.calls.get()).isEqualTo(1);
    f.optionChain(Q, Duration.ofSeconds(1)); // caller wants fresher than 2 s
    assertThat(a.calls.get()).isEqualTo(2);
    time.advance(Duration.ofSeconds(6));
    f.optionChain(Q); // expired
    assertThat(a.calls.get()).isEqualTo(3);
    assertThat(m.hits.get()).isEqualTo(2);
    assertThat(m.misses.get()).isEqualTo(3);

    f.invalidateCache();
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch entered = new CountDownLatch(1);
    a.beforeCall =
        () -> {
          entered.countDown();
          try {
            release.await(10, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        };
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<OptionChain>> fs = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        fs.add(pool.submit(() -> f.optionChain(Q)));
      }
      assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
      Thread.sleep(100); // let the other seven block on the same key
      release.countDown();
      for (Future<OptionChain> fu : fs) {
        assertThat(fu.get(10, TimeUnit.SECONDS).source()).isEqualTo("alpaca");
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(a.calls.get()).isEqualTo(4);
  }
}
