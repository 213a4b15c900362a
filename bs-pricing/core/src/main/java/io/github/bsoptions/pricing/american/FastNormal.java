package io.github.bsoptions.pricing.american;

/**
 * The standard normal distribution for the inner loops of the American methods: W. J. Cody's
 * rational approximations (as in {@link io.github.bsoptions.pricing.formula.NormalDistribution})
 * with one exponential instead of two, so about {@code 1e-15 (1 + x^2)} relative instead of a few
 * ulps. The integrals it feeds are accurate to 1e-8 at best, so this loses nothing and halves the
 * cost.
 */
final class FastNormal {
  private static final double INV_SQRT_2PI = 0.398942280401432677939946059934;
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
  private static final double C0 = 0.39894151208813466764;
  private static final double C1 = 8.8831497943883759412;
  private static final double C2 = 93.506656132177855979;
  private static final double C3 = 597.27027639480026226;
  private static final double C4 = 2494.5375852903726711;
  private static final double C5 = 6848.1904505362823326;
  private static final double C6 = 11602.651437647350124;
  private static final double C7 = 9842.7148383839780218;
  private static final double C8 = 1.0765576773720192317e-8;
  private static final double D0 = 22.266688044328115691;
  private static final double D1 = 235.38790178262499861;
  private static final double D2 = 1519.377599407554805;
  private static final double D3 = 6485.558298266760755;
  private static final double D4 = 18615.571640885098091;
  private static final double D5 = 34900.952721145977266;
  private static final double D6 = 38912.003286093271411;
  private static final double D7 = 19685.429676859990727;
  private static final double P0 = 0.21589853405795699;
  private static final double P1 = 0.1274011611602473639;
  private static final double P2 = 0.022235277870649807;
  private static final double P3 = 0.001421619193227893466;
  private static final double P4 = 2.9112874951168792e-5;
  private static final double P5 = 0.02307344176494017303;
  private static final double Q0 = 1.28426009614491121;
  private static final double Q1 = 0.468238212480865118;
  private static final double Q2 = 0.0659881378689285515;
  private static final double Q3 = 0.00378239633202758244;
  private static final double Q4 = 7.29751555083966205e-5;

  private FastNormal() {}

  /** Returns the density. */
  static double pdf(double x) {
    return INV_SQRT_2PI * Math.exp(-0.5 * x * x);
  }

  /** Returns {@code P[X <= x]}. */
  static double cdf(double x) {
    double y = Math.abs(x);
    if (y <= 0.67448975) {
      double xsq = x * x;
      double xnum = (((A4 * xsq + A0) * xsq + A1) * xsq + A2) * xsq;
      double xden = (((xsq + B0) * xsq + B1) * xsq + B2) * xsq;
      return 0.5 + x * (xnum + A3) / (xden + B3);
    }
    double tail;
    if (y <= SQRT_32) {
      double xnum = C8 * y;
      double xden = y;
      xnum = (xnum + C0) * y;
      xden = (xden + D0) * y;
      xnum = (xnum + C1) * y;
      xden = (xden + D1) * y;
      xnum = (xnum + C2) * y;
      xden = (xden + D2) * y;
      xnum = (xnum + C3) * y;
      xden = (xden + D3) * y;
      xnum = (xnum + C4) * y;
      xden = (xden + D4) * y;
      xnum = (xnum + C5) * y;
      xden = (xden + D5) * y;
      xnum = (xnum + C6) * y;
      xden = (xden + D6) * y;
      tail = Math.exp(-0.5 * y * y) * ((xnum + C7) / (xden + D7));
    } else if (y < 40) {
      double xsq = 1.0 / (y * y);
      double xnum = P5 * xsq;
      double xden = xsq;
      xnum = (xnum + P0) * xsq;
      xden = (xden + Q0) * xsq;
      xnum = (xnum + P1) * xsq;
      xden = (xden + Q1) * xsq;
      xnum = (xnum + P2) * xsq;
      xden = (xden + Q2) * xsq;
      xnum = (xnum + P3) * xsq;
      xden = (xden + Q3) * xsq;
      double r = xsq * (xnum + P4) / (xden + Q4);
      tail = Math.exp(-0.5 * y * y) * ((INV_SQRT_2PI - r) / y);
    } else if (Double.isNaN(x)) {
      return Double.NaN;
    } else {
      tail = 0.0;
    }
    return x > 0 ? 1.0 - tail : tail;
  }
}
