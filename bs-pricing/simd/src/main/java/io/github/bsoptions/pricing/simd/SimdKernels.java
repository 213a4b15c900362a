package io.github.bsoptions.pricing.simd;

import static io.github.bsoptions.pricing.simd.VectorMath.SPECIES;

import io.github.bsoptions.pricing.PricingStatus;
import io.github.bsoptions.pricing.batch.BatchModel;
import io.github.bsoptions.pricing.batch.GreeksBatch;
import io.github.bsoptions.pricing.batch.OptionBatch;
import io.github.bsoptions.pricing.formula.ImpliedVolResult;
import io.github.bsoptions.pricing.formula.ImpliedVolatility;
import io.github.bsoptions.pricing.internal.BlackScholesKernel;
import io.github.bsoptions.pricing.internal.RowChecks;
import java.util.Arrays;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;

/**
 * Vectorised batch kernels over row ranges.
 *
 * <p>A group of {@code SPECIES.length()} rows takes the vector path when every row in it is valid
 * and smooth (positive finite spot, strike, expiry and volatility, finite carry with {@code |rT|,
 * |qT| < 700}); any other group, and the tail of the range, is computed row by row with the scalar
 * reference kernel, so invalid and degenerate rows get exactly the scalar backend's statuses and
 * values. Implied volatility classifies every row with the scalar solver's own checks, then runs
 * the vectorised Newton iteration on the rows that need one, compacted; a row that does not
 * converge in {@value #IV_MAX_ITERATIONS} iterations is solved by the scalar solver.
 */
final class SimdKernels {
  static final int IV_MAX_ITERATIONS = 40;

  private static final byte OK = PricingStatus.OK.code();
  private static final int L = SPECIES.length();
  private static final double BIG_CARRY = 700;

  private SimdKernels() {}

  // ---------------------------------------------------------------- price

  static void priceRange(
      BatchModel model, OptionBatch b, double[] out, byte[] status, int from, int to) {
    boolean[] call = b.call();
    double[] s = b.spot();
    double[] k = b.strike();
    double[] t = b.expiry();
    double[] r = b.rate();
    double[] q = b.dividendYield();
    double[] vol = b.volatility();
    boolean black76 = model == BatchModel.BLACK_76;
    int i = from;
    for (int upper = to - L; i <= upper; i += L) {
      DoubleVector vs = DoubleVector.fromArray(SPECIES, s, i);
      DoubleVector vk = DoubleVector.fromArray(SPECIES, k, i);
      DoubleVector vt = DoubleVector.fromArray(SPECIES, t, i);
      DoubleVector vr = DoubleVector.fromArray(SPECIES, r, i);
      DoubleVector vq = black76 ? vr : DoubleVector.fromArray(SPECIES, q, i);
      DoubleVector vv = DoubleVector.fromArray(SPECIES, vol, i);
      if (!smooth(vs, vk, vt, vr, vq, vv)) {
        scalarPrice(model, b, out, status, i, i + L);
        continue;
      }
      VectorMask<Double> isCall = VectorMask.fromArray(SPECIES, call, i);
      DoubleVector w = DoubleVector.broadcast(SPECIES, -1.0).blend(1.0, isCall);
      DoubleVector dq = VectorMath.exp(vq.neg().mul(vt));
      DoubleVector dr = VectorMath.exp(vr.neg().mul(vt));
      DoubleVector sqrtT = vt.lanewise(VectorOperators.SQRT);
      DoubleVector v = vv.mul(sqrtT);
      DoubleVector d1 = VectorMath.log(vs.div(vk)).add(vr.sub(vq).mul(vt)).div(v).add(v.mul(0.5));
      DoubleVector d2 = d1.sub(v);
      DoubleVector cd1 = VectorMath.cdf(w.mul(d1));
      DoubleVector cd2 = VectorMath.cdf(w.mul(d2));
      DoubleVector price = w.mul(dq.mul(vs).mul(cd1).sub(dr.mul(vk).mul(cd2)));
      price.intoArray(out, i);
      Arrays.fill(status, i, i + L, OK);
    }
    scalarPrice(model, b, out, status, i, to);
  }

  private static void scalarPrice(
      BatchModel model, OptionBatch b, double[] out, byte[] status, int from, int to) {
    boolean[] call = b.call();
    double[] s = b.spot();
    double[] k = b.strike();
    double[] t = b.expiry();
    double[] r = b.rate();
    double[] q = b.dividendYield();
    double[] vol = b.volatility();
    boolean black76 = model == BatchModel.BLACK_76;
    for (int i = from; i < to; i++) {
      byte code = RowChecks.validate(model, s[i], k[i], t[i], r[i], q[i], vol[i]);
      status[i] = code;
      out[i] =
          code == OK
              ? BlackScholesKernel.price(
                  call[i], s[i], k[i], t[i], r[i], black76 ? r[i] : q[i], vol[i])
              : Double.NaN;
    }
  }

  /** Returns true when every lane is valid and away from the degenerate convention. */
  private static boolean smooth(
      DoubleVector s,
      DoubleVector k,
      DoubleVector t,
      DoubleVector r,
      DoubleVector q,
      DoubleVector vol) {
    double inf = Double.POSITIVE_INFINITY;
    VectorMask<Double> m =
        s.compare(VectorOperators.GT, 0.0)
            .and(s.compare(VectorOperators.LT, inf))
            .and(k.compare(VectorOperators.GT, 0.0))
            .and(k.compare(VectorOperators.LT, inf))
            .and(t.compare(VectorOperators.GT, 0.0))
            .and(t.compare(VectorOperators.LT, inf))
            .and(vol.compare(VectorOperators.GT, 0.0))
            .and(vol.compare(VectorOperators.LT, inf))
            .and(r.mul(t).abs().compare(VectorOperators.LT, BIG_CARRY))
            .and(q.mul(t).abs().compare(VectorOperators.LT, BIG_CARRY));
    if (!m.allTrue()) {
      return false;
    }
    // Total volatility must be positive (not underflowed) and S/K a normal positive number.
    DoubleVector ratio = s.div(k);
    return vol.mul(t.lanewise(VectorOperators.SQRT))
        .compare(VectorOperators.GT, 0.0)
        .and(ratio.compare(VectorOperators.GE, Double.MIN_NORMAL))
        .and(ratio.compare(VectorOperators.LT, inf))
        .allTrue();
  }

  // ---------------------------------------------------------------- greeks

  static void greeksRange(BatchModel model, OptionBatch b, GreeksBatch out, int from, int to) {
    boolean[] call = b.call();
    double[] s = b.spot();
    double[] k = b.strike();
    double[] t = b.expiry();
    double[] r = b.rate();
    double[] q = b.dividendYield();
    double[] vol = b.volatility();
    boolean black76 = model == BatchModel.BLACK_76;
    byte[] status = out.statusCodes();
    int i = from;
    for (int upper = to - L; i <= upper; i += L) {
      DoubleVector vs = DoubleVector.fromArray(SPECIES, s, i);
      DoubleVector vk = DoubleVector.fromArray(SPECIES, k, i);
      DoubleVector vt = DoubleVector.fromArray(SPECIES, t, i);
      DoubleVector vr = DoubleVector.fromArray(SPECIES, r, i);
      DoubleVector vq = black76 ? vr : DoubleVector.fromArray(SPECIES, q, i);
      DoubleVector vv = DoubleVector.fromArray(SPECIES, vol, i);
      if (!smooth(vs, vk, vt, vr, vq, vv)) {
        scalarGreeks(model, b, out, i, i + L);
        continue;
      }
      VectorMask<Double> isCall = VectorMask.fromArray(SPECIES, call, i);
      DoubleVector w = DoubleVector.broadcast(SPECIES, -1.0).blend(1.0, isCall);
      DoubleVector dq = VectorMath.exp(vq.neg().mul(vt));
      DoubleVector dr = VectorMath.exp(vr.neg().mul(vt));
      DoubleVector sqrtT = vt.lanewise(VectorOperators.SQRT);
      DoubleVector v = vv.mul(sqrtT);
      DoubleVector d1 = VectorMath.log(vs.div(vk)).add(vr.sub(vq).mul(vt)).div(v).add(v.mul(0.5));
      DoubleVector d2 = d1.sub(v);
      DoubleVector eh1 = VectorMath.expHalfSquare(d1.abs());
      DoubleVector nd1 = VectorMath.pdf(eh1);
      DoubleVector cd1 = VectorMath.cdf(w.mul(d1), eh1);
      DoubleVector cd2 = VectorMath.cdf(w.mul(d2));
      DoubleVector sdq = vs.mul(dq);
      DoubleVector kdr = vk.mul(dr);
      DoubleVector price = w.mul(sdq.mul(cd1).sub(kdr.mul(cd2)));
      price.intoArray(out.price(), i);
      w.mul(dq).mul(cd1).intoArray(out.delta(), i);
      dq.mul(nd1).div(vs.mul(v)).intoArray(out.gamma(), i);
      sdq.mul(nd1).mul(sqrtT).intoArray(out.vega(), i);
      sdq.neg()
          .mul(nd1)
          .mul(vv)
          .div(sqrtT.mul(2.0))
          .add(w.mul(vq.mul(sdq).mul(cd1).sub(vr.mul(kdr).mul(cd2))))
          .intoArray(out.theta(), i);
      DoubleVector rho = black76 ? vt.neg().mul(price) : w.mul(kdr).mul(vt).mul(cd2);
      rho.intoArray(out.rho(), i);
      Arrays.fill(status, i, i + L, OK);
    }
    scalarGreeks(model, b, out, i, to);
  }

  private static void scalarGreeks(
      BatchModel model, OptionBatch b, GreeksBatch out, int from, int to) {
    boolean[] call = b.call();
    double[] s = b.spot();
    double[] k = b.strike();
    double[] t = b.expiry();
    double[] r = b.rate();
    double[] q = b.dividendYield();
    double[] vol = b.volatility();
    boolean black76 = model == BatchModel.BLACK_76;
    double[] tmp = new double[6];
    for (int i = from; i < to; i++) {
      byte code = RowChecks.validate(model, s[i], k[i], t[i], r[i], q[i], vol[i]);
      out.statusCodes()[i] = code;
      if (code != OK) {
        out.price()[i] = Double.NaN;
        out.delta()[i] = Double.NaN;
        out.gamma()[i] = Double.NaN;
        out.vega()[i] = Double.NaN;
        out.theta()[i] = Double.NaN;
        out.rho()[i] = Double.NaN;
        continue;
      }
      BlackScholesKernel.firstOrder(
          call[i], s[i], k[i], t[i], r[i], black76 ? r[i] : q[i], vol[i], tmp, 0);
      out.price()[i] = tmp[0];
      out.delta()[i] = tmp[1];
      out.gamma()[i] = tmp[2];
      out.vega()[i] = tmp[3];
      out.theta()[i] = tmp[4];
      out.rho()[i] = black76 ? -t[i] * tmp[0] : tmp[5];
    }
  }

  // ---------------------------------------------------------------- implied volatility

  /** Per-thread scratch columns for the compacted Newton solve. */
  static final class IvScratch {
    int[] row = new int[0];
    double[] f = new double[0];
    double[] k = new double[0];
    double[] x = new double[0];
    double[] target = new double[0];
    double[] v = new double[0];
    double[] lo = new double[0];
    double[] hi = new double[0];
    boolean[] done = new boolean[0];

    void ensure(int n) {
      int cap = n + L;
      if (row.length < cap) {
        row = new int[cap];
        f = new double[cap];
        k = new double[cap];
        x = new double[cap];
        target = new double[cap];
        v = new double[cap];
        lo = new double[cap];
        hi = new double[cap];
        done = new boolean[cap];
      }
    }
  }

  private static final ThreadLocal<IvScratch> SCRATCH = ThreadLocal.withInitial(IvScratch::new);

  static void ivRange(
      BatchModel model,
      OptionBatch b,
      double[] prices,
      double[] volOut,
      byte[] statusOut,
      int from,
      int to) {
    boolean[] call = b.call();
    double[] s = b.spot();
    double[] ks = b.strike();
    double[] ts = b.expiry();
    double[] rs = b.rate();
    double[] qs = b.dividendYield();
    boolean black76 = model == BatchModel.BLACK_76;
    IvScratch sc = SCRATCH.get();
    sc.ensure(to - from);
    int m = 0;
    // Classification with exactly the scalar solver's checks (statuses must match bit for bit).
    for (int i = from; i < to; i++) {
      double q = black76 ? 0 : qs[i];
      byte code = RowChecks.validate(model, s[i], ks[i], ts[i], rs[i], q, 0);
      if (code != OK) {
        statusOut[i] = code;
        volOut[i] = Double.NaN;
        continue;
      }
      double price = prices[i];
      double t = ts[i];
      double forward = black76 ? s[i] : s[i] * Math.exp((rs[i] - q) * t);
      double df = Math.exp(-rs[i] * t);
      double strike = ks[i];
      byte pre = preCheck(call[i], forward, strike, t, df, price);
      if (pre != OK) {
        statusOut[i] = pre;
        volOut[i] = Double.NaN;
        continue;
      }
      double bp = price / df;
      double intrinsic = call[i] ? Math.max(forward - strike, 0) : Math.max(strike - forward, 0);
      double x = Math.log(forward / strike);
      if (x == 0 || !(Math.abs(x) < 700)) {
        scalarIv(model, b, prices, volOut, statusOut, i);
        continue;
      }
      sc.row[m] = i;
      sc.f[m] = forward;
      sc.k[m] = strike;
      sc.x[m] = x;
      sc.target[m] = bp - intrinsic;
      m++;
    }
    if (m == 0) {
      return;
    }
    // Pad to whole vectors with a harmless copy of the first row.
    int padded = (m + L - 1) / L * L;
    for (int j = m; j < padded; j++) {
      sc.f[j] = sc.f[0];
      sc.k[j] = sc.k[0];
      sc.x[j] = sc.x[0];
      sc.target[j] = sc.target[0];
    }
    for (int j = 0; j < padded; j += L) {
      newton(sc, j);
    }
    for (int j = 0; j < m; j++) {
      int i = sc.row[j];
      double v = sc.v[j];
      if (sc.done[j] && v > 0 && v < Double.POSITIVE_INFINITY) {
        statusOut[i] = OK;
        volOut[i] = v / Math.sqrt(ts[i]);
      } else {
        scalarIv(model, b, prices, volOut, statusOut, i);
      }
    }
  }

  /**
   * The scalar solver's checks before iterating, in its order; OK when a Newton solve is needed.
   */
  private static byte preCheck(
      boolean isCall, double forward, double strike, double expiry, double df, double price) {
    if (!(price >= 0 && price < Double.POSITIVE_INFINITY)) {
      return PricingStatus.INVALID_PRICE.code();
    }
    if (expiry == 0) {
      return PricingStatus.EXPIRED.code();
    }
    double b = price / df;
    double intrinsic = isCall ? Math.max(forward - strike, 0) : Math.max(strike - forward, 0);
    double upper = isCall ? forward : strike;
    double tol = 4 * Math.ulp(Math.max(b, intrinsic));
    if (b < intrinsic - tol) {
      return PricingStatus.BELOW_INTRINSIC.code();
    }
    if (b >= upper) {
      return PricingStatus.ABOVE_UPPER_BOUND.code();
    }
    double timeValue = b - intrinsic;
    if (timeValue <= tol || forward == 0 || strike == 0) {
      return PricingStatus.NO_TIME_VALUE.code();
    }
    return OK;
  }

  /**
   * Newton steps on the log of the out-of-the-money undiscounted price, inside a shrinking bracket
   * (the scalar solver's iteration, lane-wise), for {@code L} compacted rows from {@code j}.
   */
  private static void newton(IvScratch sc, int j) {
    // Loop-carried state lives in the scratch arrays, not in vector locals: C2 boxes vectors that
    // are merged at a loop back-edge. Loop-invariant vectors are fine.
    DoubleVector f = DoubleVector.fromArray(SPECIES, sc.f, j);
    DoubleVector k = DoubleVector.fromArray(SPECIES, sc.k, j);
    DoubleVector x = DoubleVector.fromArray(SPECIES, sc.x, j);
    DoubleVector target = DoubleVector.fromArray(SPECIES, sc.target, j);
    DoubleVector logTarget = VectorMath.log(target);
    // Out of the money is x < 0 for the call side: p = sgn (f N(sgn d1) - k N(sgn (d1 - v))).
    DoubleVector sgn =
        DoubleVector.broadcast(SPECIES, -1.0).blend(1.0, x.compare(VectorOperators.LT, 0.0));
    x.abs().mul(2.0).lanewise(VectorOperators.SQRT).intoArray(sc.v, j);
    DoubleVector.zero(SPECIES).intoArray(sc.lo, j);
    DoubleVector.broadcast(SPECIES, Double.POSITIVE_INFINITY).intoArray(sc.hi, j);
    SPECIES.maskAll(false).intoArray(sc.done, j);
    for (int it = 0; it < IV_MAX_ITERATIONS; it++) {
      if (newtonStep(sc, j, f, k, x, target, logTarget, sgn)) {
        break;
      }
    }
  }

  /** One lane-wise iteration; returns true when every lane is done. */
  private static boolean newtonStep(
      IvScratch sc,
      int j,
      DoubleVector f,
      DoubleVector k,
      DoubleVector x,
      DoubleVector target,
      DoubleVector logTarget,
      DoubleVector sgn) {
    double inf = Double.POSITIVE_INFINITY;
    DoubleVector v = DoubleVector.fromArray(SPECIES, sc.v, j);
    DoubleVector lo = DoubleVector.fromArray(SPECIES, sc.lo, j);
    DoubleVector hi = DoubleVector.fromArray(SPECIES, sc.hi, j);
    VectorMask<Double> done = VectorMask.fromArray(SPECIES, sc.done, j);
    DoubleVector d1 = x.div(v).add(v.mul(0.5));
    DoubleVector eh = VectorMath.expHalfSquare(d1.abs());
    DoubleVector p =
        sgn.mul(
            f.mul(VectorMath.cdf(sgn.mul(d1), eh)).sub(k.mul(VectorMath.cdf(sgn.mul(d1.sub(v))))));
    VectorMask<Double> exact = p.compare(VectorOperators.EQ, target).andNot(done);
    VectorMask<Double> above = p.compare(VectorOperators.GT, target);
    hi = hi.blend(v, above);
    lo = v.blend(lo, above);
    DoubleVector vega = f.mul(VectorMath.pdf(eh));
    VectorMask<Double> usable =
        p.compare(VectorOperators.GT, 0.0).and(vega.compare(VectorOperators.GT, 0.0));
    // Guard the log against p <= 0 (those lanes bisect below).
    DoubleVector safeP = p.blend(1.0, usable.not());
    DoubleVector newton = v.sub(VectorMath.log(safeP).sub(logTarget).mul(p).div(vega));
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
    // Finished lanes keep their answer in v: v itself when exact, the step's end otherwise.
    DoubleVector out = v.blend(newton, settled).blend(next, conv);
    VectorMask<Double> finished = exact.or(settled).or(conv);
    VectorMask<Double> running = done.or(finished).not();
    v.blend(out, finished).blend(next, running).intoArray(sc.v, j);
    lo.intoArray(sc.lo, j);
    hi.intoArray(sc.hi, j);
    VectorMask<Double> all = done.or(finished);
    all.intoArray(sc.done, j);
    return all.allTrue();
  }

  private static void scalarIv(
      BatchModel model, OptionBatch b, double[] prices, double[] volOut, byte[] statusOut, int i) {
    ImpliedVolResult res =
        model == BatchModel.BLACK_76
            ? ImpliedVolatility.black76(
                b.call()[i], b.spot()[i], b.strike()[i], b.expiry()[i], b.rate()[i], prices[i])
            : ImpliedVolatility.blackScholes(
                b.call()[i],
                b.spot()[i],
                b.strike()[i],
                b.expiry()[i],
                b.rate()[i],
                b.dividendYield()[i],
                prices[i]);
    statusOut[i] = res.status().code();
    volOut[i] = res.volatility();
  }
}
