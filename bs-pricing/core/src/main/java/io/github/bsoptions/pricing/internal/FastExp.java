package io.github.bsoptions.pricing.internal;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * The exponential function written out in Java for the pricing hot paths, to within about 0.6 ulp
 * (the same class of accuracy as {@link Math#exp}, which allows 1 ulp).
 *
 * <p>Why: {@link Math#exp} is an intrinsic that the JIT compiles as a call to a stub, which
 * clobbers every floating-point register, so the caller spills and reloads its live values around
 * each call; a price with three exponentials spent about a quarter of its time there. This version
 * is plain arithmetic that the JIT schedules with the rest of the formula.
 *
 * <p>Method (Tang's table-driven algorithm): {@code x = (32 m + j) ln2/32 + r} with {@code |r| <=
 * ln2/64}, {@code e^x = 2^m 2^(j/32) e^r}; {@code 2^(j/32)} comes from a 32-entry table stored as a
 * pair of doubles (computed exactly at class initialisation), {@code e^r - 1} from its degree-6
 * Taylor polynomial (truncation below 4e-18). Arguments of magnitude 708 or more (overflow,
 * underflow to subnormals) and NaN are passed to {@link Math#exp}.
 *
 * <p>Internal API, unstable.
 */
public final class FastExp {
  private static final double INV_LN2_32 = 32 / Math.log(2);
  // fdlibm's ln2 split (the high part has 32 significant bits, so k * LN2_HI is exact), over 32.
  private static final double LN2_32_HI = 6.93147180369123816490e-01 / 32;
  private static final double LN2_32_LO = 1.90821492927058770002e-10 / 32;
  private static final double LIMIT = 708;
  private static final double[] T_HI = new double[32];
  private static final double[] T_LO = new double[32];

  static {
    MathContext mc = new MathContext(50);
    for (int j = 0; j < 32; j++) {
      // Newton's method on y^32 = 2^j, from the double estimate: quadratic, 3 steps reach 1e-50.
      BigDecimal target = BigDecimal.valueOf(2).pow(j);
      BigDecimal y = new BigDecimal(Math.pow(2, j / 32.0));
      for (int it = 0; it < 4; it++) {
        BigDecimal y31 = y.pow(31, mc);
        BigDecimal f = y31.multiply(y, mc).subtract(target, mc);
        y = y.subtract(f.divide(y31.multiply(BigDecimal.valueOf(32), mc), mc), mc);
      }
      double hi = y.doubleValue();
      T_HI[j] = hi;
      T_LO[j] = y.subtract(new BigDecimal(hi), mc).doubleValue();
    }
  }

  private FastExp() {}

  /**
   * Returns a copy of the constants of {@link #exp}, for vectorised copies that must agree with it
   * to the bit: {@code 32/ln2}, the high and low parts of {@code ln2/32}, the argument limit, then
   * the 32 high and the 32 low parts of {@code 2^(j/32)}.
   */
  public static double[] tables() {
    double[] t = new double[4 + 64];
    t[0] = INV_LN2_32;
    t[1] = LN2_32_HI;
    t[2] = LN2_32_LO;
    t[3] = LIMIT;
    System.arraycopy(T_HI, 0, t, 4, 32);
    System.arraycopy(T_LO, 0, t, 36, 32);
    return t;
  }

  /** Returns {@code e^x} to about 0.6 ulp (NaN for NaN, 0 and infinity at the ends). */
  public static double exp(double x) {
    if (!(Math.abs(x) < LIMIT)) {
      return Math.exp(x);
    }
    return expInRange(x);
  }

  /**
   * {@link #exp} for {@code |x| < 708} only (no range test: for callers whose argument is bounded
   * by construction); the same value, to the bit.
   */
  static double expInRange(double x) {
    double kd = Math.rint(x * INV_LN2_32);
    int k = (int) kd;
    double r = (x - kd * LN2_32_HI) - kd * LN2_32_LO;
    int j = k & 31;
    int m = k >> 5;
    double r2 = r * r;
    // e^r - 1 = r + r^2 (1/2 + r/6 + r^2/24 + r^3/120 + r^4/720), Estrin-grouped.
    double p =
        r + r2 * ((0.5 + r * (1.0 / 6)) + r2 * ((1.0 / 24 + r * (1.0 / 120)) + r2 * (1.0 / 720)));
    double hi = T_HI[j];
    double value = hi + (T_LO[j] + hi * p);
    return value * Double.longBitsToDouble((long) (m + 1023) << 52);
  }
}
