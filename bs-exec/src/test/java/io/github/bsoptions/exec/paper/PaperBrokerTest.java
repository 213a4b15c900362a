package io.github.bsoptions.exec.paper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.bsoptions.data.model.Quote;
import io.github.bsoptions.exec.order.Fill;
import io.github.bsoptions.exec.order.OrderLeg;
import io.github.bsoptions.exec.order.OrderRequest;
import io.github.bsoptions.exec.order.OrderStatus;
import io.github.bsoptions.exec.order.OrderUpdate;
import io.github.bsoptions.exec.order.Position;
import io.github.bsoptions.exec.order.Side;
import io.github.bsoptions.exec.order.TimeInForce;
import io.github.bsoptions.exec.spi.BrokerClient;
import io.github.bsoptions.exec.spi.BrokerContext;
import io.github.bsoptions.exec.spi.BrokerException;
import io.github.bsoptions.exec.spi.BrokerFactory;
import io.github.bsoptions.exec.spi.Outcome;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PaperBrokerTest {
  static final String C1 = "SPY261016C00640000";
  static final String C2 = "SPY261016C00650000";
  static final Instant T0 = Instant.parse("2026-10-01T14:30:00Z");
  final Clock clock = Clock.fixed(T0, ZoneOffset.UTC);

  static Quote q(String sym, double bid, double ask, long bs, long as, int t) {
    return new Quote(sym, bid, ask, bs, as, T0.plusSeconds(t));
  }

  PaperBroker broker(FillModel m) {
    return PaperBroker.withSuppliedQuotes(m, clock);
  }

  @Test
  void marketableLimitFillsAtAskAndRestingLimitWaits() {
    PaperBroker b = broker(FillModel.DEFAULT);
    List<OrderUpdate> events = new ArrayList<>();
    b.subscribe(events::add);
    b.onQuote(q(C1, 3.40, 3.50, 10, 10, 0));
    Outcome o = b.submit(OrderRequest.limit("a1", C1, Side.BUY, 2, 3.55));
    assertThat(((Outcome.Confirmed) o).order().status()).isEqualTo(OrderStatus.FILLED);
    assertThat(b.fills(T0).get(0).price()).isEqualTo(3.50); // price improvement to the ask
    Outcome r = b.submit(OrderRequest.limit("a2", C1, Side.BUY, 2, 3.45));
    assertThat(((Outcome.Confirmed) r).order().status()).isEqualTo(OrderStatus.NEW);
    b.onQuote(q(C1, 3.40, 3.44, 10, 10, 1));
    assertThat(b.findByClientOrderId("a2").orElseThrow().status()).isEqualTo(OrderStatus.FILLED);
    assertThat(b.fills(T0).get(1).price()).isEqualTo(3.44);
    assertThat(b.positions()).containsExactly(new Position(C1, 4, (3.50 * 2 + 3.44 * 2) / 4));
    assertThat(events)
        .extracting(u -> u.order().status())
        .containsExactly(OrderStatus.NEW, OrderStatus.FILLED, OrderStatus.NEW, OrderStatus.FILLED);
  }

  @Test
  void partialFillsByDisplayedSizeConsumeTheQuote() {
    PaperBroker b = broker(FillModel.DEFAULT);
    b.onQuote(q(C1, 1.00, 1.10, 5, 3, 0));
    Outcome o = b.submit(OrderRequest.market("m1", C1, Side.BUY, 5));
    assertThat(((Outcome.Confirmed) o).order().filledQty()).isEqualTo(3);
    assertThat(((Outcome.Confirmed) o).order().status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
    b.matchAll(); // same quote: displayed size already taken
    assertThat(b.findByClientOrderId("m1").orElseThrow().filledQty()).isEqualTo(3);
    b.onQuote(q(C1, 1.00, 1.12, 5, 4, 1));
    assertThat(b.findByClientOrderId("m1").orElseThrow().status()).isEqualTo(OrderStatus.FILLED);
    assertThat(b.fills(T0)).extracting(Fill::qty).containsExactly(3L, 2L);
  }

  @Test
  void slippageAndFeesNeverBreachTheLimit() {
    PaperBroker b = broker(new FillModel(0.02, 0.65, 1.0, false, 100));
    b.onQuote(q(C1, 2.00, 2.10, 1, 1, 0));
    b.submit(OrderRequest.market("m1", C1, Side.BUY, 1));
    b.submit(OrderRequest.limit("l1", C1, Side.BUY, 10, 2.11));
    b.submit(OrderRequest.market("s1", C1, Side.SELL, 2));
    List<Fill> f = b.fills(T0);
    assertThat(f.get(0).price()).isEqualTo(2.12, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(f.get(0).fee()).isEqualTo(1.0); // minimum fee
    assertThat(f.get(1).price()).isEqualTo(2.11); // capped at the limit
    assertThat(f.get(1).fee()).isEqualTo(6.5, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(f.get(2).price()).isEqualTo(1.98, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(b.positions().get(0).qty()).isEqualTo(9);
  }

  @Test
  void stopTriggersOnQuote() {
    PaperBroker b = broker(FillModel.DEFAULT);
    b.onQuote(q(C1, 2.00, 2.10, 10, 10, 0));
    b.submit(OrderRequest.stop("st", C1, Side.SELL, 1, 1.50));
    b.submit(OrderRequest.stopLimit("sl", C1, Side.BUY, 1, 2.50, 2.55));
    b.onQuote(q(C1, 1.60, 1.70, 10, 10, 1));
    assertThat(b.findByClientOrderId("st").orElseThrow().status()).isEqualTo(OrderStatus.NEW);
    b.onQuote(q(C1, 1.45, 1.55, 10, 10, 2));
    assertThat(b.findByClientOrderId("st").orElseThrow().status()).isEqualTo(OrderStatus.FILLED);
    assertThat(b.fills(T0).get(0).price()).isEqualTo(1.45);
    // stop-limit: triggered at ask 2.60 >= 2.50 but limit 2.55 not marketable yet
    b.onQuote(q(C1, 2.50, 2.60, 10, 10, 3));
    assertThat(b.findByClientOrderId("sl").orElseThrow().status()).isEqualTo(OrderStatus.NEW);
    b.onQuote(q(C1, 2.40, 2.45, 10, 10, 4)); // stays triggered, now marketable
    assertThat(b.findByClientOrderId("sl").orElseThrow().status()).isEqualTo(OrderStatus.FILLED);
  }

  @Test
  void multiLegFillsAtNetPriceWithRatios() {
    PaperBroker b = broker(FillModel.DEFAULT);
    b.onQuote(q(C1, 5.00, 5.20, 10, 10, 0));
    b.onQuote(q(C2, 2.00, 2.10, 3, 10, 0));
    // buy 1 C1, sell 2 C2: net debit = 5.20 - 2 * 2.00 = 1.20
    OrderRequest r =
        OrderRequest.multiLeg(
            "ml", 3, 1.25, List.of(OrderLeg.of(C1, Side.BUY, 1), OrderLeg.of(C2, Side.SELL, 2)));
    Outcome o = b.submit(r);
    var ord = ((Outcome.Confirmed) o).order();
    assertThat(ord.filledQty()).isEqualTo(1); // C2 bid size 3 / ratio 2 = 1 unit
    assertThat(ord.avgFillPrice()).isEqualTo(1.20, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(b.positions())
        .containsExactly(new Position(C1, 1, 5.20), new Position(C2, -2, 2.00));
    // credit spread: sell C1, buy C2 -> net = -5.00 + 2.10 = -2.90; limit -3.00 (want >= 3.00
    // credit)
    Outcome credit =
        b.submit(
            OrderRequest.multiLeg(
                "cr",
                1,
                -3.00,
                List.of(OrderLeg.of(C1, Side.SELL, 1), OrderLeg.of(C2, Side.BUY, 1))));
    assertThat(((Outcome.Confirmed) credit).order().status()).isEqualTo(OrderStatus.NEW);
  }

  @Test
  void iocAndFok() {
    PaperBroker b = broker(FillModel.DEFAULT);
    b.onQuote(q(C1, 1.00, 1.10, 5, 3, 0));
    Outcome ioc =
        b.submit(OrderRequest.market("i", C1, Side.BUY, 5).withTimeInForce(TimeInForce.IOC));
    assertThat(((Outcome.Confirmed) ioc).order().status()).isEqualTo(OrderStatus.CANCELED);
    assertThat(((Outcome.Confirmed) ioc).order().filledQty()).isEqualTo(3);
    b.onQuote(q(C1, 1.00, 1.10, 5, 3, 1));
    Outcome fok =
        b.submit(OrderRequest.market("f", C1, Side.BUY, 5).withTimeInForce(TimeInForce.FOK));
    assertThat(((Outcome.Confirmed) fok).order().status()).isEqualTo(OrderStatus.CANCELED);
    assertThat(((Outcome.Confirmed) fok).order().filledQty()).isZero();
  }

  @Test
  void refusalsAreTyped() {
    PaperBroker b = new PaperBroker("paper", null, FillModel.DEFAULT, clock, 1000);
    b.onQuote(q(C1, 1.00, 1.10, 50, 50, 0));
    assertThat(b.submit(OrderRequest.market("u", "ZZZZ", Side.BUY, 1)))
        .isInstanceOfSatisfying(
            Outcome.Refused.class, r -> assertThat(r.httpStatus()).isEqualTo(422));
    Outcome bp = b.submit(OrderRequest.market("bp", C1, Side.BUY, 20)); // 20 * 1.10 * 100 > 1000
    assertThat(bp)
        .isInstanceOfSatisfying(
            Outcome.Refused.class,
            r -> {
              assertThat(r.httpStatus()).isEqualTo(403);
              assertThat(r.message()).contains("buying power");
            });
    assertThat(b.submit(OrderRequest.market("ok", C1, Side.BUY, 1)))
        .isInstanceOf(Outcome.Confirmed.class);
    // the id is unique forever, even after the first order closed
    assertThat(b.submit(OrderRequest.market("ok", C1, Side.BUY, 1)))
        .isInstanceOfSatisfying(
            Outcome.Refused.class, r -> assertThat(r.message()).contains("unique"));
    assertThat(b.orderCount()).isEqualTo(1);
    String id = b.findByClientOrderId("ok").orElseThrow().brokerOrderId();
    assertThatThrownBy(() -> b.cancel(id)).isInstanceOf(BrokerException.Rejected.class);
    assertThatThrownBy(() -> b.cancel("nope")).isInstanceOf(BrokerException.Rejected.class);
  }

  @Test
  void cancelAndReplace() {
    PaperBroker b = broker(FillModel.DEFAULT);
    b.onQuote(q(C1, 1.00, 1.10, 5, 5, 0));
    var o = ((Outcome.Confirmed) b.submit(OrderRequest.limit("r1", C1, Side.BUY, 2, 0.90))).order();
    Outcome rep = b.replace(o.brokerOrderId(), OrderRequest.limit("r2", C1, Side.BUY, 2, 1.10));
    assertThat(((Outcome.Confirmed) rep).order().status()).isEqualTo(OrderStatus.FILLED);
    assertThat(b.order(o.brokerOrderId()).status()).isEqualTo(OrderStatus.REPLACED);
    var o3 =
        ((Outcome.Confirmed) b.submit(OrderRequest.limit("r3", C1, Side.BUY, 2, 0.90))).order();
    assertThat(b.cancel(o3.brokerOrderId()).status()).isEqualTo(OrderStatus.CANCELED);
    b.endOfDay();
    assertThat(b.orders(true)).isEmpty();
  }

  @Test
  void deterministic() {
    assertThat(script()).isEqualTo(script());
  }

  private List<String> script() {
    PaperBroker b = broker(new FillModel(0.01, 0.5, 0, true, 100));
    List<String> out = new ArrayList<>();
    b.subscribe(u -> out.add(u.toString()));
    for (int i = 0; i < 50; i++) {
      b.onQuote(q(C1, 1 + i * 0.01, 1.05 + i * 0.01, 1 + i % 4, 1 + i % 3, i));
      b.submit(OrderRequest.limit("d" + i, C1, i % 2 == 0 ? Side.BUY : Side.SELL, 3, 1.2));
    }
    return out;
  }

  @Test
  void discoveredThroughServiceLoader() {
    BrokerClient c =
        BrokerFactory.createBroker(
            "paper", new BrokerContext(Map.of("slippage", "0.01"), Map.of(), null, clock));
    assertThat(c.name()).isEqualTo("paper");
    assertThatThrownBy(() -> BrokerFactory.createBroker("nope", BrokerContext.of(Map.of(), null)))
        .hasMessageContaining("nope");
  }

  @Test
  void theQuoteSourceIsReadOncePerSymbolPerOperation() {
    Map<String, Integer> reads = new java.util.HashMap<>();
    Map<String, Quote> now = new java.util.HashMap<>();
    now.put(C1, q(C1, 1.00, 1.10, 5, 5, 0));
    now.put(C2, q(C2, 0.50, 0.55, 5, 5, 0));
    QuoteSource source =
        s -> {
          reads.merge(s, 1, Integer::sum);
          return now.get(s);
        };
    PaperBroker b =
        new PaperBroker("paper", source, new FillModel(0, 0.65, 1.0, true, 100), clock, 1e9);
    OrderRequest spread =
        OrderRequest.multiLeg(
            "m1", 2, 0.60, List.of(OrderLeg.of(C1, Side.BUY, 1), OrderLeg.of(C2, Side.SELL, 1)));
    Outcome o = b.submit(spread);
    assertThat(((Outcome.Confirmed) o).order().status()).isEqualTo(OrderStatus.FILLED);
    // leg check, cost estimate, net price, displayed sizes and fills all used one read per leg
    assertThat(reads).containsExactlyInAnyOrderEntriesOf(Map.of(C1, 1, C2, 1));
    assertThat(b.fills(T0)).extracting(Fill::price).containsExactly(1.10, 0.50);
    // the next operation reads again and sees the new quote (sizes refreshed, 3 left at the ask)
    now.put(C1, q(C1, 1.20, 1.30, 3, 3, 1));
    Outcome o2 =
        b.submit(OrderRequest.limit("s1", C1, Side.BUY, 5, 1.35).withTimeInForce(TimeInForce.IOC));
    assertThat(((Outcome.Confirmed) o2).order().filledQty()).isEqualTo(3);
    assertThat(reads.get(C1)).isEqualTo(2);
    assertThat(b.quote(C1).ask()).isEqualTo(1.30);
    assertThat(reads.get(C1)).isEqualTo(3);
    b.matchAll();
    assertThat(reads.get(C1)).isEqualTo(3); // nothing open: nothing to read
  }
}
