package io.github.bsoptions.pricing.pricer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import io.github.bsoptions.pricing.PricingStatus;
import io.github.bsoptions.pricing.american.AndersenLakeOffengelter;
import io.github.bsoptions.pricing.batch.OptionBatch;
import io.github.bsoptions.pricing.formula.BlackScholesFormulas;
import io.github.bsoptions.pricing.formula.ImpliedVolResult;
import io.github.bsoptions.pricing.greeks.Greeks;
import io.github.bsoptions.pricing.product.OptionType;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AmericanModelTest {
  private static final OptionType CALL = OptionType.CALL;
  private static final OptionType PUT = OptionType.PUT;

  @Test
  void parsesMethodNames() {
    assertThat(AmericanMethod.parse("alo")).isEqualTo(AmericanMethod.ALO);
    assertThat(AmericanMethod.parse(" BAW ")).isEqualTo(AmericanMethod.BARONE_ADESI_WHALEY);
    assertThat(AmericanMethod.parse("bjs")).isEqualTo(AmericanMethod.BJERKSUND_STENSLAND);
    assertThat(AmericanMethod.parse("crr")).isEqualTo(AmericanMethod.BINOMIAL_CRR);
    assertThat(AmericanMethod.parse("lr")).isEqualTo(AmericanMethod.BINOMIAL_LEISEN_REIMER);
    assertThat(AmericanMethod.parse("binomial_leisen_reimer"))
        .isEqualTo(AmericanMethod.BINOMIAL_LEISEN_REIMER);
    for (AmericanMethod m : AmericanMethod.values()) {
      assertThat(AmericanMethod.parse(m.shortName())).isEqualTo(m);
      assertThat(AmericanMethod.parse(m.name())).isEqualTo(m);
    }
    assertThatThrownBy(() -> AmericanMethod.parse("fd"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("fd");
    assertThat(AmericanModel.create().method()).isEqualTo(AmericanMethod.ALO);
    assertThat(AmericanModel.create().name()).isEqualTo("american");
  }

  @ParameterizedTest
  @EnumSource(AmericanMethod.class)
  void everyMethodPricesCloseToTheReference(AmericanMethod method) {
    AmericanModel model = AmericanModel.of(method);
    double ref =
        AndersenLakeOffengelter.price(
            false, 100, 105, 1, 0.06, 0.01, 0.3, AndersenLakeOffengelter.Scheme.REFERENCE);
    double tol = method == AmericanMethod.ALO ? 5e-6 : method.isTree() ? 5e-3 : 0.15;
    assertThat(model.price(PUT, 100, 105, 1, 0.06, 0.01, 0.3)).isCloseTo(ref, within(tol));
  }

  @Test
  void callWithoutDividendsHasEuropeanGreeks() {
    // No early exercise: the model returns the analytic European greeks.
    Greeks am = AmericanModel.create().greeks(CALL, 100, 95, 0.75, 0.04, 0, 0.3);
    Greeks eu = BlackScholesFormulas.greeks(true, 100, 95, 0.75, 0.04, 0, 0.3);
    assertThat(am.price()).isCloseTo(eu.price(), within(1e-12));
    assertThat(am.delta()).isCloseTo(eu.delta(), within(1e-7));
    assertThat(am.gamma()).isCloseTo(eu.gamma(), within(1e-6));
    assertThat(am.vega()).isCloseTo(eu.vega(), within(1e-5));
    assertThat(am.theta()).isCloseTo(eu.theta(), within(1e-5));
    assertThat(am.rho()).isCloseTo(eu.rho(), within(1e-5));
    assertThat(am.dividendRho()).isCloseTo(eu.dividendRho(), within(1e-5));
    assertThat(am.volga()).isCloseTo(eu.volga(), within(1e-2));
    assertThat(am.vanna()).isCloseTo(eu.vanna(), within(1e-4));
    assertThat(am.dualDelta()).isCloseTo(eu.dualDelta(), within(1e-7));
    assertThat(am.dualGamma()).isCloseTo(eu.dualGamma(), within(1e-6));
    // Every third-order greek too, exactly the analytic ones.
    assertThat(am.charm()).isEqualTo(eu.charm());
    assertThat(am.veta()).isEqualTo(eu.veta());
    assertThat(am.speed()).isEqualTo(eu.speed());
    assertThat(am.zomma()).isEqualTo(eu.zomma());
    assertThat(am.color()).isEqualTo(eu.color());
    assertThat(am.ultima()).isEqualTo(eu.ultima());
  }

  @Test
  void numericalHigherOrderGreeksMatchTheAnalyticOnesWhereEarlyExerciseIsWorthless() {
    // r = 1e-6 > 0: early exercise of the put can be optimal, so the numerical path runs, but
    // its premium is negligible and the European analytic greeks are the reference.
    Greeks am = AmericanModel.create().greeks(PUT, 100, 105, 0.75, 1e-6, 0, 0.25);
    Greeks eu = BlackScholesFormulas.greeks(false, 100, 105, 0.75, 1e-6, 0, 0.25);
    assertThat(am.charm()).isCloseTo(eu.charm(), within(1e-4 * Math.abs(eu.charm())));
    assertThat(am.veta()).isCloseTo(eu.veta(), within(1e-4 * Math.abs(eu.veta())));
    assertThat(am.speed()).isCloseTo(eu.speed(), within(5e-4 * Math.abs(eu.speed())));
    assertThat(am.zomma()).isCloseTo(eu.zomma(), within(1e-4 * Math.abs(eu.zomma())));
    assertThat(am.color()).isCloseTo(eu.color(), within(1e-4 * Math.abs(eu.color())));
    assertThat(am.ultima()).isCloseTo(eu.ultima(), within(5e-4 * Math.abs(eu.ultima())));
  }

  @Test
  void numericalHigherOrderGreeksAgreeWithTheReferenceScheme() {
    AmericanModel def = AmericanModel.create();
    AmericanModel ref = AmericanModel.of(AndersenLakeOffengelter.Scheme.REFERENCE);
    double[][] cases = {{100, 100, 1, 0.05, 0.02, 0.3}, {100, 110, 0.5, 0.08, 0, 0.2}};
    for (double[] c : cases) {
      Greeks a = def.greeks(PUT, c[0], c[1], c[2], c[3], c[4], c[5]);
      Greeks b = ref.greeks(PUT, c[0], c[1], c[2], c[3], c[4], c[5]);
      double[] x = {a.charm(), a.veta(), a.speed(), a.zomma(), a.color(), a.ultima()};
      double[] y = {b.charm(), b.veta(), b.speed(), b.zomma(), b.color(), b.ultima()};
      for (int i = 0; i < x.length; i++) {
        assertThat(x[i]).as("greek %d of %s", i, a).isFinite();
        assertThat(x[i]).as("greek %d", i).isCloseTo(y[i], within(5e-3 * Math.abs(y[i])));
      }
    }
  }

  @Test
  void putGreeksAgreeWithWiderFiniteDifferences() {
    AmericanModel m = AmericanModel.create();
    qt().withFixedSeed(21)
        .withExamples(25)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              SplittableRandom rnd = new SplittableRandom(seed);
              double s = 100;
              double k = 100 * Math.exp(rnd.nextDouble(-0.3, 0.3));
              double t = rnd.nextDouble(0.1, 2);
              double r = rnd.nextDouble(0.01, 0.1);
              double q = rnd.nextDouble(0, 0.05);
              double v = rnd.nextDouble(0.15, 0.6);
              Greeks g = m.greeks(PUT, s, k, t, r, q, v);
              double h = 0.002 * s;
              double up = m.price(PUT, s + h, k, t, r, q, v);
              double dn = m.price(PUT, s - h, k, t, r, q, v);
              assertThat(g.delta()).isCloseTo((up - dn) / (2 * h), within(2e-4));
              assertThat(g.gamma())
                  .isCloseTo((up - 2 * g.price() + dn) / (h * h), within(1e-4 + 0.01 * g.gamma()));
              double hv = 0.001;
              double vega =
                  (m.price(PUT, s, k, t, r, q, v + hv) - m.price(PUT, s, k, t, r, q, v - hv))
                      / (2 * hv);
              assertThat(g.vega()).isCloseTo(vega, within(1e-3 * Math.max(1, vega)));
              double ht = 0.001;
              double theta =
                  -(m.price(PUT, s, k, t + ht, r, q, v) - m.price(PUT, s, k, t - ht, r, q, v))
                      / (2 * ht);
              assertThat(g.theta()).isCloseTo(theta, within(1e-2 * Math.max(1, Math.abs(theta))));
              double hr = 0.0005;
              double rho =
                  (m.price(PUT, s, k, t, r + hr, q, v) - m.price(PUT, s, k, t, r - hr, q, v))
                      / (2 * hr);
              assertThat(g.rho()).isCloseTo(rho, within(1e-2 * Math.max(1, Math.abs(rho))));
              assertThat(g.delta()).isBetween(-1.0, 0.0);
              assertThat(g.gamma()).isGreaterThanOrEqualTo(-1e-9);
            });
  }

  @Test
  void impliedVolatilityRoundTrips() {
    AmericanModel m = AmericanModel.create();
    qt().withFixedSeed(22)
        .withExamples(80)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              SplittableRandom rnd = new SplittableRandom(seed);
              OptionType type = rnd.nextBoolean() ? CALL : PUT;
              double s = 100;
              double k = 100 * Math.exp(rnd.nextDouble(-0.4, 0.4));
              double t = Math.exp(rnd.nextDouble(Math.log(7 / 365.0), Math.log(3)));
              double r = rnd.nextDouble(-0.01, 0.1);
              double q = rnd.nextDouble(0, 0.08);
              double v = rnd.nextDouble(0.05, 1.5);
              double price = m.price(type, s, k, t, r, q, v);
              ImpliedVolResult iv = m.impliedVolatility(type, s, k, t, r, q, price);
              Greeks g = m.greeks(type, s, k, t, r, q, v);
              if (g.vega() > 1e-4 * price && price > 1e-8) {
                assertThat(iv.status()).as("seed %d", seed).isEqualTo(PricingStatus.OK);
                // Started from the de-Americanized European volatility, the secant needs few
                // price evaluations (4 on average).
                assertThat(iv.iterations()).isLessThanOrEqualTo(20);
                assertThat(iv.volatility())
                    .isCloseTo(v, within(1e-7 * v + 1e-10 * price / g.vega()));
                assertThat(m.price(type, s, k, t, r, q, iv.volatility()))
                    .isCloseTo(price, within(2e-12 * price));
              } else {
                assertThat(iv.status()).isIn(PricingStatus.OK, PricingStatus.NO_TIME_VALUE);
              }
            });
  }

  @ParameterizedTest
  @EnumSource(AmericanMethod.class)
  void impliedVolatilityRoundTripsForEveryMethod(AmericanMethod method) {
    AmericanModel m = AmericanModel.of(method);
    double price = m.price(PUT, 100, 110, 0.5, 0.05, 0.02, 0.35);
    ImpliedVolResult iv = m.impliedVolatility(PUT, 100, 110, 0.5, 0.05, 0.02, price);
    assertThat(iv.status()).isEqualTo(PricingStatus.OK);
    assertThat(m.price(PUT, 100, 110, 0.5, 0.05, 0.02, iv.volatility()))
        .isCloseTo(price, within(1e-11 * price));
    assertThat(iv.volatility()).isCloseTo(0.35, within(method.isTree() ? 1e-6 : 1e-9));
  }

  @Test
  void impliedVolatilityStatuses() {
    AmericanModel m = AmericanModel.create();
    assertThat(m.impliedVolatility(PUT, 100, 110, 1, 0.05, 0, 9.0).status())
        .isEqualTo(PricingStatus.BELOW_INTRINSIC);
    // Deep in the exercise region the put is worth exactly its intrinsic value at any
    // reasonable volatility: no volatility is identifiable.
    assertThat(m.impliedVolatility(PUT, 50, 110, 1, 0.05, 0, 60.0).status())
        .isEqualTo(PricingStatus.NO_TIME_VALUE);
    assertThat(m.impliedVolatility(PUT, 100, 110, 1, 0.05, 0, 110.0).status())
        .isEqualTo(PricingStatus.ABOVE_UPPER_BOUND);
    assertThat(m.impliedVolatility(CALL, 100, 110, 1, 0.05, 0, 100.0).status())
        .isEqualTo(PricingStatus.ABOVE_UPPER_BOUND);
    assertThat(m.impliedVolatility(PUT, 100, 110, 0, 0.05, 0, 10.0).status())
        .isEqualTo(PricingStatus.EXPIRED);
    assertThat(m.impliedVolatility(PUT, 100, 110, 1, 0.05, 0, Double.NaN).status())
        .isEqualTo(PricingStatus.INVALID_PRICE);
    assertThat(m.impliedVolatility(PUT, -1, 110, 1, 0.05, 0, 10).status())
        .isEqualTo(PricingStatus.INVALID_SPOT);
    assertThat(m.impliedVolatility(PUT, 100, 110, 1, Double.NaN, 0, 10).status())
        .isEqualTo(PricingStatus.INVALID_RATE);
    ImpliedVolResult bad = m.impliedVolatility(PUT, 100, 110, 1, 0.05, 0, 9.0);
    assertThat(bad.volatility()).isNaN();
  }

  @Test
  void discreteDividendsRouteToTheTree() {
    AmericanModel m = AmericanModel.create();
    double[] times = {0.3};
    double[] amounts = {2.0};
    double withDiv = m.price(CALL, 100, 100, 1, 0.05, 0, 0.25, times, amounts);
    double without = m.price(CALL, 100, 100, 1, 0.05, 0, 0.25);
    assertThat(withDiv).isLessThan(without);
    Greeks g = m.greeks(CALL, 100, 100, 1, 0.05, 0, 0.25, times, amounts);
    assertThat(g.price()).isEqualTo(withDiv);
    assertThat(g.delta()).isBetween(0.0, 1.0);
    ImpliedVolResult iv = m.impliedVolatility(CALL, 100, 100, 1, 0.05, 0, withDiv, times, amounts);
    assertThat(iv.status()).isEqualTo(PricingStatus.OK);
    assertThat(iv.volatility()).isCloseTo(0.25, within(1e-6));
    // Empty or out-of-range dividends change nothing.
    assertThat(m.price(CALL, 100, 100, 1, 0.05, 0, 0.25, new double[] {2}, new double[] {1}))
        .isEqualTo(without);
  }

  @Test
  void scalarApiThrowsNamingTheField() {
    AmericanModel m = AmericanModel.create();
    assertThatThrownBy(() -> m.price(PUT, 100, Double.POSITIVE_INFINITY, 1, 0.05, 0, 0.2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("strike")
        .hasMessageContaining("Infinity");
    assertThatThrownBy(() -> m.greeks(PUT, 100, 100, -1, 0.05, 0, 0.2))
        .hasMessageContaining("expiry");
    assertThatThrownBy(() -> AmericanModel.of(AmericanMethod.BINOMIAL_CRR, 0))
        .hasMessageContaining("treeSteps");
  }

  @Test
  void readmeExample() {
    AmericanModel model = AmericanModel.create(); // ALO
    double put = model.price(OptionType.PUT, 100, 105, 0.5, 0.05, 0.01, 0.25);
    Greeks g = model.greeks(OptionType.PUT, 100, 105, 0.5, 0.05, 0.01, 0.25);
    ImpliedVolResult iv = model.impliedVolatility(OptionType.PUT, 100, 105, 0.5, 0.05, 0.01, put);
    assertThat(iv.status()).isEqualTo(PricingStatus.OK);
    assertThat(iv.volatility()).isCloseTo(0.25, within(1e-10));
    assertThat(g.price()).isEqualTo(put);
    double call =
        AmericanModel.of(AmericanMethod.parse("lr"), 1001)
            .price(CALL, 100, 100, 1, 0.05, 0, 0.25, new double[] {0.3}, new double[] {2.0});
    assertThat(call).isLessThan(model.price(CALL, 100, 100, 1, 0.05, 0, 0.25));
  }

  @Test
  void expiryZeroGreeks() {
    Greeks g = AmericanModel.create().greeks(PUT, 90, 100, 0, 0.05, 0, 0.2);
    assertThat(g.price()).isEqualTo(10);
    assertThat(g.delta()).isEqualTo(-1);
    assertThat(g.gamma()).isZero();
  }

  @Test
  void batchPricesMatchTheScalarApiAndReportBadRowsWithoutThrowing() {
    int n = 200; // above BATCH_CHUNK: the rows are split across the pool
    OptionBatch b = OptionBatch.allocate(n);
    SplittableRandom rnd = new SplittableRandom(5);
    for (int i = 0; i < n; i++) {
      b.call()[i] = rnd.nextBoolean();
      b.spot()[i] = 100;
      b.strike()[i] = 100 * Math.exp(rnd.nextDouble(-0.3, 0.3));
      b.expiry()[i] = rnd.nextDouble(0.05, 2);
      b.rate()[i] = rnd.nextDouble(0.0, 0.08);
      b.dividendYield()[i] = rnd.nextDouble(0.0, 0.05);
      b.volatility()[i] = rnd.nextDouble(0.1, 0.6);
    }
    b.spot()[3] = Double.NaN;
    b.volatility()[7] = -0.2;
    b.expiry()[11] = Double.POSITIVE_INFINITY;
    AmericanModel model = AmericanModel.create();
    double[] price = new double[n];
    byte[] status = new byte[n];
    model.price(b, price, status);
    assertThat(status[3]).isEqualTo(PricingStatus.INVALID_SPOT.code());
    assertThat(status[7]).isEqualTo(PricingStatus.INVALID_VOLATILITY.code());
    assertThat(status[11]).isEqualTo(PricingStatus.INVALID_EXPIRY.code());
    assertThat(price[3]).isNaN();
    assertThat(price[7]).isNaN();
    assertThat(price[11]).isNaN();
    double[] prices = price.clone();
    for (int i = 0; i < n; i++) {
      if (i == 3 || i == 7 || i == 11) {
        continue;
      }
      assertThat(status[i]).isEqualTo(PricingStatus.OK.code());
      OptionType type = b.call()[i] ? CALL : PUT;
      assertThat(price[i])
          .isEqualTo(
              model.price(
                  type,
                  b.spot()[i],
                  b.strike()[i],
                  b.expiry()[i],
                  b.rate()[i],
                  b.dividendYield()[i],
                  b.volatility()[i]));
    }
    // Implied volatility of the same rows recovers the volatility; a bad price is a status.
    prices[20] = -1;
    double[] vol = new double[n];
    byte[] ivStatus = new byte[n];
    model.impliedVolatility(b, prices, vol, ivStatus);
    assertThat(ivStatus[20]).isEqualTo(PricingStatus.INVALID_PRICE.code());
    assertThat(ivStatus[3]).isEqualTo(PricingStatus.INVALID_SPOT.code());
    assertThat(vol[20]).isNaN();
    int ok = 0;
    for (int i = 0; i < n; i++) {
      if (ivStatus[i] == PricingStatus.OK.code()) {
        assertThat(vol[i]).isCloseTo(b.volatility()[i], within(1e-6));
        ok++;
      } else if (i != 3 && i != 7 && i != 11 && i != 20) {
        // Deep in the exercise region the price carries no volatility information.
        assertThat(ivStatus[i]).isEqualTo(PricingStatus.NO_TIME_VALUE.code());
      }
    }
    assertThat(ok).isGreaterThan(150);
    assertThatThrownBy(() -> model.price(b, new double[n - 1], status))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("priceOut");
  }

  /**
   * The default price is smooth in the volatility at the 1e-9 scale: bumped greeks and the implied
   * volatility depend on it. A deep in-the-money call with q &lt; r over 17 years (where an
   * accelerated fixed point once made the value jitter by 3e-6 between volatilities 1e-9 apart) and
   * a wide random set must round-trip through the implied volatility to 1e-9.
   */
  @Test
  void priceIsSmoothInVolatilityAndImpliedVolRoundTrips() {
    AmericanModel model = AmericanModel.create();
    double k = 75.29498688785236;
    double t = 17.041085799381822;
    double r = 0.1847437997290039;
    double q = 0.1577755185140859;
    double v = 0.12081555035667944;
    double[] values = new double[11];
    for (int i = 0; i < values.length; i++) {
      values[i] = model.price(CALL, 100, k, t, r, q, v * (1 + (i - 5) * 1e-9));
    }
    for (int i = 1; i < values.length; i++) {
      // Vega here is about 0.7: a step of 1.2e-10 in the volatility moves the value by ~1e-10.
      assertThat(values[i] - values[i - 1]).as("step %d", i).isBetween(-1e-12, 1e-9);
    }
    SplittableRandom rnd = new SplittableRandom(5);
    for (int n = 0; n < 2_000; n++) {
      boolean c = rnd.nextBoolean();
      double kk = 100 * Math.exp(rnd.nextDouble(-3, 3));
      double tt = Math.exp(rnd.nextDouble(Math.log(1 / (365 * 24.0)), Math.log(30)));
      double rr = rnd.nextDouble(-0.05, 0.2);
      double qq = rnd.nextDouble(-0.05, 0.2);
      double vv = Math.exp(rnd.nextDouble(Math.log(0.005), Math.log(5)));
      OptionType type = c ? CALL : PUT;
      double p = model.price(type, 100, kk, tt, rr, qq, vv);
      ImpliedVolResult iv = model.impliedVolatility(type, 100, kk, tt, rr, qq, p);
      if (iv.isOk()) {
        assertThat(model.price(type, 100, kk, tt, rr, qq, iv.volatility()))
            .as("case %d", n)
            .isCloseTo(p, within(1e-9 * p + 1e-14 * kk));
      }
    }
  }
}
