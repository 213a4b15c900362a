package io.github.bsoptions.pricing.simd;

import static io.github.bsoptions.pricing.simd.VectorMath.SPECIES;

import io.github.bsoptions.pricing.internal.CodyNormal;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

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
  /** Rows per block of price and greeks (a multiple of every vector length). */
  static final int BLOCK = 512;

  /** The largest block of any pass (implied volatility packs up to this many rows). */
  static final int MAX_BLOCK = BLOCK;

  private static final int L = SPECIES.length();
  private static final double BIG_CARRY = 700;

  /** The scalar fast path's bound on {@code |d1|, |d2|} for the direct formula. */
  private static final double FAST_D = 10.0;

  /**
   * The scalar fast path's cancellation bound: direct formula only when {@code p >= (a+b)/32}
   * ({@code BlackScholesKernel.CANCELLATION}, 1/16 before 2026-12-02).
   */
  private static final double CANCELLATION = 1.0 / 32;

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
    final double[] n1 = new double[BLOCK];
    final double[] n2 = new double[BLOCK];

    /** Inputs of the current block (rows {@code off ..}). */
    boolean[] call;

    double[] s;
    double[] k;
    double[] t;
    double[] r;
    double[] q;
    double[] vol;
    int off;

    /** Outputs of the current block (rows {@code off ..}). */
    double[] out;

    double[] price;
    double[] delta;
    double[] gamma;
    double[] vega;
    double[] theta;
    double[] rho;

    /** Per vector of the block: every lane valid and smooth (set by the setup pass). */
    final boolean[] smooth = new boolean[BLOCK];

    /**
     * Per row: 1 where the direct formula is the scalar fast path's choice ({@code |d1|, |d2| < 10}
     * and {@code p >= (a + b)/16}), else 0; per vector: every lane 1.
     */
    final double[] direct = new double[BLOCK];

    final boolean[] allDirect = new boolean[BLOCK];

    /** Per row: 1 where {@code |d1|} or {@code |d2|} is at least 10, else 0; per vector: any 1. */
    final double[] tail = new double[BLOCK];

    final boolean[] anyTail = new boolean[BLOCK];

    /**
     * The scratch rows of the vectors with a lane in Cody's far region ({@code |d| > sqrt(32)}),
     * for {@code d1} and {@code d2}, and their counts (set by the middle-region passes).
     */
    final int[] far1 = new int[BLOCK];

    final int[] far2 = new int[BLOCK];
    int far1Size;
    int far2Size;

    /** The rows of a block that take the small-t normalised Black function. */
    final SmallT.Packed packed = new SmallT.Packed();

    /**
     * Per packed row (see {@link Passes#cancelling}): {@code y = min(-w d1, -w d2)}, the total
     * volatility, {@code m = S e^{-qT} n(d1)}, 1 where the row is out of the money with both
     * probabilities in Cody's middle region (else 0), and its price.
     */
    final double[] py = new double[MAX_BLOCK];

    final double[] pv = new double[MAX_BLOCK];
    final double[] pm = new double[MAX_BLOCK];
    final double[] pmid = new double[MAX_BLOCK];
    final double[] pdrop = new double[MAX_BLOCK];

    /** One row of scalar first-order results. */
    final double[] row = new double[6];
  }

  static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

  // The passes (see Pass): N(w d) is two passes (Cody's middle and central regions with one
  // division, then the lanes of the far region replaced), since one loop for all three is past
  // C2's inlining budget.

  // Not final on purpose: see Pass.
  private static Pass<Scratch> SETUP =
      (sc, from, to) -> setup(sc.call, sc.s, sc.k, sc.t, sc.r, sc.q, sc.vol, sc.off, to, sc);
  private static Pass<Scratch> DENSITIES = (sc, from, to) -> densities(sc, to);
  private static Pass<Scratch> CDF1_BODY =
      (sc, from, to) -> sc.far1Size = cdfBodyListing(sc.w, sc.d1, sc.n1, sc.c1, sc.far1, 0, to);
  private static Pass<Scratch> CDF1_FAR =
      (sc, from, to) -> cdfFarListed(sc.w, sc.d1, sc.n1, sc.c1, sc.far1, sc.far1Size);
  private static Pass<Scratch> CDF2_BODY =
      (sc, from, to) -> sc.far2Size = cdfBodyListing(sc.w, sc.d2, sc.n2, sc.c2, sc.far2, 0, to);
  private static Pass<Scratch> CDF2_FAR =
      (sc, from, to) -> cdfFarListed(sc.w, sc.d2, sc.n2, sc.c2, sc.far2, sc.far2Size);
  private static Pass<Scratch> COMBINE_PRICE =
      (sc, from, to) -> combinePrice(sc, sc.out, sc.off, to);
  private static Pass<Scratch> GREEKS1 =
      (sc, from, to) -> combineGreeks1(sc, sc.s, sc.price, sc.delta, sc.gamma, sc.vega, sc.off, to);
  private static Pass<Scratch> DROP_GATHER = (sc, from, to) -> dropGather(sc, to);
  private static Pass<Scratch> DROP_GATHER_M = (sc, from, to) -> dropGatherM(sc, to);
  private static Pass<Scratch> DROP = (sc, from, to) -> drop(sc, to);
  private static Pass<Scratch> PACK_PRICE = (sc, from, to) -> packVectors(sc, to, false);
  private static Pass<Scratch> PACK_GREEKS = (sc, from, to) -> packVectors(sc, to, true);
  private static Pass<Scratch> GREEKS2 =
      (sc, from, to) -> combineGreeks2(sc, sc.t, sc.r, sc.q, sc.vol, sc.theta, sc.rho, sc.off, to);

  /**
   * Sets the block's inputs: rows {@code off ..} of the batch columns ({@code q} is the dividend
   * yield, or the rate for Black-76).
   */
  static void inputs(
      Scratch sc,
      boolean[] call,
      double[] s,
      double[] k,
      double[] t,
      double[] r,
      double[] q,
      double[] vol,
      int off) {
    sc.call = call;
    sc.s = s;
    sc.k = k;
    sc.t = t;
    sc.r = r;
    sc.q = q;
    sc.vol = vol;
    sc.off = off;
  }

  /**
   * Runs the passes shared by price and greeks over {@code n} rows: setup (with the smoothness
   * flags), densities, {@code N(w d1)} into {@code c1} and {@code N(w d2)} into {@code c2}.
   */
  static void common(Scratch sc, int n) {
    Pass.run(SETUP, sc, 0, n);
    Pass.run(DENSITIES, sc, 0, n);
    Pass.run(CDF1_BODY, sc, 0, n);
    Pass.run(CDF1_FAR, sc, 0, n);
    Pass.run(CDF2_BODY, sc, 0, n);
    Pass.run(CDF2_FAR, sc, 0, n);
  }

  /** Price pass into {@code out} (rows {@code off ..}); after {@link #common}. */
  static void price(Scratch sc, double[] out, int n) {
    sc.out = out;
    Pass.run(COMBINE_PRICE, sc, 0, n);
  }

  /** Greeks passes into the given columns (rows {@code off ..}); after {@link #common}. */
  static void greeks(
      Scratch sc,
      double[] price,
      double[] delta,
      double[] gamma,
      double[] vega,
      double[] theta,
      double[] rho,
      int n) {
    sc.price = price;
    sc.delta = delta;
    sc.gamma = gamma;
    sc.vega = vega;
    sc.theta = theta;
    sc.rho = rho;
    Pass.run(GREEKS1, sc, 0, n);
    Pass.run(GREEKS2, sc, 0, n);
  }

  /**
   * Packs the block rows that take the normalised price into {@code sc.packed}: their scratch
   * indices into {@code idx}, their count into {@code size}. Rows of vectors that are not smooth
   * (computed by the scalar kernel), rows where the direct formula holds and, with {@code greeks},
   * rows in the far tails (left to the scalar kernel) are skipped. Call after the price or greeks
   * combine pass.
   */
  static void pack(Scratch sc, int n, boolean greeks) {
    Pass.run(greeks ? PACK_GREEKS : PACK_PRICE, sc, 0, n);
  }

  /**
   * Lane weights {@code 2^lane}: the sum over a vector of 0/1 flags times these is the flags' bit
   * mask (exact: distinct powers of two).
   */
  static final double[] LANE_BITS = new double[L];

  /**
   * For each bit mask {@code m} of a vector's lanes ({@code L} entries from {@code m L}): the lanes
   * set in {@code m} in increasing order, then lane 0 repeated; empty where {@code L} is too large
   * for a table ({@link #packRows} then packs row by row).
   */
  static final int[] COMPACT = new int[L <= 8 ? (1 << L) * L : 0];

  static {
    for (int lane = 0; lane < L; lane++) {
      LANE_BITS[lane] = 1 << Math.min(lane, 30);
    }
    if (L <= 8) {
      for (int m = 0; m < 1 << L; m++) {
        int size = 0;
        for (int lane = 0; lane < L; lane++) {
          if ((m >>> lane & 1) != 0) {
            COMPACT[m * L + size++] = lane;
          }
        }
      }
    }
  }

  static final VectorSpecies<Integer> INDEX_SPECIES =
      VectorSpecies.of(int.class, VectorShape.forBitSize(Math.max(64, L * 32)));

  /** Whether the vector compaction table applies (at most 8 lanes, int lanes to match). */
  static final boolean COMPACTS = L <= 8 && INDEX_SPECIES.length() == L;

  private static void packVectors(Scratch sc, int n, boolean greeks) {
    SmallT.Packed packed = sc.packed;
    if (!COMPACTS) {
      packRows(sc, n, greeks);
      return;
    }
    int[] idx = packed.idx;
    DoubleVector bits = DoubleVector.fromArray(SPECIES, LANE_BITS, 0);
    int size = 0;
    for (int g = 0; g < n; g += L) {
      if (!sc.smooth[g / L] || sc.allDirect[g / L]) {
        continue;
      }
      DoubleVector keep =
          DoubleVector.broadcast(SPECIES, 1.0).sub(DoubleVector.fromArray(SPECIES, sc.direct, g));
      if (greeks) {
        keep = keep.sub(DoubleVector.fromArray(SPECIES, sc.tail, g));
      }
      int m = (int) keep.mul(bits).reduceLanes(VectorOperators.ADD);
      IntVector.fromArray(INDEX_SPECIES, COMPACT, m * L).add(g).intoArray(idx, size);
      size += Integer.bitCount(m);
    }
    packed.size = size;
  }

  /** {@link #pack} row by row (vectors too long for the compaction table). */
  private static void packRows(Scratch sc, int n, boolean greeks) {
    SmallT.Packed packed = sc.packed;
    int size = 0;
    for (int g = 0; g < n; g += L) {
      if (!sc.smooth[g / L] || sc.allDirect[g / L]) {
        continue;
      }
      for (int j = g; j < g + L; j++) {
        packed.idx[size] = j;
        size += 1 - (int) sc.direct[j] - (greeks ? (int) sc.tail[j] : 0);
      }
    }
    packed.size = size;
  }

  private static VectorMask<Double> inRange(DoubleVector x) {
    return x.compare(VectorOperators.GE, 1e-150).and(x.compare(VectorOperators.LE, 1e150));
  }

  /**
   * Setup of rows {@code off .. off+n-1} (n a multiple of the vector length) into scratch rows
   * {@code 0 .. n-1}: sign {@code w}, {@code d1}, {@code d2}, {@code S e^{-qT}}, {@code K e^{-rT}},
   * {@code e^{-qT}}, {@code sqrt T}, total volatility; and {@code smooth[j / L]}: whether every
   * lane of the vector at scratch row {@code j} is valid and smooth: spot, strike, expiry and
   * volatility in {@code [1e-150, 1e150]} (so that the total volatility is positive and {@code S/K}
   * a normal number) and {@code |rT|, |qT| < 700}. Other vectors are computed by the scalar
   * kernels, so invalid and degenerate rows get exactly their statuses and values. Range compares
   * only: no division or square root. (The flags were a pass of their own until 2026-12-02: as the
   * first pass to read the seven input columns it waited on memory with nothing to overlap; here
   * the loads overlap the exponentials, 4-10% faster same-JVM.)
   */
  private static void setup(
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
      sc.smooth[j / L] =
          inRange(vs)
              .and(inRange(vk))
              .and(inRange(vt))
              .and(inRange(vv))
              .and(vr.mul(vt).abs().compare(VectorOperators.LT, BIG_CARRY))
              .and(vq.mul(vt).abs().compare(VectorOperators.LT, BIG_CARRY))
              .allTrue();
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

  /**
   * Densities {@code n1 = n(d1)} (one exponential) and {@code n2 = n(d2) = n1 S e^{-qT} / (K
   * e^{-rT})}, as the scalar backend's fast path does.
   */
  private static void densities(Scratch sc, int n) {
    for (int j = 0; j < n; j += L) {
      DoubleVector d1 = DoubleVector.fromArray(SPECIES, sc.d1, j);
      DoubleVector n1 = VectorMath.pdf(VectorMath.expHalfSquare(d1.abs()));
      n1.intoArray(sc.n1, j);
      DoubleVector sdq = DoubleVector.fromArray(SPECIES, sc.sdq, j);
      DoubleVector kdr = DoubleVector.fromArray(SPECIES, sc.kdr, j);
      n1.mul(sdq.div(kdr)).intoArray(sc.n2, j);
    }
  }

  /**
   * {@code N(w d)} over rows {@code from .. n-1} for Cody's central ({@code |x| <= 0.674}) and
   * middle regions, the same values to the bit as {@link VectorMath#cdfMiddle} on every lane with
   * the central lanes replaced by {@link VectorMath#cdfCentral} (two passes up to 59b25ff, kept in
   * {@code PassesTest} as the reference), with one division per lane instead of two: each lane's
   * numerator and denominator are chosen before the division ({@code x (A3 + ...)} over {@code B3 +
   * ...} in the central region, Cody's middle rational elsewhere). Lists the rows of the vectors
   * with a lane in the far region into {@code far} and returns their count: the far pass ({@link
   * #cdfFarListed}) then visits only those (about one vector in eight of a realistic chain) instead
   * of testing every vector.
   */
  static int cdfBodyListing(
      double[] w, double[] d, double[] dens, double[] out, int[] far, int from, int n) {
    int size = 0;
    for (int j = from; j < n; j += L) {
      DoubleVector x =
          DoubleVector.fromArray(SPECIES, w, j).mul(DoubleVector.fromArray(SPECIES, d, j));
      DoubleVector y = x.abs();
      // Cody's middle rational (VectorMath.middleRatio), numerator and denominator.
      DoubleVector xnum = y.mul(CodyNormal.C8).add(CodyNormal.C0).mul(y);
      DoubleVector xden = y.add(CodyNormal.D0).mul(y);
      xnum = xnum.add(CodyNormal.C1).mul(y);
      xden = xden.add(CodyNormal.D1).mul(y);
      xnum = xnum.add(CodyNormal.C2).mul(y);
      xden = xden.add(CodyNormal.D2).mul(y);
      xnum = xnum.add(CodyNormal.C3).mul(y);
      xden = xden.add(CodyNormal.D3).mul(y);
      xnum = xnum.add(CodyNormal.C4).mul(y);
      xden = xden.add(CodyNormal.D4).mul(y);
      xnum = xnum.add(CodyNormal.C5).mul(y);
      xden = xden.add(CodyNormal.D5).mul(y);
      xnum = xnum.add(CodyNormal.C6).mul(y);
      xden = xden.add(CodyNormal.D6).mul(y);
      // Cody's central rational (VectorMath.cdfCentral), numerator times x and denominator.
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
      VectorMask<Double> central = y.compare(VectorOperators.LE, VectorMath.BODY_LIMIT);
      DoubleVector ratio =
          xnum.add(CodyNormal.C7)
              .blend(x.mul(an.add(CodyNormal.A3)), central)
              .div(xden.add(CodyNormal.D7).blend(bd.add(CodyNormal.B3), central));
      DoubleVector tail =
          DoubleVector.fromArray(SPECIES, dens, j).mul(ratio.mul(CodyNormal.SQRT_2PI));
      tail.blend(DoubleVector.broadcast(SPECIES, 1.0).sub(tail), x.compare(VectorOperators.GT, 0.0))
          .blend(ratio.add(0.5), central)
          .intoArray(out, j);
      far[size] = j;
      size += y.compare(VectorOperators.GT, VectorMath.SQRT_32).anyTrue() ? 1 : 0;
    }
    return size;
  }

  /**
   * {@code N(w d)} for the lanes in Cody's far region ({@code |x| > sqrt(32)}), over the vectors at
   * the scratch rows {@code far[0 .. size-1]} (listed by {@link #cdfBodyListing}); other lanes keep
   * their values.
   */
  static void cdfFarListed(
      double[] w, double[] d, double[] dens, double[] out, int[] far, int size) {
    for (int k = 0; k < size; k++) {
      int j = far[k];
      DoubleVector x =
          DoubleVector.fromArray(SPECIES, w, j).mul(DoubleVector.fromArray(SPECIES, d, j));
      VectorMask<Double> isFar = x.abs().compare(VectorOperators.GT, VectorMath.SQRT_32);
      // VectorMath.cdfFar written out: a call that C2 does not inline boxes its vectors (see the
      // class comment), and which way C2 decides for a rarely run loop depends on the profile
      // when it compiles.
      DoubleVector y = x.abs();
      DoubleVector xsq = DoubleVector.broadcast(SPECIES, 1.0).div(y.mul(y));
      DoubleVector pn = xsq.mul(CodyNormal.P5).add(CodyNormal.P0).mul(xsq);
      DoubleVector pd = xsq.add(CodyNormal.Q0).mul(xsq);
      pn = pn.add(CodyNormal.P1).mul(xsq);
      pd = pd.add(CodyNormal.Q1).mul(xsq);
      pn = pn.add(CodyNormal.P2).mul(xsq);
      pd = pd.add(CodyNormal.Q2).mul(xsq);
      pn = pn.add(CodyNormal.P3).mul(xsq);
      pd = pd.add(CodyNormal.Q3).mul(xsq);
      DoubleVector r = xsq.mul(pn.add(CodyNormal.P4)).div(pd.add(CodyNormal.Q4));
      DoubleVector scaled =
          DoubleVector.broadcast(SPECIES, 1.0).sub(r.mul(CodyNormal.SQRT_2PI)).div(y);
      DoubleVector tail = DoubleVector.fromArray(SPECIES, dens, j).mul(scaled);
      DoubleVector cdf =
          tail.blend(
              DoubleVector.broadcast(SPECIES, 1.0).sub(tail), x.compare(VectorOperators.GT, 0.0));
      DoubleVector.fromArray(SPECIES, out, j).blend(cdf, isFar).intoArray(out, j);
    }
  }

  /**
   * {@code out[off + j] = w (a - b)} with {@code a = S e^{-qT} N(w d1)}, {@code b = K e^{-rT} N(w
   * d2)}, and the direct-formula flags.
   */
  private static void combinePrice(Scratch sc, double[] out, int off, int n) {
    for (int j = 0; j < n; j += L) {
      DoubleVector w = DoubleVector.fromArray(SPECIES, sc.w, j);
      DoubleVector a =
          DoubleVector.fromArray(SPECIES, sc.sdq, j).mul(DoubleVector.fromArray(SPECIES, sc.c1, j));
      DoubleVector b =
          DoubleVector.fromArray(SPECIES, sc.kdr, j).mul(DoubleVector.fromArray(SPECIES, sc.c2, j));
      DoubleVector p = w.mul(a.sub(b));
      p.intoArray(out, off + j);
      directFlags(sc, j, p, a.add(b), false);
    }
  }

  /**
   * Records where the direct formula is the scalar fast path's choice (see {@code direct}) and,
   * with {@code greeks}, where {@code |d1|} or {@code |d2|} is at least 10 (see {@code tail}: only
   * the greeks leave those rows to the scalar kernel).
   */
  private static void directFlags(
      Scratch sc, int j, DoubleVector p, DoubleVector ab, boolean greeks) {
    VectorMask<Double> tail =
        DoubleVector.fromArray(SPECIES, sc.d1, j)
            .abs()
            .compare(VectorOperators.GE, FAST_D)
            .or(
                DoubleVector.fromArray(SPECIES, sc.d2, j)
                    .abs()
                    .compare(VectorOperators.GE, FAST_D));
    VectorMask<Double> ok = p.compare(VectorOperators.GE, ab.mul(CANCELLATION)).andNot(tail);
    DoubleVector zero = DoubleVector.broadcast(SPECIES, 0.0);
    zero.blend(1.0, ok).intoArray(sc.direct, j);
    sc.allDirect[j / L] = ok.allTrue();
    if (greeks) {
      zero.blend(1.0, tail).intoArray(sc.tail, j);
      sc.anyTail[j / L] = tail.anyTrue();
    }
  }

  /**
   * Prices the packed cancelling rows (after {@link #pack}) that are out of the money with both
   * {@code z1 = w d1} and {@code z2 = w d2} in Cody's middle region ({@code -sqrt(32) <= z <
   * -0.674}) as the scalar kernel's {@code BlackScholesKernel.directCancelling} does: {@code m
   * sqrt(2 pi) (R(y) - R(y + v))} with {@code m = S e^{-qT} n(d1) = K e^{-rT} n(d2)}, {@code y =
   * min(-z1, -z2)} and the difference of Cody's middle rational {@code R = P / Q} from divided
   * differences (the scalar {@code middleRationalDrop}'s operations in the same order, no fused
   * multiply-add). Their prices are written into {@code out} (rows {@code off ..}) and they are
   * dropped from {@code sc.packed}, which keeps the other rows (few) for the normalised Black
   * function.
   *
   * <p>Three vector passes over the packed rows (the inputs gathered from the scratch columns in
   * two, then the rational difference on contiguous columns) and a scalar loop that stores and
   * compacts: about one row in 14 of a realistic chain is packed, so evaluating the difference on
   * every lane of each vector that holds one (45% of the vectors: nearly eight times the rows that
   * need it) made the whole price about 10% slower.
   */
  static void cancelling(Scratch sc, double[] out, int off) {
    SmallT.Packed packed = sc.packed;
    int size = packed.size;
    if (size == 0) {
      return;
    }
    int[] idx = packed.idx;
    int n = (size + L - 1) / L * L;
    for (int k = size; k < n; k++) {
      idx[k] = idx[0];
    }
    Pass.run(DROP_GATHER, sc, 0, n);
    Pass.run(DROP_GATHER_M, sc, 0, n);
    Pass.run(DROP, sc, 0, n);
    double[] mid = sc.pmid;
    double[] price = sc.pdrop;
    int kept = 0;
    for (int k = 0; k < size; k++) {
      int j = idx[k];
      if (mid[k] != 0) {
        out[off + j] = price[k];
      } else {
        idx[kept++] = j;
      }
    }
    packed.size = kept;
  }

  /** Gathers the packed rows' {@code y}, {@code v} and middle-region flags. */
  private static void dropGather(Scratch sc, int n) {
    int[] idx = sc.packed.idx;
    for (int k = 0; k < n; k += L) {
      DoubleVector w = DoubleVector.fromArray(SPECIES, sc.w, 0, idx, k);
      DoubleVector z1 = w.mul(DoubleVector.fromArray(SPECIES, sc.d1, 0, idx, k));
      DoubleVector z2 = w.mul(DoubleVector.fromArray(SPECIES, sc.d2, 0, idx, k));
      VectorMask<Double> middle =
          z1.compare(VectorOperators.LT, -VectorMath.BODY_LIMIT)
              .and(z2.compare(VectorOperators.LT, -VectorMath.BODY_LIMIT))
              .and(z1.compare(VectorOperators.GE, -VectorMath.SQRT_32))
              .and(z2.compare(VectorOperators.GE, -VectorMath.SQRT_32));
      DoubleVector.broadcast(SPECIES, 0.0).blend(1.0, middle).intoArray(sc.pmid, k);
      z1.neg().min(z2.neg()).intoArray(sc.py, k);
      DoubleVector.fromArray(SPECIES, sc.v, 0, idx, k).intoArray(sc.pv, k);
    }
  }

  /**
   * Gathers the packed rows' {@code m = S e^{-qT} n(d1)}: a pass of its own, since a fifth gather
   * in {@link #dropGather} crossed C2's inlining cut-off (its Java fallback allocated).
   */
  private static void dropGatherM(Scratch sc, int n) {
    int[] idx = sc.packed.idx;
    for (int k = 0; k < n; k += L) {
      // m = S e^{-qT} n(d1) = K e^{-rT} n(d2). The scalar kernel takes the second form for a put
      // (its n2 is the computed density there); here n2 is derived from n1, so the first form is
      // the one with fewer roundings for calls and puts alike.
      DoubleVector.fromArray(SPECIES, sc.sdq, 0, idx, k)
          .mul(DoubleVector.fromArray(SPECIES, sc.n1, 0, idx, k))
          .intoArray(sc.pm, k);
    }
  }

  /**
   * {@code m sqrt(2 pi) (R(y) - R(y + v))} of the packed rows, with {@code R(y) - R(y + v) = v
   * (P(y) Q[y, y + v] - P[y, y + v] Q(y)) / (Q(y) (Q(y) + v Q[y, y + v]))} for Cody's middle
   * rational {@code R = P / Q} and the divided differences from Horner's rule and its quotient by
   * {@code (t - y)} at {@code y + v}: the scalar {@code middleRationalDrop}'s operations in the
   * same order. Written out here: as a method of its own (453 bytes) C2 did not inline it and boxed
   * its vectors.
   */
  private static void drop(Scratch sc, int n) {
    for (int k = 0; k < n; k += L) {
      DoubleVector y = DoubleVector.fromArray(SPECIES, sc.py, k);
      DoubleVector v = DoubleVector.fromArray(SPECIES, sc.pv, k);
      DoubleVector u = y.add(v);
      DoubleVector dp = DoubleVector.broadcast(SPECIES, CodyNormal.C8);
      DoubleVector p = y.mul(CodyNormal.C8).add(CodyNormal.C0);
      DoubleVector dq = DoubleVector.broadcast(SPECIES, 1.0);
      DoubleVector q = y.add(CodyNormal.D0);
      dp = dp.mul(u).add(p);
      p = p.mul(y).add(CodyNormal.C1);
      dq = dq.mul(u).add(q);
      q = q.mul(y).add(CodyNormal.D1);
      dp = dp.mul(u).add(p);
      p = p.mul(y).add(CodyNormal.C2);
      dq = dq.mul(u).add(q);
      q = q.mul(y).add(CodyNormal.D2);
      dp = dp.mul(u).add(p);
      p = p.mul(y).add(CodyNormal.C3);
      dq = dq.mul(u).add(q);
      q = q.mul(y).add(CodyNormal.D3);
      dp = dp.mul(u).add(p);
      p = p.mul(y).add(CodyNormal.C4);
      dq = dq.mul(u).add(q);
      q = q.mul(y).add(CodyNormal.D4);
      dp = dp.mul(u).add(p);
      p = p.mul(y).add(CodyNormal.C5);
      dq = dq.mul(u).add(q);
      q = q.mul(y).add(CodyNormal.D5);
      dp = dp.mul(u).add(p);
      p = p.mul(y).add(CodyNormal.C6);
      dq = dq.mul(u).add(q);
      q = q.mul(y).add(CodyNormal.D6);
      dp = dp.mul(u).add(p);
      p = p.mul(y).add(CodyNormal.C7);
      dq = dq.mul(u).add(q);
      q = q.mul(y).add(CodyNormal.D7);
      DoubleVector drop = v.mul(p.mul(dq).sub(dp.mul(q))).div(q.mul(q.add(v.mul(dq))));
      DoubleVector.fromArray(SPECIES, sc.pm, k)
          .mul(drop.mul(CodyNormal.SQRT_2PI))
          .intoArray(sc.pdrop, k);
    }
  }

  /** Price, delta, gamma, vega into the outputs, and the flags as {@link #combinePrice}. */
  private static void combineGreeks1(
      Scratch sc,
      double[] s,
      double[] price,
      double[] delta,
      double[] gamma,
      double[] vega,
      int off,
      int n) {
    for (int j = 0; j < n; j += L) {
      int i = off + j;
      DoubleVector w = DoubleVector.fromArray(SPECIES, sc.w, j);
      DoubleVector sdq = DoubleVector.fromArray(SPECIES, sc.sdq, j);
      DoubleVector c1 = DoubleVector.fromArray(SPECIES, sc.c1, j);
      DoubleVector a = sdq.mul(c1);
      DoubleVector b =
          DoubleVector.fromArray(SPECIES, sc.kdr, j).mul(DoubleVector.fromArray(SPECIES, sc.c2, j));
      DoubleVector sdqNd1 = sdq.mul(DoubleVector.fromArray(SPECIES, sc.n1, j));
      DoubleVector vs = DoubleVector.fromArray(SPECIES, s, i);
      DoubleVector p = w.mul(a.sub(b));
      p.intoArray(price, i);
      directFlags(sc, j, p, a.add(b), true);
      w.mul(DoubleVector.fromArray(SPECIES, sc.dq, j)).mul(c1).intoArray(delta, i);
      sdqNd1.div(vs.mul(vs).mul(DoubleVector.fromArray(SPECIES, sc.v, j))).intoArray(gamma, i);
      sdqNd1.mul(DoubleVector.fromArray(SPECIES, sc.sqrtT, j)).intoArray(vega, i);
    }
  }

  /**
   * Theta and the rate sensitivity {@code w K e^{-rT} T N(w d2)} into the outputs (Black-76 callers
   * overwrite rho with {@code -T price}).
   */
  private static void combineGreeks2(
      Scratch sc,
      double[] t,
      double[] r,
      double[] q,
      double[] vol,
      double[] theta,
      double[] rho,
      int off,
      int n) {
    for (int j = 0; j < n; j += L) {
      int i = off + j;
      DoubleVector w = DoubleVector.fromArray(SPECIES, sc.w, j);
      DoubleVector sdq = DoubleVector.fromArray(SPECIES, sc.sdq, j);
      DoubleVector a = sdq.mul(DoubleVector.fromArray(SPECIES, sc.c1, j));
      DoubleVector b =
          DoubleVector.fromArray(SPECIES, sc.kdr, j).mul(DoubleVector.fromArray(SPECIES, sc.c2, j));
      DoubleVector sdqNd1 = sdq.mul(DoubleVector.fromArray(SPECIES, sc.n1, j));
      DoubleVector sqrtT = DoubleVector.fromArray(SPECIES, sc.sqrtT, j);
      DoubleVector vt = DoubleVector.fromArray(SPECIES, t, i);
      DoubleVector vr = DoubleVector.fromArray(SPECIES, r, i);
      DoubleVector vq = DoubleVector.fromArray(SPECIES, q, i);
      DoubleVector vv = DoubleVector.fromArray(SPECIES, vol, i);
      sdqNd1
          .neg()
          .mul(vv)
          .div(sqrtT.mul(2.0))
          .add(w.mul(vq.mul(a).sub(vr.mul(b))))
          .intoArray(theta, i);
      w.mul(b).mul(vt).intoArray(rho, i);
    }
  }
}
