package io.github.bsoptions.signals.vol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.bsoptions.data.model.Bar;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RealizedVolatilityTest {
  private static final double LN2 = Math.log(2);

  @Test
  void closeToClose_matchesFormula() {
    double[] c = {100, 101, 99, 102};
    double r1 = Math.log(1.01);
    double r2 = Math.log(99.0 / 101);
    double r3 = Math.log(102.0 / 99);
    double m = (r1 + r2 + r3) / 3;
    double v = ((r1 - m) * (r1 - m) + (r2 - m) * (r2 - m) + (r3 - m) * (r3 - m)) / 2;
    assertThat(RealizedVolatility.closeToCloseVariance(c)).isCloseTo(v, within(1e-16));
    assertThat(RealizedVolatility.closeToClose(c, 252))
        .isCloseTo(Math.sqrt(252 * v), within(1e-14));
  }

  @Test
  void rangeEstimators_matchFormulas() {
    double[] o = {100, 101};
    double[] h = {102, 103};
    double[] l = {99, 100};
    double[] c = {101, 102};
    double p = (Math.pow(Math.log(102.0 / 99), 2) + Math.pow(Math.log(103.0 / 100), 2)) / (8 * LN2);
    assertThat(RealizedVolatility.parkinsonVariance(h, l)).isCloseTo(p, within(1e-16));
    double gk0 =
        0.5 * Math.pow(Math.log(102.0 / 99), 2) - (2 * LN2 - 1) * Math.pow(Math.log(1.01), 2);
    double gk1 =
        0.5 * Math.pow(Math.log(1.03), 2) - (2 * LN2 - 1) * Math.pow(Math.log(102.0 / 101), 2);
    assertThat(RealizedVolatility.garmanKlassVariance(o, h, l, c))
        .isCloseTo((gk0 + gk1) / 2, within(1e-16));
  }

  @Test
  void yangZhang_matchesFormula() {
    double[] o = {100, 101, 100.5};
    double[] h = {102, 103, 102};
    double[] l = {99, 100, 99.5};
    double[] c = {101, 102, 101};
    double[] on = {Math.log(101.0 / 101), Math.log(100.5 / 102)};
    double[] oc = {Math.log(102.0 / 101), Math.log(101 / 100.5)};
    double rs =
        (Math.log(103.0 / 102) * Math.log(103.0 / 101)
                + Math.log(100.0 / 102) * Math.log(100.0 / 101)
                + Math.log(102.0 / 101) * Math.log(102 / 100.5)
                + Math.log(99.5 / 101) * Math.log(99.5 / 100.5))
            / 2;
    double k = 0.34 / (1.34 + 3.0 / 1.0);
    double expected =
        RealizedVolatility.sampleVariance(on)
            + k * RealizedVolatility.sampleVariance(oc)
            + (1 - k) * rs;
    assertThat(RealizedVolatility.yangZhangVariance(o, h, l, c)).isCloseTo(expected, within(1e-16));
  }

  @Test
  void estimators_recoverTrueVolatility_onSimulatedIntradayPaths() {
    SplittableRandom rng = new SplittableRandom(5);
    double sigma = 0.30;
    int steps = 390;
    double dt = 1.0 / (252 * steps);
    double s = 100;
    List<Bar> bars = new ArrayList<>();
    for (int d = 0; d < 500; d++) {
      double open = s;
      double hi = s;
      double lo = s;
      for (int i = 0; i < steps; i++) {
        s *= Math.exp(-0.5 * sigma * sigma * dt + sigma * Math.sqrt(dt) * rng.nextGaussian());
        hi = Math.max(hi, s);
        lo = Math.min(lo, s);
      }
      bars.add(new Bar("X", Instant.ofEpochSecond(86_400L * d), open, hi, lo, s, 1, 1, s));
    }
    for (RealizedVolatility.Estimator e : RealizedVolatility.Estimator.values()) {
      // Discrete monitoring biases range estimators down by a few percent.
      assertThat(RealizedVolatility.of(bars, e)).as(e.name()).isCloseTo(sigma, within(0.03));
    }
  }

  @Test
  void rejectsBadPrices() {
    assertThatThrownBy(() -> RealizedVolatility.closeToClose(new double[] {1, -1, 2}, 252))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("closes[1]");
  }
}
