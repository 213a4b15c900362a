package io.github.bsoptions.risk.sizing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.longs;

import io.github.bsoptions.risk.sizing.SizingResult.Constraint;
import org.junit.jupiter.api.Test;

class KellySizerTest {
  // PoP 60%, win 150 per contract, lose 100 (the premium), 100 of buying power per contract.
  private static final TradeProfile TRADE = TradeProfile.binary(0.6, 150, 100, 100);

  @Test
  void fullKellyInWholeContracts() {
    // f* = 0.6 - 0.4 / 1.5 = 0.3333; 0.3333 * 10,000 = 3,333 of risk -> 33 contracts.
    KellySizer sizer = new KellySizer(new SizingPolicy(1.0, 1.0, Double.POSITIVE_INFINITY, 1000));
    SizingResult r = sizer.size(10_000, 1e9, TRADE);
    assertThat(r.kellyFraction()).isCloseTo(1.0 / 3, within(1e-9));
    assertThat(r.contracts()).isEqualTo(33);
    assertThat(r.binding()).isEqualTo(Constraint.KELLY);
    assertThat(r.riskAmount()).isEqualTo(3300);
    assertThat(r.reasoning()).isNotEmpty();
  }

  @Test
  void halfKellyHalvesTheFraction() {
    KellySizer sizer = new KellySizer(new SizingPolicy(0.5, 1.0, Double.POSITIVE_INFINITY, 1000));
    SizingResult r = sizer.size(10_000, 1e9, TRADE);
    assertThat(r.appliedFraction()).isCloseTo(1.0 / 6, within(1e-9));
    assertThat(r.contracts()).isEqualTo(16);
  }

  @Test
  void eachCapBinds() {
    KellySizer byAccount =
        new KellySizer(new SizingPolicy(1, 0.05, Double.POSITIVE_INFINITY, 1000));
    SizingResult a = byAccount.size(10_000, 1e9, TRADE);
    assertThat(a.binding()).isEqualTo(Constraint.ACCOUNT_FRACTION);
    assertThat(a.contracts()).isEqualTo(5);

    KellySizer byLoss = new KellySizer(new SizingPolicy(1, 1, 250, 1000));
    SizingResult l = byLoss.size(10_000, 1e9, TRADE);
    assertThat(l.binding()).isEqualTo(Constraint.MAX_LOSS);
    assertThat(l.contracts()).isEqualTo(2);

    KellySizer plain = new KellySizer(new SizingPolicy(1, 1, Double.POSITIVE_INFINITY, 1000));
    SizingResult bp = plain.size(10_000, 750, TRADE);
    assertThat(bp.binding()).isEqualTo(Constraint.BUYING_POWER);
    assertThat(bp.contracts()).isEqualTo(7);

    KellySizer byCount = new KellySizer(new SizingPolicy(1, 1, Double.POSITIVE_INFINITY, 3));
    SizingResult c = byCount.size(10_000, 1e9, TRADE);
    assertThat(c.binding()).isEqualTo(Constraint.MAX_CONTRACTS);
    assertThat(c.contracts()).isEqualTo(3);
  }

  @Test
  void noEdgeAndTinyAccountsGiveZero() {
    KellySizer sizer = new KellySizer(SizingPolicy.DEFAULT);
    SizingResult none = sizer.size(10_000, 1e9, TradeProfile.binary(0.3, 100, 100, 100));
    assertThat(none.contracts()).isZero();
    assertThat(none.binding()).isEqualTo(Constraint.NO_EDGE);
    KellySizer full = new KellySizer(new SizingPolicy(1, 1, Double.POSITIVE_INFINITY, 1000));
    SizingResult tiny = full.size(200, 1e9, TRADE);
    assertThat(tiny.contracts()).isZero();
    assertThat(tiny.binding()).isEqualTo(Constraint.ROUNDING);
  }

  @Test
  void payoffDistributionProfile() {
    // Long call bought at 2.00 (x100): expiry P&L per contract in four price buckets.
    TradeProfile p =
        TradeProfile.fromPnl(
            new double[] {0.5, 0.2, 0.2, 0.1}, new double[] {-200, -100, 200, 800}, 200);
    assertThat(p.maxLossPerContract()).isEqualTo(200);
    assertThat(p.expectedPnl()).isCloseTo(-100 - 20 + 40 + 80, within(1e-9));
    SizingResult r =
        new KellySizer(new SizingPolicy(1, 1, Double.POSITIVE_INFINITY, 1000))
            .size(100_000, 1e9, p);
    double f = KellyCriterion.discrete(p.outcomes());
    assertThat(r.contracts()).isEqualTo((long) Math.floor(f * 100_000 / 200));
  }

  @Test
  void continuousSizingInShares() {
    KellySizer sizer = new KellySizer(new SizingPolicy(0.5, 1, Double.POSITIVE_INFINITY, 10_000));
    // f* = (0.10 - 0.02) / 0.04 = 2, half = 1, capped at account fraction 1 -> 100,000 / 50.
    SizingResult r = sizer.sizeContinuous(100_000, 1e9, 0.10, 0.02, 0.20, 50);
    assertThat(r.kellyFraction()).isCloseTo(2, within(1e-12));
    assertThat(r.contracts()).isEqualTo(2000);
  }

  @Test
  void resultNeverExceedsAnyCap() {
    qt().withFixedSeed(11L)
        .withExamples(500)
        .forAll(
            doubles().between(1_000, 1_000_000),
            doubles().between(0, 50_000),
            doubles().between(0.01, 1),
            longs().between(0, 200))
        .checkAssert(
            (account, bp, cap, maxContracts) -> {
              SizingPolicy policy = new SizingPolicy(0.5, cap, 2_000, maxContracts);
              SizingResult r = new KellySizer(policy).size(account, bp, TRADE);
              assertThat(r.contracts()).isBetween(0L, maxContracts);
              assertThat(r.riskAmount()).isLessThanOrEqualTo(Math.min(2_000, cap * account) + 1e-6);
              assertThat(r.contracts() * TRADE.costPerContract()).isLessThanOrEqualTo(bp + 1e-6);
            });
  }

  @Test
  void badAccountValuesAreRefused() {
    KellySizer sizer = new KellySizer(SizingPolicy.DEFAULT);
    assertThatThrownBy(() -> sizer.size(Double.NaN, 1, TRADE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("accountValue");
    assertThatThrownBy(() -> sizer.size(-5, 1, TRADE)).hasMessageContaining("accountValue");
    assertThatThrownBy(() -> sizer.size(5, -1, TRADE)).hasMessageContaining("buyingPower");
    assertThatThrownBy(() -> new SizingPolicy(0, 0.1, 1, 1))
        .hasMessageContaining("kellyMultiplier");
    assertThatThrownBy(() -> TradeProfile.fromPnl(new double[] {1}, new double[] {5}, 1))
        .hasMessageContaining("no losing outcome");
  }
}
