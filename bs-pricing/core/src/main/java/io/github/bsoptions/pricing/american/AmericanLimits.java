package io.github.bsoptions.pricing.american;

import io.github.bsoptions.pricing.internal.BlackScholesKernel;

/**
 * Closed-form American values in the limits every method shares, for a put {@code (S, K, r, q)} (a
 * call is priced as the put {@code (K, S, q, r)} by put-call symmetry).
 */
final class AmericanLimits {
  private AmericanLimits() {}

  /** The regime of a put: which exercise structure the rate and dividend yield imply. */
  enum Regime {
    /** {@code r <= 0} and {@code r <= q}: early exercise is never optimal; American = European. */
    EUROPEAN,
    /** {@code r > 0}: one exercise boundary below the strike. */
    SINGLE_BOUNDARY,
    /** {@code q < r < 0}: the exercise region lies between two boundaries. */
    DOUBLE_BOUNDARY
  }

  static Regime putRegime(double r, double q) {
    if (r > 0) {
      return Regime.SINGLE_BOUNDARY;
    }
    if (r < 0 && q < r) {
      return Regime.DOUBLE_BOUNDARY;
    }
    return Regime.EUROPEAN;
  }

  /**
   * Returns the option value when the answer needs no approximation (see {@link #trivialPut}),
   * computing a European-regime call directly rather than through its symmetric put; NaN otherwise.
   */
  static double trivial(
      boolean isCall, double s, double k, double t, double r, double q, double vol) {
    double pr = isCall ? q : r;
    double pq = isCall ? r : q;
    if (t > 0 && k > 0 && s > 0 && vol > 0 && putRegime(pr, pq) == Regime.EUROPEAN) {
      return BlackScholesKernel.price(isCall, s, k, t, r, q, vol);
    }
    return isCall ? trivialPut(k, s, t, q, r, vol) : trivialPut(s, k, t, r, q, vol);
  }

  /**
   * Returns the value every approximation shares before its own formula: the {@link #trivial}
   * limits and the double-boundary regime ({@code q < r < 0} for the put, trees); NaN when the
   * approximation has to run.
   */
  static double beforeApproximation(
      boolean isCall, double s, double k, double t, double r, double q, double vol) {
    double trivial = trivial(isCall, s, k, t, r, q, vol);
    if (!Double.isNaN(trivial)) {
      return trivial;
    }
    double pr = isCall ? q : r;
    double pq = isCall ? r : q;
    if (putRegime(pr, pq) == Regime.DOUBLE_BOUNDARY) {
      return isCall
          ? doubleBoundaryPut(k, s, t, pr, pq, vol)
          : doubleBoundaryPut(s, k, t, pr, pq, vol);
    }
    return Double.NaN;
  }

  /**
   * Finishes an approximation's {@code value}: where its formula overflowed (volatility tiny
   * against the carry) the {@link AndersenLakeOffengelter} value, otherwise the value floored at
   * the European and intrinsic values.
   */
  static double afterApproximation(
      double value, boolean isCall, double s, double k, double t, double r, double q, double vol) {
    if (!Double.isFinite(value)) {
      return AndersenLakeOffengelter.price(isCall, s, k, t, r, q, vol);
    }
    double european = BlackScholesKernel.price(isCall, s, k, t, r, q, vol);
    return Math.max(Math.max(value, european), Math.max(isCall ? s - k : k - s, 0));
  }

  /** Returns the put value in the double-boundary regime from two extrapolated LR trees. */
  static double doubleBoundaryPut(double s, double k, double t, double r, double q, double vol) {
    int n = BinomialTree.DOUBLE_BOUNDARY_STEPS;
    double coarse = BinomialTree.putValue(s, k, t, r, q, vol, n / 2, TreeType.LEISEN_REIMER);
    double fine = BinomialTree.putValue(s, k, t, r, q, vol, n, TreeType.LEISEN_REIMER);
    double european = BlackScholesKernel.price(false, s, k, t, r, q, vol);
    return Math.max(Math.max(2 * fine - coarse, european), Math.max(k - s, 0));
  }

  /**
   * Returns the put value when the answer needs no approximation: expiry 0, spot 0, strike 0,
   * volatility 0 or the European regime; NaN otherwise.
   */
  static double trivialPut(double s, double k, double t, double r, double q, double vol) {
    if (t == 0) {
      return Math.max(k - s, 0);
    }
    if (k == 0) {
      return 0;
    }
    if (s == 0) {
      // Exercise now (K) or hold the bond-like payoff to expiry (K e^{-rT}).
      return Math.max(k, k * Math.exp(-r * t));
    }
    if (vol == 0) {
      return zeroVolatilityPut(s, k, t, r, q);
    }
    if (putRegime(r, q) == Regime.EUROPEAN) {
      return BlackScholesKernel.price(false, s, k, t, r, q, vol);
    }
    return Double.NaN;
  }

  /**
   * Returns the put value with zero volatility: the best deterministic exercise time, {@code max_{0
   * <= t <= T} max(K e^{-rt} - S e^{-qt}, 0)}.
   */
  static double zeroVolatilityPut(double s, double k, double t, double r, double q) {
    double best = Math.max(deterministic(s, k, 0, r, q), deterministic(s, k, t, r, q));
    if (r != q && r * q > 0) {
      // Stationary point of K e^{-rt} - S e^{-qt}.
      double tStar = Math.log(r * k / (q * s)) / (r - q);
      if (tStar > 0 && tStar < t) {
        best = Math.max(best, deterministic(s, k, tStar, r, q));
      }
    }
    return best;
  }

  private static double deterministic(double s, double k, double t, double r, double q) {
    return Math.max(k * Math.exp(-r * t) - s * Math.exp(-q * t), 0);
  }
}
