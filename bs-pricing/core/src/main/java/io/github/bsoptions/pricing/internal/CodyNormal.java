package io.github.bsoptions.pricing.internal;

/**
 * The coefficients of W. J. Cody's rational approximations of the normal distribution (Math. Comp.
 * 23, 1969; as in his ANORM routine), shared by the scalar {@code NormalDistribution}, the American
 * methods' {@code FastNormal} and the SIMD kernels. All are compile-time constants, so every use is
 * folded into the caller's code.
 *
 * <p>Regions of {@code y = |x|}: {@code A}/{@code B} for {@code y <= 0.67448975} (the central
 * body), {@code C}/{@code D} for {@code y <= sqrt(32)}, {@code P}/{@code Q} (in {@code 1/y^2})
 * beyond.
 *
 * <p>Internal API, unstable.
 */
public final class CodyNormal {
  /** {@code 1 / sqrt(2 pi)}. */
  public static final double INV_SQRT_2PI = 0.398942280401432677939946059934;

  /** {@code sqrt(2 pi)}. */
  public static final double SQRT_2PI = 2.506628274631000502415765284811;

  /** {@code sqrt(32)}, the end of the middle region. */
  public static final double SQRT_32 = 5.656854249492380195206754896838;

  /** The end of the central body. */
  public static final double BODY_LIMIT = 0.67448975;

  /** Central body, numerator. */
  public static final double A0 = 2.2352520354606839287;

  /** Central body, numerator. */
  public static final double A1 = 161.02823106855587881;

  /** Central body, numerator. */
  public static final double A2 = 1067.6894854603709582;

  /** Central body, numerator. */
  public static final double A3 = 18154.981253343561249;

  /** Central body, numerator. */
  public static final double A4 = 0.065682337918207449113;

  /** Central body, denominator. */
  public static final double B0 = 47.20258190468824187;

  /** Central body, denominator. */
  public static final double B1 = 976.09855173777669322;

  /** Central body, denominator. */
  public static final double B2 = 10260.932208618978205;

  /** Central body, denominator. */
  public static final double B3 = 45507.789335026729956;

  /** Middle region, numerator. */
  public static final double C0 = 0.39894151208813466764;

  /** Middle region, numerator. */
  public static final double C1 = 8.8831497943883759412;

  /** Middle region, numerator. */
  public static final double C2 = 93.506656132177855979;

  /** Middle region, numerator. */
  public static final double C3 = 597.27027639480026226;

  /** Middle region, numerator. */
  public static final double C4 = 2494.5375852903726711;

  /** Middle region, numerator. */
  public static final double C5 = 6848.1904505362823326;

  /** Middle region, numerator. */
  public static final double C6 = 11602.651437647350124;

  /** Middle region, numerator. */
  public static final double C7 = 9842.7148383839780218;

  /** Middle region, numerator. */
  public static final double C8 = 1.0765576773720192317e-8;

  /** Middle region, denominator. */
  public static final double D0 = 22.266688044328115691;

  /** Middle region, denominator. */
  public static final double D1 = 235.38790178262499861;

  /** Middle region, denominator. */
  public static final double D2 = 1519.377599407554805;

  /** Middle region, denominator. */
  public static final double D3 = 6485.558298266760755;

  /** Middle region, denominator. */
  public static final double D4 = 18615.571640885098091;

  /** Middle region, denominator. */
  public static final double D5 = 34900.952721145977266;

  /** Middle region, denominator. */
  public static final double D6 = 38912.003286093271411;

  /** Middle region, denominator. */
  public static final double D7 = 19685.429676859990727;

  /** Far tail, numerator. */
  public static final double P0 = 0.21589853405795699;

  /** Far tail, numerator. */
  public static final double P1 = 0.1274011611602473639;

  /** Far tail, numerator. */
  public static final double P2 = 0.022235277870649807;

  /** Far tail, numerator. */
  public static final double P3 = 0.001421619193227893466;

  /** Far tail, numerator. */
  public static final double P4 = 2.9112874951168792e-5;

  /** Far tail, numerator. */
  public static final double P5 = 0.02307344176494017303;

  /** Far tail, denominator. */
  public static final double Q0 = 1.28426009614491121;

  /** Far tail, denominator. */
  public static final double Q1 = 0.468238212480865118;

  /** Far tail, denominator. */
  public static final double Q2 = 0.0659881378689285515;

  /** Far tail, denominator. */
  public static final double Q3 = 0.00378239633202758244;

  /** Far tail, denominator. */
  public static final double Q4 = 7.29751555083966205e-5;

  private CodyNormal() {}
}
