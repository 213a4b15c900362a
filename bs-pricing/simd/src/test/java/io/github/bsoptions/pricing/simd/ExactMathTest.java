package io.github.bsoptions.pricing.simd;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bsoptions.pricing.internal.FastExp;
import io.github.bsoptions.pricing.internal.FastLog;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The lane-wise copies of {@code FastLog} and {@code FastExp} agree with them to the bit. */
class ExactMathTest {
  private static final int N = 1 << 16;

  @Test
  void logEqualsFastLogBitForBitOverTheNormalRange() {
    SplittableRandom rnd = new SplittableRandom(11);
    double[] in = new double[N];
    double[] add = new double[N];
    double[] w = new double[N];
    for (int i = 0; i < N; i++) {
      // log-uniform over the normal doubles, plus a dense band around 1 (the table's c = 1 cells)
      in[i] =
          i % 4 == 0
              ? 1 + rnd.nextDouble(-0.02, 0.02)
              : Math.exp(rnd.nextDouble(-708, 709)) * (1 + rnd.nextDouble(-1e-3, 1e-3));
      add[i] = rnd.nextDouble(-0.1, 0.1);
      w[i] = rnd.nextBoolean() ? 1.0 : -1.0;
    }
    in[0] = Double.MIN_NORMAL;
    in[1] = Double.MAX_VALUE;
    in[2] = 1.0;
    in[3] = Math.nextDown(1.0);
    double[] out = new double[N];
    ExactMath.log(in, add, w, out, new int[N], N);
    double[] plain = new double[N];
    ExactMath.log(in, new double[N], null, plain, new int[N], N);
    for (int i = 0; i < N; i++) {
      assertThat(Double.doubleToRawLongBits(out[i]))
          .as("w (log(%s) + %s)", in[i], add[i])
          .isEqualTo(Double.doubleToRawLongBits(w[i] * (FastLog.log(in[i]) + add[i])));
      assertThat(Double.doubleToRawLongBits(plain[i]))
          .as("log(%s)", in[i])
          .isEqualTo(Double.doubleToRawLongBits(FastLog.log(in[i]) + 0.0));
    }
  }

  @Test
  void expEqualsFastExpBitForBitBelowItsLimit() {
    SplittableRandom rnd = new SplittableRandom(12);
    double[] in = new double[N];
    double[] root = new double[N];
    for (int i = 0; i < N; i++) {
      in[i] = i % 2 == 0 ? rnd.nextDouble(-707.9, 707.9) : rnd.nextDouble(-2, 2);
      root[i] = rnd.nextDouble(1e-3, 1e6);
    }
    in[0] = 0;
    in[1] = -707.99;
    in[2] = 707.99;
    for (double scale : new double[] {1.0, 0.5}) {
      double[] r = new double[N];
      double[] pow = new double[N];
      int[] tab = new int[N];
      double[] out = new double[N];
      double[] scaled = new double[N];
      ExactMath.expReduce(in, scale, r, pow, tab, N);
      ExactMath.expFinish(r, pow, null, out, tab, N);
      ExactMath.expFinish(r, pow, root, scaled, tab, N);
      for (int i = 0; i < N; i++) {
        double e = FastExp.exp(scale * in[i]);
        assertThat(Double.doubleToRawLongBits(out[i]))
            .as("exp(%s * %s)", scale, in[i])
            .isEqualTo(Double.doubleToRawLongBits(e));
        assertThat(Double.doubleToRawLongBits(scaled[i]))
            .as("sqrt(%s) exp(%s * %s)", root[i], scale, in[i])
            .isEqualTo(Double.doubleToRawLongBits(Math.sqrt(root[i]) * e));
      }
    }
  }
}
