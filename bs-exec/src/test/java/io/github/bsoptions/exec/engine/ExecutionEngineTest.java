package io.github.bsoptions.exec.engine;

import static io.github.bsoptions.exec.engine.Rig.C1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.bsoptions.exec.engine.FaultyBroker.Fault;
import io.github.bsoptions.exec.journal.EntryType;
import io.github.bsoptions.exec.journal.JournalBackend.Kind;
import io.github.bsoptions.exec.journal.JournalRecord;
import io.github.bsoptions.exec.journal.Ledger;
import io.github.bsoptions.exec.journal.Resolution;
import io.github.bsoptions.exec.order.OrderRequest;
import io.github.bsoptions.exec.order.OrderStatus;
import io.github.bsoptions.exec.order.OrderUpdate;
import io.github.bsoptions.exec.order.Side;
import io.github.bsoptions.exec.spi.GateDecision;
import io.github.bsoptions.exec.spi.Outcome;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ExecutionEngineTest {
  @TempDir Path dir;
  Rig rig;

  @BeforeEach
  void setUp() {
    rig = new Rig(dir);
    rig.quote(C1, 1.00, 1.10, 100);
  }

  static OrderRequest buy(long qty) {
    return OrderRequest.market("draft", C1, Side.BUY, qty);
  }

  private List<EntryType> types() throws IOException {
    List<EntryType> out = new ArrayList<>();
    for (JournalRecord r : rig.journal.readAll()) {
      out.add(r.type());
    }
    return out;
  }

  @Test
  void intentIsJournalledBeforeSendAndFillsAfter() throws IOException {
    ExecutionEngine e = rig.start();
    Outcome o = e.submit("s1", buy(3));
    assertThat(o).isInstanceOf(Outcome.Confirmed.class);
    assertThat(o.clientOrderId()).startsWith("rig-s1-");
    assertThat(types()).startsWith(EntryType.HEADER, EntryType.INTENT).contains(EntryType.FILL);
    assertThat(e.positions()).containsEntry(C1, 3L);
    assertThat(e.order(o.clientOrderId()).state().status()).isEqualTo(OrderStatus.FILLED);
    assertThat(e.anomalies()).isEmpty();
  }

  @Test
  void gateDenialIsJournalledAndNothingSent() throws IOException {
    rig.gate =
        (s, r) ->
            r.qty() > 5 ? GateDecision.reject("size 6 > 5", "notional") : GateDecision.accept();
    ExecutionEngine e = rig.start();
    Outcome o = e.submit("s1", buy(6));
    assertThat(o)
        .isInstanceOfSatisfying(
            Outcome.Denied.class,
            d -> assertThat(d.reasons()).containsExactly("size 6 > 5", "notional"));
    assertThat(rig.a.submits + rig.b.submits).isZero();
    assertThat(types()).containsExactly(EntryType.HEADER, EntryType.DENIED);
  }

  @Test
  void lostResponseIsResolvedByQueryNeverByResend() {
    ExecutionEngine e = rig.start();
    rig.a.script.add(Fault.LOST_RESPONSE);
    Outcome o = e.submit("s1", buy(1));
    assertThat(o).isInstanceOf(Outcome.Unknown.class);
    assertThat(rig.b.submits).isZero(); // no fallback while unknown
    assertThat(e.resolveUnknowns()).isZero();
    assertThat(e.order(o.clientOrderId()).resolution()).isEqualTo(Resolution.CONFIRMED);
    assertThat(rig.a.submitted).containsExactly(o.clientOrderId());
    assertThat(rig.paperA.orderCount()).isEqualTo(1);
  }

  @Test
  void provenAbsenceLeadsToResendWithTheSameId() {
    ExecutionEngine e = rig.start();
    rig.a.script.add(Fault.TIMEOUT_BEFORE);
    Outcome o = e.submit("s1", buy(1));
    assertThat(o).isInstanceOf(Outcome.Unknown.class);
    assertThat(e.resolveUnknowns()).isEqualTo(1); // first "not found": wait
    assertThat(rig.a.submitted).isEmpty();
    assertThat(e.resolveUnknowns()).isZero(); // second: resend, same id
    assertThat(rig.a.submitted).containsExactly(o.clientOrderId());
    assertThat(e.order(o.clientOrderId()).resends()).isEqualTo(1);
    assertThat(e.positions()).containsEntry(C1, 1L);
  }

  @Test
  void brokerDownFallsBackAndJournalsTheRoute() throws IOException {
    ExecutionEngine e = rig.start();
    rig.a.script.add(Fault.DOWN);
    Outcome o = e.submit("s1", buy(2));
    assertThat(o)
        .isInstanceOfSatisfying(
            Outcome.Confirmed.class, c -> assertThat(c.broker()).isEqualTo("B"));
    assertThat(types()).containsSubsequence(EntryType.INTENT, EntryType.ROUTE, EntryType.ACK);
    assertThat(e.order(o.clientOrderId()).broker()).isEqualTo("B");
    assertThat(rig.paperA.orderCount()).isZero();
  }

  @Test
  void crashBetweenJournalWriteAndSend() {
    ExecutionEngine e = rig.start();
    rig.a.script.add(Fault.CRASH_BEFORE_SEND);
    assertThatThrownBy(() -> e.submit("s1", buy(1))).isInstanceOf(FaultyBroker.Crash.class);
    ExecutionEngine e2 = rig.restart();
    assertThat(e2.startupReconciliation().actions())
        .singleElement()
        .asString()
        .startsWith("abandoned");
    assertThat(e2.openOrders()).isEmpty();
    assertThat(rig.paperA.orderCount()).isZero();
    // ids continue after the journalled ones
    Outcome next = e2.submit("s1", buy(1));
    assertThat(next.clientOrderId()).isEqualTo("rig-s1-1");
  }

  @Test
  void crashAfterSendIsAdoptedWithItsFills() {
    ExecutionEngine e = rig.start();
    rig.a.script.add(Fault.CRASH_AFTER_SEND);
    rig.a.inner.subscribe(u -> {}); // the broker fills at once
    e.close(); // the fill event is lost with the process
    assertThatThrownBy(() -> e.submit("s1", buy(4))).isInstanceOf(FaultyBroker.Crash.class);
    ExecutionEngine e2 = rig.restart();
    assertThat(e2.startupReconciliation().actions())
        .anyMatch(s -> s.startsWith("journalled missed fill"))
        .anyMatch(s -> s.startsWith("adopted") || s.startsWith("updated"));
    assertThat(e2.positions()).isEqualTo(Map.of(C1, 4L));
    assertThat(rig.paperA.orderCount()).isEqualTo(1);
  }

  @Test
  void duplicateAndReorderedStreamEventsApplyOnce() {
    ExecutionEngine e = rig.start();
    List<OrderUpdate> seen = new ArrayList<>();
    rig.paperA.subscribe(seen::add);
    rig.quote(C1, 1.00, 1.10, 2); // partial fills by displayed size
    e.submit("s1", buy(5));
    rig.quote(C1, 1.00, 1.11, 2);
    rig.quote(C1, 1.00, 1.12, 2);
    assertThat(e.positions()).containsEntry(C1, 5L);
    String before = e.stateHash();
    Random rnd = new Random(7);
    List<OrderUpdate> again = new ArrayList<>();
    for (OrderUpdate u : seen) {
      for (int i = rnd.nextInt(3); i >= 0; i--) {
        again.add(u);
      }
    }
    Collections.shuffle(again, rnd);
    again.forEach(e::onUpdate);
    assertThat(e.positions()).containsEntry(C1, 5L);
    assertThat(e.stateHash()).isEqualTo(before);
  }

  /** J-2 on every journal store: the replay of what was stored equals the live state. */
  @ParameterizedTest
  @EnumSource(Kind.class)
  void replayIsSideEffectFreeAndIdentical(Kind kind) throws IOException {
    rig = new Rig(dir, kind);
    rig.quote(C1, 1.00, 1.10, 100);
    ExecutionEngine e = rig.start();
    for (int i = 0; i < 50; i++) {
      rig.a.script.add(i % 7 == 3 ? Fault.LOST_RESPONSE : Fault.NONE);
      e.submit(
          "s" + (i % 3),
          OrderRequest.limit(
              "d", C1, i % 2 == 0 ? Side.BUY : Side.SELL, 1 + i % 4, 1.05 + (i % 5) * 0.02));
      rig.quote(C1, 1.00 + (i % 3) * 0.03, 1.08 + (i % 4) * 0.02, 3);
    }
    e.resolveUnknowns();
    int calls = rig.a.calls + rig.b.calls;
    Ledger replayed = Ledger.replay(rig.journal.readAll());
    assertThat(rig.a.calls + rig.b.calls).isEqualTo(calls);
    assertThat(replayed.snapshot()).isEqualTo(e.stateSnapshot());
    assertThat(replayed.snapshotHash()).isEqualTo(e.stateHash());
    assertThat(replayed.anomalies()).isEmpty();
    // and a restart on the stored journal rebuilds the same state
    assertThat(rig.restart().stateHash()).isEqualTo(e.stateHash());
  }

  @Test
  void killSwitch() {
    ExecutionEngine e = rig.start();
    e.submit("s1", buy(3));
    Outcome resting = e.submit("s1", OrderRequest.limit("d", C1, Side.BUY, 1, 0.5));
    e.setKillSwitch(KillSwitch.REDUCING, "test");
    assertThat(e.submit("s1", buy(1))).isInstanceOf(Outcome.Denied.class);
    assertThat(e.submit("s1", OrderRequest.market("d", C1, Side.SELL, 1)))
        .isInstanceOf(Outcome.Confirmed.class);
    assertThat(e.submit("s1", OrderRequest.market("d", C1, Side.SELL, 3)))
        .isInstanceOf(Outcome.Denied.class);
    e.setKillSwitch(KillSwitch.HALTED, "test");
    assertThat(e.order(resting.clientOrderId()).state().status()).isEqualTo(OrderStatus.CANCELED);
    assertThat(e.submit("s1", OrderRequest.market("d", C1, Side.SELL, 1)))
        .isInstanceOf(Outcome.Denied.class);
    // the mode survives a restart
    assertThat(rig.restart().killSwitch()).isEqualTo(KillSwitch.HALTED);
  }

  @Test
  void orderNobodyIntendedTripsTheKillSwitch() {
    ExecutionEngine e = rig.start();
    rig.paperA.submit(OrderRequest.market("rogue-1", C1, Side.BUY, 1));
    assertThat(e.killSwitch()).isEqualTo(KillSwitch.HALTED);
    assertThat(e.alerts()).anyMatch(s -> s.contains("rogue-1"));
    assertThat(e.auditOrdersOut()).anyMatch(s -> s.startsWith("<external>"));
  }
}
