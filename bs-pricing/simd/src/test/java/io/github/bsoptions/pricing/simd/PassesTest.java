package io.github.bsoptions.pricing.simd;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bsoptions.pricing.formula.NormalDistribution;
import io.github.bsoptions.pricing.internal.CodyNormal;
import java.util.SplittableRandom;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import org.junit.jupiter.api.Test;

class PassesTest {
  private static final int L = VectorMath.SPECIES.length();

  // The two passes that cdfBodyListing replaced (main code up to 59b25ff), as the reference:
  // Cody's middle rational on every lane, then the central lanes replaced.
  private static void cdfMiddle(
      double[] w, double[] d, double[] dens, double[] out, int from, int n) {
    for (int j = from; j < n; j += L) {
      DoubleVector x =
          DoubleVector.fromArray(VectorMath.SPECIES, w, j)
              .mul(DoubleVector.fromArray(VectorMath.SPECIES, d, j));
      VectorMath.cdfMiddle(x, DoubleVector.fromArray(VectorMath.SPECIES, dens, j))
          .intoArray(out, j);
    }
  }

  private static void cdfCentral(double[] w, double[] d, double[] out, int from, int n) {
    for (int j = from; j < n; j += L) {
      DoubleVector x =
          DoubleVector.fromArray(VectorMath.SPECIES, w, j)
              .mul(DoubleVector.fromArray(VectorMath.SPECIES, d, j));
      VectorMask<Double> central = x.abs().compare(VectorOperators.LE, VectorMath.BODY_LIMIT);
      if (central.anyTrue()) {
        DoubleVector x2 = x.mul(x);
        DoubleVector an =
            x2.mul(CodyNormal.A4)
                .add(CodyNormal.A0)
                .mul(x2)
                .add(CodyNormal.A1)
                .mul(x2)
                .add(CodyNormal.A2)
                .mul(x2);
        DoubleVector bd =
            x2.add(CodyNormal.B0).mul(x2).add(CodyNormal.B1).mul(x2).add(CodyNormal.B2).mul(x2);
        DoubleVector body = x.mul(an.add(CodyNormal.A3)).div(bd.add(CodyNormal.B3)).add(0.5);
        DoubleVector.fromArray(VectorMath.SPECIES, out, j).blend(body, central).intoArray(out, j);
      }
    }
  }

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
    cdfMiddle(w, d, dens, expected, 0, n);
    cdfCentral(w, d, expected, 0, n);
    double[] fused = new double[n];
    int[] far = new int[n / L];
    int size = Passes.cdfBodyListing(w, d, dens, fused, far, 0, n);

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
