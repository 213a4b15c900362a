package io.github.bsoptions.pricing.simd;

import static io.github.bsoptions.pricing.simd.VectorMath.SPECIES;

import io.github.bsoptions.pricing.PricingStatus;
import io.github.bsoptions.pricing.batch.BatchModel;
import io.github.bsoptions.pricing.batch.GreeksBatch;
import io.github.bsoptions.pricing.batch.OptionBatch;
import io.github.bsoptions.pricing.internal.BlackScholesKernel;
import io.github.bsoptions.pricing.internal.RowChecks;
import java.util.Arrays;

/**
 * Vectorised batch kernels over row ranges.
 *
 * <p>Each block of rows runs the vector passes of {@link Passes}. A group of {@code
 * SPECIES.length()} rows keeps the vector results when every row in it is valid and smooth (spot,
 * strike, expiry and volatility in {@code [1e-150, 1e150]}, {@code |rT|, |qT| < 700}); any other
 * group, and the tail of the range, is computed row by row with the scalar reference kernel, so
 * invalid and degenerate rows get exactly the scalar backend's statuses and values. Within smooth
 * groups, rows where the scalar fast path would not use the direct formula (cancellation, far
 * tails) take the normalised Black function: vectorised in {@link SmallT}, else scalar. Implied
 * volatility: {@link VectorIv}.
 */
final class SimdKernels {

  private static final byte OK = PricingStatus.OK.code();
  private static final int L = SPECIES.length();

  private SimdKernels() {}

  // ---------------------------------------------------------------- price

  static void priceRange(
      BatchModel model, OptionBatch b, double[] out, byte[] status, int from, int to) {
    boolean black76 = model == BatchModel.BLACK_76;
    double[] r = b.rate();
    double[] q = black76 ? r : b.dividendYield();
    Passes.Scratch sc = Passes.SCRATCH.get();
    int i = from;
    while (to - i >= L) {
      int n = Math.min(Passes.BLOCK, (to - i) / L * L);
      Passes.inputs(sc, b.call(), b.spot(), b.strike(), b.expiry(), r, q, b.volatility(), i);
      Passes.common(sc, n);
      Passes.price(sc, out, n);
      Arrays.fill(status, i, i + n, OK);
      // Rows where the direct formula cancels or is in the far tails are packed by vector passes;
      // those out of the money with both probabilities in Cody's middle region (most of them)
      // take the rational difference, the others the normalised price, both lane-wise.
      for (int g = 0; g < n; g += L) {
        if (!sc.smooth[g / L]) {
          scalarPrice(model, b, out, status, i + g, i + g + L);
        }
      }
      SmallT.Packed packed = sc.packed;
      Passes.pack(sc, n, false);
      Passes.cancelling(sc, out, i);
      int size = packed.size;
      if (size > 0) {
        SmallT.prepare(packed, model, b, sc, i);
        SmallT.compute(packed);
        SmallT.store(packed, out);
        for (int k = 0; k < size; k++) {
          if (packed.ok[k] == 0) {
            int row = i + packed.idx[k];
            out[row] = scalarPriceRow(model, b, row);
          }
        }
      }
      i += n;
    }
    scalarPrice(model, b, out, status, i, to);
  }

  private static double scalarPriceRow(BatchModel model, OptionBatch b, int i) {
    double r = b.rate()[i];
    return BlackScholesKernel.fastPrice(
        b.call()[i],
        b.spot()[i],
        b.strike()[i],
        b.expiry()[i],
        r,
        model == BatchModel.BLACK_76 ? r : b.dividendYield()[i],
        b.volatility()[i]);
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
              ? BlackScholesKernel.fastPrice(
                  call[i], s[i], k[i], t[i], r[i], black76 ? r[i] : q[i], vol[i])
              : Double.NaN;
    }
  }

  // ---------------------------------------------------------------- greeks

  static void greeksRange(BatchModel model, OptionBatch b, GreeksBatch out, int from, int to) {
    boolean black76 = model == BatchModel.BLACK_76;
    double[] r = b.rate();
    double[] q = black76 ? r : b.dividendYield();
    Passes.Scratch sc = Passes.SCRATCH.get();
    int i = from;
    while (to - i >= L) {
      int n = Math.min(Passes.BLOCK, (to - i) / L * L);
      Passes.inputs(sc, b.call(), b.spot(), b.strike(), b.expiry(), r, q, b.volatility(), i);
      Passes.common(sc, n);
      Passes.greeks(
          sc, out.price(), out.delta(), out.gamma(), out.vega(), out.theta(), out.rho(), n);
      Arrays.fill(out.statusCodes(), i, i + n, OK);
      // Cancelling rows keep the direct greeks (as the scalar kernel does) and take the rational
      // difference or the normalised price (as in priceRange); rows far in the tails are left to
      // the scalar kernel.
      for (int g = 0; g < n; g += L) {
        if (!sc.smooth[g / L]) {
          scalarGreeks(model, b, out, i + g, i + g + L, sc.row);
        } else if (sc.anyTail[g / L]) {
          for (int j = g; j < g + L; j++) {
            if (sc.tail[j] != 0) {
              scalarGreeks(model, b, out, i + j, i + j + 1, sc.row);
            }
          }
        }
      }
      SmallT.Packed packed = sc.packed;
      Passes.pack(sc, n, true);
      Passes.cancelling(sc, out.price(), i);
      if (black76) {
        // Black-76 rho holds the forward fixed: dV/dr = -T V (the scalar rows have it already).
        for (int j = i; j < i + n; j++) {
          out.rho()[j] = -b.expiry()[j] * out.price()[j];
        }
      }
      int size = packed.size;
      if (size > 0) {
        SmallT.prepare(packed, model, b, sc, i);
        SmallT.compute(packed);
        SmallT.store(packed, out.price());
        for (int k = 0; k < size; k++) {
          int row = i + packed.idx[k];
          if (packed.ok[k] == 0) {
            scalarGreeks(model, b, out, row, row + 1, sc.row);
          } else if (black76) {
            out.rho()[row] = -b.expiry()[row] * out.price()[row];
          }
        }
      }
      i += n;
    }
    scalarGreeks(model, b, out, i, to, sc.row);
  }

  private static void scalarGreeks(
      BatchModel model, OptionBatch b, GreeksBatch out, int from, int to, double[] tmp) {
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
      BlackScholesKernel.fastFirstOrder(
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

  /** Implied volatility: {@link VectorIv}. */
  static void ivRange(
      BatchModel model,
      OptionBatch b,
      double[] prices,
      double[] volOut,
      byte[] statusOut,
      int from,
      int to) {
    VectorIv.ivRange(model, b, prices, volOut, statusOut, from, to);
  }
}
