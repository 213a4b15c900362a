package io.github.bsoptions.pricing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FastLogTest {
  private static final MathContext MC = new MathContext(40);

  /** {@code ln x} to 40 digits: Newton's method on {@code e^y = x} from {@link Math#log}. */
  private static BigDecimal ln(double x) {
    BigDecimal target = new BigDecimal(x);
    BigDecimal y = new BigDecimal(Math.log(x));
    for (int i = 0; i < 2; i++) {
      y = y.add(target.multiply(exp(y.negate()), MC).subtract(BigDecimal.ONE), MC);
    }
    return y;
  }

  private static BigDecimal exp(BigDecimal a) {
    return BigExp.exp(a, MC, 12, 30);
  }

  private static double ulpError(double x) {
    BigDecimal exact = ln(x);
    double rounded = exact.doubleValue();
    return exact.subtract(new BigDecimal(FastLog.log(x))).abs().doubleValue() / Math.ulp(rounded);
  }

  @Test
  void withinAnUlpAcrossTheRange() {
    SplittableRandom rnd = new SplittableRandom(20261202L);
    double worst = 0;
    for (int i = 0; i < 8_000; i++) {
      double x;
      switch (i % 4) {
        case 0:
          x = Math.exp(rnd.nextDouble(-0.7, 0.7)); // moneyness S/K
          break;
        case 1:
          x = 1 + rnd.nextDouble(-0.02, 0.02); // the intervals around 1
          break;
        case 2:
          x = Math.exp(rnd.nextDouble(-700, 700)); // every exponent
          break;
        default:
          x = 1 + rnd.nextDouble(-1e-9, 1e-9); // relative accuracy next to 1
          break;
      }
      if (x == 1) {
        continue;
      }
      worst = Math.max(worst, ulpError(x));
    }
    assertThat(worst).isLessThan(1.0);
  }

  @Test
  void exactAndSpecialValues() {
    assertThat(FastLog.log(1.0)).isEqualTo(0.0);
    assertThat(FastLog.log(2.0)).isEqualTo(Math.log(2.0));
    assertThat(FastLog.log(0.5)).isEqualTo(-Math.log(2.0));
    assertThat(FastLog.log(Double.MAX_VALUE)).isEqualTo(Math.log(Double.MAX_VALUE));
    assertThat(FastLog.log(Double.MIN_NORMAL)).isEqualTo(Math.log(Double.MIN_NORMAL));
    assertThat(FastLog.log(Double.MIN_VALUE)).isEqualTo(Math.log(Double.MIN_VALUE));
    assertThat(FastLog.log(0.0)).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(FastLog.log(-1.0)).isNaN();
    assertThat(FastLog.log(Double.NaN)).isNaN();
    assertThat(FastLog.log(Double.POSITIVE_INFINITY)).isEqualTo(Double.POSITIVE_INFINITY);
  }
}
