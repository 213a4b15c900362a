package io.github.bsoptions.pricing.american;

import io.github.bsoptions.pricing.internal.Checks;

/**
 * American (and European) options on binomial trees: Cox-Ross-Rubinstein and Leisen-Reimer, with a
 * continuous dividend yield and discrete cash dividends.
 *
 * <p>Cash dividends use the escrowed-dividend model (Hull, "Options, Futures and Other
 * Derivatives", section on known dividends): the tree is built on {@code S* = S - PV(dividends up
 * to expiry)} with the given volatility, and at a node at time {@code t} the stock price is {@code
 * S*_node + sum of D_i e^{-r (t_i - t)}} over dividends with {@code t < t_i <= T}. The exercise
 * value uses that stock price, so a call may be exercised just before an ex-dividend date. The
 * volatility is therefore that of the stock net of escrowed dividends; dividends with times {@code
 * <= 0} or {@code > T} are ignored. Rates are continuously compounded.
 *
 * <p>Where a lattice's up-probability leaves {@code (0, 1)} (volatility tiny compared with the
 * drift per step, or Leisen-Reimer probabilities at 0 or 1 for options extremely far from the
 * money), the tree switches to the drifted CRR lattice {@code u, d = e^{(r-q) dt +- sigma
 * sqrt(dt)}}, whose probability always lies inside. Regimes without early exercise return the exact
 * European value.
 *
 * <p>Accuracy: the Leisen-Reimer tree with {@code n} steps has an error of order {@code 1/n} for
 * American options with a small constant (about 1e-5 relative at 1,000 steps for at-the-money
 * options); CRR's error is of order {@code 1/n} with oscillations. Cost is {@code n^2 / 2} node
 * updates (about 0.3 ms at 500 steps).
 */
public final class BinomialTree {
  /** Leisen-Reimer steps used where another method falls back to the tree (double boundary). */
  public static final int DOUBLE_BOUNDARY_STEPS = 2001;

  private static final double[] NONE = new double[0];

  private BinomialTree() {}

  /**
   * Returns the American option value without cash dividends.
   *
   * @param isCall true for a call
   * @param spot spot, {@code >= 0}
   * @param strike strike, {@code >= 0}
   * @param expiry years, {@code >= 0}
   * @param rate continuously compounded rate
   * @param dividendYield continuous dividend yield
   * @param volatility volatility, {@code >= 0}
   * @param steps time steps, 1 to 100,000
   * @param type the lattice
   */
  public static double price(
      boolean isCall,
      double spot,
      double strike,
      double expiry,
      double rate,
      double dividendYield,
      double volatility,
      int steps,
      TreeType type) {
    return price(
        isCall, spot, strike, expiry, rate, dividendYield, volatility, steps, type, NONE, NONE);
  }

  /**
   * Returns the American option value with discrete cash dividends (escrowed model, see the class
   * documentation).
   *
   * @param dividendTimes ex-dividend times in years (finite); entries outside {@code (0, expiry]}
   *     are ignored
   * @param dividendAmounts cash amounts, {@code >= 0}, one per time
   * @throws IllegalArgumentException naming the field when an input is invalid, the arrays differ
   *     in length, or the present value of the dividends is not below the spot
   */
  public static double price(
      boolean isCall,
      double spot,
      double strike,
      double expiry,
      double rate,
      double dividendYield,
      double volatility,
      int steps,
      TreeType type,
      double[] dividendTimes,
      double[] dividendAmounts) {
    return value(
        isCall,
        true,
        spot,
        strike,
        expiry,
        rate,
        dividendYield,
        volatility,
        steps,
        type,
        dividendTimes,
        dividendAmounts);
  }

  /**
   * Returns the European option value on the same tree (for control variates and tests).
   *
   * @see #price(boolean, double, double, double, double, double, double, int, TreeType, double[],
   *     double[])
   */
  public static double europeanPrice(
      boolean isCall,
      double spot,
      double strike,
      double expiry,
      double rate,
      double dividendYield,
      double volatility,
      int steps,
      TreeType type,
      double[] dividendTimes,
      double[] dividendAmounts) {
    return value(
        isCall,
        false,
        spot,
        strike,
        expiry,
        rate,
        dividendYield,
        volatility,
        steps,
        type,
        dividendTimes,
        dividendAmounts);
  }

  /** Returns the present value at time 0 of the dividends in {@code (0, expiry]}. */
  public static double presentValueOfDividends(
      double expiry, double rate, double[] dividendTimes, double[] dividendAmounts) {
    checkDividends(dividendTimes, dividendAmounts);
    return pvFrom(0, expiry, rate, dividendTimes, dividendAmounts);
  }

  static void checkDividends(double[] times, double[] amounts) {
    Checks.notNull(times, "dividendTimes");
    Checks.notNull(amounts, "dividendAmounts");
    if (times.length != amounts.length) {
      throw new IllegalArgumentException(
          "dividendAmounts must have the length of dividendTimes ("
              + times.length
              + "), was "
              + amounts.length);
    }
    for (int i = 0; i < times.length; i++) {
      Checks.finite(times[i], "dividendTimes[" + i + "]");
      Checks.nonNegative(amounts[i], "dividendAmounts[" + i + "]");
    }
  }

  /** Returns the value at time {@code from} of the dividends paid in {@code (from, expiry]}. */
  static double pvFrom(double from, double expiry, double r, double[] times, double[] amounts) {
    double pv = 0;
    for (int i = 0; i < times.length; i++) {
      double ti = times[i];
      if (ti > from && ti > 0 && ti <= expiry) {
        pv += amounts[i] * Math.exp(-r * (ti - from));
      }
    }
    return pv;
  }

  private static double value(
      boolean isCall,
      boolean american,
      double spot,
      double strike,
      double expiry,
      double rate,
      double div,
      double vol,
      int steps,
      TreeType type,
      double[] times,
      double[] amounts) {
    AndersenLakeOffengelter.check(spot, strike, expiry, rate, div, vol);
    Checks.inRange(steps, 1, 100_000, "steps");
    Checks.notNull(type, "type");
    checkDividends(times, amounts);
    double pv = pvFrom(0, expiry, rate, times, amounts);
    double sStar = spot - pv;
    if (!(sStar > 0) && pv > 0) {
      throw new IllegalArgumentException(
          "dividendAmounts present value must be < spot " + spot + ", was " + pv);
    }
    if (expiry == 0) {
      return Math.max(isCall ? spot - strike : strike - spot, 0);
    }
    if (pv == 0 && american) {
      double exact = AmericanLimits.trivial(isCall, spot, strike, expiry, rate, div, vol);
      if (!Double.isNaN(exact)) {
        return exact;
      }
    }
    return lattice(
        isCall, american, sStar, strike, expiry, rate, div, vol, steps, type, times, amounts, pv);
  }

  /** Unchecked American put without cash dividends. */
  static double putValue(
      double s, double k, double t, double r, double q, double vol, int steps, TreeType type) {
    return lattice(false, true, s, k, t, r, q, vol, steps, type, NONE, NONE, 0);
  }

  private static double lattice(
      boolean isCall,
      boolean american,
      double sStar,
      double k,
      double t,
      double r,
      double q,
      double vol,
      int steps,
      TreeType type,
      double[] times,
      double[] amounts,
      double pv) {
    int n = steps;
    if (type == TreeType.LEISEN_REIMER && n % 2 == 0) {
      n++;
    }
    double dt = t / n;
    double w = isCall ? 1.0 : -1.0;
    if (!(vol * Math.sqrt(dt) > 1e-12)) {
      // Deterministic path (volatility 0 or too small to split the nodes): the best exercise time
      // on the grid (only expiry if European).
      double best = 0;
      for (int i = american ? 0 : n; i <= n; i++) {
        double ti = i == n ? t : i * dt;
        double si = sStar * Math.exp((r - q) * ti) + pvFrom(ti, t, r, times, amounts);
        best = Math.max(best, Math.exp(-r * ti) * w * (si - k));
      }
      return best;
    }
    double growth = Math.exp((r - q) * dt);
    double u;
    double d;
    double p;
    if (type == TreeType.CRR || sStar == 0 || k == 0) {
      u = Math.exp(vol * Math.sqrt(dt));
      d = 1 / u;
      p = (growth - d) / (u - d);
    } else {
      double v = vol * Math.sqrt(t);
      double d1 = (Math.log(sStar / k) + (r - q) * t) / v + 0.5 * v;
      double d2 = d1 - v;
      double pu = peizerPratt(d2, n);
      double pd = peizerPratt(d1, n);
      p = pu;
      u = growth * pd / pu;
      d = (growth - pu * u) / (1 - pu);
    }
    if (!(p > 0 && p < 1 && u > d && Double.isFinite(u) && d > 0)) {
      // Volatility too small against the drift per step for this lattice: use the drifted CRR
      // lattice, whose probability is always inside (0, 1).
      double sv = vol * Math.sqrt(dt);
      u = Math.exp((r - q) * dt + sv);
      d = Math.exp((r - q) * dt - sv);
      p = (growth - d) / (u - d);
    }
    double disc = Math.exp(-r * dt);
    double pUp = disc * p;
    double pDown = disc * (1 - p);
    double[] v = new double[n + 1];
    double ratio = u / d;
    double s = sStar * Math.pow(d, n);
    for (int j = 0; j <= n; j++) {
      v[j] = Math.max(w * (s - k), 0);
      s *= ratio;
    }
    boolean hasDividends = pv > 0;
    for (int i = n - 1; i >= 0; i--) {
      if (american) {
        double divPv = hasDividends ? pvFrom(i * dt, t, r, times, amounts) : 0;
        double sPure = sStar * Math.pow(d, i);
        for (int j = 0; j <= i; j++) {
          double cont = pUp * v[j + 1] + pDown * v[j];
          v[j] = Math.max(cont, w * (sPure + divPv - k));
          sPure *= ratio;
        }
      } else {
        for (int j = 0; j <= i; j++) {
          v[j] = pUp * v[j + 1] + pDown * v[j];
        }
      }
    }
    return v[0];
  }

  /** Peizer-Pratt method 2 inversion of the normal distribution for {@code n} (odd) steps. */
  static double peizerPratt(double z, int n) {
    double a = z / (n + 1.0 / 3.0 + 0.1 / (n + 1));
    double root = 0.5 * Math.sqrt(-Math.expm1(-a * a * (n + 1.0 / 6.0)));
    return z >= 0 ? 0.5 + root : 0.5 - root;
  }
}
