package io.github.bsoptions.signals.pop;

import io.github.bsoptions.pricing.formula.NormalDistribution;
import io.github.bsoptions.signals.internal.Checks;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Probability of profit, of touching and expected move under a lognormal terminal price.
 *
 * <p>The terminal price is {@code S_T = S exp((drift - vol^2/2) T + vol sqrt(T) Z)}. Use {@code
 * drift = r - q} for the risk-neutral measure with the implied volatility, or an expected return
 * with a forecast volatility for the real-world view. Times are in years, rates and volatility
 * annualized fractions.
 *
 * <p>Multi-leg positions are exact, not sampled: the profit at expiry is piecewise linear in {@code
 * S_T} with kinks at the strikes, so on each piece the profitable interval is found in closed form
 * and its lognormal probability (and partial expectation) added up.
 */
public final class ProbabilityOfProfit {
  private ProbabilityOfProfit() {}

  /**
   * Returns {@code P(S_T > level)}.
   *
   * @param spot current price
   * @param level the level
   * @param years time to expiry
   * @param drift annualized drift of the price
   * @param vol annualized volatility
   * @return the probability
   */
  public static double probabilityAbove(
      double spot, double level, double years, double drift, double vol) {
    check(spot, years, vol);
    if (!(level > 0)) {
      return 1;
    }
    double s = vol * Math.sqrt(years);
    double m = Math.log(spot) + (drift - 0.5 * vol * vol) * years;
    return NormalDistribution.cdf((m - Math.log(level)) / s);
  }

  /** Returns the probability that a long call bought for {@code premium} ends in profit. */
  public static double longCall(
      double spot, double strike, double premium, double years, double drift, double vol) {
    return probabilityAbove(spot, strike + premium, years, drift, vol);
  }

  /** Returns the probability that a long put bought for {@code premium} ends in profit. */
  public static double longPut(
      double spot, double strike, double premium, double years, double drift, double vol) {
    double be = strike - premium;
    return be <= 0 ? 0 : 1 - probabilityAbove(spot, be, years, drift, vol);
  }

  /**
   * Returns the probability that the price touches {@code barrier} at any time before {@code years}
   * (continuous monitoring, reflection principle for Brownian motion with drift).
   */
  public static double probabilityOfTouching(
      double spot, double barrier, double years, double drift, double vol) {
    check(spot, years, vol);
    Checks.positive(barrier, "barrier");
    double nu = drift - 0.5 * vol * vol;
    double b = Math.log(barrier / spot);
    double s = vol * Math.sqrt(years);
    if (b == 0) {
      return 1;
    }
    if (b < 0) {
      // Reflect: a down-barrier for X is an up-barrier for -X with drift -nu.
      b = -b;
      nu = -nu;
    }
    double p =
        NormalDistribution.cdf((-b + nu * years) / s)
            + Math.exp(2 * nu * b / (vol * vol)) * NormalDistribution.cdf((-b - nu * years) / s);
    return Math.min(1, Math.max(0, p));
  }

  /** Returns the one-standard-deviation expected move {@code S vol sqrt(T)}. */
  public static double expectedMove(double spot, double years, double vol) {
    check(spot, years, vol);
    return spot * vol * Math.sqrt(years);
  }

  /**
   * Analyzes a multi-leg position held to expiry.
   *
   * @param legs the legs (at least one)
   * @param spot current underlying price
   * @param years time to expiry
   * @param drift annualized drift
   * @param vol annualized volatility
   * @return probability of profit, expected profit, breakevens and extremes
   */
  public static PopResult analyze(
      List<PayoffLeg> legs, double spot, double years, double drift, double vol) {
    check(spot, years, vol);
    if (legs == null || legs.isEmpty()) {
      throw new IllegalArgumentException("legs must not be empty");
    }
    TreeSet<Double> kinks = new TreeSet<>();
    for (PayoffLeg l : legs) {
      if (l.kind() != PayoffLeg.Kind.UNDERLYING) {
        kinks.add(l.strike());
      }
    }
    List<Double> edges = new ArrayList<>();
    edges.add(0.0);
    edges.addAll(kinks);
    edges.add(Double.POSITIVE_INFINITY);
    double s = vol * Math.sqrt(years);
    double m = Math.log(spot) + (drift - 0.5 * vol * vol) * years;
    double forward = spot * Math.exp(drift * years);
    double pop = 0;
    double expected = 0;
    List<Double> breakevens = new ArrayList<>();
    double maxProfit = Double.NEGATIVE_INFINITY;
    double minProfit = Double.POSITIVE_INFINITY;
    for (int i = 0; i + 1 < edges.size(); i++) {
      double lo = edges.get(i);
      double hi = edges.get(i + 1);
      // Linear on [lo, hi]: profit = a + b S, from the slope just right of lo.
      double probe = Double.isInfinite(hi) ? lo + 1 : 0.5 * (lo + hi);
      double b = slope(legs, probe);
      double a = profit(legs, probe) - b * probe;
      // partial expectations on the piece
      double pLo = cdf(lo, m, s);
      double pHi = cdf(hi, m, s);
      double eLo = partialS(lo, m, s, forward);
      double eHi = partialS(hi, m, s, forward);
      expected += a * (pHi - pLo) + b * (eHi - eLo);
      double vLo = a + b * lo;
      maxProfit = Math.max(maxProfit, vLo);
      minProfit = Math.min(minProfit, vLo);
      if (Double.isInfinite(hi)) {
        if (b > 0) {
          maxProfit = Double.POSITIVE_INFINITY;
        } else if (b < 0) {
          minProfit = Double.NEGATIVE_INFINITY;
        } else {
          maxProfit = Math.max(maxProfit, a);
          minProfit = Math.min(minProfit, a);
        }
      }
      // profitable sub-interval
      double from;
      double to;
      if (b == 0) {
        if (a > 0) {
          from = lo;
          to = hi;
        } else {
          continue;
        }
      } else {
        double root = -a / b;
        if (b > 0) {
          from = Math.max(lo, root);
          to = hi;
        } else {
          from = lo;
          to = Math.min(hi, root);
        }
        if (root > lo && root < hi) {
          breakevens.add(root);
        }
      }
      if (to > from) {
        pop += cdf(to, m, s) - cdf(from, m, s);
      }
    }
    double[] be = breakevens.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return new PopResult(
        Math.min(1, Math.max(0, pop)), expected, be, maxProfit, Math.max(0, -minProfit), spot * s);
  }

  static double profit(List<PayoffLeg> legs, double st) {
    double p = 0;
    for (PayoffLeg l : legs) {
      p += l.profitAt(st);
    }
    return p;
  }

  private static double slope(List<PayoffLeg> legs, double st) {
    double b = 0;
    for (PayoffLeg l : legs) {
      switch (l.kind()) {
        case CALL:
          b += st > l.strike() ? l.quantity() : 0;
          break;
        case PUT:
          b -= st < l.strike() ? l.quantity() : 0;
          break;
        default:
          b += l.quantity();
      }
    }
    return b;
  }

  /** {@code P(S_T < x)}. */
  private static double cdf(double x, double m, double s) {
    if (x <= 0) {
      return 0;
    }
    if (Double.isInfinite(x)) {
      return 1;
    }
    return NormalDistribution.cdf((Math.log(x) - m) / s);
  }

  /** {@code E[S_T 1(S_T < x)] = F N((ln x - m)/s - s)}. */
  private static double partialS(double x, double m, double s, double forward) {
    if (x <= 0) {
      return 0;
    }
    if (Double.isInfinite(x)) {
      return forward;
    }
    return forward * NormalDistribution.cdf((Math.log(x) - m) / s - s);
  }

  private static void check(double spot, double years, double vol) {
    Checks.positive(spot, "spot");
    Checks.positive(years, "years");
    Checks.positive(vol, "vol");
  }
}
