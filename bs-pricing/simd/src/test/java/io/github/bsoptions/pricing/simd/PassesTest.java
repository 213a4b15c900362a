package io.github.bsoptions.pricing.simd;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bsoptions.pricing.formula.NormalDistribution;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PassesTest {
  private static final int L = VectorMath.SPECIES.length();

  @Test
  void fusedBodyPassEqualsTheMiddleAndCentralPassesToTheBitAndListsTheFarVectors() {
    int n = 512 * L;
    SplittableRandom rnd = new SplittableRandom(5);
    double[] w = new double[n];
    double[] d = new double[n];
    double[] dens = new double[n];
    for (int i = 0; i < n; i++) {
      w[i] = rnd.nextBoolean() ? 1.0 : -1.0;
      // Mostly central and middle, some far, and the region boundaries exactly.
      d[i] = rnd.nextInt(16) == 0 ? rnd.nextDouble(-12, 12) : rnd.nextDouble(-4, 4);
      dens[i] = NormalDistribution.pdf(d[i]);
    }
    d[0] = VectorMath.BODY_LIMIT;
    d[1] = -VectorMath.BODY_LIMIT;
    d[2] = Math.nextUp(VectorMath.BODY_LIMIT);
    d[3] = VectorMath.SQRT_32;
    d[4] = 0.0;
    for (int i = 0; i < 5; i++) {
      dens[i] = NormalDistribution.pdf(d[i]);
    }
    double[] expected = new double[n];
    Passes.cdfMiddle(w, d, dens, expected, 0, n);
    Passes.cdfCentral(w, d, expected, 0, n);
    double[] fused = new double[n];
    int[] far = new int[n / L];
    int size = Passes.cdfBodyListing(w, d, dens, fused, far, n);

    int expectedSize = 0;
    for (int j = 0; j < n; j += L) {
      boolean anyFar = false;
      for (int i = j; i < j + L; i++) {
        if (Math.abs(d[i]) > VectorMath.SQRT_32) {
          anyFar = true;
        } else {
          assertThat(Double.doubleToRawLongBits(fused[i]))
              .as("row %d, d = %s", i, d[i])
              .isEqualTo(Double.doubleToRawLongBits(expected[i]));
        }
      }
      if (anyFar) {
        assertThat(far[expectedSize]).isEqualTo(j);
        expectedSize++;
      }
    }
    assertThat(size).isEqualTo(expectedSize).isPositive();
  }
}
