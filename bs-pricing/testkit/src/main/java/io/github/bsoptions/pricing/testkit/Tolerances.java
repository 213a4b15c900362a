package io.github.bsoptions.pricing.testkit;

/**
 * The differences a backend may show against the scalar reference on rows whose status is OK.
 * Statuses must always be identical.
 *
 * <p>Each output {@code a} with reference {@code e} passes when {@code |a - e| <= relative * |e| +
 * absolute * scale}, where {@code scale} is the natural size of that output for the row (so that
 * rows where the formula cancels, such as far out-of-the-money prices, are judged against the
 * digits the reference itself can hold):
 *
 * <ul>
 *   <li>price: {@code S + K};
 *   <li>delta: 1;
 *   <li>gamma: {@code 1 / (S sigma sqrt(T))} (0 when degenerate);
 *   <li>vega: {@code (S + K) sqrt(T)};
 *   <li>theta: {@code (S + K) (1 + |r| + |q| + sigma / sqrt(T))};
 *   <li>rho: {@code (S + K) T}.
 * </ul>
 *
 * <p>An implied volatility {@code a} solved from price {@code p} must reprice to {@code p} within
 * four times the price tolerance (a check independent of the reference), and, against the reference
 * volatility {@code e}, pass when {@code |a - e| <= ivRelative * e}, or, where the volatility is
 * badly conditioned (tiny vega), when the price at {@code a} matches the price at {@code e} within
 * the price tolerance.
 *
 * @param priceRelative relative tolerance on prices
 * @param priceAbsolute absolute tolerance on prices per unit of {@code S + K}
 * @param greeksRelative relative tolerance on greeks
 * @param greeksAbsolute absolute tolerance on greeks per unit of the column's scale
 * @param ivRelative relative tolerance on implied volatilities
 */
public record Tolerances(
    double priceRelative,
    double priceAbsolute,
    double greeksRelative,
    double greeksAbsolute,
    double ivRelative) {

  /**
   * Double-precision backends: prices within {@code 1e-14} relative (plus {@code 2e-15 (S + K)}
   * where the formula cancels), greeks within {@code 1e-12} relative (plus {@code 1e-13} of the
   * column scale), implied volatilities within {@code 1e-10} relative.
   */
  public static final Tolerances DOUBLE = new Tolerances(1e-14, 2e-15, 1e-12, 1e-13, 1e-10);

  /** Validates that every tolerance is finite and {@code >= 0}. */
  public Tolerances {
    check(priceRelative, "priceRelative");
    check(priceAbsolute, "priceAbsolute");
    check(greeksRelative, "greeksRelative");
    check(greeksAbsolute, "greeksAbsolute");
    check(ivRelative, "ivRelative");
  }

  private static void check(double value, String name) {
    if (!(value >= 0 && value < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException(name + " must be finite and >= 0, was " + value);
    }
  }

  /** Returns true when {@code actual} is within {@code relative * |expected| + absolute}. */
  static boolean close(double actual, double expected, double relative, double absolute) {
    if (actual == expected) {
      return true;
    }
    return Math.abs(actual - expected) <= relative * Math.abs(expected) + absolute;
  }
}
