package io.github.bsoptions.pricing.cuda;

/**
 * The arithmetic a device runs on one chunk of at most {@link #capacity()} rows; the seam between
 * the host-side marshalling in {@link CudaPricingBackend} (validation, chunking, compaction,
 * fallbacks) and the GPU. Implementations need not be thread-safe: the backend serialises calls.
 */
interface DeviceKernels {

  /** Returns the most rows one call may pass. */
  int capacity();

  /** Prices rows {@code 0 .. n-1} of {@code in} (all smooth) into {@code out}. */
  void price(boolean black76, RowBuffers in, int n, double[] out);

  /**
   * Writes price, delta, gamma, vega, theta and rho of rows {@code 0 .. n-1} into {@code
   * out[0..5]}.
   */
  void greeks(boolean black76, RowBuffers in, int n, double[][] out);

  /**
   * Solves {@code n} compacted implied-volatility problems of {@code b}: total volatility into
   * {@code b.v}, and {@code b.done[i] = 1} where the iteration converged within {@code maxIter}.
   */
  void impliedVolatility(IvBuffers b, int n, int maxIter);

  /** Host-side input columns of one chunk. */
  final class RowBuffers {
    final byte[] call;
    final double[] spot;
    final double[] strike;
    final double[] expiry;
    final double[] rate;
    final double[] div;
    final double[] vol;

    RowBuffers(int capacity) {
      call = new byte[capacity];
      spot = new double[capacity];
      strike = new double[capacity];
      expiry = new double[capacity];
      rate = new double[capacity];
      div = new double[capacity];
      vol = new double[capacity];
    }
  }

  /** Host-side columns of one chunk of compacted implied-volatility problems. */
  final class IvBuffers {
    final int[] row;
    final double[] forward;
    final double[] strike;
    final double[] logMoneyness;
    final double[] target;
    final double[] v;
    final byte[] done;

    IvBuffers(int capacity) {
      row = new int[capacity];
      forward = new double[capacity];
      strike = new double[capacity];
      logMoneyness = new double[capacity];
      target = new double[capacity];
      v = new double[capacity];
      done = new byte[capacity];
    }
  }
}
