package io.github.bsoptions.risk.sizing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;

import java.util.List;
import org.junit.jupiter.api.Test;

class KellyCriterionTest {

  @Test
  void binaryClosedForm() {
    // Even-money bet won 60% of the time: f = p - q = 0.2.
    assertThat(KellyCriterion.binary(0.6, 1, 1)).isCloseTo(0.2, within(1e-15));
    // 2:1 payout, 40%: f = 0.4 - 0.6 / 2 = 0.1.
    assertThat(KellyCriterion.binary(0.4, 2, 1)).isCloseTo(0.1, within(1e-15));
    // Partial loss a = 0.5, b = 0.5, p = 0.6: f = p/a - q/b = 1.2 - 0.8 = 0.4.
    assertThat(KellyCriterion.binary(0.6, 0.5, 0.5)).isCloseTo(0.4, within(1e-15));
    // No edge.
    assertThat(KellyCriterion.binary(0.3, 1, 1)).isZero();
  }

  @Test
  void discreteMatchesTheBinaryClosedForm() {
    qt().withFixedSeed(7L)
        .withExamples(300)
        .forAll(
            doubles().between(0.05, 0.95), doubles().between(0.1, 5), doubles().between(0.1, 1.0))
        .checkAssert(
            (p, b, a) -> {
              double closed = KellyCriterion.binary(p, b, a);
              double numeric =
                  KellyCriterion.discrete(List.of(new Outcome(p, b), new Outcome(1 - p, -a)));
              assertThat(numeric).isCloseTo(closed, within(1e-9));
            });
  }

  @Test
  void discreteMaximizesTheGrowthRateByBruteForce() {
    // A long call's P&L per unit of premium: lose it all, lose half, double, quintuple.
    List<Outcome> outcomes =
        List.of(
            new Outcome(0.45, -1.0),
            new Outcome(0.25, -0.5),
            new Outcome(0.2, 1.0),
            new Outcome(0.1, 4.0));
    double f = KellyCriterion.discrete(outcomes);
    double best = 0;
    double bestG = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < 1_000_000; i++) {
      double x = i / 1_000_000.0;
      double g = KellyCriterion.growthRate(outcomes, x);
      if (g > bestG) {
        bestG = g;
        best = x;
      }
    }
    assertThat(f).isCloseTo(best, within(2e-6));
    assertThat(KellyCriterion.growthRate(outcomes, f)).isGreaterThanOrEqualTo(bestG - 1e-12);
  }

  @Test
  void discreteIsZeroWithoutEdgeAndUnboundedWithoutLoss() {
    assertThat(KellyCriterion.discrete(List.of(new Outcome(0.5, 1), new Outcome(0.5, -1))))
        .isZero();
    assertThat(KellyCriterion.discrete(List.of(new Outcome(0.5, 1), new Outcome(0.5, 0))))
        .isInfinite();
    assertThatThrownBy(
            () -> KellyCriterion.discrete(List.of(new Outcome(0.5, 1), new Outcome(0.4, -1))))
        .hasMessageContaining("sum to 1");
    assertThatThrownBy(() -> new Outcome(0.5, -1.5)).hasMessageContaining("returnPerUnit");
  }

  @Test
  void continuousClosedForm() {
    // mu 10%, r 2%, sigma 20%: f = 0.08 / 0.04 = 2 (leverage 2).
    assertThat(KellyCriterion.continuous(0.10, 0.02, 0.20)).isCloseTo(2.0, within(1e-12));
    assertThat(KellyCriterion.continuous(0.01, 0.02, 0.20)).isZero();
  }

  @Test
  void multiAssetSolvesSigmaInverseTimesExcessReturn() {
    double[][] cov = {{0.04, 0.006}, {0.006, 0.09}};
    double[] mu = {0.10, 0.12};
    KellyCriterion.MultiAssetKelly k = KellyCriterion.multiAsset(mu, 0.02, cov);
    double det = 0.04 * 0.09 - 0.006 * 0.006;
    double f1 = (0.09 * 0.08 - 0.006 * 0.10) / det;
    double f2 = (-0.006 * 0.08 + 0.04 * 0.10) / det;
    assertThat(k.weights()[0]).isCloseTo(f1, within(1e-9));
    assertThat(k.weights()[1]).isCloseTo(f2, within(1e-9));
    assertThat(k.regularized()).isFalse();
  }

  @Test
  void singularCovarianceIsRegularizedAndSaysSo() {
    double[][] cov = {{0.04, 0.04}, {0.04, 0.04}};
    KellyCriterion.MultiAssetKelly k = KellyCriterion.multiAsset(new double[] {0.1, 0.1}, 0, cov);
    assertThat(k.regularized()).isTrue();
    assertThat(k.ridge()).isPositive();
    // Two copies of one asset: the total weight is the single-asset Kelly 0.1 / 0.04 = 2.5.
    assertThat(k.weights()[0]).isCloseTo(k.weights()[1], within(1e-5));
    assertThat(k.weights()[0] + k.weights()[1]).isCloseTo(2.5, within(1e-6));
    assertThatThrownBy(
            () ->
                KellyCriterion.multiAsset(
                    new double[] {0.1, 0.1}, 0, new double[][] {{0.04, 0.1}, {0.1, 0.04}}))
        .hasMessageContaining("not positive definite");
  }
}
