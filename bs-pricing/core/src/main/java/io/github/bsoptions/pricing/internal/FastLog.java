package io.github.bsoptions.pricing.internal;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * The natural logarithm written out in Java for the pricing hot paths, to within 0.8 ulp (the class
 * of {@link Math#log}, which allows 1 ulp; the worst cases, about 0.78 ulp, lie in the intervals
 * next to the three around 1, where the rounding of {@code r} adds a quarter ulp of a result near
 * 0.008), for the same reason as {@link FastExp}: {@link Math#log} compiles to a call to a stub
 * that clobbers every floating-point register.
 *
 * <p>Method (table-driven, as in Tang's and ARM's optimized routines): {@code x = 2^k z} with
 * {@code z} in {@code [0.6875, 1.375)}, which a 128-entry table splits into intervals of width
 * 1/256 or 1/128 with a centre {@code c} (a short double); {@code ln x = k ln2 + ln c + ln(1 + r)}
 * with {@code r = (z - c) / c}, computed as {@code z - c} (exact by Sterbenz's lemma) times a
 * stored {@code 1/c}; {@code |r| <= 1/256}, or {@code 1/128} in the three intervals from 0.992 to
 * 1.008, which use {@code c = 1} so that the result keeps its relative accuracy for {@code x} near
 * 1. {@code ln c} is stored as a pair of doubles computed exactly at class initialisation, its high
 * part and {@code ln2}'s rounded to multiples of {@code 2^-42} so that {@code k ln2_hi + ln c_hi}
 * is exact; {@code ln(1 + r) - r} comes from its Taylor series to {@code r^9} (truncation below
 * {@code 2^-59} relative). Zero, negative, subnormal, infinite and NaN arguments are passed to
 * {@link Math#log}.
 *
 * <p>Internal API, unstable.
 */
public final class FastLog {
  private static final int BITS = 7;
  private static final int SIZE = 1 << BITS;
  private static final long OFF = 0x3fe6000000000000L;
  private static final double LN2_HI;
  private static final double LN2_LO;
  private static final double[] CENTRE = new double[SIZE];
  private static final double[] INV_CENTRE = new double[SIZE];
  private static final double[] LOG_HI = new double[SIZE];
  private static final double[] LOG_LO = new double[SIZE];

  static {
    MathContext mc = new MathContext(60);
    BigDecimal ln2 =
        new BigDecimal("0.69314718055994530941723212145817656807550013436025525412068");
    double scale = 0x1p42;
    LN2_HI = Math.rint(ln2.doubleValue() * scale) / scale;
    LN2_LO = ln2.subtract(new BigDecimal(LN2_HI), mc).doubleValue();
    for (int i = 0; i < SIZE; i++) {
      // Interval i holds the z whose bits (less OFF) have i in the top BITS of the mantissa field.
      double lo = Double.longBitsToDouble(OFF + ((long) i << (52 - BITS)));
      double hi = Double.longBitsToDouble(OFF + ((long) (i + 1) << (52 - BITS)));
      double c = 0.5 * (lo + hi);
      if (lo >= 0.99 && hi <= 1.01) {
        c = 1.0;
      }
      CENTRE[i] = c;
      INV_CENTRE[i] = 1.0 / c;
      BigDecimal lnC = log(new BigDecimal(c), mc);
      double lnHi = Math.rint(lnC.doubleValue() * scale) / scale;
      LOG_HI[i] = lnHi;
      LOG_LO[i] = lnC.subtract(new BigDecimal(lnHi), mc).doubleValue();
    }
  }

  /** Index bits of the table (its size is {@code 1 << TABLE_BITS}), for vectorised copies. */
  public static final int TABLE_BITS = BITS;

  /** The bits subtracted from the argument's before splitting it, for vectorised copies. */
  public static final long TABLE_OFFSET = OFF;

  private FastLog() {}

  /**
   * Returns a copy of the constants of {@link #log}, for vectorised copies that must agree with it
   * to the bit: the centres, their inverses, the high and the low parts of their logarithms (each
   * {@code 1 << TABLE_BITS} entries, in this order), then {@code ln2}'s high and low parts.
   */
  public static double[] tables() {
    double[] t = new double[4 * SIZE + 2];
    System.arraycopy(CENTRE, 0, t, 0, SIZE);
    System.arraycopy(INV_CENTRE, 0, t, SIZE, SIZE);
    System.arraycopy(LOG_HI, 0, t, 2 * SIZE, SIZE);
    System.arraycopy(LOG_LO, 0, t, 3 * SIZE, SIZE);
    t[4 * SIZE] = LN2_HI;
    t[4 * SIZE + 1] = LN2_LO;
    return t;
  }

  /** Returns {@code ln x} to within 0.8 ulp ({@link Math#log} for non-normal or non-positive x). */
  public static double log(double x) {
    if (!(x >= Double.MIN_NORMAL && x < Double.POSITIVE_INFINITY)) {
      return Math.log(x);
    }
    return logInRange(x);
  }

  /**
   * {@link #log} for normal, finite, positive {@code x} only (no range test: for callers that have
   * tested it already); the same value, to the bit.
   */
  static double logInRange(double x) {
    long ix = Double.doubleToRawLongBits(x);
    long tmp = ix - OFF;
    int i = (int) (tmp >>> (52 - BITS)) & (SIZE - 1);
    long k = tmp >> 52;
    double z = Double.longBitsToDouble(ix - (tmp & (0xfffL << 52)));
    double r = (z - CENTRE[i]) * INV_CENTRE[i];
    double kd = (double) k;
    double hi = kd * LN2_HI + LOG_HI[i]; // exact: both multiples of 2^-42 below 2^10
    double w = hi + r;
    double lo = (hi - w) + r; // exact: |hi| >= |r| or hi == 0
    double r2 = r * r;
    double r4 = r2 * r2;
    // ln(1 + r) - r = r^2 (-1/2 + r/3 - r^2/4 + ... + r^7/9), Estrin-grouped.
    double p =
        ((-0.5 + r * (1.0 / 3)) + r2 * (-0.25 + r * 0.2))
            + r4 * (((-1.0 / 6) + r * (1.0 / 7)) + r2 * ((-0.125) + r * (1.0 / 9)));
    return w + (lo + (kd * LN2_LO + LOG_LO[i] + r2 * p));
  }

  /** {@code ln a} for {@code a} in (0.5, 2) to {@code mc}: {@code 2 atanh((a - 1) / (a + 1))}. */
  private static BigDecimal log(BigDecimal a, MathContext mc) {
    BigDecimal u = a.subtract(BigDecimal.ONE).divide(a.add(BigDecimal.ONE), mc);
    BigDecimal u2 = u.multiply(u, mc);
    BigDecimal power = u;
    BigDecimal sum = BigDecimal.ZERO;
    BigDecimal tiny = new BigDecimal("1e-55");
    for (int n = 1; n < 400; n += 2) {
      BigDecimal term = power.divide(BigDecimal.valueOf(n), mc);
      sum = sum.add(term, mc);
      if (term.abs().compareTo(tiny) < 0) {
        break;
      }
      power = power.multiply(u2, mc);
    }
    return sum.multiply(BigDecimal.valueOf(2), mc);
  }
}
