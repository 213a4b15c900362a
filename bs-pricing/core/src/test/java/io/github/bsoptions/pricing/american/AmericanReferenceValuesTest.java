package io.github.bsoptions.pricing.american;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.bsoptions.pricing.internal.BlackScholesKernel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Published reference values and converged-reference comparisons. */
class AmericanReferenceValuesTest {

  /**
   * Haug, "Option Pricing Formulas" (1998), p. 24: Barone-Adesi-Whaley values, K = 100, r = 10%, b
   * = 0 (q = 10%), printed to 4 decimals.
   */
  @ParameterizedTest
  @CsvSource({
    "call, 90, 0.10, 0.15, 0.0206",
    "call, 100, 0.10, 0.15, 1.8771",
    "call, 110, 0.10, 0.15, 10.0089",
    "call, 90, 0.10, 0.25, 0.3159",
    "call, 100, 0.10, 0.25, 3.1280",
    "call, 110, 0.10, 0.25, 10.3919",
    "call, 90, 0.10, 0.35, 0.9495",
    "call, 100, 0.10, 0.35, 4.3777",
    "call, 110, 0.10, 0.35, 11.1679",
    "call, 90, 0.50, 0.15, 0.8208",
    "call, 100, 0.50, 0.15, 4.0842",
    "call, 110, 0.50, 0.15, 10.8087",
    "call, 90, 0.50, 0.25, 2.7437",
    "call, 100, 0.50, 0.25, 6.8015",
    "call, 110, 0.50, 0.25, 13.0170",
    "call, 90, 0.50, 0.35, 5.0063",
    "call, 100, 0.50, 0.35, 9.5106",
    "call, 110, 0.50, 0.35, 15.5689",
    "put, 90, 0.10, 0.15, 10.0000",
    "put, 100, 0.10, 0.15, 1.8770",
    "put, 110, 0.10, 0.15, 0.0410",
    "put, 90, 0.10, 0.25, 10.2533",
    "put, 100, 0.10, 0.25, 3.1277",
    "put, 110, 0.10, 0.25, 0.4562",
    "put, 90, 0.10, 0.35, 10.8787",
    "put, 100, 0.10, 0.35, 4.3777",
    "put, 110, 0.10, 0.35, 1.2402",
    "put, 90, 0.50, 0.15, 10.5595",
    "put, 100, 0.50, 0.15, 4.0842",
    "put, 110, 0.50, 0.15, 1.0822",
    "put, 90, 0.50, 0.25, 12.4419",
    "put, 100, 0.50, 0.25, 6.8014",
    "put, 110, 0.50, 0.25, 3.3226",
    "put, 90, 0.50, 0.35, 14.6945",
    "put, 100, 0.50, 0.35, 9.5104",
    "put, 110, 0.50, 0.35, 5.8823"
  })
  void baroneAdesiWhaleyMatchesHaugTable(
      String type, double spot, double expiry, double vol, double expected) {
    double v = BaroneAdesiWhaley.price(type.equals("call"), spot, 100, expiry, 0.10, 0.10, vol);
    // Haug's table is rounded to 4 decimals and was computed with a 1e-6 critical-price tolerance
    // (QuantLib's test of the same table allows 3e-3).
    assertThat(v).isCloseTo(expected, within(3e-3));
  }

  @Test
  void baroneAdesiWhaleyZeroCarryPut() {
    // Haug (1998) p. 24, last row: r = q = 0, T = 0.5, sigma = 15%: 4.2294.
    assertThat(BaroneAdesiWhaley.price(false, 100, 100, 0.5, 0, 0, 0.15))
        .isCloseTo(4.2294, within(1e-3));
  }

  @Test
  void hullFiveStepCrrTree() {
    // Hull, Options, Futures and Other Derivatives, American put S=K=50, r=10%, sigma=40%,
    // T=5 months, 5-step CRR tree: 4.49.
    double v = BinomialTree.price(false, 50, 50, 5.0 / 12, 0.10, 0, 0.40, 5, TreeType.CRR);
    assertThat(v).isCloseTo(4.49, within(0.005));
  }

  /**
   * ALO against Leisen-Reimer trees at 4,001 and 16,001 steps extrapolated in 1/n (the LR error for
   * American options is close to c/n): agreement to about 1e-7 of the strike.
   */
  @ParameterizedTest
  @CsvSource({
    // isCall, spot, strike, expiry, rate, dividend, vol
    "false, 40, 40, 0.5833, 0.0488, 0.0, 0.3",
    "false, 100, 100, 1.0, 0.05, 0.0, 0.2",
    "false, 100, 120, 3.0, 0.08, 0.02, 0.35",
    "true, 100, 100, 3.0, 0.03, 0.07, 0.2",
    "true, 110, 100, 0.5, 0.02, 0.10, 0.5",
    "false, 100, 82.73824879607652, 3.281, 0.0873, 0.0127, 0.0723"
  })
  void aloMatchesExtrapolatedLeisenReimer(
      boolean call, double s, double k, double t, double r, double q, double v) {
    double ref =
        AndersenLakeOffengelter.price(
            call, s, k, t, r, q, v, AndersenLakeOffengelter.Scheme.REFERENCE);
    double lr1 = BinomialTree.price(call, s, k, t, r, q, v, 4001, TreeType.LEISEN_REIMER);
    double lr2 = BinomialTree.price(call, s, k, t, r, q, v, 16001, TreeType.LEISEN_REIMER);
    double extrapolated = lr2 + (lr2 - lr1) / 3;
    assertThat(ref).isCloseTo(extrapolated, within(2e-7 * k));
    double alo = AndersenLakeOffengelter.price(call, s, k, t, r, q, v);
    assertThat(alo).isCloseTo(ref, within(2e-6 * k));
    assertThat(alo).isGreaterThanOrEqualTo(BlackScholesKernel.price(call, s, k, t, r, q, v));
  }

  @Test
  void bjerksundStensland2002IsATightLowerBound() {
    // Haug (1998) p. 27 example (S=42, K=40, T=0.75, r=4%, q=8%, sigma=35%): 5.2704 with the
    // 1993 flat boundary; the 2002 two-step boundary is tighter, still below the true value.
    double bjs = BjerksundStensland.price(true, 42, 40, 0.75, 0.04, 0.08, 0.35);
    double alo = AndersenLakeOffengelter.price(true, 42, 40, 0.75, 0.04, 0.08, 0.35);
    assertThat(bjs).isGreaterThan(5.2704).isLessThanOrEqualTo(alo + 1e-9);
    assertThat(bjs).isCloseTo(alo, within(1e-2 * alo));
    double bjsPut = BjerksundStensland.price(false, 36, 40, 1, 0.06, 0, 0.2);
    double aloPut = AndersenLakeOffengelter.price(false, 36, 40, 1, 0.06, 0, 0.2);
    assertThat(bjsPut).isGreaterThan(4.4531).isLessThanOrEqualTo(aloPut + 1e-9);
  }

  @Test
  void bivariateNormalKnownValues() {
    for (double rho : new double[] {-0.99, -0.9, -0.5, 0, 0.3, 0.8, 0.95, 0.999}) {
      // P[X <= 0, Y <= 0] = 1/4 + asin(rho) / (2 pi).
      assertThat(BivariateNormal.cdf(0, 0, rho))
          .isCloseTo(0.25 + Math.asin(rho) / (2 * Math.PI), within(1e-14));
    }
    assertThat(BivariateNormal.cdf(1.2, -0.4, 0))
        .isCloseTo(
            io.github.bsoptions.pricing.formula.NormalDistribution.cdf(1.2)
                * io.github.bsoptions.pricing.formula.NormalDistribution.cdf(-0.4),
            within(1e-15));
    // Symmetry M(a, b, rho) = M(b, a, rho) and M(a,b,rho) + M(a,-b,-rho) = N(a).
    for (double rho : new double[] {-0.95, -0.6, 0.2, 0.7, 0.97}) {
      double a = 0.7;
      double b = -1.3;
      assertThat(BivariateNormal.cdf(a, b, rho))
          .isCloseTo(BivariateNormal.cdf(b, a, rho), within(1e-14));
      assertThat(BivariateNormal.cdf(a, b, rho) + BivariateNormal.cdf(a, -b, -rho))
          .isCloseTo(io.github.bsoptions.pricing.formula.NormalDistribution.cdf(a), within(1e-14));
    }
  }

  @Test
  void gaussLegendreIntegratesPolynomialsExactly() {
    GaussLegendre g = GaussLegendre.of(16);
    double sum = 0;
    for (int i = 0; i < 16; i++) {
      sum += g.weights[i] * Math.pow(g.nodes[i], 30);
    }
    assertThat(sum).isCloseTo(2.0 / 31, within(1e-15));
  }
}
