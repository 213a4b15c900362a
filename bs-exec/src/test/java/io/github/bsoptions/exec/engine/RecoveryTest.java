package io.github.bsoptions.exec.engine;

import static io.github.bsoptions.exec.engine.Rig.C1;
import static io.github.bsoptions.exec.engine.Rig.C2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.bsoptions.exec.journal.JournalBackend.Kind;
import io.github.bsoptions.exec.journal.JournalCorruptedException;
import io.github.bsoptions.exec.order.OrderLeg;
import io.github.bsoptions.exec.order.OrderRequest;
import io.github.bsoptions.exec.order.OrderStatus;
import io.github.bsoptions.exec.order.Side;
import io.github.bsoptions.exec.spi.Outcome;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** J-4: startup reconciliation scenarios, on each journal store (file, H2, PostgreSQL). */
class RecoveryTest {
  @TempDir Path dir;
  Rig rig;

  void setUp(Kind kind) {
    rig = new Rig(dir, kind);
    rig.quote(C1, 1.00, 1.10, 100);
    rig.quote(C2, 2.00, 2.10, 100);
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void missedFillsWhileDownAreJournalled(Kind kind) {
    setUp(kind);
    ExecutionEngine e = rig.start();
    Outcome o = e.submit("s1", OrderRequest.limit("d", C1, Side.BUY, 5, 1.05));
    rig.crash();
    rig.quote(C1, 1.00, 1.04, 3); // partial fill while the engine is down
    ExecutionEngine e2 = rig.restart();
    assertThat(e2.positions()).isEqualTo(Map.of(C1, 3L));
    assertThat(e2.order(o.clientOrderId()).state().status())
        .isEqualTo(OrderStatus.PARTIALLY_FILLED);
    assertThat(e2.startupReconciliation().actions()).anyMatch(s -> s.contains("missed fill"));
  }

  /**
   * Group commit: the acknowledgement and fill of the last order are deferred; a kill before they
   * are committed leaves a durable intent only. Recovery looks the order up by client order id
   * (adopts it, sends nothing) and journals the fill from the broker, once.
   */
  @ParameterizedTest
  @EnumSource(Kind.class)
  void ackAndFillLostBeforeFlushAreRecoveredFromTheBroker(Kind kind) {
    setUp(kind);
    ExecutionEngine e = rig.start();
    Outcome o = e.submit("s1", OrderRequest.market("d", C1, Side.BUY, 2));
    assertThat(o).isInstanceOf(Outcome.Confirmed.class);
    assertThat(e.positions()).isEqualTo(Map.of(C1, 2L));
    String cid = o.clientOrderId();
    rig.crash();
    if (kind != Kind.FILE) {
      // the kill lost the deferred records: the journal ends with the intent
      var peek = rig.backend.open("rig");
      var left = peek.recovered();
      rig.backend.crash(peek);
      assertThat(left.get(left.size() - 1).type())
          .isEqualTo(io.github.bsoptions.exec.journal.EntryType.INTENT);
    }
    ExecutionEngine e2 = rig.restart();
    assertThat(e2.positions()).isEqualTo(Map.of(C1, 2L));
    assertThat(e2.order(cid).state().status()).isEqualTo(OrderStatus.FILLED);
    assertThat(rig.paperA.orders(false)).hasSize(1);
    if (kind != Kind.FILE) {
      assertThat(e2.startupReconciliation().actions())
          .anyMatch(s -> s.contains("journalled missed fill"))
          .anyMatch(s -> s.contains(cid + " -> FILLED"));
    }
    // what recovery wrote is durable: the next start has nothing to do
    assertThat(rig.restart().startupReconciliation().actions()).isEmpty();
    assertThat(rig.engine.positions()).isEqualTo(Map.of(C1, 2L));
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void partialThenCanceledWhileDown(Kind kind) {
    setUp(kind);
    ExecutionEngine e = rig.start();
    Outcome o = e.submit("s1", OrderRequest.limit("d", C1, Side.BUY, 5, 1.05));
    String bid = ((Outcome.Confirmed) o).order().brokerOrderId();
    rig.crash();
    rig.quote(C1, 1.00, 1.04, 2);
    rig.paperA.cancel(bid);
    ExecutionEngine e2 = rig.restart();
    assertThat(e2.order(o.clientOrderId()).state().status()).isEqualTo(OrderStatus.CANCELED);
    assertThat(e2.order(o.clientOrderId()).state().filledQty()).isEqualTo(2);
    assertThat(e2.positions()).isEqualTo(Map.of(C1, 2L));
    assertThat(e2.openOrders()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void shortSideFlipReconciles(Kind kind) {
    setUp(kind);
    ExecutionEngine e = rig.start();
    e.submit("s1", OrderRequest.market("d", C2, Side.SELL, 2));
    e.submit("s1", OrderRequest.limit("d", C2, Side.BUY, 5, 2.05));
    rig.crash();
    rig.quote(C2, 2.00, 2.02, 100);
    ExecutionEngine e2 = rig.restart();
    assertThat(e2.positions()).isEqualTo(Map.of(C2, 3L));
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void externalOrderRefusesStart(Kind kind) {
    setUp(kind);
    rig.start();
    rig.crash();
    rig.paperA.submit(OrderRequest.limit("ext-1", C1, Side.BUY, 1, 0.5));
    assertThatThrownBy(rig::restart)
        .isInstanceOf(RecoveryException.class)
        .hasMessageContaining("external open order at A: ext-1");
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void positionMismatchRefusesStart(Kind kind) {
    setUp(kind);
    rig.start().submit("s1", OrderRequest.market("d", C1, Side.BUY, 2));
    rig.crash();
    rig.paperA.submit(OrderRequest.market("ext-2", C1, Side.BUY, 1)); // fills at once
    assertThatThrownBy(rig::restart)
        .isInstanceOf(RecoveryException.class)
        .hasMessageContaining("external fill")
        .hasMessageContaining("position " + C1 + ": journal 2, broker 3");
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void missingPositionReportIsNeverFlat(Kind kind) {
    setUp(kind);
    rig.start().submit("s1", OrderRequest.market("d", C1, Side.BUY, 2));
    rig.crash();
    rig.a.hidePositions = true;
    assertThatThrownBy(rig::restart)
        .isInstanceOf(RecoveryException.class)
        .hasMessageContaining("missing position report for " + C1 + " (journal holds 2)");
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void unreachableBrokerRefusesStart(Kind kind) {
    setUp(kind);
    rig.start().submit("s1", OrderRequest.limit("d", C1, Side.BUY, 2, 0.5));
    rig.crash();
    rig.a.queriesFail = true;
    assertThatThrownBy(rig::restart)
        .isInstanceOf(RecoveryException.class)
        .hasMessageContaining("cannot");
    rig.a.queriesFail = false;
    assertThat(rig.restart().openOrders()).hasSize(1);
  }

  /** J-3: a damaged journal stops the engine before it trades, naming the problem. */
  @ParameterizedTest
  @EnumSource(Kind.class)
  void damagedJournalRefusesStart(Kind kind) {
    setUp(kind);
    ExecutionEngine e = rig.start();
    e.submit("s1", OrderRequest.limit("d", C1, Side.BUY, 2, 0.5));
    // the second intent is durable and carries the first order's deferred acknowledgement with it
    e.submit("s1", OrderRequest.limit("d", C1, Side.BUY, 2, 0.5));
    rig.crash();
    rig.backend.delete(1);
    assertThatThrownBy(rig::restart)
        .isInstanceOf(JournalCorruptedException.class)
        .hasMessageContaining("sequence 2, expected 1");
    assertThat(rig.engine).isNull();
  }

  /** The same for multi-leg orders, per leg: history under other ids is not counted twice. */
  @ParameterizedTest
  @EnumSource(Kind.class)
  void multiLegHistoryUnderOtherIdsIsNotCountedTwice(Kind kind) {
    setUp(kind);
    ExecutionEngine e = rig.start();
    List<OrderLeg> legs = List.of(OrderLeg.of(C1, Side.BUY, 1), OrderLeg.of(C2, Side.SELL, 2));
    Outcome filled = e.submit("s1", OrderRequest.multiLeg("d", 2, 0.0, legs)); // net -2.9: fills
    Outcome resting = e.submit("s1", OrderRequest.multiLeg("d", 5, -3.5, legs));
    assertThat(e.order(filled.clientOrderId()).state().status()).isEqualTo(OrderStatus.FILLED);
    assertThat(e.order(resting.clientOrderId()).state().filledQty()).isZero();
    rig.crash();
    rig.quote(C2, 2.40, 2.50, 6); // 3 units of the resting spread fill while down
    rig.a.renameHistoryIds = true;
    ExecutionEngine e2 = rig.restart();
    assertThat(e2.positions()).isEqualTo(Map.of(C1, 5L, C2, -10L));
    assertThat(e2.order(resting.clientOrderId()).state().filledQty()).isEqualTo(3);
    assertThat(e2.startupReconciliation().actions())
        .anyMatch(s -> s.contains("already journalled under another execution id"));
    assertThat(rig.restart().positions()).isEqualTo(Map.of(C1, 5L, C2, -10L));
  }

  /**
   * Fills already journalled from the stream, listed by the broker's history under other execution
   * ids, are not counted twice; a fill missed while down still is.
   */
  @ParameterizedTest
  @EnumSource(Kind.class)
  void historyUnderOtherIdsIsNotCountedTwice(Kind kind) {
    setUp(kind);
    ExecutionEngine e = rig.start();
    e.submit("s1", OrderRequest.market("d", C1, Side.BUY, 2)); // filled, journalled from the stream
    Outcome resting = e.submit("s1", OrderRequest.limit("d", C1, Side.BUY, 5, 1.05));
    rig.crash();
    rig.quote(C1, 1.00, 1.04, 3); // 3 of the resting order fill while down
    rig.a.renameHistoryIds = true;
    ExecutionEngine e2 = rig.restart();
    assertThat(e2.positions()).isEqualTo(Map.of(C1, 5L));
    assertThat(e2.order(resting.clientOrderId()).state().filledQty()).isEqualTo(3);
    assertThat(e2.startupReconciliation().actions())
        .anyMatch(s -> s.contains("already journalled under another execution id"))
        .anyMatch(s -> s.contains("journalled missed fill history-"));
    // and the next start is clean too
    assertThat(rig.restart().positions()).isEqualTo(Map.of(C1, 5L));
  }
}
