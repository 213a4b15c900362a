package io.github.bsoptions.exec.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OrderRequestTest {
  static final String CALL = "AAPL261016C00250000";
  static final String CALL2 = "AAPL261016C00260000";

  @Test
  void validationNamesFieldAndValue() {
    assertThatThrownBy(() -> OrderRequest.limit("c1", CALL, Side.BUY, 0, 1.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("qty")
        .hasMessageContaining("0");
    assertThatThrownBy(() -> OrderRequest.limit("c1", CALL, Side.BUY, 1, -2.5))
        .hasMessageContaining("limitPrice")
        .hasMessageContaining("-2.5");
    assertThatThrownBy(() -> OrderRequest.limit("c1", CALL, Side.BUY, 1, Double.NaN))
        .hasMessageContaining("limitPrice");
    assertThatThrownBy(() -> OrderRequest.market("c 1", CALL, Side.BUY, 1))
        .hasMessageContaining("clientOrderId")
        .hasMessageContaining("c 1");
    assertThatThrownBy(() -> OrderRequest.market("x".repeat(49), CALL, Side.BUY, 1))
        .hasMessageContaining("clientOrderId");
    assertThatThrownBy(() -> OrderRequest.market("c1", "aapl$", Side.BUY, 1))
        .hasMessageContaining("symbol")
        .hasMessageContaining("aapl$");
    assertThatThrownBy(() -> OrderRequest.stop("c1", CALL, Side.SELL, 1, 0))
        .hasMessageContaining("stopPrice");
    assertThatThrownBy(
            () ->
                new OrderRequest(
                    "c1",
                    CALL,
                    Side.BUY,
                    1,
                    OrderType.MARKET,
                    TimeInForce.DAY,
                    1.0,
                    Double.NaN,
                    null,
                    List.of()))
        .hasMessageContaining("limitPrice must be absent");
    assertThatThrownBy(
            () ->
                OrderRequest.market("c1", CALL, Side.BUY, 1)
                    .withIntent(PositionIntent.SELL_TO_OPEN))
        .hasMessageContaining("position_intent");
  }

  @Test
  void multiLegRules() {
    OrderRequest spread =
        OrderRequest.multiLeg(
            "c1",
            2,
            -0.45,
            List.of(
                new OrderLeg(CALL, Side.SELL, 1, PositionIntent.SELL_TO_OPEN),
                new OrderLeg(CALL2, Side.BUY, 1, PositionIntent.BUY_TO_OPEN)));
    assertThat(spread.isMultiLeg()).isTrue();
    assertThat(spread.isOption()).isTrue();
    assertThat(spread.label()).isEqualTo("-1" + CALL + "/+1" + CALL2);
    assertThatThrownBy(
            () -> OrderRequest.multiLeg("c1", 1, 1, List.of(OrderLeg.of(CALL, Side.BUY, 1))))
        .hasMessageContaining("legs must have 2 to 4 items, was 1");
    assertThatThrownBy(
            () ->
                OrderRequest.multiLeg(
                    "c1",
                    1,
                    1,
                    List.of(OrderLeg.of(CALL, Side.BUY, 1), OrderLeg.of(CALL, Side.SELL, 1))))
        .hasMessageContaining("repeat");
    assertThatThrownBy(() -> OrderLeg.of("AAPL", Side.BUY, 1)).hasMessageContaining("OCC");
    assertThatThrownBy(() -> OrderLeg.of(CALL, Side.BUY, 0)).hasMessageContaining("ratio");
  }

  /** O-5: 10^6 ids, no collisions, at most 48 characters of the allowed set, across strategies. */
  @Test
  void clientOrderIdsAreUniqueAndShort() {
    ClientOrderIds ids = new ClientOrderIds("j7Kq2", 0);
    Set<String> seen = new HashSet<>(2_200_000);
    String[] strategies = {"s1", "Strategy16Chars0"};
    for (int i = 0; i < 1_000_000; i++) {
      String id = ids.next(strategies[i & 1]);
      if (id.length() > OrderRequest.MAX_CLIENT_ORDER_ID || !seen.add(id)) {
        throw new AssertionError("collision or too long: " + id);
      }
    }
    assertThat(seen.iterator().next()).matches("[A-Za-z0-9-]+");
    // a restart re-seeded from the journal continues after the largest sequence
    long last = ids.sequenceOf(ids.next("s1"));
    ClientOrderIds restarted = new ClientOrderIds("j7Kq2", 0);
    restarted.advancePast(last);
    for (int i = 0; i < 1000; i++) {
      assertThat(seen.add(restarted.next("s1"))).isTrue();
    }
    assertThat(ids.sequenceOf("other-s1-1")).isEqualTo(-1);
    long maxSeq = Long.MAX_VALUE;
    assertThat(("j7Kq2-Strategy16Chars0-" + Long.toString(maxSeq, 36)).length())
        .isLessThanOrEqualTo(48);
  }
}
