package io.github.bsoptions.pricing.american;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bsoptions.pricing.formula.NormalDistribution;
import org.junit.jupiter.api.Test;

/** The vectorized normal distribution function of the ALO iterations against the full one. */
class FastNormalTest {

  @Test
  void vectorCdfIsAccurateInAbsoluteTermsAndInTheLeftTail() {
    int n = 240_001;
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = -12 + 24.0 * i / (n - 1);
    }
    double[] out = new double[n];
    FastNormal.cdf(x, out, n, new double[n], new double[n]);
    double maxAbs = 0;
    double maxRelLeft = 0;
    for (int i = 0; i < n; i++) {
      double ref = NormalDistribution.cdf(x[i]);
      maxAbs = Math.max(maxAbs, Math.abs(out[i] - ref));
      if (x[i] <= 0 && x[i] >= -9) {
        maxRelLeft = Math.max(maxRelLeft, Math.abs(out[i] / ref - 1));
      }
      assertThat(out[i]).as("x = %s", x[i]).isBetween(0.0, 1.0);
    }
    // Measured: 1.6e-15 absolute (near 0, where the value is 1/2 - t), 2.1e-14 relative for x < 0
    // (near -9: the five squarings of e^w multiply its rounding errors by 32).
    assertThat(maxAbs).isLessThan(4e-15);
    assertThat(maxRelLeft).isLessThan(5e-14);
  }

  @Test
  void vectorCdfAgreesWithTheScalarOneAndHandlesEdges() {
    double[] x = {
      0.0,
      -0.0,
      1e-300,
      -1e-300,
      0.3,
      -0.3,
      2.5,
      -2.5,
      8.99,
      -8.99,
      9.5,
      -9.5,
      40,
      -40,
      Double.POSITIVE_INFINITY,
      Double.NEGATIVE_INFINITY,
      Double.NaN
    };
    double[] out = new double[x.length + 3];
    FastNormal.cdf(x, out, x.length, new double[x.length], new double[x.length]);
    assertThat(out[0]).isEqualTo(0.5);
    assertThat(out[1]).isEqualTo(0.5);
    for (int i = 2; i < x.length - 1; i++) {
      assertThat(out[i]).as("x = %s", x[i]).isCloseTo(FastNormal.cdf(x[i]), within(1e-14));
    }
    // Beyond 9 the left tail stays at N(-9) = 1.1e-19 and the right tail is 1.
    assertThat(out[11]).isCloseTo(1.1285884059538408e-19, withinPercentage(1e-9));
    assertThat(out[12]).isEqualTo(1.0);
    assertThat(out[15]).isLessThan(1.2e-19);
    assertThat(out[16]).isNaN();
    assertThat(out[x.length]).as("entries past count untouched").isEqualTo(0.0);
  }

  private static org.assertj.core.data.Offset<Double> within(double d) {
    return org.assertj.core.data.Offset.offset(d);
  }

  private static org.assertj.core.data.Percentage withinPercentage(double p) {
    return org.assertj.core.data.Percentage.withPercentage(p);
  }
}
