package io.github.bsoptions.pricing.simd;

import static io.github.bsoptions.pricing.simd.VectorMath.SPECIES;

import io.github.bsoptions.pricing.internal.FastExp;
import io.github.bsoptions.pricing.internal.FastLog;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * Lane-wise copies of the scalar kernels' {@code FastLog.log} and {@code FastExp.exp} that agree
 * with them to the bit: the same operations in the same order, their tables read by gathers (which
 * C2 intrinsifies on JDK 17; the table indices go through a small {@code int[]} the caller
 * provides). Used where a value must be the scalar backend's exactly: the log-moneyness of a row
 * priced by the normalised Black function (an ulp in {@code x} moves a deep out-of-the-money price
 * by about {@code h^2} ulps) and the quantities that decide the implied-volatility bounds.
 *
 * <p>Arguments only in the scalar functions' main range: {@link #log} for positive normal numbers,
 * {@link #exp} for {@code |x| < 708}; callers route other rows to the scalar kernels.
 */
final class ExactMath {
  private static final int L = SPECIES.length();

  /** Int lanes matching the double lanes (gather index maps). */
  static final VectorSpecies<Integer> INTS =
      VectorSpecies.of(int.class, VectorShape.forBitSize(Math.max(64, L * 32)));

  private static final double[] LOG_TABLE = FastLog.tables();
  private static final int LOG_BITS = FastLog.TABLE_BITS;
  private static final int LOG_SIZE = 1 << LOG_BITS;
  private static final long LOG_OFF = FastLog.TABLE_OFFSET;
  private static final double LN2_HI = LOG_TABLE[4 * LOG_SIZE];
  private static final double LN2_LO = LOG_TABLE[4 * LOG_SIZE + 1];

  private static final double[] EXP_TABLE = FastExp.tables();
  private static final double INV_LN2_32 = EXP_TABLE[0];
  private static final double LN2_32_HI = EXP_TABLE[1];
  private static final double LN2_32_LO = EXP_TABLE[2];

  /** The largest {@code |x|} {@link #exp} takes (the scalar function's limit, exclusive). */
  static final double EXP_LIMIT = EXP_TABLE[3];

  /** Adding and subtracting this rounds to an integer, ties to even, for {@code |x| < 2^51}. */
  private static final double ROUND = 0x1.8p52;

  private static final long ROUND_BITS = Double.doubleToRawLongBits(ROUND);

  private ExactMath() {}

  /**
   * {@code out = w (FastLog.log(in) + add)} lane-wise over the first {@code n} elements ({@code w}
   * may be null: no factor), for positive normal {@code in}; {@code tab} is scratch of at least
   * {@code n} entries.
   *
   * <p>A pass of its own with the function written out: C2 inlines a hot method only up to 325
   * bytes of bytecode and never one it has already compiled into a large method, and any Vector API
   * value passed to a method left out of line is boxed.
   */
  static void log(double[] in, double[] add, double[] w, double[] out, int[] tab, int n) {
    for (int k = 0; k < n; k += L) {
      DoubleVector x = DoubleVector.fromArray(SPECIES, in, k);
      LongVector ix = x.reinterpretAsLongs();
      LongVector tmp = ix.sub(LOG_OFF);
      ((IntVector)
              tmp.lanewise(VectorOperators.LSHR, 52 - LOG_BITS)
                  .and(LOG_SIZE - 1)
                  .convertShape(VectorOperators.L2I, INTS, 0))
          .intoArray(tab, k);
      DoubleVector kd =
          (DoubleVector) tmp.lanewise(VectorOperators.ASHR, 52).convert(VectorOperators.L2D, 0);
      DoubleVector z = ix.sub(tmp.and(0xfffL << 52)).reinterpretAsDoubles();
      DoubleVector centre = DoubleVector.fromArray(SPECIES, LOG_TABLE, 0, tab, k);
      DoubleVector inv = DoubleVector.fromArray(SPECIES, LOG_TABLE, LOG_SIZE, tab, k);
      DoubleVector logHi = DoubleVector.fromArray(SPECIES, LOG_TABLE, 2 * LOG_SIZE, tab, k);
      DoubleVector logLo = DoubleVector.fromArray(SPECIES, LOG_TABLE, 3 * LOG_SIZE, tab, k);
      DoubleVector r = z.sub(centre).mul(inv);
      DoubleVector hi = kd.mul(LN2_HI).add(logHi);
      DoubleVector sum = hi.add(r);
      DoubleVector lo = hi.sub(sum).add(r);
      DoubleVector r2 = r.mul(r);
      DoubleVector r4 = r2.mul(r2);
      DoubleVector poly =
          r.mul(1.0 / 3)
              .add(-0.5)
              .add(r2.mul(r.mul(0.2).add(-0.25)))
              .add(r4.mul(r.mul(1.0 / 7).add(-1.0 / 6).add(r2.mul(r.mul(1.0 / 9).add(-0.125)))));
      DoubleVector log = sum.add(lo.add(kd.mul(LN2_LO).add(logLo).add(r2.mul(poly))));
      DoubleVector x2 = log.add(DoubleVector.fromArray(SPECIES, add, k));
      if (w != null) {
        x2 = x2.mul(DoubleVector.fromArray(SPECIES, w, k));
      }
      x2.intoArray(out, k);
    }
  }

  /**
   * The argument reduction of {@code FastExp.exp(scale in)} lane-wise over the first {@code n}
   * elements, for {@code |scale in| < 708} (other lanes get unspecified values): the remainder into
   * {@code r}, the power of two into {@code pow}, the table index into {@code tab}. {@link
   * #expFinish} completes it: two passes, since one is past C2's inlining budget on JDK 17 (the
   * gathers left out of line allocated).
   */
  static void expReduce(double[] in, double scale, double[] r, double[] pow, int[] tab, int n) {
    for (int k = 0; k < n; k += L) {
      DoubleVector x = DoubleVector.fromArray(SPECIES, in, k).mul(scale);
      // Math.rint by adding and subtracting 1.5 2^52; k from the bits of the sum (a conversion
      // to long is not intrinsified on JDK 17).
      DoubleVector shifted = x.mul(INV_LN2_32).add(ROUND);
      DoubleVector kd = shifted.sub(ROUND);
      LongVector kl = shifted.reinterpretAsLongs().sub(ROUND_BITS);
      x.sub(kd.mul(LN2_32_HI)).sub(kd.mul(LN2_32_LO)).intoArray(r, k);
      ((IntVector) kl.and(31).convertShape(VectorOperators.L2I, INTS, 0)).intoArray(tab, k);
      kl.lanewise(VectorOperators.ASHR, 5)
          .add(1023)
          .lanewise(VectorOperators.LSHL, 52)
          .reinterpretAsDoubles()
          .intoArray(pow, k);
    }
  }

  /**
   * {@code out = FastExp.exp(..)} from {@link #expReduce}'s columns, times {@code sqrt(root)}
   * unless {@code root} is null.
   */
  static void expFinish(double[] rs, double[] pow, double[] root, double[] out, int[] tab, int n) {
    for (int k = 0; k < n; k += L) {
      DoubleVector r = DoubleVector.fromArray(SPECIES, rs, k);
      DoubleVector r2 = r.mul(r);
      DoubleVector p =
          r.add(
              r2.mul(
                  r.mul(1.0 / 6)
                      .add(0.5)
                      .add(r2.mul(r.mul(1.0 / 120).add(1.0 / 24).add(r2.mul(1.0 / 720))))));
      DoubleVector hi = DoubleVector.fromArray(SPECIES, EXP_TABLE, 4, tab, k);
      DoubleVector lo = DoubleVector.fromArray(SPECIES, EXP_TABLE, 36, tab, k);
      DoubleVector e = hi.add(lo.add(hi.mul(p))).mul(DoubleVector.fromArray(SPECIES, pow, k));
      if (root != null) {
        e = DoubleVector.fromArray(SPECIES, root, k).lanewise(VectorOperators.SQRT).mul(e);
      }
      e.intoArray(out, k);
    }
  }
}
