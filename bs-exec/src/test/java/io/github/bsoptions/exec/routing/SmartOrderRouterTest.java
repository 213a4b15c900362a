package io.github.bsoptions.exec.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bsoptions.data.model.Quote;
import io.github.bsoptions.exec.order.Account;
import io.github.bsoptions.exec.order.BrokerOrder;
import io.github.bsoptions.exec.order.Fill;
import io.github.bsoptions.exec.order.OrderRequest;
import io.github.bsoptions.exec.order.Position;
import io.github.bsoptions.exec.order.Side;
import io.github.bsoptions.exec.paper.FillModel;
import io.github.bsoptions.exec.paper.PaperBroker;
import io.github.bsoptions.exec.spi.BrokerCapability;
import io.github.bsoptions.exec.spi.BrokerClient;
import io.github.bsoptions.exec.spi.Idempotency;
import io.github.bsoptions.exec.spi.OrderUpdateListener;
import io.github.bsoptions.exec.spi.Outcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SmartOrderRouterTest {
  static final String C1 = "SPY261016C00640000";

  /** A broker whose next answer is scripted; counts what it received. */
  static final class Scripted implements BrokerClient {
    final String name;
    final Set<BrokerCapability> caps;
    int received;
    String mode = "ok";

    Scripted(String name, Set<BrokerCapability> caps) {
      this.name = name;
      this.caps = caps;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public Set<BrokerCapability> capabilities() {
      return caps;
    }

    @Override
    public Idempotency idempotency() {
      return Idempotency.DURABLE;
    }

    @Override
    public Outcome submit(OrderRequest o) {
      String cid = o.clientOrderId();
      switch (mode) {
        case "down":
          return new Outcome.Refused(cid, name, 0, "", "connection refused", false);
        case "timeout":
          return new Outcome.Unknown(cid, name, "timeout");
        default:
          break;
      }
      received++;
      return switch (mode) {
        case "lost", "5xx" -> new Outcome.Unknown(cid, name, mode);
        case "403" ->
            new Outcome.Refused(cid, name, 403, "40310000", "insufficient buying power", true);
        default ->
            new Outcome.Confirmed(
                cid,
                name,
                new BrokerOrder(
                    name + "-1",
                    cid,
                    o.label(),
                    io.github.bsoptions.exec.order.OrderStatus.NEW,
                    o.qty(),
                    0,
                    Double.NaN));
      };
    }

    @Override
    public BrokerOrder cancel(String id) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Outcome replace(String id, OrderRequest r) {
      throw new UnsupportedOperationException();
    }

    @Override
    public BrokerOrder order(String id) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Optional<BrokerOrder> findByClientOrderId(String c) {
      return Optional.empty();
    }

    @Override
    public List<BrokerOrder> orders(boolean openOnly) {
      return List.of();
    }

    @Override
    public List<Position> positions() {
      return List.of();
    }

    @Override
    public Account account() {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<Fill> fills(Instant since) {
      return List.of();
    }

    @Override
    public AutoCloseable subscribe(OrderUpdateListener l) {
      return () -> {};
    }

    @Override
    public void close() {}
  }

  static final Set<BrokerCapability> ALL = EnumSet.allOf(BrokerCapability.class);

  /** O-6: with A's outcome unknown, B never receives the order; 1,000 seeded runs. */
  @Test
  void neverFallsBackWhileUnknown() {
    String[] modes = {"ok", "down", "timeout", "lost", "5xx", "403"};
    Random rnd = new Random(42);
    AtomicLong millis = new AtomicLong();
    Clock clock =
        new Clock() {
          @Override
          public ZoneId getZone() {
            return ZoneId.of("UTC");
          }

          @Override
          public Clock withZone(ZoneId z) {
            return this;
          }

          @Override
          public Instant instant() {
            return Instant.ofEpochMilli(millis.get());
          }
        };
    for (int run = 0; run < 1000; run++) {
      Scripted a = new Scripted("A", ALL);
      Scripted b = new Scripted("B", ALL);
      SmartOrderRouter r =
          new SmartOrderRouter(List.of(a, b), clock, 2, Duration.ofSeconds(10), null);
      for (int i = 0; i < 20; i++) {
        a.mode = modes[rnd.nextInt(modes.length)];
        millis.addAndGet(rnd.nextInt(4000));
        int bBefore = b.received;
        boolean aOpen = r.isOpen("A");
        Outcome o = r.route(OrderRequest.market("c" + run + "x" + i, C1, Side.BUY, 1));
        boolean bGot = b.received > bBefore;
        if (aOpen) {
          assertThat(bGot).isTrue(); // A skipped without sending: safe
        } else if (a.mode.equals("timeout") || a.mode.equals("lost") || a.mode.equals("5xx")) {
          assertThat(bGot).as("run %d step %d: fell back while unknown", run, i).isFalse();
          assertThat(o).isInstanceOf(Outcome.Unknown.class);
        } else if (a.mode.equals("ok")) {
          assertThat(bGot).isFalse();
        } else {
          assertThat(bGot).isTrue(); // definitive refusal or never reached: fallback allowed
        }
      }
    }
  }

  @Test
  void capabilitiesAndCost() {
    Scripted stocksOnly = new Scripted("S", EnumSet.of(BrokerCapability.STOCKS));
    Scripted cheap = new Scripted("C", ALL);
    Scripted dear = new Scripted("D", ALL);
    Clock clock = Clock.systemUTC();
    SmartOrderRouter r =
        new SmartOrderRouter(
            List.of(stocksOnly, dear, cheap),
            clock,
            3,
            Duration.ofSeconds(1),
            (b, o) -> b.name().equals("C") ? 0.5 : 1.0);
    Outcome o = r.route(OrderRequest.market("x", C1, Side.BUY, 1));
    assertThat(((Outcome.Confirmed) o).broker()).isEqualTo("C");
    assertThat(stocksOnly.received).isZero();
    assertThat(r.route(OrderRequest.stop("y", C1, Side.SELL, 1, 1.0)))
        .isInstanceOf(Outcome.Confirmed.class);
    Scripted noStops = new Scripted("N", EnumSet.of(BrokerCapability.OPTIONS));
    Outcome none =
        SmartOrderRouter.single(noStops, clock)
            .route(OrderRequest.stop("z", C1, Side.SELL, 1, 1.0));
    assertThat(none)
        .isInstanceOfSatisfying(
            Outcome.Refused.class,
            x -> {
              assertThat(x.reachedBroker()).isFalse();
              assertThat(x.message()).contains("OPTION_STOP_ORDERS");
            });
  }

  @Test
  void worksWithPaperBrokers() {
    Clock clock = Clock.systemUTC();
    PaperBroker a = new PaperBroker("A", null, FillModel.DEFAULT, clock, 0); // no cash: 403
    PaperBroker b = new PaperBroker("B", null, FillModel.DEFAULT, clock, 1e6);
    Quote q = new Quote(C1, 1.0, 1.1, 10, 10, Instant.EPOCH);
    a.onQuote(q);
    b.onQuote(q);
    Outcome o =
        new SmartOrderRouter(List.of(a, b), clock, 3, Duration.ofSeconds(1), null)
            .route(OrderRequest.market("p1", C1, Side.BUY, 1));
    assertThat(((Outcome.Confirmed) o).broker()).isEqualTo("B");
  }
}
