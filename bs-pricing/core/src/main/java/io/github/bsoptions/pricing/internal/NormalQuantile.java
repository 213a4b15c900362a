package io.github.bsoptions.pricing.internal;

/**
 * Wichura's algorithm AS 241 (Applied Statistics 37, 1988) for the standard normal quantile: the
 * unpolished kernel behind {@code NormalDistribution.inverseCdf}, shared with solvers whose initial
 * guesses need no more than its own accuracy.
 *
 * <p>Internal API, unstable.
 */
public final class NormalQuantile {
  private NormalQuantile() {}

  /**
   * Returns the quantile for {@code 0 <= p <= 1} without the polishing step: negative infinity for
   * 0, positive infinity for 1, NaN for NaN.
   */
  public static double quantile(double p) {
    if (p > 0 && p < 1) {
      return as241(p);
    }
    return p == 0 ? Double.NEGATIVE_INFINITY : p == 1 ? Double.POSITIVE_INFINITY : Double.NaN;
  }

  /**
   * Returns Wichura's AS 241 approximation of the normal quantile for {@code 0 < p < 1}, about
   * 1e-16 relative (before the Halley polish of {@code NormalDistribution.inverseCdf}).
   */
  public static double as241(double p) {
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
    double val = tail(Math.sqrt(-Math.log(r)));
    return q < 0 ? -val : val;
  }

  /**
   * Returns the quantile of {@code p = exp(logP)} for {@code logP < ln(0.075)} (the lower tail of
   * AS 241, where only {@code ln p} is needed: a caller holding {@code p = u^(1/3)} passes {@code
   * ln(u) / 3} and saves the cube root).
   */
  public static double lowerTailFromLog(double logP) {
    return -tail(Math.sqrt(-logP));
  }

  /** The tail branch of AS 241 in {@code r = sqrt(-ln p)}, for the smaller of p and 1 - p. */
  private static double tail(double r) {
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
    return val;
  }
}
