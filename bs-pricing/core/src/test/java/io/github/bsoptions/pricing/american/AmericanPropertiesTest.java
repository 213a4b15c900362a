package io.github.bsoptions.pricing.american;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import io.github.bsoptions.pricing.internal.BlackScholesKernel;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Properties of the American formulas over random inputs (QuickTheories, fixed seeds). */
class AmericanPropertiesTest {

  /** A random option: moneyness e^{+-0.6}, 1 day to 5 years, vol 5% to 100%, r, q in [-2%, 12%]. */
  record Case(boolean call, double s, double k, double t, double r, double q, double v) {
    static Case of(long seed) {
      SplittableRandom rnd = new SplittableRandom(seed);
      return new Case(
          rnd.nextBoolean(),
          100,
          100 * Math.exp(rnd.nextDouble(-0.6, 0.6)),
          Math.exp(rnd.nextDouble(Math.log(1 / 365.0), Math.log(5))),
          rnd.nextDouble(-0.02, 0.12),
          rnd.nextDouble(-0.02, 0.12),
          rnd.nextDouble(0.05, 1.0));
    }

    double alo() {
      return AndersenLakeOffengelter.price(call, s, k, t, r, q, v);
    }

    double european() {
      return BlackScholesKernel.price(call, s, k, t, r, q, v);
    }

    double intrinsic() {
      return Math.max(call ? s - k : k - s, 0);
    }
  }

  @Test
  void americanIsAtLeastEuropeanAndIntrinsicForEveryMethod() {
    qt().withFixedSeed(11)
        .withExamples(150)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              Case c = Case.of(seed);
              double floor = Math.max(c.european(), c.intrinsic());
              // Calls go through put-call symmetry (a put on swapped arguments), whose European
              // part may differ from the direct call formula in the last bits.
              assertThat(c.alo()).isGreaterThanOrEqualTo(floor - 8 * Math.ulp(floor));
              assertThat(BaroneAdesiWhaley.price(c.call, c.s, c.k, c.t, c.r, c.q, c.v))
                  .isGreaterThanOrEqualTo(floor - 1e-12 * c.k);
              assertThat(BjerksundStensland.price(c.call, c.s, c.k, c.t, c.r, c.q, c.v))
                  .isGreaterThanOrEqualTo(floor);
              double tree =
                  BinomialTree.price(c.call, c.s, c.k, c.t, c.r, c.q, c.v, 101, TreeType.CRR);
              double treeEu =
                  BinomialTree.europeanPrice(
                      c.call,
                      c.s,
                      c.k,
                      c.t,
                      c.r,
                      c.q,
                      c.v,
                      101,
                      TreeType.CRR,
                      new double[0],
                      new double[0]);
              assertThat(tree).isGreaterThanOrEqualTo(c.intrinsic());
              if (AndersenLakeOffengelter.earlyExerciseCanBeOptimal(c.call, c.r, c.q)) {
                // Otherwise the tree returns the exact European value.
                assertThat(tree).isGreaterThanOrEqualTo(treeEu - 1e-12);
              }
            });
  }

  @Test
  void callWithoutDividendsIsEuropean() {
    qt().withFixedSeed(12)
        .withExamples(100)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              Case c = Case.of(seed);
              double r = Math.abs(c.r);
              double eu = BlackScholesKernel.price(true, c.s, c.k, c.t, r, 0, c.v);
              assertThat(AndersenLakeOffengelter.price(true, c.s, c.k, c.t, r, 0, c.v))
                  .isEqualTo(eu);
              assertThat(BaroneAdesiWhaley.price(true, c.s, c.k, c.t, r, 0, c.v)).isEqualTo(eu);
              assertThat(BjerksundStensland.price(true, c.s, c.k, c.t, r, 0, c.v)).isEqualTo(eu);
            });
  }

  @Test
  void putCallSymmetry() {
    qt().withFixedSeed(13)
        .withExamples(100)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              Case c = Case.of(seed);
              double call = AndersenLakeOffengelter.price(true, c.s, c.k, c.t, c.r, c.q, c.v);
              double put = AndersenLakeOffengelter.price(false, c.k, c.s, c.t, c.q, c.r, c.v);
              assertThat(call).isCloseTo(put, within(1e-12 * c.k));
              // The LR tree is not symmetric by construction; it agrees to its accuracy.
              double lrCall =
                  BinomialTree.price(
                      true, c.s, c.k, c.t, c.r, c.q, c.v, 301, TreeType.LEISEN_REIMER);
              assertThat(lrCall).isCloseTo(call, within(2e-3 * c.k));
            });
  }

  @Test
  void aloDefaultSchemeMatchesReference() {
    qt().withFixedSeed(14)
        .withExamples(60)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              Case c = Case.of(seed);
              double ref =
                  AndersenLakeOffengelter.price(
                      c.call,
                      c.s,
                      c.k,
                      c.t,
                      c.r,
                      c.q,
                      c.v,
                      AndersenLakeOffengelter.Scheme.REFERENCE);
              assertThat(c.alo()).isCloseTo(ref, within(3e-6 * c.k));
            });
  }

  @Test
  void monotoneInSpotStrikeVolatilityAndExpiry() {
    qt().withFixedSeed(15)
        .withExamples(100)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              Case c = Case.of(seed);
              double w = c.call ? 1 : -1;
              double base = c.alo();
              double tol = 1e-9 * c.k;
              double spotUp =
                  AndersenLakeOffengelter.price(c.call, c.s * 1.01, c.k, c.t, c.r, c.q, c.v);
              assertThat(w * (spotUp - base)).isGreaterThanOrEqualTo(-tol);
              double strikeUp =
                  AndersenLakeOffengelter.price(c.call, c.s, c.k * 1.01, c.t, c.r, c.q, c.v);
              assertThat(-w * (strikeUp - base)).isGreaterThanOrEqualTo(-tol);
              double volUp =
                  AndersenLakeOffengelter.price(c.call, c.s, c.k, c.t, c.r, c.q, c.v * 1.05);
              assertThat(volUp).isGreaterThanOrEqualTo(base - tol);
              // An American option is worth at least as much with more time to exercise.
              double longer =
                  AndersenLakeOffengelter.price(c.call, c.s, c.k, c.t * 1.1, c.r, c.q, c.v);
              assertThat(longer).isGreaterThanOrEqualTo(base - 1e-6 * c.k);
            });
  }

  @Test
  void edgeCasesHaveClosedForms() {
    // Expiry 0: intrinsic.
    assertThat(AndersenLakeOffengelter.price(false, 90, 100, 0, 0.05, 0, 0.2)).isEqualTo(10);
    assertThat(BinomialTree.price(true, 110, 100, 0, 0.05, 0, 0.2, 11, TreeType.CRR)).isEqualTo(10);
    // Spot 0: a put is worth the strike now (or K e^{-rT} at expiry if r < 0).
    assertThat(AndersenLakeOffengelter.price(false, 0, 100, 1, 0.05, 0, 0.2)).isEqualTo(100);
    // Volatility 0, put with r > q: deep enough in the money to exercise at once.
    assertThat(AndersenLakeOffengelter.price(false, 90, 100, 1, 0.05, 0, 0)).isEqualTo(10);
    // Volatility 0: a call with q > r, forward below spot: exercise now.
    assertThat(BaroneAdesiWhaley.price(true, 110, 100, 1, 0.0, 0.05, 0)).isEqualTo(10);
    // Volatility 0, out of the money forward: worth 0.
    assertThat(BjerksundStensland.price(false, 120, 100, 1, 0.05, 0, 0)).isEqualTo(0);
    // Negative rate, q >= r: no early exercise for the put.
    double eu = BlackScholesKernel.price(false, 100, 100, 1, -0.01, 0.0, 0.2);
    assertThat(AndersenLakeOffengelter.price(false, 100, 100, 1, -0.01, 0, 0.2)).isEqualTo(eu);
    // Double boundary q < r < 0: above the European value and intrinsic, near the tree value.
    double db = AndersenLakeOffengelter.price(false, 100, 105, 2, -0.01, -0.03, 0.1);
    assertThat(db)
        .isGreaterThan(BlackScholesKernel.price(false, 100, 105, 2, -0.01, -0.03, 0.1))
        .isGreaterThanOrEqualTo(5);
    assertThat(db)
        .isCloseTo(
            2
                    * BinomialTree.price(
                        false, 100, 105, 2, -0.01, -0.03, 0.1, 16001, TreeType.LEISEN_REIMER)
                - BinomialTree.price(
                    false, 100, 105, 2, -0.01, -0.03, 0.1, 8001, TreeType.LEISEN_REIMER),
            within(3e-5));
  }

  @Test
  void treesConvergeToTheAloReference() {
    double ref =
        AndersenLakeOffengelter.price(
            false, 100, 100, 1, 0.05, 0.01, 0.25, AndersenLakeOffengelter.Scheme.REFERENCE);
    double prevLr = Double.MAX_VALUE;
    for (int n : new int[] {51, 201, 801, 3201}) {
      double lr =
          Math.abs(
              BinomialTree.price(false, 100, 100, 1, 0.05, 0.01, 0.25, n, TreeType.LEISEN_REIMER)
                  - ref);
      assertThat(lr).isLessThan(prevLr);
      prevLr = lr;
    }
    assertThat(prevLr).isLessThan(5e-5);
    double crr = BinomialTree.price(false, 100, 100, 1, 0.05, 0.01, 0.25, 3200, TreeType.CRR);
    assertThat(crr).isCloseTo(ref, within(2e-3));
  }

  @Test
  void discreteDividendsUseTheEscrowedModel() {
    double[] times = {0.25, 0.75};
    double[] amounts = {1.5, 1.5};
    double pv = BinomialTree.presentValueOfDividends(1, 0.05, times, amounts);
    assertThat(pv)
        .isCloseTo(1.5 * Math.exp(-0.05 * 0.25) + 1.5 * Math.exp(-0.05 * 0.75), within(1e-14));
    // European on the tree equals Black-Scholes on S - PV(D).
    for (boolean call : new boolean[] {true, false}) {
      double eu =
          BinomialTree.europeanPrice(
              call, 100, 100, 1, 0.05, 0, 0.3, 2001, TreeType.LEISEN_REIMER, times, amounts);
      assertThat(eu)
          .isCloseTo(BlackScholesKernel.price(call, 100 - pv, 100, 1, 0.05, 0, 0.3), within(1e-4));
    }
    // An American call on a dividend payer is worth more than the European one (exercise before
    // the ex-date) and less than the call without dividends.
    double am =
        BinomialTree.price(
            true, 100, 100, 1, 0.05, 0, 0.3, 1001, TreeType.LEISEN_REIMER, times, amounts);
    double euCall = BlackScholesKernel.price(true, 100 - pv, 100, 1, 0.05, 0, 0.3);
    assertThat(am)
        .isGreaterThan(euCall + 1e-3)
        .isLessThan(BlackScholesKernel.price(true, 100, 100, 1, 0.05, 0, 0.3));
    // No dividends in (0, T]: the same as without.
    double none =
        BinomialTree.price(
            false,
            100,
            100,
            1,
            0.05,
            0,
            0.3,
            501,
            TreeType.CRR,
            new double[] {2.0, -1.0},
            new double[] {3, 3});
    assertThat(none)
        .isEqualTo(BinomialTree.price(false, 100, 100, 1, 0.05, 0, 0.3, 501, TreeType.CRR));
    // A put gains from dividends.
    double putDiv =
        BinomialTree.price(false, 100, 100, 1, 0.05, 0, 0.3, 501, TreeType.CRR, times, amounts);
    assertThat(putDiv).isGreaterThan(none);
  }

  @Test
  void badInputNamesTheFieldAndValue() {
    assertThatThrownBy(() -> AndersenLakeOffengelter.price(true, Double.NaN, 40, 1, 0.05, 0, 0.2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("spot")
        .hasMessageContaining("NaN");
    assertThatThrownBy(() -> BaroneAdesiWhaley.price(true, 40, 40, 1, 0.05, 0, -0.2))
        .hasMessageContaining("volatility")
        .hasMessageContaining("-0.2");
    assertThatThrownBy(() -> BinomialTree.price(true, 40, 40, 1, 0.05, 0, 0.2, 0, TreeType.CRR))
        .hasMessageContaining("steps");
    assertThatThrownBy(
            () ->
                BinomialTree.price(
                    true,
                    40,
                    40,
                    1,
                    0.05,
                    0,
                    0.2,
                    10,
                    TreeType.CRR,
                    new double[] {0.5},
                    new double[0]))
        .hasMessageContaining("dividendAmounts");
    assertThatThrownBy(
            () ->
                BinomialTree.price(
                    true,
                    40,
                    40,
                    1,
                    0.05,
                    0,
                    0.2,
                    10,
                    TreeType.CRR,
                    new double[] {0.5},
                    new double[] {-1}))
        .hasMessageContaining("dividendAmounts[0]");
    assertThatThrownBy(
            () ->
                BinomialTree.price(
                    true,
                    40,
                    40,
                    1,
                    0.05,
                    0,
                    0.2,
                    10,
                    TreeType.CRR,
                    new double[] {0.5},
                    new double[] {50}))
        .hasMessageContaining("dividendAmounts");
    assertThatThrownBy(() -> AndersenLakeOffengelter.Scheme.of(1, 2, 8, 8))
        .hasMessageContaining("nodes");
    assertThatThrownBy(() -> AndersenLakeOffengelter.Scheme.DEFAULT.withRelaxation(2))
        .hasMessageContaining("relaxation")
        .hasMessageContaining("2.0");
    assertThatThrownBy(() -> AndersenLakeOffengelter.Scheme.DEFAULT.withRelaxation(Double.NaN))
        .hasMessageContaining("relaxation");
  }

  @Test
  void relaxedDefaultSchemeIsTheDocumentedOneAndConvergesToTheReference() {
    AndersenLakeOffengelter.Scheme d = AndersenLakeOffengelter.Scheme.DEFAULT;
    assertThat(d.relaxation()).isEqualTo(1.2);
    assertThat(d.toString()).contains("iterations=6").contains("relaxation=1.2");
    AndersenLakeOffengelter.Scheme same =
        AndersenLakeOffengelter.Scheme.of(10, 6, 8, 24).withRelaxation(1.2);
    double ref =
        AndersenLakeOffengelter.price(
            false, 100, 110, 1.5, 0.06, 0.01, 0.3, AndersenLakeOffengelter.Scheme.REFERENCE);
    double value = AndersenLakeOffengelter.price(false, 100, 110, 1.5, 0.06, 0.01, 0.3);
    assertThat(AndersenLakeOffengelter.price(false, 100, 110, 1.5, 0.06, 0.01, 0.3, same))
        .isEqualTo(value);
    assertThat(value).isCloseTo(ref, within(1e-6 * ref));
    // More relaxed iterations converge to the same discrete fixed point as plain ones.
    double plain =
        AndersenLakeOffengelter.price(
            false,
            100,
            110,
            1.5,
            0.06,
            0.01,
            0.3,
            AndersenLakeOffengelter.Scheme.of(10, 40, 8, 24));
    double relaxed =
        AndersenLakeOffengelter.price(
            false,
            100,
            110,
            1.5,
            0.06,
            0.01,
            0.3,
            AndersenLakeOffengelter.Scheme.of(10, 40, 8, 24).withRelaxation(1.2));
    assertThat(relaxed).isCloseTo(plain, within(1e-9 * plain));
  }

  @Test
  void exerciseBoundaryIsBelowStrikeForPutsAndAboveForCalls() {
    double[] times = {0.0, 0.25, 0.5, 1.0};
    double[] put =
        AndersenLakeOffengelter.exerciseBoundary(
            false, 100, 1, 0.05, 0.02, 0.25, times, AndersenLakeOffengelter.Scheme.DEFAULT);
    assertThat(put[0]).isCloseTo(100, within(1e-9));
    for (int i = 1; i < put.length; i++) {
      assertThat(put[i]).isLessThan(put[i - 1]);
    }
    double[] call =
        AndersenLakeOffengelter.exerciseBoundary(
            true, 100, 1, 0.02, 0.05, 0.25, times, AndersenLakeOffengelter.Scheme.DEFAULT);
    assertThat(call[0]).isCloseTo(100, within(1e-9));
    for (int i = 1; i < call.length; i++) {
      assertThat(call[i]).isGreaterThan(call[i - 1]);
    }
    // At the boundary the put is worth its intrinsic value.
    double b = put[3];
    assertThat(AndersenLakeOffengelter.price(false, b * 0.999, 100, 1, 0.05, 0.02, 0.25))
        .isEqualTo(100 - b * 0.999);
  }
}
