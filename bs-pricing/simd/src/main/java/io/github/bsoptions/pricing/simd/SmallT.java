package io.github.bsoptions.pricing.simd;

import static io.github.bsoptions.pricing.simd.VectorMath.SPECIES;

import io.github.bsoptions.pricing.batch.BatchModel;
import io.github.bsoptions.pricing.batch.OptionBatch;
import io.github.bsoptions.pricing.internal.CodyNormal;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;

/**
 * The cancellation-free price of the rows where the direct formula cancels, vectorised for the
 * region where they fall in practice.
 *
 * <p>The scalar backend prices a row whose direct formula {@code w (a - b)} is below {@code (a + b)
 * / 32} (or has {@code |d1|} or {@code |d2|} at least 10) with the normalised Black function {@code
 * pref * (intrinsic + otm(x, s))} of {@code NormalisedBlack}. For small total volatility ({@code t
 * = s/2 < 0.21}, outside the asymptotic region) that function is a Taylor expansion in {@code t}
 * built on one reversed Mills ratio {@code Y(h) = N(h)/n(h)}, {@code h = x/s}: here it is evaluated
 * lane-wise with the same coefficients and operations, over the flagged rows packed together. The
 * log-moneyness {@code x} is the scalar kernel's to the bit ({@link ExactMath#log}: an ulp in
 * {@code x} would move a deep out-of-the-money price by about {@code h^2} ulps); the normalisation
 * {@code pref} and the intrinsic part are computed lane-wise with the scalar kernel's operations,
 * the exponentials within an ulp, so the two backends agree to a few ulps. Rows in the other
 * regions (rare) are left to the scalar kernel.
 */
final class SmallT {
  private static final int L = SPECIES.length();
  private static final double SQRT_2PI = 2.506628274631000502415765284811;
  private static final double INV_SQRT_2PI = VectorMath.INV_SQRT_2PI;
  private static final double ETA = -10.0;
  private static final double TAU = 2.0 * Math.pow(Math.ulp(1.0), 1.0 / 16.0);

  private static final double A0 = 2.2352520354606839287;
  private static final double A1 = 161.02823106855587881;
  private static final double A2 = 1067.6894854603709582;
  private static final double A3 = 18154.981253343561249;
  private static final double A4 = 0.065682337918207449113;
  private static final double B0 = 47.20258190468824187;
  private static final double B1 = 976.09855173777669322;
  private static final double B2 = 10260.932208618978205;
  private static final double B3 = 45507.789335026729956;

  private SmallT() {}

  /** Packed columns of the rows to price (at most one block). */
  static final class Packed {
    final int[] row = new int[Passes.MAX_BLOCK];

    /** Price and greeks: the packed rows' indices in their block (rows {@code off + idx[k]}). */
    final int[] idx = new int[Passes.MAX_BLOCK + 16];

    /** Table index of each packed row's logarithm (see {@link SmallT#logs}). */
    final int[] tab = new int[Passes.MAX_BLOCK + 16];

    final double[] ratio = new double[Passes.MAX_BLOCK + 8];
    final double[] carry = new double[Passes.MAX_BLOCK + 8];

    /** The batch columns and the block offset of the packed rows (price and greeks). */
    double[] spot;

    double[] strike;
    double[] expiry;
    double[] rate;
    double[] div;
    int off;

    /** The block's total volatility and sign columns (scratch rows, indexed by {@code idx}). */
    double[] vs;

    double[] ws;

    /** The output column of {@link SmallT#store}. */
    double[] out;

    double[] x = new double[Passes.MAX_BLOCK + 8];
    double[] s = new double[Passes.MAX_BLOCK + 8];
    final double[] pref = new double[Passes.MAX_BLOCK + 8];
    final double[] product = new double[Passes.MAX_BLOCK + 8];
    final double[] prefArg = new double[Passes.MAX_BLOCK + 8];
    final double[] intrinsic = new double[Passes.MAX_BLOCK + 8];

    /** The sign of each packed row: +1 call, -1 put. */
    final double[] w = new double[Passes.MAX_BLOCK + 8];

    /** 1 where the packed row is in the small-t region (see {@link SmallT#prepare}), else 0. */
    final double[] ok = new double[Passes.MAX_BLOCK + 8];

    final double[] h = new double[Passes.MAX_BLOCK + 8];
    final double[] y0 = new double[Passes.MAX_BLOCK + 8];
    final double[] y1 = new double[Passes.MAX_BLOCK + 8];
    final double[] y3 = new double[Passes.MAX_BLOCK + 8];
    final double[] y5 = new double[Passes.MAX_BLOCK + 8];
    final double[] y6 = new double[Passes.MAX_BLOCK + 8];
    final double[] y7 = new double[Passes.MAX_BLOCK + 8];
    final double[] b = new double[Passes.MAX_BLOCK + 8];
    int size;
  }

  /** Returns true when {@code otmCall(x, s)} of the scalar kernel takes the small-t expansion. */
  static boolean inRegion(double x, double s) {
    double h = x / s;
    double t = 0.5 * s;
    return !(h + t > 0.85 && !(h < ETA)) && !(h < ETA && t < TAU - h + ETA) && t < TAU;
  }

  /**
   * Completes the packed rows {@code 0 .. size-1}, whose block indices ({@code idx}) {@link
   * Passes#pack} has set, all lane-wise: the total volatility {@code s}, the sign {@code w} (+1
   * call, -1 put), the log-moneyness {@code x = -|w ln(F/K)|} with a vector copy of the scalar
   * kernel's {@code FastLog} that agrees with it to the bit (an ulp in {@code x} moves a deep
   * out-of-the-money price by about {@code h^2} ulps), the normalised intrinsic value, the inputs
   * of the normalisation and whether the row is in the small-t region ({@code ok}). Branch-free:
   * the packed rows are calls and puts, in and out of the money, in random order.
   */
  static void prepare(Packed p, BatchModel model, OptionBatch b, Passes.Scratch sc, int off) {
    p.spot = b.spot();
    p.strike = b.strike();
    p.expiry = b.expiry();
    p.rate = b.rate();
    p.div = model == BatchModel.BLACK_76 ? b.rate() : b.dividendYield();
    p.off = off;
    p.vs = sc.v;
    p.ws = sc.w;
    int size = p.size;
    int n = (size + L - 1) / L * L;
    for (int k = size; k < n; k++) {
      p.idx[k] = p.idx[0];
    }
    Pass.run(GATHER, p, 0, n);
    Pass.run(LOGS, p, 0, n);
    for (int k = size; k < n; k++) {
      p.x[k] = -0.1;
      p.s[k] = 0.1;
      p.product[k] = 1;
      p.prefArg[k] = 0;
    }
    Pass.run(INTRINSIC, p, 0, n);
    Pass.run(REGION, p, 0, n);
  }

  /**
   * Gathers the packed rows' inputs: {@code S/K}, {@code (r - q) T}, {@code S K}, {@code -(r + q) T
   * / 2}, the total volatility and the sign, with the scalar kernel's operations.
   */
  private static void gather(Packed p, int n) {
    int off = p.off;
    int[] idx = p.idx;
    for (int k = 0; k < n; k += L) {
      DoubleVector s = DoubleVector.fromArray(SPECIES, p.spot, off, idx, k);
      DoubleVector kk = DoubleVector.fromArray(SPECIES, p.strike, off, idx, k);
      DoubleVector t = DoubleVector.fromArray(SPECIES, p.expiry, off, idx, k);
      DoubleVector r = DoubleVector.fromArray(SPECIES, p.rate, off, idx, k);
      DoubleVector q = DoubleVector.fromArray(SPECIES, p.div, off, idx, k);
      s.div(kk).intoArray(p.ratio, k);
      r.sub(q).mul(t).intoArray(p.carry, k);
      s.mul(kk).intoArray(p.product, k);
      r.add(q).mul(-0.5).mul(t).intoArray(p.prefArg, k);
      DoubleVector.fromArray(SPECIES, p.vs, 0, idx, k).intoArray(p.s, k);
      DoubleVector.fromArray(SPECIES, p.ws, 0, idx, k).intoArray(p.w, k);
    }
  }

  /**
   * {@code x = -|wx|} and the normalised intrinsic value {@code max(2 sinh(wx/2), 0)} (as {@code
   * NormalisedBlack.intrinsicCall}: the same Taylor series below {@code wx/2 = 1/2}, else {@code e
   * - 1/e}).
   */
  private static void intrinsic(Packed p, int n) {
    for (int j = 0; j < n; j += L) {
      DoubleVector wx = DoubleVector.fromArray(SPECIES, p.x, j);
      VectorMask<Double> itm = wx.compare(VectorOperators.GT, 0.0);
      DoubleVector xo = wx.blend(wx.neg(), itm);
      xo.intoArray(p.x, j);
      DoubleVector y = wx.mul(0.5);
      DoubleVector w = y.mul(y);
      DoubleVector series =
          w.mul(1.0 / 1307674368000.0)
              .add(1.0 / 6227020800.0)
              .mul(w)
              .add(1.0 / 39916800)
              .mul(w)
              .add(1.0 / 362880)
              .mul(w)
              .add(1.0 / 5040)
              .mul(w)
              .add(1.0 / 120)
              .mul(w)
              .add(1.0 / 6)
              .mul(w)
              .add(1.0);
      DoubleVector e = VectorMath.exp(y);
      DoubleVector big = e.sub(DoubleVector.broadcast(SPECIES, 1.0).div(e));
      DoubleVector intrinsic =
          y.mul(2.0).mul(series).blend(big, y.compare(VectorOperators.GE, 0.5));
      DoubleVector.broadcast(SPECIES, 0.0).blend(intrinsic, itm).intoArray(p.intrinsic, j);
    }
  }

  /**
   * {@code ok}: 1 where {@link #inRegion} holds and {@code S K} is a normal number (a pass of its
   * own: with {@link #intrinsic} in one loop it is past C2's inlining budget).
   */
  private static void region(Packed p, int n) {
    for (int j = 0; j < n; j += L) {
      DoubleVector xo = DoubleVector.fromArray(SPECIES, p.x, j);
      DoubleVector s = DoubleVector.fromArray(SPECIES, p.s, j);
      DoubleVector h = xo.div(s);
      DoubleVector t = s.mul(0.5);
      VectorMask<Double> lowEta = h.compare(VectorOperators.LT, ETA);
      VectorMask<Double> upper = h.add(t).compare(VectorOperators.GT, 0.85).andNot(lowEta);
      VectorMask<Double> asymptotic =
          lowEta.and(
              t.compare(VectorOperators.LT, DoubleVector.broadcast(SPECIES, TAU).sub(h).add(ETA)));
      DoubleVector product = DoubleVector.fromArray(SPECIES, p.product, j);
      VectorMask<Double> ok =
          t.compare(VectorOperators.LT, TAU)
              .andNot(upper)
              .andNot(asymptotic)
              .and(product.compare(VectorOperators.GT, Double.MIN_NORMAL))
              .and(product.compare(VectorOperators.LT, Double.POSITIVE_INFINITY));
      DoubleVector.broadcast(SPECIES, 0.0).blend(1.0, ok).intoArray(p.ok, j);
    }
  }

  /** Computes {@code p.b[k] = otm(x, s)} for the packed rows. */
  static void compute(Packed p) {
    int n = (p.size + L - 1) / L * L;
    for (int k = p.size; k < n; k++) {
      p.x[k] = -0.1;
      p.s[k] = 0.1;
    }
    for (int k = p.size; k < n; k++) {
      p.product[k] = 1;
      p.prefArg[k] = 0;
    }
    ratios(p, n);
    fromRatios(p, n);
    Pass.run(NORMALISATIONS, p, 0, n);
  }

  // The passes (see Pass).
  // Not final on purpose: see Pass.
  private static Pass<Packed> RATIOS = (p, from, to) -> ratios(p.x, p.s, p.h, to);
  private static Pass<Packed> MILLS_MIDDLE = (p, from, to) -> millsMiddle(p.h, p.y0, to);
  private static Pass<Packed> MILLS_CENTRAL = (p, from, to) -> millsCentral(p.h, p.y0, to);
  private static Pass<Packed> MILLS_FAR = (p, from, to) -> millsFar(p.h, p.y0, to);
  private static Pass<Packed> LOW_DERIVATIVES = (p, from, to) -> lowDerivatives(p, to);
  private static Pass<Packed> SERIES_HIGH = (p, from, to) -> seriesHigh(p, to);
  private static Pass<Packed> SERIES_LOW = (p, from, to) -> seriesLow(p, to);
  private static Pass<Packed> NORMALISATIONS = (p, from, to) -> normalisations(p, to);
  private static Pass<Packed> STORE = (p, from, to) -> store(p, p.out, to);
  private static Pass<Packed> GATHER = (p, from, to) -> gather(p, to);
  // x = w (ln(S/K) + (r - q) T), as the scalar kernel (S/K is a normal number on smooth rows).
  private static Pass<Packed> LOGS =
      (p, from, to) -> ExactMath.log(p.ratio, p.carry, p.w, p.x, p.tab, to);
  private static Pass<Packed> INTRINSIC = (p, from, to) -> intrinsic(p, to);
  private static Pass<Packed> REGION = (p, from, to) -> region(p, to);

  /** {@code pref = sqrt(S K) e^{-(r+q)T/2}}, as {@code BlackScholesKernel.normalisation}. */
  private static void normalisations(Packed p, int n) {
    for (int j = 0; j < n; j += L) {
      DoubleVector.fromArray(SPECIES, p.product, j)
          .lanewise(VectorOperators.SQRT)
          .mul(VectorMath.exp(DoubleVector.fromArray(SPECIES, p.prefArg, j)))
          .intoArray(p.pref, j);
    }
  }

  /** {@code h = x / s} for the first {@code n} packed rows. */
  static void ratios(Packed p, int n) {
    Pass.run(RATIOS, p, 0, n);
  }

  private static void ratios(double[] x, double[] s, double[] h, int n) {
    for (int j = 0; j < n; j += L) {
      DoubleVector.fromArray(SPECIES, x, j)
          .div(DoubleVector.fromArray(SPECIES, s, j))
          .intoArray(h, j);
    }
  }

  /** {@code b = otm(x, s)} for the first {@code n} packed rows, given {@code h = x / s}. */
  static void fromRatios(Packed p, int n) {
    Pass.run(MILLS_MIDDLE, p, 0, n);
    Pass.run(MILLS_CENTRAL, p, 0, n);
    Pass.run(MILLS_FAR, p, 0, n);
    Pass.run(LOW_DERIVATIVES, p, 0, n);
    Pass.run(SERIES_HIGH, p, 0, n);
    Pass.run(SERIES_LOW, p, 0, n);
  }

  /**
   * Writes {@code pref (intrinsic + b)}, as the scalar kernel, into {@code out[off + idx[k]]} for
   * the packed rows {@code k} (after {@link #compute}); rows that are not {@code ok} get a value
   * the caller overwrites.
   */
  static void store(Packed p, double[] out) {
    p.out = out;
    Pass.run(STORE, p, 0, p.size);
  }

  private static void store(Packed p, double[] out, int size) {
    // Row by row: since the cancelling out-of-the-money rows take the rational difference
    // (Passes.cancelling, 2026-12-02) about 1% of a chain's rows come here, a few per block, and
    // the vector scatter that stored whole vectors ran so rarely that C2 left its index arithmetic
    // out of line in most JMH forks (2.8 KB allocated per 100k-row batch of price_greeks).
    for (int k = 0; k < size; k++) {
      out[p.off + p.idx[k]] = price(p, k);
    }
  }

  /**
   * Returns the price of packed row {@code k}: {@code pref (intrinsic + b)}, as the scalar kernel.
   */
  static double price(Packed p, int k) {
    return p.pref[k] * (p.intrinsic[k] + p.b[k]);
  }

  // Y(-h) for y = -h >= 0: Cody's middle region, then the central and far lanes replaced.

  private static void millsMiddle(double[] h, double[] out, int n) {
    for (int j = 0; j < n; j += L) {
      DoubleVector y = DoubleVector.fromArray(SPECIES, h, j).neg();
      VectorMath.middleRatio(y).mul(SQRT_2PI).intoArray(out, j);
    }
  }

  private static void millsCentral(double[] h, double[] out, int n) {
    for (int j = 0; j < n; j += L) {
      DoubleVector y = DoubleVector.fromArray(SPECIES, h, j).neg();
      VectorMask<Double> central = y.compare(VectorOperators.LE, VectorMath.BODY_LIMIT);
      if (central.anyTrue()) {
        DoubleVector xsq = y.mul(y);
        DoubleVector xnum = xsq.mul(A4).add(A0).mul(xsq).add(A1).mul(xsq).add(A2).mul(xsq);
        DoubleVector xden = xsq.add(B0).mul(xsq).add(B1).mul(xsq).add(B2).mul(xsq);
        DoubleVector upper =
            DoubleVector.broadcast(SPECIES, 0.5).sub(y.mul(xnum.add(A3)).div(xden.add(B3)));
        DoubleVector mills = upper.mul(SQRT_2PI).mul(VectorMath.exp(y.mul(0.5).mul(y)));
        DoubleVector.fromArray(SPECIES, out, j).blend(mills, central).intoArray(out, j);
      }
    }
  }

  private static void millsFar(double[] h, double[] out, int n) {
    for (int j = 0; j < n; j += L) {
      DoubleVector y = DoubleVector.fromArray(SPECIES, h, j).neg();
      VectorMask<Double> far = y.compare(VectorOperators.GT, VectorMath.SQRT_32);
      if (far.anyTrue()) {
        // VectorMath.scaledFarTail written out (see Passes.cdfFarListed).
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
        DoubleVector.fromArray(SPECIES, out, j).blend(scaled, far).intoArray(out, j);
      }
    }
  }

  /**
   * {@code Y'} to {@code Y^(7)} from {@code Y' = 1 + h Y}, {@code Y^(n+1) = h Y^(n) + n Y^(n-1)}.
   */
  private static void lowDerivatives(Packed p, int n) {
    for (int j = 0; j < n; j += L) {
      DoubleVector h = DoubleVector.fromArray(SPECIES, p.h, j);
      DoubleVector y0 = DoubleVector.fromArray(SPECIES, p.y0, j);
      DoubleVector y1 = h.mul(y0).add(1.0);
      DoubleVector y2 = h.mul(y1).add(y0);
      DoubleVector y3 = h.mul(y2).add(y1.mul(2));
      DoubleVector y4 = h.mul(y3).add(y2.mul(3));
      DoubleVector y5 = h.mul(y4).add(y3.mul(4));
      DoubleVector y6 = h.mul(y5).add(y4.mul(5));
      DoubleVector y7 = h.mul(y6).add(y5.mul(6));
      y1.intoArray(p.y1, j);
      y3.intoArray(p.y3, j);
      y5.intoArray(p.y5, j);
      y6.intoArray(p.y6, j);
      y7.intoArray(p.y7, j);
    }
  }

  /** {@code Y^(8)} to {@code Y^(13)} and the high-order terms of the series in {@code t^2}. */
  private static void seriesHigh(Packed p, int n) {
    for (int j = 0; j < n; j += L) {
      DoubleVector s = DoubleVector.fromArray(SPECIES, p.s, j);
      DoubleVector h = DoubleVector.fromArray(SPECIES, p.h, j);
      DoubleVector t = s.mul(0.5);
      DoubleVector y6 = DoubleVector.fromArray(SPECIES, p.y6, j);
      DoubleVector y7 = DoubleVector.fromArray(SPECIES, p.y7, j);
      DoubleVector y8 = h.mul(y7).add(y6.mul(7));
      DoubleVector y9 = h.mul(y8).add(y7.mul(8));
      DoubleVector y10 = h.mul(y9).add(y8.mul(9));
      DoubleVector y11 = h.mul(y10).add(y9.mul(10));
      DoubleVector y12 = h.mul(y11).add(y10.mul(11));
      DoubleVector y13 = h.mul(y12).add(y11.mul(12));
      DoubleVector w = t.mul(t);
      DoubleVector sum = y11.mul(1 / 39916800.0).add(w.mul(y13.mul(1 / 6227020800.0)));
      sum = y9.mul(1 / 362880.0).add(w.mul(sum));
      sum = y7.mul(1 / 5040.0).add(w.mul(sum));
      sum.intoArray(p.b, j);
    }
  }

  /** The low-order terms of the series, and {@code b = factor 2 t series}. */
  private static void seriesLow(Packed p, int n) {
    for (int j = 0; j < n; j += L) {
      DoubleVector s = DoubleVector.fromArray(SPECIES, p.s, j);
      DoubleVector h = DoubleVector.fromArray(SPECIES, p.h, j);
      DoubleVector t = s.mul(0.5);
      DoubleVector w = t.mul(t);
      DoubleVector sum = DoubleVector.fromArray(SPECIES, p.b, j);
      sum = DoubleVector.fromArray(SPECIES, p.y5, j).mul(1 / 120.0).add(w.mul(sum));
      sum = DoubleVector.fromArray(SPECIES, p.y3, j).mul(1 / 6.0).add(w.mul(sum));
      sum = DoubleVector.fromArray(SPECIES, p.y1, j).add(w.mul(sum));
      DoubleVector factor = VectorMath.exp(h.mul(h).add(t.mul(t)).mul(-0.5)).mul(INV_SQRT_2PI);
      factor.mul(2.0).mul(t).mul(sum).max(0.0).intoArray(p.b, j);
    }
  }
}
