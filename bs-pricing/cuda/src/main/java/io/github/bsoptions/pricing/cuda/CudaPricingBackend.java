package io.github.bsoptions.pricing.cuda;

import io.github.bsoptions.pricing.PricingStatus;
import io.github.bsoptions.pricing.batch.BatchModel;
import io.github.bsoptions.pricing.batch.GreeksBatch;
import io.github.bsoptions.pricing.batch.OptionBatch;
import io.github.bsoptions.pricing.formula.ImpliedVolResult;
import io.github.bsoptions.pricing.formula.ImpliedVolatility;
import io.github.bsoptions.pricing.internal.BlackScholesKernel;
import io.github.bsoptions.pricing.internal.RowChecks;
import io.github.bsoptions.pricing.spi.BackendCapability;
import io.github.bsoptions.pricing.spi.PricingBackend;
import java.util.EnumSet;
import java.util.Set;

/**
 * The host side of the GPU backend: validates rows with the shared {@link RowChecks}, packs columns
 * into chunks of at most {@link DeviceKernels#capacity()} rows, runs the device kernels, and fills
 * in what the device does not compute. Invalid rows get their status and NaN; valid rows outside
 * the smooth domain (expiry, volatility, spot or strike 0, extreme carry) are computed with the
 * scalar reference kernel; implied-volatility rows are classified with the scalar solver's checks,
 * sent compacted, and solved on the host when the device iteration did not converge. Calls are
 * serialised (one device context).
 */
final class CudaPricingBackend implements PricingBackend {
  static final int IV_MAX_ITERATIONS = 60;

  private static final byte OK = PricingStatus.OK.code();
  private static final Set<BackendCapability> CAPABILITIES =
      EnumSet.of(
          BackendCapability.BATCH_PRICE,
          BackendCapability.BATCH_GREEKS,
          BackendCapability.BATCH_IV,
          BackendCapability.BLACK_SCHOLES,
          BackendCapability.BLACK_76);

  private final DeviceKernels device;
  private final int minimumBatch;
  private final DeviceKernels.RowBuffers rows;
  private final DeviceKernels.IvBuffers iv;
  private final double[] priceBuf;
  private final double[][] greekBufs;

  CudaPricingBackend(DeviceKernels device, int minimumBatch) {
    this.device = device;
    this.minimumBatch = minimumBatch;
    int cap = device.capacity();
    this.rows = new DeviceKernels.RowBuffers(cap);
    this.iv = new DeviceKernels.IvBuffers(cap);
    this.priceBuf = new double[cap];
    this.greekBufs = new double[6][cap];
  }

  @Override
  public String name() {
    return "cuda";
  }

  @Override
  public Set<BackendCapability> capabilities() {
    return EnumSet.copyOf(CAPABILITIES);
  }

  @Override
  public int minimumEfficientBatch() {
    return minimumBatch;
  }

  @Override
  public synchronized void price(
      BatchModel model, OptionBatch b, double[] priceOut, byte[] statusOut) {
    requireSupported(BackendCapability.BATCH_PRICE, model);
    int n = b.size();
    requireCapacity(priceOut.length, n, "priceOut");
    requireCapacity(statusOut.length, n, "statusOut");
    requireVol(b);
    boolean black76 = model == BatchModel.BLACK_76;
    int cap = device.capacity();
    for (int from = 0; from < n; from += cap) {
      int m = Math.min(cap, n - from);
      pack(b, from, m);
      device.price(black76, rows, m, priceBuf);
      for (int j = 0; j < m; j++) {
        int i = from + j;
        byte code = validate(model, b, i);
        statusOut[i] = code;
        if (code != OK) {
          priceOut[i] = Double.NaN;
        } else if (smooth(b, i, black76)) {
          priceOut[i] = priceBuf[j];
        } else {
          priceOut[i] =
              BlackScholesKernel.price(
                  b.call()[i],
                  b.spot()[i],
                  b.strike()[i],
                  b.expiry()[i],
                  b.rate()[i],
                  black76 ? b.rate()[i] : b.dividendYield()[i],
                  b.volatility()[i]);
        }
      }
    }
  }

  @Override
  public synchronized void priceGreeks(BatchModel model, OptionBatch b, GreeksBatch out) {
    requireSupported(BackendCapability.BATCH_GREEKS, model);
    int n = b.size();
    requireCapacity(out.capacity(), n, "out");
    requireVol(b);
    boolean black76 = model == BatchModel.BLACK_76;
    double[][] cols = {out.price(), out.delta(), out.gamma(), out.vega(), out.theta(), out.rho()};
    double[] tmp = new double[6];
    int cap = device.capacity();
    for (int from = 0; from < n; from += cap) {
      int m = Math.min(cap, n - from);
      pack(b, from, m);
      device.greeks(black76, rows, m, greekBufs);
      for (int j = 0; j < m; j++) {
        int i = from + j;
        byte code = validate(model, b, i);
        out.statusCodes()[i] = code;
        if (code != OK) {
          for (double[] c : cols) {
            c[i] = Double.NaN;
          }
        } else if (smooth(b, i, black76)) {
          for (int c = 0; c < 6; c++) {
            cols[c][i] = greekBufs[c][j];
          }
        } else {
          BlackScholesKernel.firstOrder(
              b.call()[i],
              b.spot()[i],
              b.strike()[i],
              b.expiry()[i],
              b.rate()[i],
              black76 ? b.rate()[i] : b.dividendYield()[i],
              b.volatility()[i],
              tmp,
              0);
          for (int c = 0; c < 5; c++) {
            cols[c][i] = tmp[c];
          }
          cols[5][i] = black76 ? -b.expiry()[i] * tmp[0] : tmp[5];
        }
      }
    }
  }

  @Override
  public synchronized void impliedVolatility(
      BatchModel model, OptionBatch b, double[] prices, double[] volOut, byte[] statusOut) {
    requireSupported(BackendCapability.BATCH_IV, model);
    int n = b.size();
    requireCapacity(prices.length, n, "prices");
    requireCapacity(volOut.length, n, "volOut");
    requireCapacity(statusOut.length, n, "statusOut");
    boolean black76 = model == BatchModel.BLACK_76;
    int cap = device.capacity();
    int m = 0;
    for (int i = 0; i < n; i++) {
      double q = black76 ? 0 : b.dividendYield()[i];
      byte code =
          RowChecks.validate(model, b.spot()[i], b.strike()[i], b.expiry()[i], b.rate()[i], q, 0);
      if (code != OK) {
        statusOut[i] = code;
        volOut[i] = Double.NaN;
        continue;
      }
      double t = b.expiry()[i];
      double forward = black76 ? b.spot()[i] : b.spot()[i] * Math.exp((b.rate()[i] - q) * t);
      double df = Math.exp(-b.rate()[i] * t);
      double strike = b.strike()[i];
      boolean call = b.call()[i];
      byte pre = preCheck(call, forward, strike, t, df, prices[i]);
      if (pre != OK) {
        statusOut[i] = pre;
        volOut[i] = Double.NaN;
        continue;
      }
      double x = Math.log(forward / strike);
      if (x == 0 || !(Math.abs(x) < 700)) {
        scalarIv(model, b, prices, volOut, statusOut, i);
        continue;
      }
      double intrinsic = call ? Math.max(forward - strike, 0) : Math.max(strike - forward, 0);
      iv.row[m] = i;
      iv.forward[m] = forward;
      iv.strike[m] = strike;
      iv.logMoneyness[m] = x;
      iv.target[m] = prices[i] / df - intrinsic;
      m++;
      if (m == cap) {
        solve(model, b, prices, volOut, statusOut, m);
        m = 0;
      }
    }
    if (m > 0) {
      solve(model, b, prices, volOut, statusOut, m);
    }
  }

  private void solve(
      BatchModel model, OptionBatch b, double[] prices, double[] volOut, byte[] statusOut, int m) {
    device.impliedVolatility(iv, m, IV_MAX_ITERATIONS);
    for (int j = 0; j < m; j++) {
      int i = iv.row[j];
      double v = iv.v[j];
      if (iv.done[j] == 1 && v > 0 && v < Double.POSITIVE_INFINITY) {
        statusOut[i] = OK;
        volOut[i] = v / Math.sqrt(b.expiry()[i]);
      } else {
        scalarIv(model, b, prices, volOut, statusOut, i);
      }
    }
  }

  /** The scalar solver's checks before iterating, in its order; OK when a solve is needed. */
  static byte preCheck(
      boolean isCall, double forward, double strike, double expiry, double df, double price) {
    if (!(price >= 0 && price < Double.POSITIVE_INFINITY)) {
      return PricingStatus.INVALID_PRICE.code();
    }
    if (expiry == 0) {
      return PricingStatus.EXPIRED.code();
    }
    double bp = price / df;
    double intrinsic = isCall ? Math.max(forward - strike, 0) : Math.max(strike - forward, 0);
    double upper = isCall ? forward : strike;
    double tol = 4 * Math.ulp(Math.max(bp, intrinsic));
    if (bp < intrinsic - tol) {
      return PricingStatus.BELOW_INTRINSIC.code();
    }
    if (bp >= upper) {
      return PricingStatus.ABOVE_UPPER_BOUND.code();
    }
    double timeValue = bp - intrinsic;
    if (timeValue <= tol || forward == 0 || strike == 0) {
      return PricingStatus.NO_TIME_VALUE.code();
    }
    return OK;
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

  private void pack(OptionBatch b, int from, int m) {
    boolean[] call = b.call();
    for (int j = 0; j < m; j++) {
      rows.call[j] = (byte) (call[from + j] ? 1 : 0);
    }
    System.arraycopy(b.spot(), from, rows.spot, 0, m);
    System.arraycopy(b.strike(), from, rows.strike, 0, m);
    System.arraycopy(b.expiry(), from, rows.expiry, 0, m);
    System.arraycopy(b.rate(), from, rows.rate, 0, m);
    System.arraycopy(b.dividendYield(), from, rows.div, 0, m);
    System.arraycopy(b.volatility(), from, rows.vol, 0, m);
  }

  private static byte validate(BatchModel model, OptionBatch b, int i) {
    return RowChecks.validate(
        model,
        b.spot()[i],
        b.strike()[i],
        b.expiry()[i],
        b.rate()[i],
        b.dividendYield()[i],
        b.volatility()[i]);
  }

  /** True for a valid row the device computes: away from every degenerate case. */
  static boolean smooth(OptionBatch b, int i, boolean black76) {
    double s = b.spot()[i];
    double k = b.strike()[i];
    double t = b.expiry()[i];
    double r = b.rate()[i];
    double q = black76 ? r : b.dividendYield()[i];
    double vol = b.volatility()[i];
    double ratio = s / k;
    return s > 0
        && k > 0
        && t > 0
        && vol > 0
        && Math.abs(r * t) < 700
        && Math.abs(q * t) < 700
        && vol * Math.sqrt(t) > 0
        && ratio >= Double.MIN_NORMAL
        && ratio < Double.POSITIVE_INFINITY;
  }

  private void requireSupported(BackendCapability op, BatchModel model) {
    if (!supports(op, model)) {
      throw new UnsupportedOperationException(
          "backend " + name() + " does not support " + op + " for " + model);
    }
  }

  private static void requireVol(OptionBatch b) {
    if (b.volatility() == null) {
      throw new IllegalArgumentException("batch has no volatility column");
    }
  }

  private static void requireCapacity(int length, int n, String name) {
    if (length < n) {
      throw new IllegalArgumentException(name + " has length " + length + ", needs " + n);
    }
  }
}
