package io.github.bsoptions.pricing.testkit;

import io.github.bsoptions.pricing.batch.BatchModel;
import io.github.bsoptions.pricing.batch.OptionBatch;
import io.github.bsoptions.pricing.spi.PricingBackend;
import java.util.SplittableRandom;

/**
 * Seeded generators of option batches for backend tests: a realistic random domain, the edge rows
 * every backend must treat exactly like the scalar reference, and both mixed at random positions
 * (so that bad rows land inside SIMD lanes and GPU blocks, not only at the ends).
 *
 * <p>Random domain: spot log-uniform in {@code [1, 2000]}; strike {@code S e^{m}} with {@code m}
 * uniform in {@code [-1.5, 1.5]}; expiry log-uniform in {@code [1 hour, 10 years]}; rate uniform in
 * {@code [-0.02, 0.12]}; dividend yield in {@code [0, 0.08]}; volatility log-uniform in {@code
 * [0.01, 3]}. All methods are deterministic for a given seed.
 */
public final class OptionRows {
  private static final double NAN = Double.NaN;
  private static final double INF = Double.POSITIVE_INFINITY;

  /** Edge rows: {call (1/0), spot, strike, expiry, rate, dividend yield, volatility}. */
  private static final double[][] EDGES = {
    // Degenerate but valid: expiry 0, volatility 0, spot 0, strike 0, at the forward.
    {1, 100, 90, 0, 0.05, 0.01, 0.2},
    {0, 100, 110, 0, 0.05, 0.01, 0.2},
    {1, 100, 100, 0, 0.0, 0.0, 0.2},
    {0, 100, 100, 0, 0.0, 0.0, 0.2},
    {1, 100, 90, 1, 0.05, 0.01, 0},
    {0, 100, 90, 1, 0.05, 0.01, 0},
    {1, 0, 90, 1, 0.05, 0.01, 0.2},
    {0, 0, 90, 1, 0.05, 0.01, 0.2},
    {1, 100, 0, 1, 0.05, 0.01, 0.2},
    {0, 100, 0, 1, 0.05, 0.01, 0.2},
    // Extreme but smooth: deep in and out of the money, tiny and huge total volatility.
    {1, 100, 1e-3, 1, 0.03, 0, 0.2},
    {0, 100, 1e6, 1, 0.03, 0, 0.2},
    {1, 100, 400, 0.01, 0.03, 0, 0.1},
    {0, 100, 25, 0.01, 0.03, 0, 0.1},
    {1, 100, 100, 1e-9, 0.03, 0, 0.2},
    {1, 100, 100.5, 1.0 / 365, 0.0, 0.0, 1e-4},
    {0, 100, 100, 30, 0.03, 0.02, 5},
    {1, 100, 100, 5, -0.01, 0.04, 0.3},
    // Invalid: one bad field each, in every way it can be bad.
    {1, NAN, 100, 1, 0.03, 0, 0.2},
    {1, -1, 100, 1, 0.03, 0, 0.2},
    {0, INF, 100, 1, 0.03, 0, 0.2},
    {1, 100, NAN, 1, 0.03, 0, 0.2},
    {0, 100, -5, 1, 0.03, 0, 0.2},
    {1, 100, INF, 1, 0.03, 0, 0.2},
    {1, 100, 100, NAN, 0.03, 0, 0.2},
    {0, 100, 100, -0.5, 0.03, 0, 0.2},
    {1, 100, 100, INF, 0.03, 0, 0.2},
    {1, 100, 100, 1, NAN, 0, 0.2},
    {0, 100, 100, 1, -INF, 0, 0.2},
    {1, 100, 100, 1, 0.03, NAN, 0.2},
    {0, 100, 100, 1, 0.03, INF, 0.2},
    {1, 100, 100, 1, 0.03, 0, NAN},
    {0, 100, 100, 1, 0.03, 0, -0.2},
    {1, 100, 100, 1, 0.03, 0, INF},
    // Several bad fields: the first one in column order is reported.
    {1, NAN, -1, NAN, NAN, NAN, NAN},
    {0, 100, NAN, -1, 0.03, 0, -1},
  };

  private OptionRows() {}

  /** Returns the number of built-in edge rows. */
  public static int edgeRowCount() {
    return EDGES.length;
  }

  /** Returns a batch of {@code n} valid random rows from the documented domain. */
  public static OptionBatch random(int n, long seed) {
    requireSize(n);
    SplittableRandom rnd = new SplittableRandom(seed);
    OptionBatch b = OptionBatch.allocate(n);
    for (int i = 0; i < n; i++) {
      fillRandom(b, i, rnd);
    }
    return b;
  }

  /** Returns a batch holding only the edge rows, in their fixed order. */
  public static OptionBatch edges() {
    OptionBatch b = OptionBatch.allocate(EDGES.length);
    for (int i = 0; i < EDGES.length; i++) {
      setRow(b, i, EDGES[i]);
    }
    return b;
  }

  /**
   * Returns {@code n} rows: random valid rows with roughly one row in {@code 1 / edgeFraction}
   * replaced by an edge row, at random positions. Every edge row appears at least once when {@code
   * n >= 4 * edgeRowCount()}.
   *
   * @param n the number of rows
   * @param seed the seed
   * @param edgeFraction the share of edge rows, in {@code [0, 1]}
   */
  public static OptionBatch mixed(int n, long seed, double edgeFraction) {
    requireSize(n);
    if (!(edgeFraction >= 0 && edgeFraction <= 1)) {
      throw new IllegalArgumentException("edgeFraction must be in [0, 1], was " + edgeFraction);
    }
    SplittableRandom rnd = new SplittableRandom(seed);
    OptionBatch b = OptionBatch.allocate(n);
    for (int i = 0; i < n; i++) {
      fillRandom(b, i, rnd);
    }
    if (n >= 4 * EDGES.length) {
      // Each edge row once at a random position in its own stretch of the batch.
      int stretch = n / EDGES.length;
      for (int e = 0; e < EDGES.length; e++) {
        setRow(b, e * stretch + rnd.nextInt(stretch), EDGES[e]);
      }
    }
    for (int i = 0; i < n; i++) {
      if (rnd.nextDouble() < edgeFraction) {
        setRow(b, i, EDGES[rnd.nextInt(EDGES.length)]);
      }
    }
    return b;
  }

  /**
   * Returns option prices for implied-volatility tests of {@code batch}: the reference backend's
   * prices at the batch's volatilities, with about one row in eight replaced by a price the solver
   * must refuse or treat at a bound (NaN, negative, infinite, 0, below intrinsic, at intrinsic, at
   * or above the upper bound).
   *
   * @param reference the backend whose prices are used (normally the scalar one)
   * @param model the model
   * @param batch the batch; its volatility column gives the true volatilities
   * @param seed the seed choosing the perturbed rows
   */
  public static double[] ivPrices(
      PricingBackend reference, BatchModel model, OptionBatch batch, long seed) {
    int n = batch.size();
    double[] prices = new double[n];
    byte[] status = new byte[n];
    reference.price(model, batch, prices, status);
    SplittableRandom rnd = new SplittableRandom(seed);
    for (int i = 0; i < n; i++) {
      double s = batch.spot()[i];
      double k = batch.strike()[i];
      double t = batch.expiry()[i];
      double r = batch.rate()[i];
      double q = model == BatchModel.BLACK_76 ? r : batch.dividendYield()[i];
      double fwdValue = s * Math.exp(-q * t) - k * Math.exp(-r * t);
      double intrinsic = batch.call()[i] ? Math.max(fwdValue, 0) : Math.max(-fwdValue, 0);
      double upper = batch.call()[i] ? s * Math.exp(-q * t) : k * Math.exp(-r * t);
      if (Double.isNaN(prices[i])) {
        prices[i] = Double.isFinite(intrinsic) ? intrinsic + 1 : 1;
      }
      if (rnd.nextInt(8) != 0) {
        continue;
      }
      switch (rnd.nextInt(8)) {
        case 0:
          prices[i] = NAN;
          break;
        case 1:
          prices[i] = -1;
          break;
        case 2:
          prices[i] = INF;
          break;
        case 3:
          prices[i] = 0;
          break;
        case 4:
          prices[i] = intrinsic * 0.9 - 1e-3;
          break;
        case 5:
          prices[i] = intrinsic;
          break;
        case 6:
          prices[i] = upper;
          break;
        default:
          prices[i] = upper * 1.5 + 1;
          break;
      }
    }
    return prices;
  }

  /** Returns a short description of row {@code i} for reports. */
  public static String describe(OptionBatch b, int i) {
    double[] vol = b.volatility();
    return (b.call()[i] ? "call" : "put")
        + " S="
        + b.spot()[i]
        + " K="
        + b.strike()[i]
        + " T="
        + b.expiry()[i]
        + " r="
        + b.rate()[i]
        + " q="
        + b.dividendYield()[i]
        + " vol="
        + (vol == null ? "-" : Double.toString(vol[i]));
  }

  private static void fillRandom(OptionBatch b, int i, SplittableRandom rnd) {
    double s = Math.exp(rnd.nextDouble(0, Math.log(2000)));
    b.call()[i] = rnd.nextBoolean();
    b.spot()[i] = s;
    b.strike()[i] = s * Math.exp(rnd.nextDouble(-1.5, 1.5));
    b.expiry()[i] = Math.exp(rnd.nextDouble(Math.log(1.0 / (365 * 24)), Math.log(10)));
    b.rate()[i] = rnd.nextDouble(-0.02, 0.12);
    b.dividendYield()[i] = rnd.nextDouble(0, 0.08);
    b.volatility()[i] = Math.exp(rnd.nextDouble(Math.log(0.01), Math.log(3)));
  }

  private static void setRow(OptionBatch b, int i, double[] row) {
    b.call()[i] = row[0] != 0;
    b.spot()[i] = row[1];
    b.strike()[i] = row[2];
    b.expiry()[i] = row[3];
    b.rate()[i] = row[4];
    b.dividendYield()[i] = row[5];
    b.volatility()[i] = row[6];
  }

  private static void requireSize(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("n must be >= 0, was " + n);
    }
  }
}
