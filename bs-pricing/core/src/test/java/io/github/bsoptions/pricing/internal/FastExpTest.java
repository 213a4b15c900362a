package io.github.bsoptions.pricing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FastExpTest {
  private static final MathContext MC = new MathContext(40);

  /** {@code e^x} to 40 digits: {@code (e^{x / 2^k})^{2^k}} with a Taylor series inside. */
  private static BigDecimal exp(double x) {
    return BigExp.exp(new BigDecimal(x), MC, 16, 30);
  }

  private static double ulpError(double x) {
    BigDecimal exact = exp(x);
    double rounded = exact.doubleValue();
    return exact.subtract(new BigDecimal(FastExp.exp(x))).abs().doubleValue() / Math.ulp(rounded);
  }

  @Test
  void withinSixTenthsOfAnUlpAcrossTheRange() {
    SplittableRandom rnd = new SplittableRandom(20261202L);
    double worst = 0;
    for (int i = 0; i < 6_000; i++) {
      double x;
      switch (i % 4) {
        case 0:
          x = rnd.nextDouble(-0.2, 0.2); // discount factors, e^{x/2}
          break;
        case 1:
          x = -0.5 * rnd.nextDouble(0, 32); // normal densities
          break;
        case 2:
          x = rnd.nextDouble(-707, 707); // every exponent
          break;
        default:
          // the ends of the table intervals: x near (32 m + j + 1/2) ln2 / 32, where k switches
          x =
              (Math.floor(rnd.nextDouble(-2000, 2000)) + 0.5) * Math.log(2) / 32
                  + rnd.nextDouble(-1e-12, 1e-12);
          break;
      }
      worst = Math.max(worst, ulpError(x));
    }
    assertThat(worst).isLessThan(0.6);
  }

  @Test
  void exactAndSpecialValues() {
    assertThat(FastExp.exp(0.0)).isEqualTo(1.0);
    assertThat(FastExp.exp(-0.0)).isEqualTo(1.0);
    assertThat(FastExp.exp(Math.log(2.0))).isEqualTo(2.0);
    assertThat(FastExp.exp(707.9)).isEqualTo(Math.exp(707.9));
    assertThat(FastExp.exp(-707.9)).isEqualTo(Math.exp(-707.9));
    assertThat(FastExp.exp(709.0)).isEqualTo(Math.exp(709.0));
    assertThat(FastExp.exp(-745.0)).isEqualTo(Math.exp(-745.0));
    assertThat(FastExp.exp(710.0)).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(FastExp.exp(-800.0)).isEqualTo(0.0);
    assertThat(FastExp.exp(Double.NEGATIVE_INFINITY)).isEqualTo(0.0);
    assertThat(FastExp.exp(Double.POSITIVE_INFINITY)).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(FastExp.exp(Double.NaN)).isNaN();
  }
}
