package io.github.bsoptions.pricing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.bsoptions.pricing.batch.BatchModel;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link BlackScholesKernel#checkedFastPrice}, which validates only off its common path: the same
 * value as {@link BlackScholesKernel#fastPrice} to the bit for every valid input, and for every
 * invalid one the exception of the scalar API's check ({@link RowChecks}).
 */
class CheckedFastPriceTest {

  @Test
  void sameBitsAsTheUncheckedFastPriceOnRandomChains() {
    SplittableRandom rnd = new SplittableRandom(20261202);
    int bothCentral = 0;
    for (int i = 0; i < 200_000; i++) {
      boolean call = rnd.nextBoolean();
      double spot = 100;
      double strike;
      double expiry;
      double rate;
      double div;
      double vol;
      if (i % 2 == 0) { // the benchmark's domain
        strike = 100 * Math.exp(rnd.nextDouble(-0.5, 0.5));
        expiry = rnd.nextDouble(1.0 / 365, 2.0);
        rate = rnd.nextDouble(0, 0.06);
        div = rnd.nextDouble(0, 0.03);
        vol = rnd.nextDouble(0.1, 0.8);
      } else { // wide: moneyness e^{+-3}, 1e-4 to 30 years, 0.5% to 500%, negative rates
        strike = 100 * Math.exp(rnd.nextDouble(-3, 3));
        expiry = Math.exp(rnd.nextDouble(Math.log(1e-4), Math.log(30)));
        rate = rnd.nextDouble(-0.02, 0.1);
        div = rnd.nextDouble(-0.02, 0.1);
        vol = Math.exp(rnd.nextDouble(Math.log(0.005), Math.log(5)));
      }
      double v = vol * Math.sqrt(expiry);
      double d1 = BlackScholesKernel.logMoneyness(spot, strike, expiry, rate, div) / v + 0.5 * v;
      if (Math.abs(d1) <= CodyNormal.BODY_LIMIT && Math.abs(d1 - v) <= CodyNormal.BODY_LIMIT) {
        bothCentral++;
      }
      double expected = BlackScholesKernel.fastPrice(call, spot, strike, expiry, rate, div, vol);
      double actual =
          BlackScholesKernel.checkedFastPrice(call, spot, strike, expiry, rate, div, vol);
      assertThat(Double.doubleToRawLongBits(actual))
          .as("option %d", i)
          .isEqualTo(Double.doubleToRawLongBits(expected));
    }
    // The path without the density exponential is exercised (a third of the benchmark's domain).
    assertThat(bothCentral).isGreaterThan(20_000);
  }

  @Test
  void validEdgeInputsArePricedAsByTheUncheckedFastPrice() {
    double[][] cases = {
      {42, 40, 0.5, 0.1, 0.02, 0.2},
      {-0.0, 40, 0.5, 0.1, 0.02, 0.2},
      {42, -0.0, 0.5, 0.1, 0.02, 0.2},
      {42, 40, -0.0, 0.1, 0.02, 0.2},
      {42, 40, 0.5, 0.1, 0.02, -0.0},
      {0, 0, 0, 0, 0, 0},
      {1e308, 1e308, 0.5, 0.01, 0, 0.2},
      {Double.MIN_VALUE, 40, 0.5, 0.1, 0.02, 0.2},
      {42, Double.MIN_VALUE, 0.5, 0.1, 0.02, 0.2},
      {42, 40, 1e300, 0.1, 0.02, 1e-300},
      {42, 40, 0.5, 1e300, -1e300, 0.2},
      {42, 40, 0.5, -1e308, 1e308, 0.2},
      {42, 40, 0.5, Double.MAX_VALUE, Double.MAX_VALUE, 0.2},
      {42, 40, 1e-300, 0.1, 0.02, 0.2},
      {42, 40, 30, 0.1, 0.02, 5},
    };
    for (double[] c : cases) {
      for (boolean call : new boolean[] {true, false}) {
        double expected = BlackScholesKernel.fastPrice(call, c[0], c[1], c[2], c[3], c[4], c[5]);
        double actual =
            BlackScholesKernel.checkedFastPrice(call, c[0], c[1], c[2], c[3], c[4], c[5]);
        assertThat(Double.doubleToRawLongBits(actual))
            .as("%s %s", call, java.util.Arrays.toString(c))
            .isEqualTo(Double.doubleToRawLongBits(expected));
      }
    }
  }

  @Test
  void invalidInputsThrowTheScalarCheckException() {
    double[] valid = {42, 40, 0.5, 0.1, 0.02, 0.2};
    double[] bad = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -1e-300, -5};
    for (int field = 0; field < valid.length; field++) {
      for (double value : bad) {
        if ((field == 3 || field == 4) && Double.isFinite(value)) {
          continue; // negative rates and dividend yields are valid
        }
        double[] in = valid.clone();
        in[field] = value;
        assertSameException(in);
      }
    }
    // Both spot and strike negative: their ratio is positive and its logarithm finite.
    assertSameException(new double[] {-42, -40, 0.5, 0.1, 0.02, 0.2});
    assertSameException(new double[] {-42, -42, 0.5, 0.1, 0.02, 0.2});
    // Negative expiry and volatility together: their product under the root is positive.
    assertSameException(new double[] {42, 40, -0.5, 0.1, 0.02, -0.2});
    assertSameException(new double[] {42, 40, 0.5, Double.NaN, Double.NaN, 0.2});
    assertSameException(
        new double[] {42, 40, 0.5, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, 0.2});
    assertSameException(
        new double[] {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, 0.5, 0.1, 0.02, 0.2});
  }

  private static void assertSameException(double[] in) {
    byte code =
        RowChecks.validate(BatchModel.BLACK_SCHOLES, in[0], in[1], in[2], in[3], in[4], in[5]);
    String message = null;
    try {
      RowChecks.throwIfInvalid(
          BatchModel.BLACK_SCHOLES, code, in[0], in[1], in[2], in[3], in[4], in[5]);
    } catch (IllegalArgumentException e) {
      message = e.getMessage();
    }
    assertThat(message).as(java.util.Arrays.toString(in)).isNotNull();
    for (boolean call : new boolean[] {true, false}) {
      assertThatThrownBy(
              () ->
                  BlackScholesKernel.checkedFastPrice(
                      call, in[0], in[1], in[2], in[3], in[4], in[5]))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(message);
    }
  }
}
