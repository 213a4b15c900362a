package io.github.bsoptions.pricing.simd;

import static io.github.bsoptions.pricing.internal.CodyNormal.A0;
import static io.github.bsoptions.pricing.internal.CodyNormal.A1;
import static io.github.bsoptions.pricing.internal.CodyNormal.A2;
import static io.github.bsoptions.pricing.internal.CodyNormal.A3;
import static io.github.bsoptions.pricing.internal.CodyNormal.A4;
import static io.github.bsoptions.pricing.internal.CodyNormal.B0;
import static io.github.bsoptions.pricing.internal.CodyNormal.B1;
import static io.github.bsoptions.pricing.internal.CodyNormal.B2;
import static io.github.bsoptions.pricing.internal.CodyNormal.B3;
import static io.github.bsoptions.pricing.internal.CodyNormal.C0;
import static io.github.bsoptions.pricing.internal.CodyNormal.C1;
import static io.github.bsoptions.pricing.internal.CodyNormal.C2;
import static io.github.bsoptions.pricing.internal.CodyNormal.C3;
import static io.github.bsoptions.pricing.internal.CodyNormal.C4;
import static io.github.bsoptions.pricing.internal.CodyNormal.C5;
import static io.github.bsoptions.pricing.internal.CodyNormal.C6;
import static io.github.bsoptions.pricing.internal.CodyNormal.C7;
import static io.github.bsoptions.pricing.internal.CodyNormal.C8;
import static io.github.bsoptions.pricing.internal.CodyNormal.D0;
import static io.github.bsoptions.pricing.internal.CodyNormal.D1;
import static io.github.bsoptions.pricing.internal.CodyNormal.D2;
import static io.github.bsoptions.pricing.internal.CodyNormal.D3;
import static io.github.bsoptions.pricing.internal.CodyNormal.D4;
import static io.github.bsoptions.pricing.internal.CodyNormal.D5;
import static io.github.bsoptions.pricing.internal.CodyNormal.D6;
import static io.github.bsoptions.pricing.internal.CodyNormal.D7;
import static io.github.bsoptions.pricing.internal.CodyNormal.P0;
import static io.github.bsoptions.pricing.internal.CodyNormal.P1;
import static io.github.bsoptions.pricing.internal.CodyNormal.P2;
import static io.github.bsoptions.pricing.internal.CodyNormal.P3;
import static io.github.bsoptions.pricing.internal.CodyNormal.P4;
import static io.github.bsoptions.pricing.internal.CodyNormal.P5;
import static io.github.bsoptions.pricing.internal.CodyNormal.Q0;
import static io.github.bsoptions.pricing.internal.CodyNormal.Q1;
import static io.github.bsoptions.pricing.internal.CodyNormal.Q2;
import static io.github.bsoptions.pricing.internal.CodyNormal.Q3;
import static io.github.bsoptions.pricing.internal.CodyNormal.Q4;
import static io.github.bsoptions.pricing.internal.CodyNormal.SQRT_2PI;

import io.github.bsoptions.pricing.internal.CodyNormal;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
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
  static final double INV_SQRT_2PI = CodyNormal.INV_SQRT_2PI;

  static final double SQRT_32 = CodyNormal.SQRT_32;

  static final double BODY_LIMIT = CodyNormal.BODY_LIMIT;

  private VectorMath() {}

  /**
   * Returns {@code e^x} lane-wise with the Vector API's intrinsic (SVML on x86; the API requires
   * transcendental lane-wise operations to be within 1 ulp). 0 below about -745, infinity above
   * about 709.78, NaN for NaN.
   */
  static DoubleVector exp(DoubleVector x) {
    return x.lanewise(VectorOperators.EXP);
  }

  /** Returns the natural logarithm lane-wise (the Vector API's intrinsic, within 1 ulp). */
  static DoubleVector log(DoubleVector x) {
    return x.lanewise(VectorOperators.LOG);
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
    // Straight-line and branch-free (every region is evaluated, then blended), Horner loops
    // unrolled, and split into methods under C2's inlining size limit: vectors passed to a method
    // that is not inlined, or merged across branches or loop back-edges, are boxed on the heap.
    return cdfBody(x, cdfTails(x, eh));
  }

  /** Returns {@code cdf(x)} for {@code |x| > 0.674} (Cody's middle and far regions). */
  static DoubleVector cdfTails(DoubleVector x, DoubleVector eh) {
    DoubleVector y = x.abs();
    DoubleVector tail =
        middleTail(y, eh).blend(farTail(y, eh), y.compare(VectorOperators.GT, SQRT_32));
    return tail.blend(
        DoubleVector.broadcast(SPECIES, 1.0).sub(tail), x.compare(VectorOperators.GT, 0.0));
  }

  /** Returns {@code tails} with the lanes where {@code |x| <= 0.674} replaced by the body. */
  static DoubleVector cdfBody(DoubleVector x, DoubleVector tails) {
    return tails.blend(body(x), x.abs().compare(VectorOperators.LE, BODY_LIMIT));
  }

  /**
   * Returns {@code cdf(x)} given the density {@code dens = n(x)}, for the lanes with {@code |x| <=
   * sqrt(32)} and {@code |x| > 0.674} (Cody's middle region, the scalar {@code cdfFromDensity}'s
   * operations in the same order); other lanes hold the middle formula beyond its range, which
   * {@link #cdfFar} and {@link #cdfCentral} replace.
   */
  static DoubleVector cdfMiddle(DoubleVector x, DoubleVector dens) {
    DoubleVector tail = dens.mul(middleRatio(x.abs()).mul(SQRT_2PI));
    return tail.blend(
        DoubleVector.broadcast(SPECIES, 1.0).sub(tail), x.compare(VectorOperators.GT, 0.0));
  }

  /** Returns {@code cdf(x)} for {@code |x| <= 0.674} (Cody's central region). */
  static DoubleVector cdfCentral(DoubleVector x) {
    return body(x);
  }

  /** Returns {@code cdf(x)} given the density {@code dens = n(x)}, for {@code |x| > sqrt(32)}. */
  static DoubleVector cdfFar(DoubleVector x, DoubleVector dens) {
    DoubleVector tail = dens.mul(scaledFarTail(x.abs()));
    return tail.blend(
        DoubleVector.broadcast(SPECIES, 1.0).sub(tail), x.compare(VectorOperators.GT, 0.0));
  }

  /**
   * Returns {@code (1 - sqrt(2 pi) r(y)) / y}, the tail mass beyond {@code y > sqrt(32)} divided by
   * the density (Cody's far region, as the scalar {@code millsRatio} evaluates it).
   */
  static DoubleVector scaledFarTail(DoubleVector y) {
    DoubleVector xsq = DoubleVector.broadcast(SPECIES, 1.0).div(y.mul(y));
    DoubleVector pn = xsq.mul(P5).add(P0).mul(xsq);
    DoubleVector pd = xsq.add(Q0).mul(xsq);
    pn = pn.add(P1).mul(xsq);
    pd = pd.add(Q1).mul(xsq);
    pn = pn.add(P2).mul(xsq);
    pd = pd.add(Q2).mul(xsq);
    pn = pn.add(P3).mul(xsq);
    pd = pd.add(Q3).mul(xsq);
    DoubleVector r = xsq.mul(pn.add(P4)).div(pd.add(Q4));
    return DoubleVector.broadcast(SPECIES, 1.0).sub(r.mul(SQRT_2PI)).div(y);
  }

  /** Cody's middle region ({@code 0.674 < y <= sqrt(32)}): the tail mass beyond {@code y}. */
  private static DoubleVector middleTail(DoubleVector y, DoubleVector eh) {
    return eh.mul(middleRatio(y));
  }

  /** Cody's middle-region rational function of {@code y}. */
  static DoubleVector middleRatio(DoubleVector y) {
    DoubleVector xnum = y.mul(C8).add(C0).mul(y);
    DoubleVector xden = y.add(D0).mul(y);
    xnum = xnum.add(C1).mul(y);
    xden = xden.add(D1).mul(y);
    xnum = xnum.add(C2).mul(y);
    xden = xden.add(D2).mul(y);
    xnum = xnum.add(C3).mul(y);
    xden = xden.add(D3).mul(y);
    xnum = xnum.add(C4).mul(y);
    xden = xden.add(D4).mul(y);
    xnum = xnum.add(C5).mul(y);
    xden = xden.add(D5).mul(y);
    xnum = xnum.add(C6).mul(y);
    xden = xden.add(D6).mul(y);
    return xnum.add(C7).div(xden.add(D7));
  }

  /** Cody's far region ({@code y > sqrt(32)}): the tail mass beyond {@code y}, 0 from 40 on. */
  private static DoubleVector farTail(DoubleVector y, DoubleVector eh) {
    DoubleVector xsq = DoubleVector.broadcast(SPECIES, 1.0).div(y.mul(y));
    DoubleVector pn = xsq.mul(P5).add(P0).mul(xsq);
    DoubleVector pd = xsq.add(Q0).mul(xsq);
    pn = pn.add(P1).mul(xsq);
    pd = pd.add(Q1).mul(xsq);
    pn = pn.add(P2).mul(xsq);
    pd = pd.add(Q2).mul(xsq);
    pn = pn.add(P3).mul(xsq);
    pd = pd.add(Q3).mul(xsq);
    DoubleVector r = xsq.mul(pn.add(P4)).div(pd.add(Q4));
    DoubleVector far = eh.mul(DoubleVector.broadcast(SPECIES, INV_SQRT_2PI).sub(r).div(y));
    return far.blend(0.0, y.compare(VectorOperators.GE, 40.0));
  }

  /** Cody's central region ({@code |x| <= 0.674}): {@code 0.5 + x R(x^2)}. */
  private static DoubleVector body(DoubleVector x) {
    DoubleVector x2 = x.mul(x);
    DoubleVector an = x2.mul(A4).add(A0).mul(x2).add(A1).mul(x2).add(A2).mul(x2);
    DoubleVector bd = x2.add(B0).mul(x2).add(B1).mul(x2).add(B2).mul(x2);
    return x.mul(an.add(A3)).div(bd.add(B3)).add(0.5);
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
