package io.github.bsoptions.risk.portfolio;

/**
 * Value and greeks of a set of positions in currency terms (see the package documentation for the
 * conventions). Sums of exposures are exposures.
 *
 * @param value market value (long positive, short negative)
 * @param deltaUnits delta in underlying units ({@code delta * quantity * multiplier}, shares)
 * @param dollarDelta dollar delta ({@code deltaUnits * spot})
 * @param dollarGamma dollar gamma per 1% spot move ({@code gamma * S^2 / 100 * units})
 * @param vega vega per volatility point
 * @param theta theta per calendar day (365-day basis)
 * @param rho rho per 1% rate
 * @param grossNotional sum of {@code |units| * spot} (underlying notional controlled)
 */
public record GreekExposure(
    double value,
    double deltaUnits,
    double dollarDelta,
    double dollarGamma,
    double vega,
    double theta,
    double rho,
    double grossNotional) {

  /** No exposure. */
  public static final GreekExposure ZERO = new GreekExposure(0, 0, 0, 0, 0, 0, 0, 0);

  /** Returns the sum of this exposure and {@code other}. */
  public GreekExposure plus(GreekExposure other) {
    return new GreekExposure(
        value + other.value,
        deltaUnits + other.deltaUnits,
        dollarDelta + other.dollarDelta,
        dollarGamma + other.dollarGamma,
        vega + other.vega,
        theta + other.theta,
        rho + other.rho,
        grossNotional + other.grossNotional);
  }
}
