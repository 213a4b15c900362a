package io.github.bsoptions.exec.order;

import static io.github.bsoptions.exec.order.OrderStatus.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OrderStateTest {

  /** The reference transition table, written out independently of {@link OrderStatus#next()}. */
  private static final Set<String> LEGAL =
      Set.of(
          "PENDING_NEW>ACCEPTED",
          "PENDING_NEW>NEW",
          "PENDING_NEW>REJECTED",
          "PENDING_NEW>CANCELED",
          "PENDING_NEW>EXPIRED",
          "PENDING_NEW>PENDING_CANCEL",
          "ACCEPTED>NEW",
          "ACCEPTED>REJECTED",
          "ACCEPTED>CANCELED",
          "ACCEPTED>EXPIRED",
          "ACCEPTED>PENDING_CANCEL",
          "NEW>PENDING_CANCEL",
          "NEW>PENDING_REPLACE",
          "NEW>CANCELED",
          "NEW>EXPIRED",
          "NEW>DONE_FOR_DAY",
          "NEW>REPLACED",
          "PARTIALLY_FILLED>PENDING_CANCEL",
          "PARTIALLY_FILLED>PENDING_REPLACE",
          "PARTIALLY_FILLED>CANCELED",
          "PARTIALLY_FILLED>EXPIRED",
          "PARTIALLY_FILLED>DONE_FOR_DAY",
          "PARTIALLY_FILLED>REPLACED",
          "DONE_FOR_DAY>NEW",
          "DONE_FOR_DAY>PARTIALLY_FILLED",
          "DONE_FOR_DAY>CANCELED",
          "DONE_FOR_DAY>EXPIRED",
          "DONE_FOR_DAY>PENDING_CANCEL",
          "PENDING_CANCEL>CANCELED",
          "PENDING_CANCEL>EXPIRED",
          "PENDING_CANCEL>NEW",
          "PENDING_CANCEL>PARTIALLY_FILLED",
          "PENDING_REPLACE>REPLACED",
          "PENDING_REPLACE>NEW",
          "PENDING_REPLACE>PARTIALLY_FILLED",
          "PENDING_REPLACE>CANCELED",
          "PENDING_REPLACE>EXPIRED",
          "PENDING_REPLACE>PENDING_CANCEL");

  @Test
  void typicalLifecycle() {
    OrderState s = OrderState.pendingNew("c1", 10).transition(ACCEPTED).transition(NEW);
    s = s.fill(4, 1.0);
    assertThat(s.status()).isEqualTo(PARTIALLY_FILLED);
    s = s.fill(6, 2.0);
    assertThat(s.status()).isEqualTo(FILLED);
    assertThat(s.avgFillPrice()).isEqualTo(1.6);
    assertThat(s.leavesQty()).isZero();
  }

  @Test
  void illegalTransitionsAreRefused() {
    OrderState filled = OrderState.pendingNew("c1", 1).fill(1, 1);
    assertThatThrownBy(() -> filled.transition(CANCELED))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessageContaining("FILLED -> CANCELED");
    assertThatThrownBy(() -> filled.fill(1, 1)).isInstanceOf(IllegalTransitionException.class);
    OrderState rejected = OrderState.pendingNew("c2", 1).transition(REJECTED);
    assertThatThrownBy(() -> rejected.transition(NEW))
        .isInstanceOf(IllegalTransitionException.class);
    assertThatThrownBy(() -> rejected.fill(1, 1)).isInstanceOf(IllegalTransitionException.class);
    assertThatThrownBy(() -> OrderState.pendingNew("c3", 5).transition(FILLED))
        .isInstanceOf(IllegalTransitionException.class);
    assertThatThrownBy(() -> OrderState.pendingNew("c4", 5).fill(6, 1))
        .hasMessageContaining("overfill");
  }

  @Test
  void legalRacesAreAccepted() {
    // fill before the acknowledgement
    assertThat(OrderState.pendingNew("a", 2).fill(2, 1).status()).isEqualTo(FILLED);
    // fill while a cancel is pending, then the cancel confirmation
    OrderState s = OrderState.pendingNew("b", 3).transition(NEW).transition(PENDING_CANCEL);
    s = s.fill(1, 1);
    assertThat(s.status()).isEqualTo(PENDING_CANCEL);
    assertThat(s.transition(CANCELED).filledQty()).isEqualTo(1);
    // fill arriving after the cancel on the stream: applied, status stays CANCELED
    OrderState c = OrderState.pendingNew("c", 3).transition(NEW).transition(CANCELED).fill(2, 1);
    assertThat(c.status()).isEqualTo(CANCELED);
    assertThat(c.filledQty()).isEqualTo(2);
    // failed cancel returns to working
    assertThat(
            OrderState.pendingNew("d", 3)
                .transition(NEW)
                .transition(PENDING_CANCEL)
                .transition(NEW)
                .status())
        .isEqualTo(NEW);
    // duplicate events change nothing
    OrderState n = OrderState.pendingNew("e", 3).transition(NEW);
    assertThat(n.transition(NEW)).isEqualTo(n);
  }

  /** S-1: random event chains against the reference table; 1,000 chains, fixed seed. */
  @Test
  void matchesReferenceModel() {
    OrderStatus[] all = OrderStatus.values();
    qt().withFixedSeed(20261202L)
        .withExamples(1000)
        .forAll(lists().of(integers().between(0, all.length + 2)).ofSizeBetween(1, 25))
        .checkAssert(
            actions -> {
              long qty = 5;
              OrderState s = OrderState.pendingNew("m", qty);
              OrderStatus modelStatus = PENDING_NEW;
              long modelFilled = 0;
              for (int a : actions) {
                if (a >= all.length) { // a fill of 1..3
                  long q = a - all.length + 1;
                  boolean legal =
                      modelStatus != REJECTED
                          && modelStatus != REPLACED
                          && modelStatus != FILLED
                          && modelFilled + q <= qty;
                  if (legal) {
                    modelFilled += q;
                    if (modelStatus == CANCELED
                        || modelStatus == EXPIRED
                        || ((modelStatus == PENDING_CANCEL || modelStatus == PENDING_REPLACE)
                            && modelFilled < qty)) {
                      // status unchanged
                    } else {
                      modelStatus = modelFilled == qty ? FILLED : PARTIALLY_FILLED;
                    }
                    s = s.fill(q, 1.0);
                  } else {
                    OrderState before = s;
                    assertThatThrownBy(() -> before.fill(q, 1.0))
                        .isInstanceOf(IllegalTransitionException.class);
                  }
                } else {
                  OrderStatus to = all[a];
                  boolean legal;
                  if (to == modelStatus) {
                    legal = true;
                  } else if (to == FILLED || to == PARTIALLY_FILLED) {
                    legal =
                        !isTerminal(modelStatus)
                            && (to == FILLED
                                ? modelFilled == qty
                                : modelFilled > 0 && modelFilled < qty);
                  } else {
                    legal = LEGAL.contains(modelStatus + ">" + to);
                  }
                  if (legal) {
                    modelStatus = to;
                    s = s.transition(to);
                  } else {
                    OrderState before = s;
                    assertThatThrownBy(() -> before.transition(to))
                        .isInstanceOf(IllegalTransitionException.class);
                  }
                }
                assertThat(s.status()).isEqualTo(modelStatus);
                assertThat(s.filledQty()).isEqualTo(modelFilled);
              }
            });
  }

  private static boolean isTerminal(OrderStatus s) {
    return List.of(FILLED, CANCELED, EXPIRED, REJECTED, REPLACED).contains(s);
  }
}
