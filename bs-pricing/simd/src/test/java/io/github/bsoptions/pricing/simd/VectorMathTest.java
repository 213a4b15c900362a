package io.github.bsoptions.pricing.simd;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bsoptions.pricing.formula.NormalDistribution;
import java.util.SplittableRandom;
import jdk.incubator.vector.DoubleVector;
import org.junit.jupiter.api.Test;

class VectorMathTest {
  private static final int L = VectorMath.SPECIES.length();

  private interface VOp {
    DoubleVector apply(DoubleVector v);
  }

  private static double[] apply(VOp op, double[] x) {
    double[] out = new double[x.length];
    for (int i = 0; i < x.length; i += L) {
      op.apply(DoubleVector.fromArray(VectorMath.SPECIES, x, i)).intoArray(out, i);
    }
    return out;
  }

  private static double[] uniform(long seed, int n, double lo, double hi) {
    SplittableRandom rnd = new SplittableRandom(seed);
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = rnd.nextDouble(lo, hi);
    }
    return x;
  }

  @Test
  void expIsWithinTwoUlpsOfMathExpIncludingSubnormalResults() {
    double[] x = uniform(1, 64 * L * 64, -745, 709);
    x[0] = 0;
    x[1] = -745.0;
    x[2] = 709.7;
    x[3] = 1e-300;
    double[] y = apply(VectorMath::exp, x);
    for (int i = 0; i < x.length; i++) {
      double e = Math.exp(x[i]);
      assertThat(Math.abs(y[i] - e)).as("exp(%s)", x[i]).isLessThanOrEqualTo(2 * Math.ulp(e));
    }
    double[] special = new double[L];
    java.util.Arrays.fill(special, Double.NaN);
    special[0] = -1e6;
    special[L - 1] = 1e6;
    double[] s = apply(VectorMath::exp, special);
    assertThat(s[0]).isEqualTo(0.0);
    assertThat(s[L - 1]).isEqualTo(Double.POSITIVE_INFINITY);
    if (L > 2) {
      assertThat(s[1]).isNaN();
    }
  }

  @Test
  void logIsWithinTwoUlpsOfMathLogIncludingSubnormalInputs() {
    double[] e = uniform(2, 64 * L * 64, -740, 700);
    double[] x = new double[e.length];
    for (int i = 0; i < x.length; i++) {
      x[i] = Math.exp(e[i]);
    }
    x[0] = 1.0;
    x[1] = Double.MIN_VALUE;
    x[2] = Double.MAX_VALUE;
    x[3] = 1.0 + Math.ulp(1.0);
    double[] y = apply(VectorMath::log, x);
    for (int i = 0; i < x.length; i++) {
      double ref = Math.log(x[i]);
      assertThat(Math.abs(y[i] - ref))
          .as("log(%s)", x[i])
          .isLessThanOrEqualTo(2 * Math.ulp(ref) + Double.MIN_VALUE);
    }
  }

  @Test
  void cdfMatchesTheScalarReferenceToAFewUlpsRelativeIntoTheFarTail() {
    double[] x = uniform(3, 64 * L * 64, -38, 9);
    x[0] = 0;
    x[1] = -37.5;
    x[2] = 0.67448975;
    x[3] = 5.656854249492380195206754896838;
    double[] y = apply(VectorMath::cdf, x);
    double worst = 0;
    for (int i = 0; i < x.length; i++) {
      double ref = NormalDistribution.cdf(x[i]);
      double rel = ref == 0 ? Math.abs(y[i]) : Math.abs(y[i] - ref) / ref;
      if (ref > 1e-300) {
        worst = Math.max(worst, rel);
      }
    }
    assertThat(worst).isLessThanOrEqualTo(1e-14);
  }

  @Test
  void ulpMatchesMathUlp() {
    double[] x = uniform(4, 8 * L, 1e-3, 1e3);
    double[] y = apply(VectorMath::ulp, x);
    for (int i = 0; i < x.length; i++) {
      assertThat(y[i]).isEqualTo(Math.ulp(x[i]));
    }
  }
}
