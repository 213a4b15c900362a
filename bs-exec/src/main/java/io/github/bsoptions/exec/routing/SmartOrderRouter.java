package io.github.bsoptions.exec.routing;

import io.github.bsoptions.exec.order.OrderRequest;
import io.github.bsoptions.exec.spi.BrokerCapability;
import io.github.bsoptions.exec.spi.BrokerClient;
import io.github.bsoptions.exec.spi.Outcome;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.ToDoubleBiFunction;

/**
 * Chooses a broker per order by capability, health and a cost model, and falls back safely.
 *
 * <p>Rules: brokers that lack a needed capability are skipped; brokers whose breaker is open are
 * skipped (nothing is sent to them, so skipping is safe); the rest are tried in order of cost (ties
 * keep the configured priority). A {@link Outcome.Confirmed} ends the routing. A {@link
 * Outcome.Refused} — the broker refused, or the request provably never reached it — moves on to the
 * next broker with the same client order id. An {@link Outcome.Unknown} ends the routing at once
 * and is returned: the order may exist at that broker, so no other broker may receive it until the
 * engine resolves the outcome by query.
 *
 * <p>Health: {@code failureThreshold} consecutive transport failures (refusals that never reached
 * the broker, or unknown outcomes) open a broker's breaker for {@code cooldown}; after it one order
 * is let through (half-open) and a success closes the breaker. Thread-safe.
 */
public final class SmartOrderRouter {
  private final List<BrokerClient> brokers;
  private final Map<String, BrokerClient> byName = new LinkedHashMap<>();
  private final Clock clock;
  private final int failureThreshold;
  private final Duration cooldown;
  private final ToDoubleBiFunction<BrokerClient, OrderRequest> cost;
  private final Map<String, int[]> failures = new HashMap<>();
  private final Map<String, Long> openUntil = new HashMap<>();

  /**
   * Creates a router.
   *
   * @param brokers brokers in priority order (first = primary)
   * @param clock clock for breaker timing
   * @param failureThreshold consecutive failures that open a breaker ({@code >= 1})
   * @param cooldown how long a breaker stays open
   * @param cost cost per broker and order (lower first); null = priority order only
   */
  public SmartOrderRouter(
      List<BrokerClient> brokers,
      Clock clock,
      int failureThreshold,
      Duration cooldown,
      ToDoubleBiFunction<BrokerClient, OrderRequest> cost) {
    if (brokers.isEmpty()) {
      throw new IllegalArgumentException("brokers must not be empty");
    }
    if (failureThreshold < 1) {
      throw new IllegalArgumentException("failureThreshold must be >= 1, was " + failureThreshold);
    }
    this.brokers = List.copyOf(brokers);
    for (BrokerClient b : this.brokers) {
      if (byName.put(b.name(), b) != null) {
        throw new IllegalArgumentException("duplicate broker name " + b.name());
      }
    }
    this.clock = Objects.requireNonNull(clock, "clock");
    this.failureThreshold = failureThreshold;
    this.cooldown = Objects.requireNonNull(cooldown, "cooldown");
    this.cost = cost;
  }

  /** Returns the router's clock. */
  public Clock clock() {
    return clock;
  }

  /** A router with one broker (no fallback). */
  public static SmartOrderRouter single(BrokerClient broker, Clock clock) {
    return new SmartOrderRouter(List.of(broker), clock, 3, Duration.ofSeconds(30), null);
  }

  /** Returns the broker called {@code name}, or null. */
  public BrokerClient broker(String name) {
    return byName.get(name);
  }

  /** Returns the brokers in priority order. */
  public List<BrokerClient> brokers() {
    return brokers;
  }

  /** Returns the capabilities the order needs. */
  public static Set<BrokerCapability> needs(OrderRequest r) {
    Set<BrokerCapability> s = EnumSet.noneOf(BrokerCapability.class);
    if (r.isMultiLeg()) {
      s.add(BrokerCapability.MULTI_LEG);
      s.add(BrokerCapability.OPTIONS);
    } else if (r.isOption()) {
      s.add(BrokerCapability.OPTIONS);
      if (r.type().hasStop()) {
        s.add(BrokerCapability.OPTION_STOP_ORDERS);
      }
    } else {
      s.add(BrokerCapability.STOCKS);
    }
    return s;
  }

  /** Returns the brokers that would be tried for the order now, in order. */
  public List<BrokerClient> candidates(OrderRequest r) {
    Set<BrokerCapability> need = needs(r);
    long now = clock.millis();
    List<BrokerClient> out = new ArrayList<>();
    synchronized (this) {
      for (BrokerClient b : brokers) {
        Long until = openUntil.get(b.name());
        if (b.capabilities().containsAll(need) && (until == null || until <= now)) {
          out.add(b);
        }
      }
    }
    if (cost != null) {
      out.sort(Comparator.comparingDouble(b -> cost.applyAsDouble(b, r)));
    }
    return out;
  }

  /**
   * Routes the order. Returns the first confirmation, the first unknown outcome (without trying any
   * other broker), or the last refusal; when no broker can take the order, a refusal with {@code
   * reachedBroker == false} naming why.
   */
  public Outcome route(OrderRequest r) {
    return route(r, candidates(r), null);
  }

  /** A hook called before each send after the first (for journalling the fallback). */
  @FunctionalInterface
  public interface FallbackHook {
    /** Called before {@code next} receives the order that {@code previous} refused. */
    void beforeFallback(BrokerClient next, Outcome.Refused previous);
  }

  /**
   * Routes the order over the given candidates (from {@link #candidates}), calling {@code hook}
   * before each fallback send.
   */
  public Outcome route(OrderRequest r, List<BrokerClient> cands, FallbackHook hook) {
    if (cands.isEmpty()) {
      return new Outcome.Refused(
          r.clientOrderId(),
          "router",
          0,
          "NO_BROKER",
          "no healthy broker supports " + needs(r),
          false);
    }
    Outcome last = null;
    for (BrokerClient b : cands) {
      if (last != null && hook != null) {
        hook.beforeFallback(b, (Outcome.Refused) last);
      }
      Outcome o = b.submit(r);
      if (o instanceof Outcome.Confirmed) {
        success(b.name());
        return o;
      }
      if (o instanceof Outcome.Unknown) {
        failure(b.name());
        return o; // never fall back while the outcome is unknown
      }
      Outcome.Refused ref = (Outcome.Refused) o;
      if (ref.reachedBroker()) {
        success(b.name()); // the broker answered: it is up
      } else {
        failure(b.name());
      }
      last = o;
    }
    return last;
  }

  /** Records a successful exchange with the broker (closes its breaker). */
  public synchronized void success(String broker) {
    failures.remove(broker);
    openUntil.remove(broker);
  }

  /** Records a transport failure with the broker. */
  public synchronized void failure(String broker) {
    int[] f = failures.computeIfAbsent(broker, k -> new int[1]);
    if (++f[0] >= failureThreshold) {
      openUntil.put(broker, clock.millis() + cooldown.toMillis());
      f[0] = failureThreshold - 1; // half-open after the cooldown: one more failure reopens
    }
  }

  /** Returns true when the broker's breaker is open now. */
  public synchronized boolean isOpen(String broker) {
    Long until = openUntil.get(broker);
    return until != null && until > clock.millis();
  }
}
