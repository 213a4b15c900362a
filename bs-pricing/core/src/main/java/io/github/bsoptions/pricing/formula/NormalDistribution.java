package io.github.bsoptions.pricing.formula;

/**
 * The standard normal distribution to full double precision, tails included.
 *
 * <p>{@link #cdf(double)} uses W. J. Cody's rational Chebyshev approximations (ACM TOMS Algorithm
 * 715, the algorithm behind R's {@code pnorm}), accurate to a few ulps relative everywhere,
 * including the far lower tail down to the underflow limit near {@code x = -38.5}. Upper tails are
 * computed as {@code cdf(-x)}, never as {@code 1 - cdf(x)}. {@link #inverseCdf(double)} uses
 * Wichura's AS 241 (about 1e-16 relative) polished by one Halley step on the accurate CDF.
 *
 * <p>All methods are static, allocation-free and thread-safe.
 */
public final class NormalDistribution {
  /** {@code 1 / sqrt(2 pi)}. */
  public static final double INV_SQRT_2PI = 0.398942280401432677939946059934;

  private static final double SQRT_2PI = 2.506628274631000502415765284811;
  private static final double SQRT_32 = 5.656854249492380195206754896838;

  private static final double A0 = 2.2352520354606839287;
  private static final double A1 = 161.02823106855587881;
  private static final double A2 = 1067.6894854603709582;
  private static final double A3 = 18154.981253343561249;
  private static final double A4 = 0.065682337918207449113;
  private static final double B0 = 47.20258190468824187;
  private static final double B1 = 976.09855173777669322;
  private static final double B2 = 10260.932208618978205;
  private static final double B3 = 45507.789335026729956;

  private static final double[] C = {
    0.39894151208813466764,
    8.8831497943883759412,
    93.506656132177855979,
    597.27027639480026226,
    2494.5375852903726711,
    6848.1904505362823326,
    11602.651437647350124,
    9842.7148383839780218,
    1.0765576773720192317e-8
  };
  private static final double[] D = {
    22.266688044328115691,
    235.38790178262499861,
    1519.377599407554805,
    6485.558298266760755,
    18615.571640885098091,
    34900.952721145977266,
    38912.003286093271411,
    19685.429676859990727
  };
  private static final double[] P = {
    0.21589853405795699,
    0.1274011611602473639,
    0.022235277870649807,
    0.001421619193227893466,
    2.9112874951168792e-5,
    0.02307344176494017303
  };
  private static final double[] Q = {
    1.28426009614491121,
    0.468238212480865118,
    0.0659881378689285515,
    0.00378239633202758244,
    7.29751555083966205e-5
  };

  private NormalDistribution() {}

  /**
   * Returns the density {@code exp(-x^2/2) / sqrt(2 pi)}, with the square split so the result is
   * accurate to a few ulps even for large {@code |x|}.
   */
  public static double pdf(double x) {
    double y = Math.abs(x);
    if (y < 1.0) {
      return INV_SQRT_2PI * Math.exp(-0.5 * x * x);
    }
    if (!(y < 40)) {
      return Double.isNaN(x) ? Double.NaN : 0.0;
    }
    return INV_SQRT_2PI * expHalfSquare(y);
  }

  /** Returns {@code P[X <= x]} for a standard normal {@code X}; NaN for NaN. */
  public static double cdf(double x) {
    double y = Math.abs(x);
    if (y <= 0.67448975) {
      double xsq = y > 1.1e-16 ? x * x : 0.0;
      double xnum = A4 * xsq;
      double xden = xsq;
      xnum = (xnum + A0) * xsq;
      xden = (xden + B0) * xsq;
      xnum = (xnum + A1) * xsq;
      xden = (xden + B1) * xsq;
      xnum = (xnum + A2) * xsq;
      xden = (xden + B2) * xsq;
      return 0.5 + x * (xnum + A3) / (xden + B3);
    }
    double tail;
    if (y <= SQRT_32) {
      double xnum = C[8] * y;
      double xden = y;
      for (int i = 0; i < 7; i++) {
        xnum = (xnum + C[i]) * y;
        xden = (xden + D[i]) * y;
      }
      tail = expHalfSquare(y) * ((xnum + C[7]) / (xden + D[7]));
    } else if (y < 40) {
      double xsq = 1.0 / (y * y);
      double xnum = P[5] * xsq;
      double xden = xsq;
      for (int i = 0; i < 4; i++) {
        xnum = (xnum + P[i]) * xsq;
        xden = (xden + Q[i]) * xsq;
      }
      double r = xsq * (xnum + P[4]) / (xden + Q[4]);
      tail = expHalfSquare(y) * ((INV_SQRT_2PI - r) / y);
    } else if (Double.isNaN(x)) {
      return Double.NaN;
    } else {
      tail = 0.0;
    }
    return x > 0 ? 1.0 - tail : tail;
  }

  /**
   * Returns {@code P[X <= x]} given the density {@code density = pdf(x)} computed by the caller
   * (for example shared with a greek, or derived from the density at a related point), saving the
   * exponential of {@link #cdf(double)}. The result is as accurate as {@code density}; for {@code
   * |x| <= 0.674} the density is not used.
   */
  public static double cdfFromDensity(double x, double density) {
    double y = Math.abs(x);
    if (y <= 0.67448975) {
      return cdf(x);
    }
    double tail;
    if (y <= SQRT_32) {
      double xnum = C[8] * y;
      double xden = y;
      for (int i = 0; i < 7; i++) {
        xnum = (xnum + C[i]) * y;
        xden = (xden + D[i]) * y;
      }
      tail = density * (SQRT_2PI * ((xnum + C[7]) / (xden + D[7])));
    } else {
      double xsq = 1.0 / (y * y);
      double xnum = P[5] * xsq;
      double xden = xsq;
      for (int i = 0; i < 4; i++) {
        xnum = (xnum + P[i]) * xsq;
        xden = (xden + Q[i]) * xsq;
      }
      double r = xsq * (xnum + P[4]) / (xden + Q[4]);
      tail = density * ((1.0 - SQRT_2PI * r) / y);
    }
    return x > 0 ? 1.0 - tail : tail;
  }

  /**
   * Returns the Mills ratio {@code (1 - cdf(x)) / pdf(x)} to a few ulps relative, without forming
   * the tiny tail probability for large {@code x} (the same rational approximations as {@link
   * #cdf(double)}, less their exponential factor). Positive infinity where the ratio overflows
   * (near {@code x < -37.5}); NaN for NaN.
   */
  public static double millsRatio(double x) {
    double y = Math.abs(x);
    if (y <= 0.67448975) {
      double xsq = y > 1.1e-16 ? x * x : 0.0;
      double xnum = A4 * xsq;
      double xden = xsq;
      xnum = (xnum + A0) * xsq;
      xden = (xden + B0) * xsq;
      xnum = (xnum + A1) * xsq;
      xden = (xden + B1) * xsq;
      xnum = (xnum + A2) * xsq;
      xden = (xden + B2) * xsq;
      double upper = 0.5 - x * (xnum + A3) / (xden + B3);
      return upper * SQRT_2PI * Math.exp(0.5 * x * x);
    }
    double scaledTail;
    if (y <= SQRT_32) {
      double xnum = C[8] * y;
      double xden = y;
      for (int i = 0; i < 7; i++) {
        xnum = (xnum + C[i]) * y;
        xden = (xden + D[i]) * y;
      }
      scaledTail = SQRT_2PI * ((xnum + C[7]) / (xden + D[7]));
    } else if (Double.isNaN(x)) {
      return Double.NaN;
    } else {
      double xsq = 1.0 / (y * y);
      double xnum = P[5] * xsq;
      double xden = xsq;
      for (int i = 0; i < 4; i++) {
        xnum = (xnum + P[i]) * xsq;
        xden = (xden + Q[i]) * xsq;
      }
      double r = xsq * (xnum + P[4]) / (xden + Q[4]);
      scaledTail = (1.0 - SQRT_2PI * r) / y;
    }
    if (x > 0) {
      return scaledTail;
    }
    // (1 - cdf(x)) / pdf(x) = 1 / pdf(x) - millsRatio(-x) for x < 0; no cancellation there.
    return SQRT_2PI * Math.exp(0.5 * x * x) - scaledTail;
  }

  /** Returns {@code P[X > x] = cdf(-x)}, accurate in the upper tail. */
  public static double complementaryCdf(double x) {
    return cdf(-x);
  }

  /**
   * Returns the quantile {@code x} with {@code cdf(x) = p}.
   *
   * @param p a probability in {@code [0, 1]}; 0 gives negative infinity and 1 positive infinity
   * @throws IllegalArgumentException if {@code p} is NaN or outside {@code [0, 1]}
   */
  public static double inverseCdf(double p) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException("p must be in [0, 1], was " + p);
    }
    if (p == 0) {
      return Double.NEGATIVE_INFINITY;
    }
    if (p == 1) {
      return Double.POSITIVE_INFINITY;
    }
    double x = as241(p);
    if (Double.isFinite(x) && Math.abs(x) < 38) {
      // One Halley step on the accurate CDF; work in the smaller tail to avoid cancellation.
      double e = x < 0 ? cdf(x) - p : (1.0 - p) - cdf(-x);
      double u = e * SQRT_2PI * Math.exp(0.5 * x * x);
      x = x - u / (1.0 + 0.5 * x * u);
    }
    return x;
  }

  private static double as241(double p) {
    double q = p - 0.5;
    if (Math.abs(q) <= 0.425) {
      double r = 0.180625 - q * q;
      return q
          * (((((((2.5090809287301226727e3 * r + 3.3430575583588128105e4) * r
                                                      + 6.7265770927008700853e4)
                                                  * r
                                              + 4.5921953931549871457e4)
                                          * r
                                      + 1.3731693765509461125e4)
                                  * r
                              + 1.9715909503065514427e3)
                          * r
                      + 1.3314166789178437745e2)
                  * r
              + 3.3871328727963666080)
          / (((((((5.2264952788528545610e3 * r + 2.8729085735721942674e4) * r
                                                      + 3.9307895800092710610e4)
                                                  * r
                                              + 2.1213794301586595867e4)
                                          * r
                                      + 5.3941960214247511077e3)
                                  * r
                              + 6.8718700749205790830e2)
                          * r
                      + 4.2313330701600911252e1)
                  * r
              + 1.0);
    }
    double r = q < 0 ? p : 1.0 - p;
    r = Math.sqrt(-Math.log(r));
    double val;
    if (r <= 5.0) {
      r -= 1.6;
      val =
          (((((((7.74545014278341407640e-4 * r + 2.27238449892691845833e-2) * r
                                                          + 2.41780725177450611770e-1)
                                                      * r
                                                  + 1.27045825245236838258)
                                              * r
                                          + 3.64784832476320460504)
                                      * r
                                  + 5.76949722146069140550)
                              * r
                          + 4.63033784615654529590)
                      * r
                  + 1.42343711074968357734)
              / (((((((1.05075007164441684324e-9 * r + 5.47593808499534494600e-4) * r
                                                          + 1.51986665636164571966e-2)
                                                      * r
                                                  + 1.48103976427480074590e-1)
                                              * r
                                          + 6.89767334985100004550e-1)
                                      * r
                                  + 1.67638483018380384940)
                              * r
                          + 2.05319162663775882187)
                      * r
                  + 1.0);
    } else {
      r -= 5.0;
      val =
          (((((((2.01033439929228813265e-7 * r + 2.71155556874348757815e-5) * r
                                                          + 1.24266094738807843860e-3)
                                                      * r
                                                  + 2.65321895265761230930e-2)
                                              * r
                                          + 2.96560571828504891230e-1)
                                      * r
                                  + 1.78482653991729133580)
                              * r
                          + 5.46378491116411436990)
                      * r
                  + 6.65790464350110377720)
              / (((((((2.04426310338993978564e-15 * r + 1.42151175831644588870e-7) * r
                                                          + 1.84631831751005468180e-5)
                                                      * r
                                                  + 7.86869131145613259100e-4)
                                              * r
                                          + 1.48753612908506148525e-2)
                                      * r
                                  + 1.36929880922735805310e-1)
                              * r
                          + 5.99832206555887937690e-1)
                      * r
                  + 1.0);
    }
    return q < 0 ? -val : val;
  }

  /**
   * Returns {@code exp(-y^2/2)} to about an ulp: {@code y^2} is split exactly into {@code hi + lo}
   * (Dekker's product, no FMA needed), so one exponential of {@code hi} times {@code 1 - lo/2}
   * replaces the rounding error of the square (which grows like {@code y^2} ulps otherwise).
   */
  private static double expHalfSquare(double y) {
    double c = 134217729.0 * y; // 2^27 + 1
    double yh = c - (c - y);
    double yl = y - yh;
    double hi = y * y;
    double lo = ((yh * yh - hi) + 2 * yh * yl) + yl * yl;
    return Math.exp(-0.5 * hi) * (1 - 0.5 * lo);
  }
}
