package io.github.bsoptions.app.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

/** The performance formulas on series whose answers are known by hand. */
class PerformanceTest {
  @Test
  void maxDrawdownIsTheDeepestFallFromAPeak() {
    // peaks 110 then 120; falls 110->99 (10%) and 120->90 (25%)
    assertThat(Performance.maxDrawdown(new double[] {100, 110, 99, 120, 90, 130}))
        .isCloseTo(0.25, offset(1e-12));
    assertThat(Performance.maxDrawdown(new double[] {100, 101, 102})).isZero();
    assertThat(Performance.maxDrawdown(new double[0])).isZero();
    assertThatThrownBy(() -> Performance.maxDrawdown(new double[] {100, 0}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("equity[1]");
  }

  @Test
  void sharpeIsMeanOverSampleDeviationAnnualized() {
    // returns +1%, -1%, +1%, -1%, +2%: mean 0.4%, sample deviation over n - 1 = 4
    double[] r = {0.01, -0.01, 0.01, -0.01, 0.02};
    double[] close = new double[r.length];
    double e = 1000;
    for (int i = 0; i < r.length; i++) {
      e *= 1 + r[i];
      close[i] = e;
    }
    double mean = 0.004;
    double ss = 0;
    for (double x : r) {
      ss += (x - mean) * (x - mean);
    }
    double expected = mean / Math.sqrt(ss / 4) * Math.sqrt(252);
    assertThat(Performance.sharpe(1000, close)).isCloseTo(expected, offset(1e-9));
    assertThat(Performance.sharpe(1000, new double[] {1001, 1002, 1003, 1004})).isNaN();
    assertThat(Performance.sharpe(1000, new double[] {1000, 1000, 1000, 1000, 1000})).isNaN();
  }

  @Test
  void hitRateAndTurnover() {
    assertThat(Performance.hitRate(new double[] {5, -2, 0, 7})).isEqualTo(0.5);
    assertThat(Performance.hitRate(new double[0])).isNaN();
    assertThat(Performance.turnover(50_000, 250_000)).isEqualTo(0.2);
    assertThatThrownBy(() -> Performance.turnover(1, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("averageEquity");
  }
}
