package io.github.bsoptions.pricing.simd;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Lane-wise {@code exp}, {@code log} and the standard normal CDF on {@link DoubleVector}s, to
 * double precision.
 *
 * <p>Accuracy (measured against {@link Math} and the scalar {@code NormalDistribution} in the
 * tests): {@link #exp} within 2 ulps (Cody-Waite reduction with a two-part {@code ln 2}, a
 * degree-13 Taylor polynomial on {@code |r| <= ln2 / 2}, exact scaling in two steps so subnormal
 * results are right); {@link #log} within 2 ulps for positive finite inputs, subnormals included
 * (reduction to {@code m in [sqrt(1/2), sqrt(2))} and the {@code atanh} series to {@code s^23});
 * {@link #cdf} within {@code 4e-16} relative in the body and a few ulps relative in the lower tail
 * down to the underflow limit, because it evaluates W. J. Cody's rational approximations with the
 * same coefficients as the scalar reference and {@code exp(-y^2/2)} with the square split exactly
 * by a fused multiply-add. There are no low-order polynomial shortcuts.
 *
 * <p>Methods are static and small so that C2 inlines them and keeps vectors in registers. Internal,
 * unstable.
 */
final class VectorMath {
  static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;

  /** {@code 1 / sqrt(2 pi)}. */
  static final double INV_SQRT_2PI = 0.398942280401432677939946059934;

  private static final double LOG2E = 1.4426950408889634;
  private static final double LN2_HI = 6.93147180369123816490e-01;
  private static final double LN2_LO = 1.90821492927058770002e-10;
  private static final double MAGIC = 6755399441055744.0; // 1.5 * 2^52: rounds to an integer
  private static final long MAGIC_BITS = Double.doubleToRawLongBits(MAGIC);
  private static final double SQRT2 = 1.4142135623730951;
  private static final double TWO54 = 18014398509481984.0;
  private static final double SQRT_32 = 5.656854249492380195206754896838;

  private static final double A0 = 2.2352520354606839287;
  private static final double A1 = 161.02823106855587881;
  private static final double A2 = 1067.6894854603709582;
  private static final double A3 = 18154.981253343561249;
  private static final double A4 = 0.065682337918207449113;
  private static final double B0 = 47.20258190468824187;
  private static final double B1 = 976.09855173777669322;
  private static final double B2 = 10260.932208618978205;
  private static final double B3 = 45507.789335026729956;
  private static final double[] C = {
    0.39894151208813466764,
    8.8831497943883759412,
    93.506656132177855979,
    597.27027639480026226,
    2494.5375852903726711,
    6848.1904505362823326,
    11602.651437647350124,
    9842.7148383839780218,
    1.0765576773720192317e-8
  };
  private static final double[] D = {
    22.266688044328115691,
    235.38790178262499861,
    1519.377599407554805,
    6485.558298266760755,
    18615.571640885098091,
    34900.952721145977266,
    38912.003286093271411,
    19685.429676859990727
  };
  private static final double[] P = {
    0.21589853405795699,
    0.1274011611602473639,
    0.022235277870649807,
    0.001421619193227893466,
    2.9112874951168792e-5,
    0.02307344176494017303
  };
  private static final double[] Q = {
    1.28426009614491121,
    0.468238212480865118,
    0.0659881378689285515,
    0.00378239633202758244,
    7.29751555083966205e-5
  };

  private VectorMath() {}

  /** Returns {@code e^x} lane-wise; inputs below -746 give 0, above 709.78 give infinity. */
  static DoubleVector exp(DoubleVector x) {
    DoubleVector xc = x.max(-746.0).min(709.8);
    DoubleVector t = xc.fma(LOG2E, MAGIC);
    DoubleVector n = t.sub(MAGIC);
    DoubleVector r = xc.sub(n.mul(LN2_HI)).sub(n.mul(LN2_LO));
    DoubleVector p = r.mul(1.0 / 6227020800.0).add(1.0 / 479001600.0);
    p = p.mul(r).add(1.0 / 39916800.0);
    p = p.mul(r).add(1.0 / 3628800.0);
    p = p.mul(r).add(1.0 / 362880.0);
    p = p.mul(r).add(1.0 / 40320.0);
    p = p.mul(r).add(1.0 / 5040.0);
    p = p.mul(r).add(1.0 / 720.0);
    p = p.mul(r).add(1.0 / 120.0);
    p = p.mul(r).add(1.0 / 24.0);
    p = p.mul(r).add(1.0 / 6.0);
    p = p.mul(r).add(0.5);
    p = p.mul(r).add(1.0);
    p = p.mul(r).add(1.0);
    LongVector ni = t.viewAsIntegralLanes().sub(MAGIC_BITS);
    LongVector n1 = ni.lanewise(VectorOperators.ASHR, 1);
    LongVector n2 = ni.sub(n1);
    DoubleVector s1 = n1.add(1023L).lanewise(VectorOperators.LSHL, 52).viewAsFloatingLanes();
    DoubleVector s2 = n2.add(1023L).lanewise(VectorOperators.LSHL, 52).viewAsFloatingLanes();
    DoubleVector out = p.mul(s1).mul(s2);
    // Propagate NaN (the clamp and integer steps would turn it into a number).
    return out.blend(x, x.test(VectorOperators.IS_NAN));
  }

  /** Returns the natural logarithm lane-wise for positive finite inputs (subnormals included). */
  static DoubleVector log(DoubleVector x) {
    VectorMask<Double> sub = x.compare(VectorOperators.LT, Double.MIN_NORMAL);
    DoubleVector xs = x.blend(x.mul(TWO54), sub);
    LongVector bits = xs.viewAsIntegralLanes();
    LongVector e = bits.lanewise(VectorOperators.LSHR, 52).and(0x7FFL).sub(1023L);
    DoubleVector m = bits.and(0x000FFFFFFFFFFFFFL).or(0x3FF0000000000000L).viewAsFloatingLanes();
    VectorMask<Double> big = m.compare(VectorOperators.GT, SQRT2);
    m = m.blend(m.mul(0.5), big);
    DoubleVector ed = (DoubleVector) e.convert(VectorOperators.L2D, 0);
    ed =
        ed.add(DoubleVector.zero(SPECIES).blend(1.0, big))
            .sub(DoubleVector.zero(SPECIES).blend(54.0, sub));
    DoubleVector s = m.sub(1.0).div(m.add(1.0));
    DoubleVector s2 = s.mul(s);
    DoubleVector p = s2.mul(1.0 / 23).add(1.0 / 21);
    p = p.mul(s2).add(1.0 / 19);
    p = p.mul(s2).add(1.0 / 17);
    p = p.mul(s2).add(1.0 / 15);
    p = p.mul(s2).add(1.0 / 13);
    p = p.mul(s2).add(1.0 / 11);
    p = p.mul(s2).add(1.0 / 9);
    p = p.mul(s2).add(1.0 / 7);
    p = p.mul(s2).add(1.0 / 5);
    p = p.mul(s2).add(1.0 / 3);
    DoubleVector twoS = s.add(s);
    DoubleVector logM = twoS.add(twoS.mul(s2).mul(p));
    return ed.mul(LN2_HI).add(ed.mul(LN2_LO).add(logM));
  }

  /**
   * Returns {@code exp(-y^2 / 2)} for {@code y >= 0}, with {@code y^2} split exactly into {@code hi
   * + lo} by a fused multiply-add so that the result keeps full relative precision for large {@code
   * y}.
   */
  static DoubleVector expHalfSquare(DoubleVector y) {
    DoubleVector hi = y.mul(y);
    DoubleVector lo = y.fma(y, hi.neg());
    return exp(hi.mul(-0.5)).mul(lo.mul(-0.5).add(1.0));
  }

  /** Returns the standard normal density, given {@code expHalfSquare(|x|)}. */
  static DoubleVector pdf(DoubleVector halfSquareExp) {
    return halfSquareExp.mul(INV_SQRT_2PI);
  }

  /**
   * Returns the standard normal CDF of {@code x} lane-wise, given {@code eh = expHalfSquare(|x|)}
   * (callers share it with the density).
   */
  static DoubleVector cdf(DoubleVector x, DoubleVector eh) {
    DoubleVector y = x.abs();
    VectorMask<Double> inner = y.compare(VectorOperators.LE, 0.67448975);
    VectorMask<Double> outer = y.compare(VectorOperators.GT, SQRT_32);
    // Middle region (most d1/d2 values): rational function of y times exp(-y^2/2).
    DoubleVector xnum = y.mul(C[8]);
    DoubleVector xden = y;
    for (int i = 0; i < 7; i++) {
      xnum = xnum.add(C[i]).mul(y);
      xden = xden.add(D[i]).mul(y);
    }
    DoubleVector tail = eh.mul(xnum.add(C[7]).div(xden.add(D[7])));
    if (outer.anyTrue()) {
      DoubleVector xsq = DoubleVector.broadcast(SPECIES, 1.0).div(y.mul(y));
      DoubleVector pn = xsq.mul(P[5]);
      DoubleVector pd = xsq;
      for (int i = 0; i < 4; i++) {
        pn = pn.add(P[i]).mul(xsq);
        pd = pd.add(Q[i]).mul(xsq);
      }
      DoubleVector r = xsq.mul(pn.add(P[4])).div(pd.add(Q[4]));
      DoubleVector far = eh.mul(DoubleVector.broadcast(SPECIES, INV_SQRT_2PI).sub(r).div(y));
      far = far.blend(0.0, y.compare(VectorOperators.GE, 40.0));
      tail = tail.blend(far, outer);
    }
    VectorMask<Double> positive = x.compare(VectorOperators.GT, 0.0);
    DoubleVector result = tail.blend(DoubleVector.broadcast(SPECIES, 1.0).sub(tail), positive);
    if (inner.anyTrue()) {
      DoubleVector xsq = x.mul(x);
      DoubleVector an = xsq.mul(A4).add(A0).mul(xsq).add(A1).mul(xsq).add(A2).mul(xsq);
      DoubleVector bd = xsq.add(B0).mul(xsq).add(B1).mul(xsq).add(B2).mul(xsq);
      DoubleVector body = x.mul(an.add(A3)).div(bd.add(B3)).add(0.5);
      result = result.blend(body, inner);
    }
    return result;
  }

  /** Returns {@code cdf(x)} computing {@code exp(-x^2/2)} itself. */
  static DoubleVector cdf(DoubleVector x) {
    return cdf(x, expHalfSquare(x.abs()));
  }

  /** Returns {@code ulp(v)} lane-wise for positive normal {@code v}. */
  static DoubleVector ulp(DoubleVector v) {
    LongVector bits = v.viewAsIntegralLanes();
    DoubleVector pow2 = bits.and(0x7FF0000000000000L).viewAsFloatingLanes();
    return pow2.mul(0x1.0p-52);
  }
}
