package io.github.bsoptions.exec.algo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.bsoptions.data.model.Quote;
import io.github.bsoptions.exec.engine.ExecutionEngine;
import io.github.bsoptions.exec.journal.Journal;
import io.github.bsoptions.exec.order.Side;
import io.github.bsoptions.exec.paper.FillModel;
import io.github.bsoptions.exec.paper.PaperBroker;
import io.github.bsoptions.exec.routing.SmartOrderRouter;
import io.github.bsoptions.exec.spi.PreTradeGate;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlgoTest {
  static final String C1 = "SPY261016C00640000";
  static final Instant T0 = Instant.parse("2026-10-01T14:30:00Z");
  @TempDir Path dir;

  @Test
  void twapScheduleSumsAndSpaces() {
    List<Schedules.Slice> s = Schedules.twap(10, T0, Duration.ofMinutes(30), 4);
    assertThat(s).extracting(Schedules.Slice::qty).containsExactly(3L, 3L, 2L, 2L);
    assertThat(s)
        .extracting(Schedules.Slice::at)
        .containsExactly(T0, T0.plusSeconds(450), T0.plusSeconds(900), T0.plusSeconds(1350));
    assertThatThrownBy(() -> Schedules.twap(3, T0, Duration.ofMinutes(1), 4))
        .hasMessageContaining("slices");
  }

  @Test
  void limitWalkGoesFromMidToNatural() {
    assertThat(Schedules.limitWalk(Side.BUY, 1.00, 1.10, 2, 0.01))
        .containsExactly(1.05, 1.07, 1.10);
    assertThat(Schedules.limitWalk(Side.SELL, 1.00, 1.10, 2, 0.01))
        .containsExactly(1.05, 1.03, 1.00);
    assertThat(Schedules.limitWalk(Side.BUY, 2.00, 2.05, 3, 0.05))
        .containsExactly(2.0, 2.0, 2.0, 2.05);
  }

  @Test
  void twapWithWalkFillsAndReportsSlippage() {
    AlgoReport a = run();
    assertThat(a.filledQty()).isEqualTo(12);
    assertThat(a.childOrders()).isGreaterThanOrEqualTo(4);
    assertThat(a.arrivalMid()).isEqualTo(1.05);
    // the ask never exceeds 1.10 + drift, so the cost stays within half a spread plus drift
    assertThat(a.slippage()).isBetween(-0.05, 0.05 + 0.02);
    assertThat(a.slippageBps()).isEqualTo(a.slippage() / 1.05 * 1e4);
    assertThat(run()).isEqualTo(a); // deterministic
  }

  private AlgoReport run() {
    SimulatedClock clock = new SimulatedClock(T0);
    PaperBroker paper =
        new PaperBroker("paper", null, FillModel.DEFAULT, clock, Double.POSITIVE_INFINITY);
    int[] n = {0};
    paper.onQuote(new Quote(C1, 1.00, 1.10, 3, 3, T0));
    Journal j =
        Journal.open(dir.resolve("algo" + System.nanoTime()), Journal.Durability.NONE, "algo");
    ExecutionEngine e =
        ExecutionEngine.start(
            j, SmartOrderRouter.single(paper, clock), PreTradeGate.ACCEPT_ALL, Instant.EPOCH, 2);
    // market: every step a new quote; every third step a seller crosses down to the mid
    AlgoRunner r =
        new AlgoRunner(
            e,
            paper::quote,
            clock,
            t -> {
              n[0]++;
              double drift = (n[0] % 5) * 0.005;
              double ask = n[0] % 3 == 0 ? 1.05 : 1.10 + drift;
              paper.onQuote(new Quote(C1, 1.00 + drift, ask, 3, 3, t));
            });
    AlgoReport rep = r.twapWithWalk("algo", C1, Side.BUY, 12, Duration.ofMinutes(20), 4, 3, 0.01);
    e.close();
    j.close();
    return rep;
  }
}
