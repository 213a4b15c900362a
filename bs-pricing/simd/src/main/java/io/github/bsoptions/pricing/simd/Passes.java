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

  /** Per-thread columns for one block of compacted implied-volatility problems. */
  static final class IvBlock {
    final double[] f = new double[BLOCK];
    final double[] k = new double[BLOCK];
    final double[] x = new double[BLOCK];
    final double[] target = new double[BLOCK];
    final double[] logTarget = new double[BLOCK];
    final double[] sgn = new double[BLOCK];
    final double[] v = new double[BLOCK];
    final double[] lo = new double[BLOCK];
    final double[] hi = new double[BLOCK];
    final boolean[] done = new boolean[BLOCK];
    final double[] d1 = new double[BLOCK];
    final double[] d2 = new double[BLOCK];
    final double[] eh1 = new double[BLOCK];
    final double[] eh2 = new double[BLOCK];
    final double[] c1 = new double[BLOCK];
    final double[] c2 = new double[BLOCK];
  }

  static final ThreadLocal<IvBlock> IV_BLOCK = ThreadLocal.withInitial(IvBlock::new);

  /** Starts the iteration: {@code v = sqrt(2|x|)}, empty bracket, side sign, log target. */
  static void ivInit(IvBlock s, int n) {
    for (int j = 0; j < n; j += L) {
      DoubleVector x = DoubleVector.fromArray(SPECIES, s.x, j);
      x.abs().mul(2.0).lanewise(VectorOperators.SQRT).intoArray(s.v, j);
      DoubleVector.zero(SPECIES).intoArray(s.lo, j);
      DoubleVector.broadcast(SPECIES, Double.POSITIVE_INFINITY).intoArray(s.hi, j);
      SPECIES.maskAll(false).intoArray(s.done, j);
      // Out of the money is x < 0 for the call side: p = sgn (f N(sgn d1) - k N(sgn d2)).
      DoubleVector.broadcast(SPECIES, -1.0)
          .blend(1.0, x.compare(VectorOperators.LT, 0.0))
          .intoArray(s.sgn, j);
      VectorMath.log(DoubleVector.fromArray(SPECIES, s.target, j)).intoArray(s.logTarget, j);
    }
  }

  /** {@code d1 = x / v + v / 2}, {@code d2 = d1 - v}. */
  static void ivD(IvBlock s, int n) {
    for (int j = 0; j < n; j += L) {
      DoubleVector v = DoubleVector.fromArray(SPECIES, s.v, j);
      DoubleVector d1 = DoubleVector.fromArray(SPECIES, s.x, j).div(v).add(v.mul(0.5));
      d1.intoArray(s.d1, j);
      d1.sub(v).intoArray(s.d2, j);
    }
  }

  /**
   * One Newton step on the log of the out-of-the-money price inside the bracket (the scalar
   * solver's iteration, lane-wise), from the CDFs in {@code c1}, {@code c2}; returns true when
   * every row of the block is done. Finished rows keep their answer in {@code v}.
   */
  static boolean ivUpdate(IvBlock s, int n) {
    boolean all = true;
    double inf = Double.POSITIVE_INFINITY;
    for (int j = 0; j < n; j += L) {
      VectorMask<Double> done = VectorMask.fromArray(SPECIES, s.done, j);
      if (done.allTrue()) {
        continue;
      }
      DoubleVector v = DoubleVector.fromArray(SPECIES, s.v, j);
      DoubleVector lo = DoubleVector.fromArray(SPECIES, s.lo, j);
      DoubleVector hi = DoubleVector.fromArray(SPECIES, s.hi, j);
      DoubleVector f = DoubleVector.fromArray(SPECIES, s.f, j);
      DoubleVector target = DoubleVector.fromArray(SPECIES, s.target, j);
      DoubleVector p =
          DoubleVector.fromArray(SPECIES, s.sgn, j)
              .mul(
                  f.mul(DoubleVector.fromArray(SPECIES, s.c1, j))
                      .sub(
                          DoubleVector.fromArray(SPECIES, s.k, j)
                              .mul(DoubleVector.fromArray(SPECIES, s.c2, j))));
      VectorMask<Double> exact = p.compare(VectorOperators.EQ, target).andNot(done);
      VectorMask<Double> above = p.compare(VectorOperators.GT, target);
      hi = hi.blend(v, above);
      lo = v.blend(lo, above);
      DoubleVector vega = f.mul(VectorMath.pdf(DoubleVector.fromArray(SPECIES, s.eh1, j)));
      VectorMask<Double> usable =
          p.compare(VectorOperators.GT, 0.0).and(vega.compare(VectorOperators.GT, 0.0));
      DoubleVector safeP = p.blend(1.0, usable.not());
      DoubleVector newton =
          v.sub(
              VectorMath.log(safeP)
                  .sub(DoubleVector.fromArray(SPECIES, s.logTarget, j))
                  .mul(p)
                  .div(vega));
      // A Newton step below 1e-10 relative lands at full precision (quadratic convergence).
      VectorMask<Double> settled =
          usable
              .and(newton.sub(v).abs().compare(VectorOperators.LE, v.mul(1e-10)))
              .andNot(done)
              .andNot(exact);
      VectorMask<Double> inside =
          usable
              .and(newton.compare(VectorOperators.GT, lo))
              .and(newton.compare(VectorOperators.LT, hi));
      DoubleVector fallback =
          lo.add(hi).mul(0.5).blend(v.mul(2.0), hi.compare(VectorOperators.EQ, inf));
      DoubleVector next = fallback.blend(newton, inside);
      VectorMask<Double> conv =
          next.sub(v)
              .abs()
              .compare(VectorOperators.LE, VectorMath.ulp(v).mul(2.0))
              .or(
                  hi.sub(lo)
                      .compare(VectorOperators.LE, VectorMath.ulp(hi).mul(4.0))
                      .and(hi.compare(VectorOperators.LT, inf)))
              .or(next.compare(VectorOperators.EQ, inf))
              .andNot(done)
              .andNot(exact)
              .andNot(settled);
      DoubleVector out = v.blend(newton, settled).blend(next, conv);
      VectorMask<Double> finished = exact.or(settled).or(conv);
      VectorMask<Double> running = done.or(finished).not();
      v.blend(out, finished).blend(next, running).intoArray(s.v, j);
      lo.intoArray(s.lo, j);
      hi.intoArray(s.hi, j);
      VectorMask<Double> now = done.or(finished);
      now.intoArray(s.done, j);
      all &= now.allTrue();
    }
    return all;
  }
}
