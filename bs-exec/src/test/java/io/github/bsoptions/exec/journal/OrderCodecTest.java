package io.github.bsoptions.exec.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bsoptions.exec.order.OrderLeg;
import io.github.bsoptions.exec.order.OrderRequest;
import io.github.bsoptions.exec.order.PositionIntent;
import io.github.bsoptions.exec.order.Side;
import io.github.bsoptions.exec.order.TimeInForce;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The engine applies its own intents to the ledger with the request in hand ({@link
 * Ledger#apply(JournalRecord, OrderRequest)}) instead of decoding the record: that is only sound
 * because every request decodes to an equal one, which these cases check, together with the ledger
 * states of both ways.
 */
class OrderCodecTest {
  private static final String C1 = "SPY260220C00545000";
  private static final String P1 = "SPY260220P00545000";
  private static final String C2 = "SPY260320C00550000";

  private static List<OrderRequest> requests() {
    return List.of(
        OrderRequest.market("ns-s1-1", "SPY", Side.BUY, 100),
        OrderRequest.limit("ns-s1-2", C1, Side.SELL, 3, 4.6),
        OrderRequest.limit("ns-s1-3", C1, Side.BUY, 1, 0.1 + 0.2),
        OrderRequest.stop("ns-s1-4", "AAPL", Side.SELL, 10, 187.123456789012),
        OrderRequest.stopLimit("ns-s1-5", P1, Side.BUY, 2, 1e-7, 3.05)
            .withTimeInForce(TimeInForce.IOC)
            .withIntent(PositionIntent.BUY_TO_CLOSE),
        OrderRequest.multiLeg(
            "ns-s1-6",
            2,
            13.75,
            List.of(
                OrderLeg.of(C1, Side.BUY, 1),
                OrderLeg.of(P1, Side.BUY, 1),
                new OrderLeg(C2, Side.SELL, 2, PositionIntent.SELL_TO_OPEN))),
        OrderRequest.multiLeg(
            "ns-s1-7",
            1,
            -2.1,
            List.of(OrderLeg.of(C1, Side.SELL, 1), OrderLeg.of(C2, Side.BUY, 1))));
  }

  @Test
  void everyRequestDecodesToAnEqualOne() {
    for (OrderRequest r : requests()) {
      Map<String, String> f = OrderCodec.encode(r);
      assertThat(OrderCodec.decode(r.clientOrderId(), f)).isEqualTo(r);
      // through the journal's text form too
      JournalRecord rec = new JournalRecord(7, EntryType.INTENT, r.clientOrderId(), f);
      JournalRecord back = Journal.decode(Journal.encode(rec).stripTrailing(), "test");
      assertThat(back).isEqualTo(rec);
      assertThat(OrderCodec.decode(r.clientOrderId(), back.fields())).isEqualTo(r);
    }
  }

  @Test
  void applyingWithTheRequestGivesTheDecodedState() {
    Ledger decoded = new Ledger();
    Ledger given = new Ledger();
    Map<String, String> h = new LinkedHashMap<>();
    h.put("namespace", "ns");
    h.put("version", "1");
    JournalRecord header = new JournalRecord(0, EntryType.HEADER, "", h);
    decoded.apply(header);
    given.apply(header);
    long seq = 1;
    for (OrderRequest r : requests()) {
      Map<String, String> f = new LinkedHashMap<>();
      f.put("strategy", "s1");
      f.put("broker", "paper");
      OrderCodec.encode(r, f);
      EntryType type = seq % 3 == 0 ? EntryType.DENIED : EntryType.INTENT;
      JournalRecord rec = new JournalRecord(seq++, type, r.clientOrderId(), f);
      decoded.apply(rec);
      given.apply(rec, r);
    }
    assertThat(given.snapshot()).isEqualTo(decoded.snapshot());
    assertThat(given.orders()).isEqualTo(decoded.orders());
    assertThat(given.maxIdSequence()).isEqualTo(7);
  }

  @Test
  void aRequestForAnotherOrderIsNotTaken() {
    OrderRequest r = requests().get(1);
    Map<String, String> f = new LinkedHashMap<>();
    f.put("strategy", "s1");
    f.put("broker", "paper");
    OrderCodec.encode(r, f);
    Ledger l = new Ledger();
    l.apply(new JournalRecord(1, EntryType.INTENT, "ns-s1-99", f), r);
    assertThat(l.order("ns-s1-99").request()).isEqualTo(r.withClientOrderId("ns-s1-99"));
  }

  @Test
  void fillTimestampsAreWrittenAsInstantToString() {
    java.time.Instant a = java.time.Instant.parse("2026-01-30T14:35:00Z");
    java.time.Instant b = a.plusNanos(1500);
    for (java.time.Instant t : List.of(a, a, b, a, java.time.Instant.EPOCH, b, b)) {
      assertThat(Reconciler.instantText(t)).isEqualTo(t.toString());
    }
  }
}
