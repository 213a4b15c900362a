package io.github.bsoptions.pricing.formula;

import io.github.bsoptions.pricing.PricingStatus;

/**
 * The result of an implied-volatility solve: a volatility, or a status saying why there is none.
 *
 * @param volatility the implied volatility per square root of a year (price units for Bachelier);
 *     NaN unless {@code status} is OK
 * @param status OK, or the reason no volatility is returned (never a silent 0, bound or NaN)
 * @param iterations the number of solver iterations used (0 when no iteration ran)
 */
public record ImpliedVolResult(double volatility, PricingStatus status, int iterations) {

  /** Returns a successful result. */
  public static ImpliedVolResult ok(double volatility, int iterations) {
    return new ImpliedVolResult(volatility, PricingStatus.OK, iterations);
  }

  /** Returns a result without a volatility. */
  public static ImpliedVolResult failed(PricingStatus status) {
    return new ImpliedVolResult(Double.NaN, status, 0);
  }

  /** Returns true when a volatility was found. */
  public boolean isOk() {
    return status == PricingStatus.OK;
  }
}
