package io.github.bsoptions.signals.pop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;

import io.github.bsoptions.pricing.formula.BlackScholesFormulas;
import io.github.bsoptions.pricing.formula.NormalDistribution;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ProbabilityOfProfitTest {

  @Test
  void longCall_matchesClosedForm() {
    double s = 100;
    double k = 105;
    double prem = 2;
    double t = 0.25;
    double mu = 0.05;
    double v = 0.2;
    double d = (Math.log(s / (k + prem)) + (mu - 0.5 * v * v) * t) / (v * Math.sqrt(t));
    assertThat(ProbabilityOfProfit.longCall(s, k, prem, t, mu, v))
        .isCloseTo(NormalDistribution.cdf(d), within(1e-13));
    PopResult r = ProbabilityOfProfit.analyze(List.of(PayoffLeg.call(k, 1, prem)), s, t, mu, v);
    assertThat(r.probabilityOfProfit()).isCloseTo(NormalDistribution.cdf(d), within(1e-14));
    assertThat(r.breakevens()).containsExactly(107.0);
    assertThat(r.maxLoss()).isEqualTo(2.0);
    assertThat(r.maxProfit()).isInfinite();
  }

  @Test
  void expectedProfit_underRiskNeutralMeasure_isZeroForFairPremium() {
    qt().withFixedSeed(17L)
        .withExamples(200)
        .forAll(
            doubles().between(60, 160), doubles().between(0.05, 2.0), doubles().between(0.1, 0.8))
        .checkAssert(
            (k, t, v) -> {
              double r = 0.03;
              double c = BlackScholesFormulas.price(true, 100, k, t, r, 0, v);
              double p = BlackScholesFormulas.price(false, 100, k, t, r, 0, v);
              // Forward value of the premium paid makes the expected profit zero.
              List<PayoffLeg> legs =
                  List.of(
                      PayoffLeg.call(k, 1, c * Math.exp(r * t)),
                      PayoffLeg.put(k, -1, p * Math.exp(r * t)));
              PopResult res = ProbabilityOfProfit.analyze(legs, 100, t, r, v);
              assertThat(res.expectedProfit()).isCloseTo(0, within(1e-9 * (1 + c + p)));
            });
  }

  @Test
  void ironCondor_matchesMonteCarlo() {
    List<PayoffLeg> legs =
        List.of(
            PayoffLeg.put(85, 1, 0.40),
            PayoffLeg.put(92, -1, 1.30),
            PayoffLeg.call(108, -1, 1.10),
            PayoffLeg.call(115, 1, 0.30));
    double s = 100;
    double t = 0.1;
    double mu = 0.02;
    double v = 0.25;
    PopResult exact = ProbabilityOfProfit.analyze(legs, s, t, mu, v);
    SplittableRandom rng = new SplittableRandom(99);
    int n = 400_000;
    int wins = 0;
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double st = s * Math.exp((mu - 0.5 * v * v) * t + v * Math.sqrt(t) * rng.nextGaussian());
      double p = 0;
      for (PayoffLeg l : legs) {
        p += l.profitAt(st);
      }
      wins += p > 0 ? 1 : 0;
      sum += p;
    }
    double mcPop = (double) wins / n;
    double se = Math.sqrt(mcPop * (1 - mcPop) / n);
    assertThat(exact.probabilityOfProfit()).isCloseTo(mcPop, within(4 * se));
    assertThat(exact.expectedProfit()).isCloseTo(sum / n, within(0.01));
    assertThat(exact.breakevens()).hasSize(2);
    assertThat(exact.breakevens()[0]).isCloseTo(92 - 1.7, within(1e-12));
    assertThat(exact.breakevens()[1]).isCloseTo(108 + 1.7, within(1e-12));
    assertThat(exact.maxProfit()).isCloseTo(1.7, within(1e-12));
    assertThat(exact.maxLoss()).isCloseTo(7 - 1.7, within(1e-12));
  }

  @Test
  void probabilityOfTouching_matchesFineMonteCarlo_andReflectionRule() {
    double s = 100;
    double h = 110;
    double t = 0.25;
    double v = 0.3;
    double exact = ProbabilityOfProfit.probabilityOfTouching(s, h, t, 0, v);
    // Zero drift in log space: touching is twice the probability of ending above.
    double nu = -0.5 * v * v;
    double twice =
        NormalDistribution.cdf((Math.log(s / h) + nu * t) / (v * Math.sqrt(t)))
            + Math.exp(2 * nu * Math.log(h / s) / (v * v))
                * NormalDistribution.cdf((Math.log(s / h) - nu * t) / (v * Math.sqrt(t)));
    assertThat(exact).isCloseTo(twice, within(1e-15));
    SplittableRandom rng = new SplittableRandom(3);
    int paths = 20_000;
    int steps = 2_000;
    double dt = t / steps;
    int hits = 0;
    for (int p = 0; p < paths; p++) {
      double x = Math.log(s);
      double b = Math.log(h);
      for (int i = 0; i < steps; i++) {
        x += nu * dt + v * Math.sqrt(dt) * rng.nextGaussian();
        if (x >= b) {
          hits++;
          break;
        }
      }
    }
    // Discrete monitoring misses some touches: MC is a little below the continuous value.
    double mc = (double) hits / paths;
    assertThat(mc).isLessThan(exact + 0.01).isGreaterThan(exact - 0.04);
    assertThat(ProbabilityOfProfit.probabilityOfTouching(s, 90, t, 0, v)).isBetween(0.2, 0.8);
  }

  @Test
  void shortPut_popIsOneMinusLongPutPop() {
    double s = 100;
    PopResult shortPut =
        ProbabilityOfProfit.analyze(List.of(PayoffLeg.put(95, -1, 1.5)), s, 0.2, 0.0, 0.25);
    assertThat(shortPut.probabilityOfProfit())
        .isCloseTo(1 - ProbabilityOfProfit.longPut(s, 95, 1.5, 0.2, 0.0, 0.25), within(1e-14));
  }
}
