package io.github.bsoptions.pricing.simd;

import static io.github.bsoptions.pricing.simd.VectorMath.SPECIES;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;

/**
 * Vector passes over one block of rows held in small scratch columns.
 *
 * <p>C2 on JDK 17 stops inlining a compilation unit once its IR grows past a fixed node budget
 * (NodeCountInliningCutoff), and any Vector API call it then leaves out-of-line boxes its vectors
 * on the heap. A whole Black-Scholes row (three exponentials, a logarithm, two CDFs) is past that
 * budget, so the kernels run as several loops, each a separate method that takes only arrays and is
 * compiled on its own, with intermediate columns in L1-resident scratch arrays.
 */
final class Passes {
  /** Rows per block (a multiple of every vector length). */
  static final int BLOCK = 512;

  private static final int L = SPECIES.length();

  private Passes() {}

  /** Per-thread scratch columns for one block. */
  static final class Scratch {
    final double[] w = new double[BLOCK];
    final double[] d1 = new double[BLOCK];
    final double[] d2 = new double[BLOCK];
    final double[] sdq = new double[BLOCK];
    final double[] kdr = new double[BLOCK];
    final double[] dq = new double[BLOCK];
    final double[] sqrtT = new double[BLOCK];
    final double[] v = new double[BLOCK];
    final double[] c1 = new double[BLOCK];
    final double[] c2 = new double[BLOCK];
    final double[] eh = new double[BLOCK];
    final double[] tmp = new double[BLOCK];
  }

  static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

  /**
   * Setup of rows {@code off .. off+n-1} (n a multiple of the vector length) into scratch rows
   * {@code 0 .. n-1}: sign {@code w}, {@code d1}, {@code d2}, {@code S e^{-qT}}, {@code K e^{-rT}},
   * {@code e^{-qT}}, {@code sqrt T}, total volatility.
   */
  static void setup(
      boolean[] call,
      double[] s,
      double[] k,
      double[] t,
      double[] r,
      double[] q,
      double[] vol,
      int off,
      int n,
      Scratch sc) {
    for (int j = 0; j < n; j += L) {
      int i = off + j;
      DoubleVector vs = DoubleVector.fromArray(SPECIES, s, i);
      DoubleVector vk = DoubleVector.fromArray(SPECIES, k, i);
      DoubleVector vt = DoubleVector.fromArray(SPECIES, t, i);
      DoubleVector vr = DoubleVector.fromArray(SPECIES, r, i);
      DoubleVector vq = DoubleVector.fromArray(SPECIES, q, i);
      DoubleVector vv = DoubleVector.fromArray(SPECIES, vol, i);
      VectorMask<Double> isCall = VectorMask.fromArray(SPECIES, call, i);
      DoubleVector.broadcast(SPECIES, -1.0).blend(1.0, isCall).intoArray(sc.w, j);
      DoubleVector dq = VectorMath.exp(vq.neg().mul(vt));
      DoubleVector dr = VectorMath.exp(vr.neg().mul(vt));
      DoubleVector sqrtT = vt.lanewise(VectorOperators.SQRT);
      DoubleVector v = vv.mul(sqrtT);
      DoubleVector d1 = VectorMath.log(vs.div(vk)).add(vr.sub(vq).mul(vt)).div(v).add(v.mul(0.5));
      d1.intoArray(sc.d1, j);
      d1.sub(v).intoArray(sc.d2, j);
      dq.intoArray(sc.dq, j);
      vs.mul(dq).intoArray(sc.sdq, j);
      vk.mul(dr).intoArray(sc.kdr, j);
      sqrtT.intoArray(sc.sqrtT, j);
      v.intoArray(sc.v, j);
    }
  }

  /** {@code eh[j] = exp(-x^2/2)} for {@code x = d[j]}. */
  static void expHalfSquare(double[] d, double[] eh, int n) {
    for (int j = 0; j < n; j += L) {
      VectorMath.expHalfSquare(DoubleVector.fromArray(SPECIES, d, j).abs()).intoArray(eh, j);
    }
  }

  /**
   * {@code out[j] = N(w[j] d[j])} given {@code eh[j] = exp(-d[j]^2/2)}: the tail regions in one
   * loop, the central region in another.
   */
  static void cdf(double[] w, double[] d, double[] eh, double[] out, int n) {
    cdfTails(w, d, eh, out, n);
    cdfBody(w, d, out, n);
  }

  private static void cdfTails(double[] w, double[] d, double[] eh, double[] out, int n) {
    for (int j = 0; j < n; j += L) {
      DoubleVector x =
          DoubleVector.fromArray(SPECIES, w, j).mul(DoubleVector.fromArray(SPECIES, d, j));
      VectorMath.cdfTails(x, DoubleVector.fromArray(SPECIES, eh, j)).intoArray(out, j);
    }
  }

  private static void cdfBody(double[] w, double[] d, double[] out, int n) {
    for (int j = 0; j < n; j += L) {
      DoubleVector x =
          DoubleVector.fromArray(SPECIES, w, j).mul(DoubleVector.fromArray(SPECIES, d, j));
      VectorMath.cdfBody(x, DoubleVector.fromArray(SPECIES, out, j)).intoArray(out, j);
    }
  }

  /** {@code out[off + j] = w (S e^{-qT} N(w d1) - K e^{-rT} N(w d2))}. */
  static void combinePrice(Scratch sc, double[] out, int off, int n) {
    for (int j = 0; j < n; j += L) {
      DoubleVector w = DoubleVector.fromArray(SPECIES, sc.w, j);
      DoubleVector sdq = DoubleVector.fromArray(SPECIES, sc.sdq, j);
      DoubleVector kdr = DoubleVector.fromArray(SPECIES, sc.kdr, j);
      DoubleVector c1 = DoubleVector.fromArray(SPECIES, sc.c1, j);
      DoubleVector c2 = DoubleVector.fromArray(SPECIES, sc.c2, j);
      w.mul(sdq.mul(c1).sub(kdr.mul(c2))).intoArray(out, off + j);
    }
  }

  /** Price, delta, gamma, vega into the outputs (needs {@code eh = exp(-d1^2/2)}). */
  static void combineGreeks1(
      Scratch sc,
      double[] s,
      double[] price,
      double[] delta,
      double[] gamma,
      double[] vega,
      int off,
      int n) {
    for (int j = 0; j < n; j += L) {
      DoubleVector w = DoubleVector.fromArray(SPECIES, sc.w, j);
      DoubleVector sdq = DoubleVector.fromArray(SPECIES, sc.sdq, j);
      DoubleVector kdr = DoubleVector.fromArray(SPECIES, sc.kdr, j);
      DoubleVector c1 = DoubleVector.fromArray(SPECIES, sc.c1, j);
      DoubleVector c2 = DoubleVector.fromArray(SPECIES, sc.c2, j);
      DoubleVector dq = DoubleVector.fromArray(SPECIES, sc.dq, j);
      DoubleVector nd1 = VectorMath.pdf(DoubleVector.fromArray(SPECIES, sc.eh, j));
      DoubleVector vs = DoubleVector.fromArray(SPECIES, s, off + j);
      DoubleVector v = DoubleVector.fromArray(SPECIES, sc.v, j);
      DoubleVector sqrtT = DoubleVector.fromArray(SPECIES, sc.sqrtT, j);
      w.mul(sdq.mul(c1).sub(kdr.mul(c2))).intoArray(price, off + j);
      w.mul(dq).mul(c1).intoArray(delta, off + j);
      dq.mul(nd1).div(vs.mul(v)).intoArray(gamma, off + j);
      sdq.mul(nd1).mul(sqrtT).intoArray(vega, off + j);
    }
  }

  /** Theta and rho into the outputs; Black-76 rho is {@code -T price}. */
  static void combineGreeks2(
      Scratch sc,
      double[] t,
      double[] r,
      double[] q,
      double[] vol,
      boolean black76,
      double[] price,
      double[] theta,
      double[] rho,
      int off,
      int n) {
    for (int j = 0; j < n; j += L) {
      int i = off + j;
      DoubleVector w = DoubleVector.fromArray(SPECIES, sc.w, j);
      DoubleVector sdq = DoubleVector.fromArray(SPECIES, sc.sdq, j);
      DoubleVector kdr = DoubleVector.fromArray(SPECIES, sc.kdr, j);
      DoubleVector c1 = DoubleVector.fromArray(SPECIES, sc.c1, j);
      DoubleVector c2 = DoubleVector.fromArray(SPECIES, sc.c2, j);
      DoubleVector nd1 = VectorMath.pdf(DoubleVector.fromArray(SPECIES, sc.eh, j));
      DoubleVector sqrtT = DoubleVector.fromArray(SPECIES, sc.sqrtT, j);
      DoubleVector vt = DoubleVector.fromArray(SPECIES, t, i);
      DoubleVector vr = DoubleVector.fromArray(SPECIES, r, i);
      DoubleVector vq = DoubleVector.fromArray(SPECIES, q, i);
      DoubleVector vv = DoubleVector.fromArray(SPECIES, vol, i);
      sdq.neg()
          .mul(nd1)
          .mul(vv)
          .div(sqrtT.mul(2.0))
          .add(w.mul(vq.mul(sdq).mul(c1).sub(vr.mul(kdr).mul(c2))))
          .intoArray(theta, i);
      DoubleVector rhoV =
          black76
              ? vt.neg().mul(DoubleVector.fromArray(SPECIES, price, i))
              : w.mul(kdr).mul(vt).mul(c2);
      rhoV.intoArray(rho, i);
    }
  }
}
