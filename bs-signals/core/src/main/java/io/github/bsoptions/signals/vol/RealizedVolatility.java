package io.github.bsoptions.signals.vol;

import io.github.bsoptions.data.model.Bar;
import io.github.bsoptions.signals.internal.Checks;
import java.util.List;

/**
 * Realized-volatility estimators on daily prices: close-to-close, Parkinson, Garman-Klass and
 * Yang-Zhang.
 *
 * <p>Every estimator returns an <em>annualized</em> volatility (fraction, e.g. 0.20) using {@code
 * periodsPerYear} periods per year (252 for daily bars). The per-period variance forms ({@code
 * ...Variance}) return the average variance of one period, not annualized. Inputs are arrays of
 * equal length, oldest first; prices must be finite and positive.
 */
public final class RealizedVolatility {
  /** Trading days per year used by the convenience overloads. */
  public static final double TRADING_DAYS = 252.0;

  private static final double LN2 = Math.log(2.0);

  private RealizedVolatility() {}

  /** Returns the daily log returns {@code ln(p[i]/p[i-1])}, one fewer than prices. */
  public static double[] logReturns(double[] prices) {
    checkPrices(prices, 2, "prices");
    double[] r = new double[prices.length - 1];
    for (int i = 1; i < prices.length; i++) {
      r[i - 1] = Math.log(prices[i] / prices[i - 1]);
    }
    return r;
  }

  /**
   * Returns the close-to-close sample variance of log returns per period (with the mean removed,
   * divisor n - 1).
   *
   * @param closes closing prices, oldest first (at least 3)
   * @return the per-period variance
   */
  public static double closeToCloseVariance(double[] closes) {
    checkPrices(closes, 3, "closes");
    double[] r = logReturns(closes);
    double mean = 0;
    for (double x : r) {
      mean += x;
    }
    mean /= r.length;
    double ss = 0;
    for (double x : r) {
      ss += (x - mean) * (x - mean);
    }
    return ss / (r.length - 1);
  }

  /** Returns the annualized close-to-close volatility. */
  public static double closeToClose(double[] closes, double periodsPerYear) {
    return Math.sqrt(closeToCloseVariance(closes) * periodsPerYear);
  }

  /**
   * Returns Parkinson's high-low variance per period: mean of {@code ln(H/L)^2 / (4 ln 2)}.
   *
   * @param high highs
   * @param low lows
   * @return the per-period variance
   */
  public static double parkinsonVariance(double[] high, double[] low) {
    checkSame(high, low, 1);
    double s = 0;
    for (int i = 0; i < high.length; i++) {
      s += parkinsonTerm(high[i], low[i]);
    }
    return s / high.length;
  }

  /** Returns the Parkinson variance of one bar, {@code ln(H/L)^2 / (4 ln 2)}. */
  public static double parkinsonTerm(double high, double low) {
    double hl = Math.log(high / low);
    return hl * hl / (4 * LN2);
  }

  /** Returns the annualized Parkinson volatility. */
  public static double parkinson(double[] high, double[] low, double periodsPerYear) {
    return Math.sqrt(parkinsonVariance(high, low) * periodsPerYear);
  }

  /**
   * Returns the Garman-Klass variance per period: mean of {@code 0.5 ln(H/L)^2 - (2 ln 2 - 1)
   * ln(C/O)^2}.
   */
  public static double garmanKlassVariance(
      double[] open, double[] high, double[] low, double[] close) {
    checkSame(open, high, 1);
    checkSame(low, close, 1);
    checkSame(open, close, 1);
    double s = 0;
    for (int i = 0; i < open.length; i++) {
      s += garmanKlassTerm(open[i], high[i], low[i], close[i]);
    }
    return s / open.length;
  }

  /** Returns the Garman-Klass variance of one bar. */
  public static double garmanKlassTerm(double open, double high, double low, double close) {
    double hl = Math.log(high / low);
    double co = Math.log(close / open);
    return 0.5 * hl * hl - (2 * LN2 - 1) * co * co;
  }

  /** Returns the annualized Garman-Klass volatility. */
  public static double garmanKlass(
      double[] open, double[] high, double[] low, double[] close, double periodsPerYear) {
    return Math.sqrt(Math.max(0, garmanKlassVariance(open, high, low, close)) * periodsPerYear);
  }

  /**
   * Returns the Yang-Zhang variance per period: {@code V_o + k V_c + (1 - k) V_rs} where {@code
   * V_o} is the sample variance of overnight returns {@code ln(O_i / C_{i-1})}, {@code V_c} of
   * open-to-close returns, {@code V_rs} the Rogers-Satchell mean and {@code k = 0.34 / (1.34 + (n +
   * 1) / (n - 1))}. Uses bars 1..n-1 (bar 0 supplies the first previous close).
   */
  public static double yangZhangVariance(
      double[] open, double[] high, double[] low, double[] close) {
    checkSame(open, high, 3);
    checkSame(low, close, 3);
    checkSame(open, close, 3);
    int n = open.length - 1;
    double[] overnight = new double[n];
    double[] openClose = new double[n];
    double rs = 0;
    for (int i = 1; i <= n; i++) {
      overnight[i - 1] = Math.log(open[i] / close[i - 1]);
      openClose[i - 1] = Math.log(close[i] / open[i]);
      double hc = Math.log(high[i] / close[i]);
      double ho = Math.log(high[i] / open[i]);
      double lc = Math.log(low[i] / close[i]);
      double lo = Math.log(low[i] / open[i]);
      rs += hc * ho + lc * lo;
    }
    rs /= n;
    double k = 0.34 / (1.34 + (n + 1.0) / (n - 1.0));
    return sampleVariance(overnight) + k * sampleVariance(openClose) + (1 - k) * rs;
  }

  /** Returns the annualized Yang-Zhang volatility. */
  public static double yangZhang(
      double[] open, double[] high, double[] low, double[] close, double periodsPerYear) {
    return Math.sqrt(Math.max(0, yangZhangVariance(open, high, low, close)) * periodsPerYear);
  }

  /**
   * Returns the annualized volatility of bars with the chosen estimator.
   *
   * @param bars daily bars, oldest first
   * @param estimator the estimator
   * @return annualized volatility with 252 periods per year
   */
  public static double of(List<Bar> bars, Estimator estimator) {
    int n = bars.size();
    double[] o = new double[n];
    double[] h = new double[n];
    double[] l = new double[n];
    double[] c = new double[n];
    for (int i = 0; i < n; i++) {
      Bar b = bars.get(i);
      o[i] = b.open();
      h[i] = b.high();
      l[i] = b.low();
      c[i] = b.close();
    }
    switch (estimator) {
      case CLOSE_TO_CLOSE:
        return closeToClose(c, TRADING_DAYS);
      case PARKINSON:
        return parkinson(h, l, TRADING_DAYS);
      case GARMAN_KLASS:
        return garmanKlass(o, h, l, c, TRADING_DAYS);
      case YANG_ZHANG:
        return yangZhang(o, h, l, c, TRADING_DAYS);
      default:
        throw new IllegalArgumentException("estimator not supported: " + estimator);
    }
  }

  /** Realized-volatility estimators. */
  public enum Estimator {
    /** Sample standard deviation of close-to-close log returns. */
    CLOSE_TO_CLOSE,
    /** Parkinson (1980) high-low range. */
    PARKINSON,
    /** Garman-Klass (1980) OHLC. */
    GARMAN_KLASS,
    /** Yang-Zhang (2000) drift-independent OHLC with overnight jumps. */
    YANG_ZHANG
  }

  static double sampleVariance(double[] x) {
    double m = 0;
    for (double v : x) {
      m += v;
    }
    m /= x.length;
    double s = 0;
    for (double v : x) {
      s += (v - m) * (v - m);
    }
    return s / (x.length - 1);
  }

  private static void checkPrices(double[] p, int min, String name) {
    Checks.finiteArray(p, min, name);
    for (int i = 0; i < p.length; i++) {
      if (!(p[i] > 0)) {
        throw new IllegalArgumentException(name + "[" + i + "] must be > 0, was " + p[i]);
      }
    }
  }

  private static void checkSame(double[] a, double[] b, int min) {
    checkPrices(a, min, "prices");
    checkPrices(b, min, "prices");
    if (a.length != b.length) {
      throw new IllegalArgumentException(
          "price arrays must have equal length, were " + a.length + " and " + b.length);
    }
  }
}
