package io.github.bsoptions.pricing.cuda;

import io.github.bsoptions.pricing.PricingStatus;
import io.github.bsoptions.pricing.batch.BatchModel;
import io.github.bsoptions.pricing.batch.GreeksBatch;
import io.github.bsoptions.pricing.batch.OptionBatch;
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
 * scalar reference kernel. Implied volatility is not offered (see {@link #impliedVolatility}).
 * Calls are serialised (one device context).
 */
final class CudaPricingBackend implements PricingBackend {

  private static final byte OK = PricingStatus.OK.code();
  private static final Set<BackendCapability> CAPABILITIES =
      EnumSet.of(
          BackendCapability.BATCH_PRICE,
          BackendCapability.BATCH_GREEKS,
          BackendCapability.BLACK_SCHOLES,
          BackendCapability.BLACK_76);

  private final DeviceKernels device;
  private final int minimumBatch;
  private final DeviceKernels.RowBuffers rows;
  private final double[] priceBuf;
  private final double[][] greekBufs;

  CudaPricingBackend(DeviceKernels device, int minimumBatch) {
    this.device = device;
    this.minimumBatch = minimumBatch;
    int cap = device.capacity();
    this.rows = new DeviceKernels.RowBuffers(cap);
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

  /**
   * Not offered: implied volatilities must carry exactly the statuses of the scalar
   * Let's-Be-Rational solver, which the device Newton kernel does not reproduce; {@code auto}
   * routes IV batches to the SIMD or scalar backend instead.
   *
   * @throws UnsupportedOperationException always
   */
  @Override
  public void impliedVolatility(
      BatchModel model, OptionBatch b, double[] prices, double[] volOut, byte[] statusOut) {
    requireSupported(BackendCapability.BATCH_IV, model);
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
