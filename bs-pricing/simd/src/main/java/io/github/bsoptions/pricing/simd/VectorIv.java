package io.github.bsoptions.pricing.simd;

import static io.github.bsoptions.pricing.simd.VectorMath.SPECIES;

import io.github.bsoptions.pricing.PricingStatus;
import io.github.bsoptions.pricing.batch.BatchModel;
import io.github.bsoptions.pricing.batch.OptionBatch;
import io.github.bsoptions.pricing.internal.BlackImpliedVol;
import io.github.bsoptions.pricing.internal.BlackScholesKernel;
import io.github.bsoptions.pricing.internal.FastExp;
import io.github.bsoptions.pricing.internal.RowChecks;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;

/**
 * Batch implied volatility with the Householder iteration of "Let's Be Rational" run across lanes.
 *
 * <p>Each row first goes through the scalar solver's own input and bound checks (those of {@code
 * BlackImpliedVol.solve}, made lane-wise with the same operations on the scalar kernels' {@code x},
 * normalisation and {@code e^{x/2}}; see {@code prepare}): a row that fails any of them, and so
 * gets a status other than OK or needs a special case, is handed to the scalar solver, which gives
 * it its status. The regular rows are solved together for the normalised out-of-the-money value
 * {@code b(x, s) = beta} in total volatility {@code s}: start from Corrado and Miller's
 * approximation where it is defined, else at the inflection point {@code s = sqrt(2|x|)} (see
 * {@code start}), or from "Let's Be Rational"'s lower map inverted at {@code beta} where that lies
 * below (the rows in the lower tail, where Corrado and Miller's value is several times the root;
 * see {@code lowerMapArgument}); then up to {@value #STEPS} third-order Householder steps in all on
 * {@code b} (the scalar solver's step; on the lower branch on its objective {@code 1/ln b - 1/ln
 * beta}), with {@code b} evaluated lane-wise by the normalised Black function's small-t expansion
 * where the scalar function uses it ({@code s < 0.42}), else by the direct formula. A row is
 * accepted only when its last step was below {@code 1e-5 s} (the error after it is then far below
 * an ulp) and its last value of {@code b} was accurate (small-t region, or a direct formula that
 * does not cancel: {@code b >= (a + b')/16}); the scalar solver finishes every other row
 * (asymptotic region, slow convergence), as it does rows whose identifiability check ({@code vega s
 * 1e-3 >= 2 ulp}) is within a factor 2 of its threshold. Accepted rows reproduce their price to
 * about 1e-14 relative, like the scalar solver, and have its statuses.
 */
final class VectorIv {
  private static final int L = SPECIES.length();
  private static final int BLOCK = Passes.MAX_BLOCK;
  private static final byte OK = PricingStatus.OK.code();

  /**
   * Most Householder steps per row (a row leaves the working set once its step is below 1e-5 s).
   */
  static final int STEPS = 8;

  private static final double LOG_RATIO_LIMIT = 700;
  private static final double SQRT_2PI = 2.506628274631000502415765284811;
  private static final double INV_SQRT_2PI = VectorMath.INV_SQRT_2PI;
  private static final double ETA = -10.0;
  private static final double TAU = 2.0 * Math.pow(Math.ulp(1.0), 1.0 / 16.0);
  private static final double CONVERGED = 1e-5;
  private static final double SQRT_THREE = Math.sqrt(3.0);
  private static final double TWO_PI_OVER_SQRT_27 = 2.0 * Math.PI / Math.sqrt(27.0);
  private static final double LOWER_TAIL_CUBE = 0.075 * 0.075 * 0.075;

  private VectorIv() {}

  /** Per-thread working columns. */
  static final class Scratch {
    double[] bo = new double[BLOCK + 8];
    double[] ex = new double[BLOCK + 8];
    double[] invEx = new double[BLOCK + 8];
    final double[] hOverS = new double[BLOCK + 8];
    final double[] one = new double[BLOCK + 8];
    final double[] d1 = new double[BLOCK + 8];

    /**
     * The vectors with a lane in Cody's far region, listed by {@link Passes#cdfBodyListing} for
     * {@link Passes#cdfFarListed} (one {@code N(d)} at a time), and their count.
     */
    final int[] farList = new int[(BLOCK + 8) / SPECIES.length() + 1];

    int farSize;

    final double[] d2 = new double[BLOCK + 8];
    final double[] n1 = new double[BLOCK + 8];
    final double[] n2 = new double[BLOCK + 8];
    final double[] c1 = new double[BLOCK + 8];
    final double[] c2 = new double[BLOCK + 8];
    final double[] vega = new double[BLOCK + 8];
    final double[] step = new double[BLOCK + 8];
    final double[] accurate = new double[BLOCK + 8];
    final double[] value = new double[BLOCK + 8];
    final double[] rawStep = new double[BLOCK + 8];

    /** The block row in each slot of the shrinking working set. */
    int[] slot = new int[BLOCK + 8];

    final double[] finalS = new double[BLOCK];

    /**
     * Slots {@code 0 .. nSmall-1} are in the small-t region, the others take the direct formula.
     */
    int nSmall;

    boolean lastStep;

    /**
     * Regular rows that entered the vector iteration, and value evaluations over them, on this
     * thread since it started (for tests and the docs' figures: one addition per block and step).
     */
    long iteratedRows;

    long evaluations;

    /** The other half of each working-set column: {@link VectorIv#partition} writes, then swaps. */
    int[] tSlot = new int[BLOCK + 8];

    double[] tx = new double[BLOCK + 8];
    double[] ts = new double[BLOCK + 8];
    double[] tbo = new double[BLOCK + 8];
    double[] tex = new double[BLOCK + 8];
    double[] tinv = new double[BLOCK + 8];

    /** Per block row: 1 when its Householder iteration converged on an accurate value. */
    final double[] accepted = new double[BLOCK];

    /** Per slot, set by {@link VectorIv#classify}: 1 or 0. */
    final double[] accept = new double[BLOCK + 8];

    final double[] isSmall = new double[BLOCK + 8];
    final double[] isOther = new double[BLOCK + 8];

    /** Whether the current partition retires converged slots. */
    boolean retire;

    /** The vector partition's index lists, their counts and the live slots it partitions. */
    final int[] idxSmall = new int[BLOCK + 16];

    final int[] idxOther = new int[BLOCK + 16];
    int nSmallNext;
    int nOtherNext;
    int live;

    /** Per row of the block ({@code prepare}): inputs and results of the bound checks. */
    final double[] rX = new double[BLOCK + 8];

    final double[] rPref = new double[BLOCK + 8];
    final double[] rE = new double[BLOCK + 8];
    final double[] rPrice = new double[BLOCK + 8];
    final double[] rT = new double[BLOCK + 8];

    /** Per row of the block: the results of {@code finish}. */
    final double[] done = new double[BLOCK];

    final double[] sigma = new double[BLOCK];
    final double[] rOk = new double[BLOCK + 8];
    final double[] rBeta = new double[BLOCK + 8];
    final double[] rRes = new double[BLOCK + 8];
    final double[] rTaylor = new double[BLOCK + 8];
    final double[] rXo = new double[BLOCK + 8];
    final double[] rBo = new double[BLOCK + 8];
    final double[] rEx = new double[BLOCK + 8];
    final double[] rInvEx = new double[BLOCK + 8];
    final double[] rS = new double[BLOCK + 8];

    final boolean[] rCall = new boolean[BLOCK + 8];

    /**
     * Per row of the block ({@link VectorIv#lowerMapArgument}): AS 241's tail argument {@code r}
     * and the central region's {@code p} of the lower map's quantile, or 0 where not used.
     */
    final double[] rTail = new double[BLOCK + 8];

    final double[] rCentral = new double[BLOCK + 8];

    /** {@code S K} and {@code -(r + q) T / 2} per row of the block (the normalisation's inputs). */
    final double[] rProduct = new double[BLOCK + 8];

    final double[] rPrefArg = new double[BLOCK + 8];

    /** {@code S/K} and {@code (r - q) T} per row of the block (the log-moneyness's inputs). */
    final double[] rRatio = new double[BLOCK + 8];

    final double[] rCarry = new double[BLOCK + 8];

    /** Gather indices of {@link ExactMath}. */
    final int[] tab = new int[BLOCK + 16];

    /** The batch columns of the current block ({@code q} is the rate for Black-76). */
    double[] bS;

    double[] bK;
    double[] bT;
    double[] bR;
    double[] bQ;
    int bOff;

    /** x = -|ln(F/K)| and s, the current total volatility, live in {@code packed.x, packed.s}. */
    final SmallT.Packed packed = new SmallT.Packed();

    Scratch() {
      java.util.Arrays.fill(one, 1.0);
    }
  }

  static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

  static void ivRange(
      BatchModel model,
      OptionBatch b,
      double[] prices,
      double[] volOut,
      byte[] statusOut,
      int from,
      int to) {
    Scratch sc = SCRATCH.get();
    for (int start = from; start < to; start += BLOCK) {
      int end = Math.min(to, start + BLOCK);
      int cnt = end - start;
      int n = prepare(sc, model, b, prices, start, end);
      // The block's rows are the slots: no packing. The first partition takes the regular rows
      // straight from the bound checks' columns and retires the others (not accepted).
      System.arraycopy(IDENTITY, 0, sc.slot, 0, n);
      int live = firstPartition(sc, cnt, n);
      sc.iteratedRows += live;
      for (int it = 0; it < STEPS && live > 0; it++) {
        int w = pad(sc, live);
        sc.evaluations += live;
        evaluate(sc, w);
        Pass.run(CHOOSE, sc, 0, w);
        if (it == 0) {
          Pass.run(MARK_LOW, sc, 0, w);
        }
        Pass.run(HOUSEHOLDER, sc, 0, w);
        Pass.run(LOG_NEWTON, sc, 0, w);
        Pass.run(LOG_TERMS, sc, 0, w);
        Pass.run(LOG_STEP, sc, 0, w);
        Pass.run(ADVANCE, sc, 0, w);
        sc.lastStep = it == STEPS - 1;
        live = partition(sc, live, true, true);
      }
      Pass.run(FINISH, sc, 0, n);
      for (int j = 0; j < cnt; j++) {
        int i = start + j;
        if (sc.done[j] != 0) {
          statusOut[i] = OK;
          volOut[i] = sc.sigma[j];
        } else {
          scalarIv(model, b, prices, volOut, statusOut, i);
        }
      }
    }
  }

  /** {@code 0, 1, 2, ...}: the first slot of each row of a block is the row itself. */
  private static final int[] IDENTITY = new int[BLOCK + 8];

  static {
    for (int k = 0; k < IDENTITY.length; k++) {
      IDENTITY[k] = k;
    }
  }

  /**
   * The first {@link #partition}, over the block's {@code cnt} rows ({@code n} rounded up to whole
   * vectors): the regular rows ({@code rOk} 1) become the working set, read from the bound checks'
   * columns ({@code rXo}, {@code rS}, {@code rBo}, {@code rEx}, {@code rInvEx}) instead of the
   * working-set columns, which they leave untouched; the others retire, not accepted. Returns how
   * many slots are live.
   */
  private static int firstPartition(Scratch sc, int cnt, int n) {
    Pass.run(FIRST_FLAGS, sc, 0, n);
    SmallT.Packed p = sc.packed;
    double[] x = p.x;
    double[] s = p.s;
    double[] bo = sc.bo;
    double[] ex = sc.ex;
    double[] invEx = sc.invEx;
    p.x = sc.rXo;
    p.s = sc.rS;
    sc.bo = sc.rBo;
    sc.ex = sc.rEx;
    sc.invEx = sc.rInvEx;
    sc.lastStep = false;
    int live = partition(sc, cnt, true, false);
    // partition swapped the halves: the bound checks' columns are now the other half.
    sc.tx = x;
    sc.ts = s;
    sc.tbo = bo;
    sc.tex = ex;
    sc.tinv = invEx;
    return live;
  }

  /** Before {@link #firstPartition}: the rows that are not regular retire, none accepted. */
  private static void firstFlags(Scratch sc, int n) {
    DoubleVector one = DoubleVector.broadcast(SPECIES, 1.0);
    DoubleVector zero = DoubleVector.broadcast(SPECIES, 0.0);
    for (int j = 0; j < n; j += L) {
      one.sub(DoubleVector.fromArray(SPECIES, sc.rOk, j)).intoArray(sc.step, j);
      zero.intoArray(sc.accurate, j);
    }
  }

  /**
   * The scalar solver's input and bound checks for rows {@code start .. end-1}, and each regular
   * row's start; returns the block's row count rounded up to whole vectors. {@code rOk[j]} is 1 for
   * a regular row {@code start + j} (one on which the scalar solver would run its iteration), else
   * 0 (the caller hands the row to the scalar solver, which gives it its status).
   *
   * <p>Vector passes compute what must be the scalar solver's to the bit: the input checks
   * (stricter ones: a row outside the kernels' main ranges goes to the scalar solver), the
   * log-moneyness {@code x}, the normalisation and {@code e^{x/2}} (with {@link ExactMath}, equal
   * to the scalar kernels' values: they decide the bounds); the rows after the last whole vector
   * take the scalar kernels themselves. Vector passes then make the checks of {@code
   * BlackImpliedVol.solve} lane-wise with the same operations (the normalised intrinsic value of an
   * out-of-the-money or {@code wx < 1} row is its Taylor series, exactly; {@code ulp} from the
   * exponent bits, exact for normal numbers; a row whose bound is not a normal number goes to the
   * scalar solver). No packing: {@link #firstPartition} takes the regular rows from these columns.
   */
  private static int prepare(
      Scratch sc, BatchModel model, OptionBatch b, double[] prices, int start, int end) {
    double[] spot = b.spot();
    double[] strike = b.strike();
    double[] expiry = b.expiry();
    double[] rate = b.rate();
    double[] dividend = b.dividendYield();
    boolean[] call = b.call();
    boolean black76 = model == BatchModel.BLACK_76;
    int cnt = end - start;
    // Whole vectors lane-wise (the same values as the scalar kernels, to the bit; rows outside
    // their main ranges go to the scalar solver), the rest row by row.
    int whole = cnt / L * L;
    sc.bS = spot;
    sc.bK = strike;
    sc.bT = expiry;
    sc.bR = rate;
    sc.bQ = black76 ? rate : dividend;
    sc.bOff = start;
    System.arraycopy(prices, start, sc.rPrice, 0, whole);
    System.arraycopy(expiry, start, sc.rT, 0, whole);
    System.arraycopy(call, start, sc.rCall, 0, whole);
    Pass.run(INPUTS, sc, 0, whole);
    Pass.run(LOGS, sc, 0, whole);
    // (rRatio and rCarry are free after LOGS: the exponentials' reduction uses them.)
    Pass.run(NORMALISATION_REDUCE, sc, 0, whole);
    Pass.run(NORMALISATIONS, sc, 0, whole);
    Pass.run(HALF_REDUCE, sc, 0, whole);
    Pass.run(HALF_EXPONENTIALS, sc, 0, whole);
    for (int j = whole; j < cnt; j++) {
      int i = start + j;
      double s = spot[i];
      double k = strike[i];
      double t = expiry[i];
      double r = rate[i];
      double q = dividend[i];
      double price = prices[i];
      boolean valid =
          RowChecks.validate(model, s, k, t, r, q, 0) == OK
              && price >= 0
              && price < Double.POSITIVE_INFINITY
              && t != 0
              && s != 0
              && k != 0;
      double div = black76 ? r : q;
      double x = BlackScholesKernel.logMoneyness(s, k, t, r, div);
      sc.rX[j] = x;
      sc.rPref[j] = BlackScholesKernel.normalisation(s, k, t, r, div);
      sc.rE[j] = FastExp.exp(0.5 * x);
      sc.rPrice[j] = price;
      sc.rT[j] = t;
      sc.rCall[j] = call[i];
      sc.rOk[j] = valid ? 1.0 : 0.0;
    }
    int n = (cnt + L - 1) / L * L;
    for (int j = cnt; j < n; j++) {
      sc.rX[j] = 0.1;
      sc.rPref[j] = 1;
      sc.rE[j] = 1;
      sc.rPrice[j] = 0.5;
      sc.rCall[j] = true;
      sc.rOk[j] = 0;
    }
    Pass.run(BOUNDS, sc, 0, n);
    Pass.run(TAYLOR, sc, 0, n);
    Pass.run(TARGET, sc, 0, n);
    Pass.run(START, sc, 0, n);
    Pass.run(LOWER_MAP_ARGUMENT, sc, 0, n);
    Pass.run(LOWER_MAP_TAIL, sc, 0, n);
    Pass.run(LOWER_MAP_CENTRAL, sc, 0, n);
    return n;
  }

  /**
   * The scalar loop of {@link #prepare} lane-wise over whole vectors: the input checks (stricter
   * than the scalar ones: spot, strike, {@code S/K} and {@code S K} positive normal numbers, the
   * exponentials' arguments within {@code FastExp}'s main range; any other row goes to the scalar
   * solver), the inputs of the log-moneyness ({@link #logs}) and of the normalisation.
   */
  private static void inputs(Scratch sc, int n) {
    int off = sc.bOff;
    DoubleVector zero = DoubleVector.broadcast(SPECIES, 0.0);
    for (int j = 0; j < n; j += L) {
      int i = off + j;
      DoubleVector s = DoubleVector.fromArray(SPECIES, sc.bS, i);
      DoubleVector k = DoubleVector.fromArray(SPECIES, sc.bK, i);
      DoubleVector t = DoubleVector.fromArray(SPECIES, sc.bT, i);
      DoubleVector r = DoubleVector.fromArray(SPECIES, sc.bR, i);
      DoubleVector q = DoubleVector.fromArray(SPECIES, sc.bQ, i);
      DoubleVector price = DoubleVector.fromArray(SPECIES, sc.rPrice, j);
      DoubleVector ratio = s.div(k);
      DoubleVector product = s.mul(k);
      DoubleVector carry = r.sub(q).mul(t);
      DoubleVector prefArg = r.add(q).mul(-0.5).mul(t);
      VectorMask<Double> ok =
          normal(s)
              .and(normal(k))
              .and(t.compare(VectorOperators.GT, 0.0))
              .and(t.compare(VectorOperators.LT, Double.POSITIVE_INFINITY))
              .and(price.compare(VectorOperators.GE, 0.0))
              .and(price.compare(VectorOperators.LT, Double.POSITIVE_INFINITY))
              .and(ratio.compare(VectorOperators.GT, Double.MIN_NORMAL))
              .and(ratio.compare(VectorOperators.LT, Double.POSITIVE_INFINITY))
              .and(product.compare(VectorOperators.GT, Double.MIN_NORMAL))
              .and(product.compare(VectorOperators.LT, Double.POSITIVE_INFINITY))
              .and(prefArg.abs().compare(VectorOperators.LT, ExactMath.EXP_LIMIT));
      ratio.intoArray(sc.rRatio, j);
      carry.intoArray(sc.rCarry, j);
      product.intoArray(sc.rProduct, j);
      prefArg.intoArray(sc.rPrefArg, j);
      zero.blend(1.0, ok).intoArray(sc.rOk, j);
    }
  }

  private static VectorMask<Double> normal(DoubleVector v) {
    return v.compare(VectorOperators.GE, Double.MIN_NORMAL)
        .and(v.compare(VectorOperators.LT, Double.POSITIVE_INFINITY));
  }

  /**
   * The bounds of {@code BlackImpliedVol.solve}, lane-wise: {@code |x| <= 700}, the price above the
   * intrinsic value (plus, in the money, 8 ulps of the larger forward term) and below the upper
   * bound less 4 ulps; {@code beta = price / pref}, and the intrinsic value's round-off.
   */
  private static void bounds(Scratch sc, int n) {
    DoubleVector zero = DoubleVector.broadcast(SPECIES, 0.0);
    for (int j = 0; j < n; j += L) {
      DoubleVector x = DoubleVector.fromArray(SPECIES, sc.rX, j);
      DoubleVector pref = DoubleVector.fromArray(SPECIES, sc.rPref, j);
      DoubleVector e = DoubleVector.fromArray(SPECIES, sc.rE, j);
      DoubleVector price = DoubleVector.fromArray(SPECIES, sc.rPrice, j);
      VectorMask<Double> isCall = VectorMask.fromArray(SPECIES, sc.rCall, j);
      DoubleVector sdq = pref.mul(e);
      DoubleVector kdr = pref.div(e);
      DoubleVector intrinsic = sdq.sub(kdr).blend(kdr.sub(sdq), isCall.not()).max(0.0);
      DoubleVector larger = sdq.max(kdr);
      DoubleVector upper = kdr.blend(sdq, isCall);
      VectorMask<Double> itm = intrinsic.compare(VectorOperators.GT, 0.0);
      DoubleVector ulp = VectorMath.ulp(larger);
      DoubleVector tol = zero.blend(ulp.mul(8.0), itm);
      VectorMask<Double> ok =
          DoubleVector.fromArray(SPECIES, sc.rOk, j)
              .compare(VectorOperators.NE, 0.0)
              .and(x.abs().compare(VectorOperators.LE, LOG_RATIO_LIMIT))
              .and(larger.compare(VectorOperators.GE, Double.MIN_NORMAL))
              .and(larger.compare(VectorOperators.LT, Double.POSITIVE_INFINITY))
              .and(upper.compare(VectorOperators.GE, Double.MIN_NORMAL))
              .and(price.compare(VectorOperators.GT, intrinsic.add(tol)))
              .and(price.compare(VectorOperators.LT, upper.sub(VectorMath.ulp(upper).mul(4.0))));
      zero.blend(1.0, ok).intoArray(sc.rOk, j);
      price.div(pref).intoArray(sc.rBeta, j);
      zero.blend(ulp.div(pref).mul(2.0), itm).intoArray(sc.rRes, j);
    }
  }

  /**
   * {@code NormalisedBlack.intrinsicCall(w x)} for {@code w x < 1}: 0 out of the money, else its
   * Taylor series (the same operations).
   */
  private static void taylor(Scratch sc, int n) {
    for (int j = 0; j < n; j += L) {
      DoubleVector x = DoubleVector.fromArray(SPECIES, sc.rX, j);
      VectorMask<Double> isCall = VectorMask.fromArray(SPECIES, sc.rCall, j);
      DoubleVector wx = x.neg().blend(x, isCall);
      DoubleVector y = wx.mul(0.5);
      DoubleVector w = y.mul(y);
      // sinh(y)/y, as in SmallT: written out, since a shared method here pushed this pass past C2's
      // inlining budget and its vectors were boxed (191 KB per 100k-row batch, measured)
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
      DoubleVector.broadcast(SPECIES, 0.0)
          .blend(y.mul(2.0).mul(series), wx.compare(VectorOperators.GT, 0.0))
          .intoArray(sc.rTaylor, j);
    }
  }

  /**
   * The out-of-the-money target {@code bo = beta - intrinsic} ({@code 2 sinh(|x|/2)} from {@code
   * e^{+-x/2}} where {@code w x >= 1}), its bound {@code bo < e^{-|x|/2}}, {@code x = -|x|}, the
   * start {@code s = sqrt(2|x|)} and {@code e^{x/2}, e^{-x/2}} ordered for the iteration.
   */
  private static void target(Scratch sc, int n) {
    for (int j = 0; j < n; j += L) {
      DoubleVector x = DoubleVector.fromArray(SPECIES, sc.rX, j);
      DoubleVector e = DoubleVector.fromArray(SPECIES, sc.rE, j);
      VectorMask<Double> isCall = VectorMask.fromArray(SPECIES, sc.rCall, j);
      DoubleVector ie = DoubleVector.broadcast(SPECIES, 1.0).div(e);
      VectorMask<Double> positive = x.compare(VectorOperators.GT, 0.0);
      DoubleVector wx = x.neg().blend(x, isCall);
      DoubleVector sinh = ie.sub(e).blend(e.sub(ie), positive);
      DoubleVector intrinsic =
          DoubleVector.fromArray(SPECIES, sc.rTaylor, j)
              .blend(sinh, wx.compare(VectorOperators.GE, 1.0));
      DoubleVector bo = DoubleVector.fromArray(SPECIES, sc.rBeta, j).sub(intrinsic);
      DoubleVector ex = e.blend(ie, positive);
      DoubleVector invEx = ie.blend(e, positive);
      VectorMask<Double> ok =
          DoubleVector.fromArray(SPECIES, sc.rOk, j)
              .compare(VectorOperators.NE, 0.0)
              .and(bo.compare(VectorOperators.GT, 0.0))
              .and(bo.compare(VectorOperators.LT, ex));
      DoubleVector.broadcast(SPECIES, 0.0).blend(1.0, ok).intoArray(sc.rOk, j);
      DoubleVector xo = x.abs().neg();
      xo.intoArray(sc.rXo, j);
      bo.intoArray(sc.rBo, j);
      ex.intoArray(sc.rEx, j);
      invEx.intoArray(sc.rInvEx, j);
      DoubleVector s = xo.mul(-2.0).lanewise(VectorOperators.SQRT);
      s.blend(bo.mul(SQRT_2PI), s.compare(VectorOperators.GT, 0.0).not()).intoArray(sc.rS, j);
    }
  }

  /**
   * The start of the iteration: Corrado and Miller's approximation, in the normalised variables
   * {@code s = sqrt(2 pi) / (F + K) (a + sqrt(a^2 - (F - K)^2 / pi))}, {@code a = bo - (F - K)/2},
   * {@code F = e^{x/2}}, {@code K = e^{-x/2}} (a few per cent from the root near the money), where
   * the square root is real; else the inflection point {@code sqrt(2|x|)} from {@link #target}.
   * Only a start: the Householder steps and their acceptance test are the same from any start.
   */
  private static void start(Scratch sc, int n) {
    for (int j = 0; j < n; j += L) {
      DoubleVector f = DoubleVector.fromArray(SPECIES, sc.rEx, j);
      DoubleVector k = DoubleVector.fromArray(SPECIES, sc.rInvEx, j);
      DoubleVector diff = f.sub(k);
      DoubleVector a = DoubleVector.fromArray(SPECIES, sc.rBo, j).sub(diff.mul(0.5));
      DoubleVector disc = a.mul(a).sub(diff.mul(diff).mul(1 / Math.PI));
      DoubleVector cm = a.add(disc.lanewise(VectorOperators.SQRT)).mul(SQRT_2PI).div(f.add(k));
      VectorMask<Double> use =
          disc.compare(VectorOperators.GT, 0.0)
              .and(cm.compare(VectorOperators.GT, 0.0))
              .and(cm.compare(VectorOperators.LT, Double.POSITIVE_INFINITY));
      DoubleVector.fromArray(SPECIES, sc.rS, j).blend(cm, use).intoArray(sc.rS, j);
    }
  }

  /**
   * The lower-map start's argument per row: with {@code u = bo / (2 pi |x| / sqrt(27))} ("Let's Be
   * Rational"'s lower map {@code b ~ 2 pi |x| / sqrt(27) N(-|x| / (sqrt(3) s))^3} solved for {@code
   * N(.) = p = u^(1/3)}), AS 241's tail argument {@code r = sqrt(-ln(u)/3)} where {@code p < 0.075}
   * and {@code r <= 5} ({@code rTail}), else {@code p} itself where {@code 0.075 <= p < 0.5}
   * ({@code rCentral}); 0 where neither.
   */
  private static void lowerMapArgument(Scratch sc, int n) {
    DoubleVector zero = DoubleVector.broadcast(SPECIES, 0.0);
    for (int j = 0; j < n; j += L) {
      DoubleVector u =
          DoubleVector.fromArray(SPECIES, sc.rBo, j)
              .div(DoubleVector.fromArray(SPECIES, sc.rXo, j).abs().mul(TWO_PI_OVER_SQRT_27));
      DoubleVector r = VectorMath.log(u).mul(-1.0 / 3).lanewise(VectorOperators.SQRT);
      VectorMask<Double> positive = u.compare(VectorOperators.GT, 0.0);
      VectorMask<Double> tail = u.compare(VectorOperators.LT, LOWER_TAIL_CUBE);
      zero.blend(r, positive.and(tail).and(r.compare(VectorOperators.LE, 5.0)))
          .intoArray(sc.rTail, j);
      zero.blend(
              u.lanewise(VectorOperators.CBRT),
              positive.andNot(tail).and(u.compare(VectorOperators.LT, 0.125)))
          .intoArray(sc.rCentral, j);
    }
  }

  /**
   * The lower-map start {@code |x| / (sqrt(3) z)} from AS 241's tail branch ({@code z} the quantile
   * of {@code p}, from {@code rTail}), where it lies below the start so far ({@code rS}).
   */
  private static void lowerMapTail(Scratch sc, int n) {
    for (int j = 0; j < n; j += L) {
      DoubleVector r0 = DoubleVector.fromArray(SPECIES, sc.rTail, j);
      DoubleVector r = r0.sub(1.6);
      DoubleVector num =
          r.mul(7.74545014278341407640e-4)
              .add(2.27238449892691845833e-2)
              .mul(r)
              .add(2.41780725177450611770e-1)
              .mul(r)
              .add(1.27045825245236838258)
              .mul(r)
              .add(3.64784832476320460504)
              .mul(r)
              .add(5.76949722146069140550)
              .mul(r)
              .add(4.63033784615654529590)
              .mul(r)
              .add(1.42343711074968357734);
      DoubleVector den =
          r.mul(1.05075007164441684324e-9)
              .add(5.47593808499534494600e-4)
              .mul(r)
              .add(1.51986665636164571966e-2)
              .mul(r)
              .add(1.48103976427480074590e-1)
              .mul(r)
              .add(6.89767334985100004550e-1)
              .mul(r)
              .add(1.67638483018380384940)
              .mul(r)
              .add(2.05319162663775882187)
              .mul(r)
              .add(1.0);
      DoubleVector start =
          DoubleVector.fromArray(SPECIES, sc.rXo, j).abs().mul(den).div(num.mul(SQRT_THREE));
      DoubleVector s = DoubleVector.fromArray(SPECIES, sc.rS, j);
      VectorMask<Double> use =
          r0.compare(VectorOperators.GT, 0.0)
              .and(start.compare(VectorOperators.GT, 0.0))
              .and(start.compare(VectorOperators.LT, s));
      s.blend(start, use).intoArray(sc.rS, j);
    }
  }

  /**
   * The lower-map start {@code |x| / (sqrt(3) z)} from AS 241's central branch ({@code z} the
   * quantile of {@code p} from {@code rCentral}, negative), where it lies below the start so far.
   */
  private static void lowerMapCentral(Scratch sc, int n) {
    for (int j = 0; j < n; j += L) {
      DoubleVector p = DoubleVector.fromArray(SPECIES, sc.rCentral, j);
      DoubleVector q = p.sub(0.5);
      DoubleVector r = q.mul(q).neg().add(0.180625);
      DoubleVector num =
          r.mul(2.5090809287301226727e3)
              .add(3.3430575583588128105e4)
              .mul(r)
              .add(6.7265770927008700853e4)
              .mul(r)
              .add(4.5921953931549871457e4)
              .mul(r)
              .add(1.3731693765509461125e4)
              .mul(r)
              .add(1.9715909503065514427e3)
              .mul(r)
              .add(1.3314166789178437745e2)
              .mul(r)
              .add(3.3871328727963666080);
      DoubleVector den =
          r.mul(5.2264952788528545610e3)
              .add(2.8729085735721942674e4)
              .mul(r)
              .add(3.9307895800092710610e4)
              .mul(r)
              .add(2.1213794301586595867e4)
              .mul(r)
              .add(5.3941960214247511077e3)
              .mul(r)
              .add(6.8718700749205790830e2)
              .mul(r)
              .add(4.2313330701600911252e1)
              .mul(r)
              .add(1.0);
      // |x| / (sqrt(3) |z|), z = q num / den < 0
      DoubleVector start =
          DoubleVector.fromArray(SPECIES, sc.rXo, j).mul(den).div(q.mul(num).mul(SQRT_THREE));
      DoubleVector s = DoubleVector.fromArray(SPECIES, sc.rS, j);
      VectorMask<Double> use =
          p.compare(VectorOperators.GT, 0.0)
              .and(start.compare(VectorOperators.GT, 0.0))
              .and(start.compare(VectorOperators.LT, s));
      s.blend(start, use).intoArray(sc.rS, j);
    }
  }

  /**
   * The scalar solver's final checks on the accepted rows, lane-wise: a positive finite total
   * volatility, identifiability ({@code vega s 1e-3} at least 4 times the price's resolution: the
   * solver's threshold with a factor-2 margin either way, so that the vector exponential, within an
   * ulp of the scalar one, cannot change a decision; rows inside the margin go to the scalar
   * solver) and a finite volatility {@code s / sqrt(T)}: {@code done} 1 and {@code sigma} for rows
   * that pass.
   */
  private static void finish(Scratch sc, int n) {
    DoubleVector zero = DoubleVector.broadcast(SPECIES, 0.0);
    for (int j = 0; j < n; j += L) {
      DoubleVector s = DoubleVector.fromArray(SPECIES, sc.finalS, j);
      DoubleVector price = DoubleVector.fromArray(SPECIES, sc.rPrice, j);
      DoubleVector xo = DoubleVector.fromArray(SPECIES, sc.rXo, j);
      // as the scalar solver: the price's ulp plus, in the money, the intrinsic value's round-off
      DoubleVector resolution =
          DoubleVector.fromArray(SPECIES, sc.rBeta, j)
              .mul(VectorMath.ulp(price).div(price))
              .add(DoubleVector.fromArray(SPECIES, sc.rRes, j));
      DoubleVector h = xo.div(s);
      DoubleVector t = s.mul(0.5);
      DoubleVector vega = VectorMath.exp(h.mul(h).add(t.mul(t)).mul(-0.5)).mul(INV_SQRT_2PI);
      DoubleVector identifiable = vega.mul(s).mul(BlackImpliedVol.IDENTIFIABILITY);
      DoubleVector sigma =
          s.div(DoubleVector.fromArray(SPECIES, sc.rT, j).lanewise(VectorOperators.SQRT));
      VectorMask<Double> done =
          DoubleVector.fromArray(SPECIES, sc.accepted, j)
              .compare(VectorOperators.NE, 0.0)
              .and(s.compare(VectorOperators.GT, 0.0))
              .and(s.compare(VectorOperators.LT, Double.POSITIVE_INFINITY))
              .and(price.compare(VectorOperators.GE, Double.MIN_NORMAL))
              .and(identifiable.compare(VectorOperators.GE, resolution.mul(4.0)))
              .and(sigma.compare(VectorOperators.LT, Double.POSITIVE_INFINITY));
      zero.blend(1.0, done).intoArray(sc.done, j);
      sigma.intoArray(sc.sigma, j);
    }
  }

  /** Fills the slots after the {@code live} ones up to a whole vector; returns that length. */
  private static int pad(Scratch sc, int live) {
    int n = (live + L - 1) / L * L;
    SmallT.Packed p = sc.packed;
    for (int q = live; q < n; q++) {
      p.x[q] = -0.1;
      p.s[q] = 0.5;
      sc.bo[q] = 0.1;
      sc.ex[q] = Math.exp(-0.05);
      sc.invEx[q] = 1 / sc.ex[q];
    }
    p.size = n;
    return n;
  }

  /**
   * Retires (when {@code retire}) the slots whose last step was below {@code 1e-5 s}, accepted when
   * their value was accurate, or every slot after the last step; packs the others with the small-t
   * slots first ({@code nSmall} of them), so that each formula is evaluated only where it is used.
   * Returns how many slots are left.
   *
   * <p>Branch-free: the flags come from a vector pass ({@link #classify}); a first loop counts the
   * small-t slots, then each slot is written once into the other half of the working-set columns at
   * an index computed from its flags (a retired slot past the end, at {@code BLOCK}), and the
   * halves are swapped (which slots converge, and which are in the small-t region, is random). A
   * slot that is not retired also writes its {@code finalS} and {@code accepted}: every slot
   * retires after the last step at the latest, which overwrites them.
   *
   * <p>With {@code inPlace} (every partition but the first, whose source columns are the bound
   * checks'), a partition in which no slot retires ({@link #countFlags}) swaps only the slots on
   * the wrong side of the small-t boundary, in place ({@link #swapMisplaced}): after the first step
   * no slot of the benchmark chain retires, and about 4% of them cross the boundary.
   */
  private static int partition(Scratch sc, int live, boolean retire, boolean inPlace) {
    sc.retire = retire;
    int n = (live + L - 1) / L * L;
    Pass.run(CLASSIFY, sc, 0, n);
    sc.live = live;
    if (inPlace) {
      Pass.run(COUNT_FLAGS, sc, 0, n);
      if (sc.nSmallNext + sc.nOtherNext == live) {
        // No slot retires (after the first step, on almost every block): only the few slots on
        // the wrong side of the small-t boundary move, swapped in place, and nothing else does.
        Pass.run(SWAP_MISPLACED, sc, 0, n);
        sc.nSmall = sc.nSmallNext;
        return live;
      }
    }
    if (Passes.COMPACTS) {
      // Vector passes: compacted index lists of the small-t and the direct slots, then each column
      // gathered through them into the other half.
      Pass.run(PARTITION_INDEX, sc, 0, n);
      Pass.run(MOVE_SMALL, sc, 0, sc.nSmallNext);
      Pass.run(MOVE_OTHER, sc, 0, sc.nOtherNext);
      Pass.run(MOVE_REST_SMALL, sc, 0, sc.nSmallNext);
      Pass.run(MOVE_REST_OTHER, sc, 0, sc.nOtherNext);
      swap(sc);
      sc.nSmall = sc.nSmallNext;
      return sc.nSmallNext + sc.nOtherNext;
    }
    double[] isSmall = sc.isSmall;
    double[] isOther = sc.isOther;
    int nSmall = 0;
    for (int q = 0; q < live; q++) {
      nSmall += (int) isSmall[q];
    }
    SmallT.Packed p = sc.packed;
    int[] slot = sc.slot;
    double[] x = p.x;
    double[] s = p.s;
    double[] bo = sc.bo;
    double[] ex = sc.ex;
    double[] invEx = sc.invEx;
    int[] toSlot = sc.tSlot;
    double[] toX = sc.tx;
    double[] toS = sc.ts;
    double[] toBo = sc.tbo;
    double[] toEx = sc.tex;
    double[] toInvEx = sc.tinv;
    int small = 0;
    int other = nSmall;
    for (int q = 0; q < live; q++) {
      int k = slot[q];
      sc.finalS[k] = s[q];
      sc.accepted[k] = sc.accept[q];
      int a = (int) isSmall[q];
      int o = (int) isOther[q];
      // Small-t slots first, then the others; a retired slot is written past the end (BLOCK).
      int d = a * small + o * other + (1 - a - o) * BLOCK;
      toSlot[d] = k;
      toX[d] = x[q];
      toS[d] = s[q];
      toBo[d] = bo[q];
      toEx[d] = ex[q];
      toInvEx[d] = invEx[q];
      small += a;
      other += o;
    }
    swap(sc);
    sc.nSmall = nSmall;
    return other;
  }

  /**
   * Counts the first {@code live} slots that stay, in the small-t region ({@code nSmallNext}) and
   * with the direct formula ({@code nOtherNext}), from {@link #classify}'s flags.
   */
  private static void countFlags(Scratch sc) {
    int live = sc.live;
    int whole = live / L * L;
    DoubleVector small = DoubleVector.broadcast(SPECIES, 0.0);
    DoubleVector other = small;
    for (int j = 0; j < whole; j += L) {
      small = small.add(DoubleVector.fromArray(SPECIES, sc.isSmall, j));
      other = other.add(DoubleVector.fromArray(SPECIES, sc.isOther, j));
    }
    int ns = (int) small.reduceLanes(VectorOperators.ADD);
    int no = (int) other.reduceLanes(VectorOperators.ADD);
    for (int q = whole; q < live; q++) {
      ns += (int) sc.isSmall[q];
      no += (int) sc.isOther[q];
    }
    sc.nSmallNext = ns;
    sc.nOtherNext = no;
  }

  /**
   * The partition when no slot retires: the direct slots among the first {@code nSmallNext} and the
   * small-t slots after them (as many of each) swap places, every working-set column in place (the
   * order within each group does not matter). Vectors with no such slot are skipped whole.
   */
  private static void swapMisplaced(Scratch sc, int n) {
    int ns = sc.nSmallNext;
    int live = sc.live;
    double[] isSmall = sc.isSmall;
    int[] low = sc.idxSmall;
    int[] high = sc.idxOther;
    int nLow = 0;
    int nHigh = 0;
    int lowEnd = ns / L * L;
    for (int j = 0; j < lowEnd; j += L) {
      if (DoubleVector.fromArray(SPECIES, isSmall, j).compare(VectorOperators.EQ, 0.0).anyTrue()) {
        for (int q = j; q < j + L; q++) {
          low[nLow] = q;
          nLow += 1 - (int) isSmall[q];
        }
      }
    }
    for (int q = lowEnd; q < ns; q++) {
      low[nLow] = q;
      nLow += 1 - (int) isSmall[q];
    }
    int highStart = Math.min(live, (ns + L - 1) / L * L);
    for (int q = ns; q < highStart; q++) {
      high[nHigh] = q;
      nHigh += (int) isSmall[q];
    }
    int highEnd = highStart + (live - highStart) / L * L;
    for (int j = highStart; j < highEnd; j += L) {
      if (DoubleVector.fromArray(SPECIES, isSmall, j).compare(VectorOperators.NE, 0.0).anyTrue()) {
        for (int q = j; q < j + L; q++) {
          high[nHigh] = q;
          nHigh += (int) isSmall[q];
        }
      }
    }
    for (int q = highEnd; q < live; q++) {
      high[nHigh] = q;
      nHigh += (int) isSmall[q];
    }
    SmallT.Packed p = sc.packed;
    int[] slot = sc.slot;
    double[] x = p.x;
    double[] s = p.s;
    double[] bo = sc.bo;
    double[] ex = sc.ex;
    double[] invEx = sc.invEx;
    for (int k = 0; k < nLow; k++) {
      int a = low[k];
      int b = high[k];
      int ts = slot[a];
      slot[a] = slot[b];
      slot[b] = ts;
      double t = x[a];
      x[a] = x[b];
      x[b] = t;
      t = s[a];
      s[a] = s[b];
      s[b] = t;
      t = bo[a];
      bo[a] = bo[b];
      bo[b] = t;
      t = ex[a];
      ex[a] = ex[b];
      ex[b] = t;
      t = invEx[a];
      invEx[a] = invEx[b];
      invEx[b] = t;
    }
  }

  /** Swaps the halves of the working-set columns after a partition has written the other half. */
  private static void swap(Scratch sc) {
    SmallT.Packed p = sc.packed;
    int[] slot = sc.slot;
    sc.slot = sc.tSlot;
    sc.tSlot = slot;
    double[] x = p.x;
    p.x = sc.tx;
    sc.tx = x;
    double[] s = p.s;
    p.s = sc.ts;
    sc.ts = s;
    double[] bo = sc.bo;
    sc.bo = sc.tbo;
    sc.tbo = bo;
    double[] ex = sc.ex;
    sc.ex = sc.tex;
    sc.tex = ex;
    double[] invEx = sc.invEx;
    sc.invEx = sc.tinv;
    sc.tinv = invEx;
  }

  /**
   * {@link #partition}'s index lists over the first {@code live} slots: the small-t slots into
   * {@code idxSmall}, the direct ones into {@code idxOther} (in order, by the compaction table of
   * {@link Passes}), their counts into {@code nSmallNext} and {@code nOtherNext}; the retiring
   * slots write their {@code finalS} and {@code accepted} (to their block rows).
   */
  private static void partitionIndex(Scratch sc, int n) {
    int live = sc.live;
    DoubleVector bits = DoubleVector.fromArray(SPECIES, Passes.LANE_BITS, 0);
    int[] slot = sc.slot;
    double[] s = sc.packed.s;
    int small = 0;
    int other = 0;
    for (int q = 0; q < n; q += L) {
      int lanes = Math.min(L, live - q);
      int valid = (1 << lanes) - 1;
      int ms =
          (int)
                  DoubleVector.fromArray(SPECIES, sc.isSmall, q)
                      .mul(bits)
                      .reduceLanes(VectorOperators.ADD)
              & valid;
      int mo =
          (int)
                  DoubleVector.fromArray(SPECIES, sc.isOther, q)
                      .mul(bits)
                      .reduceLanes(VectorOperators.ADD)
              & valid;
      IntVector.fromArray(Passes.INDEX_SPECIES, Passes.COMPACT, ms * L)
          .add(q)
          .intoArray(sc.idxSmall, small);
      IntVector.fromArray(Passes.INDEX_SPECIES, Passes.COMPACT, mo * L)
          .add(q)
          .intoArray(sc.idxOther, other);
      small += Integer.bitCount(ms);
      other += Integer.bitCount(mo);
      // Only the retiring slots write their results (a slot that stays writes them when it
      // retires, after the last step at the latest): about one write per row in all.
      for (int retired = valid & ~(ms | mo); retired != 0; retired &= retired - 1) {
        int j = q + Integer.numberOfTrailingZeros(retired);
        sc.finalS[slot[j]] = s[j];
        sc.accepted[slot[j]] = sc.accept[j];
      }
    }
    sc.nSmallNext = small;
    sc.nOtherNext = other;
  }

  /**
   * Gathers the working-set columns of the slots in {@code idx[0 .. count-1]} into the other half,
   * from slot {@code to}: slot, {@code x}, {@code s}, {@code bo} here, the others in {@link
   * #moveRest} (more gathers in one loop are past C2's inlining budget).
   */
  private static void move(Scratch sc, int[] idx, int to, int count) {
    SmallT.Packed p = sc.packed;
    for (int k = 0; k < count; k += L) {
      int d = to + k;
      IntVector.fromArray(Passes.INDEX_SPECIES, sc.slot, 0, idx, k).intoArray(sc.tSlot, d);
      DoubleVector.fromArray(SPECIES, p.x, 0, idx, k).intoArray(sc.tx, d);
      DoubleVector.fromArray(SPECIES, p.s, 0, idx, k).intoArray(sc.ts, d);
      DoubleVector.fromArray(SPECIES, sc.bo, 0, idx, k).intoArray(sc.tbo, d);
    }
  }

  /** The rest of {@link #move}: {@code e^{x/2}} and its inverse. */
  private static void moveRest(Scratch sc, int[] idx, int to, int count) {
    for (int k = 0; k < count; k += L) {
      int d = to + k;
      DoubleVector.fromArray(SPECIES, sc.ex, 0, idx, k).intoArray(sc.tex, d);
      DoubleVector.fromArray(SPECIES, sc.invEx, 0, idx, k).intoArray(sc.tinv, d);
    }
  }

  /**
   * The flags of {@link #partition}, 1 or 0 per slot: {@code accept} (the last step was below
   * {@code 1e-5 s} and its value accurate), {@code isSmall} (stays, in the small-t region {@code s
   * < 2 tau}, {@code x/s >= eta}) and {@code isOther} (stays, direct formula).
   */
  private static void classify(Scratch sc, int n) {
    double[] xs = sc.packed.x;
    double[] ss = sc.packed.s;
    double any = sc.retire ? 1.0 : 0.0;
    double all = sc.lastStep ? 1.0 : 0.0;
    DoubleVector zero = DoubleVector.broadcast(SPECIES, 0.0);
    for (int j = 0; j < n; j += L) {
      DoubleVector x = DoubleVector.fromArray(SPECIES, xs, j);
      DoubleVector s = DoubleVector.fromArray(SPECIES, ss, j);
      VectorMask<Double> converged =
          DoubleVector.fromArray(SPECIES, sc.step, j).compare(VectorOperators.NE, 0.0);
      // No mask chosen by a branch: masks merged across control flow are boxed.
      VectorMask<Double> retired =
          converged
              .or(zero.compare(VectorOperators.LT, all))
              .and(zero.compare(VectorOperators.LT, any));
      VectorMask<Double> accurate =
          DoubleVector.fromArray(SPECIES, sc.accurate, j).compare(VectorOperators.NE, 0.0);
      zero.blend(1.0, converged.and(accurate)).intoArray(sc.accept, j);
      VectorMask<Double> small =
          s.compare(VectorOperators.LT, 2 * TAU)
              .and(x.div(s).compare(VectorOperators.GE, ETA))
              .andNot(retired);
      zero.blend(1.0, small).intoArray(sc.isSmall, j);
      zero.blend(1.0, small.or(retired).not()).intoArray(sc.isOther, j);
    }
  }

  /** The value {@code b} at the current {@code s}, both ways, and the normalised vega. */
  private static void evaluate(Scratch sc, int n) {
    SmallT.ratios(sc.packed, n);
    Pass.run(ARGUMENTS, sc, 0, n);
    int directFrom = sc.nSmall / L * L;
    Pass.run(CDF1_BODY, sc, directFrom, n);
    Pass.run(CDF1_FAR, sc, directFrom, n);
    Pass.run(CDF2_BODY, sc, directFrom, n);
    Pass.run(CDF2_FAR, sc, directFrom, n);
    SmallT.fromRatios(sc.packed, (sc.nSmall + L - 1) / L * L);
  }

  // The passes (see Pass).
  // Not final on purpose: see Pass.
  private static Pass<Scratch> ARGUMENTS = (sc, from, to) -> arguments(sc, to);
  // N(d): central and middle regions in one pass, then the far lanes of the vectors it listed.
  private static Pass<Scratch> CDF1_BODY =
      (sc, from, to) ->
          sc.farSize = Passes.cdfBodyListing(sc.one, sc.d1, sc.n1, sc.c1, sc.farList, from, to);
  private static Pass<Scratch> CDF1_FAR =
      (sc, from, to) -> Passes.cdfFarListed(sc.one, sc.d1, sc.n1, sc.c1, sc.farList, sc.farSize);
  private static Pass<Scratch> CDF2_BODY =
      (sc, from, to) ->
          sc.farSize = Passes.cdfBodyListing(sc.one, sc.d2, sc.n2, sc.c2, sc.farList, from, to);
  private static Pass<Scratch> CDF2_FAR =
      (sc, from, to) -> Passes.cdfFarListed(sc.one, sc.d2, sc.n2, sc.c2, sc.farList, sc.farSize);
  private static Pass<Scratch> CHOOSE = (sc, from, to) -> choose(sc, to);
  private static Pass<Scratch> MARK_LOW = (sc, from, to) -> markLow(sc, to);
  private static Pass<Scratch> HOUSEHOLDER = (sc, from, to) -> householder(sc, to);
  private static Pass<Scratch> LOG_NEWTON = (sc, from, to) -> householderLog(sc, to);
  private static Pass<Scratch> LOG_TERMS = (sc, from, to) -> householderLogTerms(sc, to);
  private static Pass<Scratch> LOG_STEP = (sc, from, to) -> householderLogStep(sc, to);
  private static Pass<Scratch> LOWER_MAP_ARGUMENT = (sc, from, to) -> lowerMapArgument(sc, to);
  private static Pass<Scratch> LOWER_MAP_TAIL = (sc, from, to) -> lowerMapTail(sc, to);
  private static Pass<Scratch> LOWER_MAP_CENTRAL = (sc, from, to) -> lowerMapCentral(sc, to);
  private static Pass<Scratch> FIRST_FLAGS = (sc, from, to) -> firstFlags(sc, to);
  private static Pass<Scratch> ADVANCE = (sc, from, to) -> advance(sc, to);
  private static Pass<Scratch> CLASSIFY = (sc, from, to) -> classify(sc, to);
  private static Pass<Scratch> BOUNDS = (sc, from, to) -> bounds(sc, to);
  private static Pass<Scratch> FINISH = (sc, from, to) -> finish(sc, to);
  private static Pass<Scratch> TAYLOR = (sc, from, to) -> taylor(sc, to);
  private static Pass<Scratch> TARGET = (sc, from, to) -> target(sc, to);
  private static Pass<Scratch> START = (sc, from, to) -> start(sc, to);
  private static Pass<Scratch> INPUTS = (sc, from, to) -> inputs(sc, to);
  private static Pass<Scratch> COUNT_FLAGS = (sc, from, to) -> countFlags(sc);
  private static Pass<Scratch> SWAP_MISPLACED = (sc, from, to) -> swapMisplaced(sc, to);
  private static Pass<Scratch> PARTITION_INDEX = (sc, from, to) -> partitionIndex(sc, to);
  private static Pass<Scratch> MOVE_SMALL = (sc, from, to) -> move(sc, sc.idxSmall, 0, to);
  private static Pass<Scratch> MOVE_OTHER =
      (sc, from, to) -> move(sc, sc.idxOther, sc.nSmallNext, to);
  private static Pass<Scratch> MOVE_REST_SMALL = (sc, from, to) -> moveRest(sc, sc.idxSmall, 0, to);
  private static Pass<Scratch> MOVE_REST_OTHER =
      (sc, from, to) -> moveRest(sc, sc.idxOther, sc.nSmallNext, to);
  // x = ln(S/K) + (r - q) T, the normalisation sqrt(S K) e^{-(r+q)T/2} and e^{x/2}, as the scalar
  // kernels (rows with |x| > 700, where e^{x/2} might be outside FastExp's main range, fail
  // BOUNDS).
  private static Pass<Scratch> LOGS =
      (sc, from, to) -> ExactMath.log(sc.rRatio, sc.rCarry, null, sc.rX, sc.tab, to);
  private static Pass<Scratch> NORMALISATION_REDUCE =
      (sc, from, to) -> ExactMath.expReduce(sc.rPrefArg, 1.0, sc.rRatio, sc.rCarry, sc.tab, to);
  private static Pass<Scratch> NORMALISATIONS =
      (sc, from, to) ->
          ExactMath.expFinish(sc.rRatio, sc.rCarry, sc.rProduct, sc.rPref, sc.tab, to);
  private static Pass<Scratch> HALF_REDUCE =
      (sc, from, to) -> ExactMath.expReduce(sc.rX, 0.5, sc.rRatio, sc.rCarry, sc.tab, to);
  private static Pass<Scratch> HALF_EXPONENTIALS =
      (sc, from, to) -> ExactMath.expFinish(sc.rRatio, sc.rCarry, null, sc.rE, sc.tab, to);

  /**
   * {@code d1,2 = h +- t} ({@code h = x/s}, {@code t = s/2}), the vega {@code exp(-(h^2+t^2)/2) /
   * sqrt(2 pi)}, and the densities {@code n(d1) = vega / e^{x/2}}, {@code n(d2) = vega e^{x/2}}.
   */
  private static void arguments(Scratch sc, int n) {
    double[] s = sc.packed.s;
    for (int j = 0; j < n; j += L) {
      DoubleVector vs = DoubleVector.fromArray(SPECIES, s, j);
      DoubleVector h = DoubleVector.fromArray(SPECIES, sc.packed.h, j);
      h.div(vs).intoArray(sc.hOverS, j);
      DoubleVector t = vs.mul(0.5);
      h.add(t).intoArray(sc.d1, j);
      h.sub(t).intoArray(sc.d2, j);
      DoubleVector vega = VectorMath.exp(h.mul(h).add(t.mul(t)).mul(-0.5)).mul(INV_SQRT_2PI);
      vega.intoArray(sc.vega, j);
      vega.mul(DoubleVector.fromArray(SPECIES, sc.invEx, j)).intoArray(sc.n1, j);
      vega.mul(DoubleVector.fromArray(SPECIES, sc.ex, j)).intoArray(sc.n2, j);
    }
  }

  /**
   * The value {@code b} per lane: the small-t expansion in its region, else the direct formula
   * {@code e^{x/2} N(d1) - e^{-x/2} N(d2)}; records whether it was accurate (small-t, or a direct
   * formula that does not cancel).
   */
  private static void choose(Scratch sc, int n) {
    double[] s = sc.packed.s;
    for (int j = 0; j < n; j += L) {
      DoubleVector vs = DoubleVector.fromArray(SPECIES, s, j);
      DoubleVector h = DoubleVector.fromArray(SPECIES, sc.packed.h, j);
      DoubleVector a =
          DoubleVector.fromArray(SPECIES, sc.ex, j).mul(DoubleVector.fromArray(SPECIES, sc.c1, j));
      DoubleVector c =
          DoubleVector.fromArray(SPECIES, sc.c2, j)
              .mul(DoubleVector.fromArray(SPECIES, sc.invEx, j));
      DoubleVector direct = a.sub(c);
      VectorMask<Double> smallT =
          vs.compare(VectorOperators.LT, 2 * TAU).and(h.compare(VectorOperators.GE, ETA));
      VectorMask<Double> accurate =
          smallT.or(direct.compare(VectorOperators.GE, a.add(c).mul(1.0 / 16)));
      direct.blend(DoubleVector.fromArray(SPECIES, sc.packed.b, j), smallT).intoArray(sc.value, j);
      DoubleVector.broadcast(SPECIES, 0.0).blend(1.0, accurate).intoArray(sc.accurate, j);
    }
  }

  /**
   * Marks the lanes whose target is below the value at the start (the convex lower branch): they
   * iterate on the scalar solver's objective {@code 1/ln(b) - 1/ln(beta)}, on which Householder
   * converges in a few steps even where {@code b} is exponentially small, and use {@code bo} only
   * as {@code ln(beta)}: their {@code bo} is replaced by it, once per row. Since {@code bo <
   * e^{-|x|/2} <= 1} that is negative, so {@code bo < 0} marks these lanes from here on, with no
   * column of its own to carry through the partitions (the step on {@code b - beta} that {@link
   * #householder} computes for them is discarded).
   */
  private static void markLow(Scratch sc, int n) {
    for (int j = 0; j < n; j += L) {
      DoubleVector bo = DoubleVector.fromArray(SPECIES, sc.bo, j);
      VectorMask<Double> low =
          bo.compare(VectorOperators.LT, DoubleVector.fromArray(SPECIES, sc.value, j));
      if (low.anyTrue()) {
        bo.blend(VectorMath.log(bo).min(-Double.MIN_NORMAL), low).intoArray(sc.bo, j);
      }
    }
  }

  /** The Householder step on {@code b - beta} (the scalar solver's objective 0). */
  private static void householder(Scratch sc, int n) {
    double[] s = sc.packed.s;
    for (int j = 0; j < n; j += L) {
      DoubleVector vs = DoubleVector.fromArray(SPECIES, s, j);
      DoubleVector hs = DoubleVector.fromArray(SPECIES, sc.packed.h, j);
      DoubleVector bp = DoubleVector.fromArray(SPECIES, sc.vega, j);
      DoubleVector bv = DoubleVector.fromArray(SPECIES, sc.value, j);
      DoubleVector hOverS = DoubleVector.fromArray(SPECIES, sc.hOverS, j);
      DoubleVector halley = hs.mul(hOverS).sub(vs.mul(0.25));
      DoubleVector hh3 = halley.mul(halley).sub(hOverS.mul(hOverS).mul(3.0)).sub(0.25);
      DoubleVector newton = DoubleVector.fromArray(SPECIES, sc.bo, j).sub(bv).div(bp);
      householderStep(newton, halley, hh3).intoArray(sc.rawStep, j);
    }
  }

  /**
   * The Householder step on {@code 1/ln(b) - 1/ln(beta)} for the lanes marked low (three loops,
   * each under C2's inlining budget): Newton term, {@code b'/b} and {@code 1/ln(b)} first. On the
   * low lanes ({@code bo < 0}) {@code bo} holds {@code ln(beta)} (see {@link #markLow}).
   */
  private static void householderLog(Scratch sc, int n) {
    for (int j = 0; j < n; j += L) {
      if (DoubleVector.fromArray(SPECIES, sc.bo, j).compare(VectorOperators.LT, 0.0).anyTrue()) {
        DoubleVector bv = DoubleVector.fromArray(SPECIES, sc.value, j);
        DoubleVector lnBeta = DoubleVector.fromArray(SPECIES, sc.bo, j);
        DoubleVector lnB = VectorMath.log(bv);
        DoubleVector bp = DoubleVector.fromArray(SPECIES, sc.vega, j);
        lnBeta.sub(lnB).mul(lnB).mul(bv).div(lnBeta.mul(bp)).intoArray(sc.d1, j);
        bp.div(bv).intoArray(sc.d2, j);
        DoubleVector.broadcast(SPECIES, 1.0).div(lnB).intoArray(sc.n1, j);
      }
    }
  }

  /** The Halley and third-order terms of the log objective. */
  private static void householderLogTerms(Scratch sc, int n) {
    double[] s = sc.packed.s;
    for (int j = 0; j < n; j += L) {
      if (DoubleVector.fromArray(SPECIES, sc.bo, j).compare(VectorOperators.LT, 0.0).anyTrue()) {
        DoubleVector vs = DoubleVector.fromArray(SPECIES, s, j);
        DoubleVector hs = DoubleVector.fromArray(SPECIES, sc.packed.h, j);
        DoubleVector bpob = DoubleVector.fromArray(SPECIES, sc.d2, j);
        DoubleVector inv = DoubleVector.fromArray(SPECIES, sc.n1, j);
        DoubleVector hOverS = DoubleVector.fromArray(SPECIES, sc.hOverS, j);
        DoubleVector halleyB = hs.mul(hOverS).sub(vs.mul(0.25));
        DoubleVector hh3B = halleyB.mul(halleyB).sub(hOverS.mul(hOverS).mul(3.0)).sub(0.25);
        DoubleVector twoOverLn = inv.mul(2.0).add(1.0);
        DoubleVector k3 = inv.mul(3.0).mul(inv.add(1.0)).add(1.0);
        halleyB.sub(bpob.mul(twoOverLn)).intoArray(sc.n2, j);
        hh3B.add(bpob.mul(bpob).mul(2.0).mul(k3))
            .sub(halleyB.mul(bpob).mul(3.0).mul(twoOverLn))
            .intoArray(sc.c1, j);
      }
    }
  }

  /** The log objective's step, blended into {@code rawStep} on the low lanes. */
  private static void householderLogStep(Scratch sc, int n) {
    for (int j = 0; j < n; j += L) {
      VectorMask<Double> low =
          DoubleVector.fromArray(SPECIES, sc.bo, j).compare(VectorOperators.LT, 0.0);
      if (low.anyTrue()) {
        // householderStep written out: see Passes.cdfFarListed.
        DoubleVector newton = DoubleVector.fromArray(SPECIES, sc.d1, j);
        DoubleVector halley = DoubleVector.fromArray(SPECIES, sc.n2, j);
        DoubleVector hh3 = DoubleVector.fromArray(SPECIES, sc.c1, j);
        DoubleVector num = halley.mul(newton).mul(0.5).add(1.0);
        DoubleVector den = halley.add(hh3.mul(newton).mul(1 / 6.0)).mul(newton).add(1.0);
        DoubleVector step = newton.mul(num.div(den));
        DoubleVector.fromArray(SPECIES, sc.rawStep, j).blend(step, low).intoArray(sc.rawStep, j);
      }
    }
  }

  private static DoubleVector householderStep(
      DoubleVector newton, DoubleVector halley, DoubleVector hh3) {
    DoubleVector num = halley.mul(newton).mul(0.5).add(1.0);
    DoubleVector den = halley.add(hh3.mul(newton).mul(1 / 6.0)).mul(newton).add(1.0);
    return newton.mul(num.div(den));
  }

  /** {@code s += max(-s/2, step)}, recording whether {@code |step| <= 1e-5 s} (1 or 0). */
  private static void advance(Scratch sc, int n) {
    double[] s = sc.packed.s;
    for (int j = 0; j < n; j += L) {
      DoubleVector vs = DoubleVector.fromArray(SPECIES, s, j);
      DoubleVector step = DoubleVector.fromArray(SPECIES, sc.rawStep, j);
      vs.add(step.max(vs.mul(-0.5))).intoArray(s, j);
      DoubleVector.broadcast(SPECIES, 0.0)
          .blend(1.0, step.abs().compare(VectorOperators.LE, vs.mul(CONVERGED)))
          .intoArray(sc.step, j);
    }
  }

  /** The scalar backend's row: checks, then {@code BlackImpliedVol.solve}. */
  static void scalarIv(
      BatchModel model, OptionBatch b, double[] prices, double[] volOut, byte[] statusOut, int i) {
    double r = b.rate()[i];
    double q = b.dividendYield()[i];
    byte code = RowChecks.validate(model, b.spot()[i], b.strike()[i], b.expiry()[i], r, q, 0);
    if (code != OK) {
      statusOut[i] = code;
      volOut[i] = Double.NaN;
      return;
    }
    double v =
        BlackImpliedVol.solve(
            b.call()[i],
            b.spot()[i],
            b.strike()[i],
            b.expiry()[i],
            r,
            model == BatchModel.BLACK_76 ? r : q,
            prices[i],
            null);
    if (v > 0) {
      statusOut[i] = OK;
      volOut[i] = v;
    } else {
      statusOut[i] = BlackImpliedVol.status(v).code();
      volOut[i] = Double.NaN;
    }
  }
}
