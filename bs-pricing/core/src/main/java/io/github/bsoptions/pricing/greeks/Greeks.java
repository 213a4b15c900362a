package io.github.bsoptions.pricing.greeks;

/**
 * A price with its sensitivities, all in the natural units of the inputs.
 *
 * <p>Units (the same for every model): every greek is a derivative per 1.00 of its input. Vega,
 * vanna, volga, zomma and ultima are per 1.00 of volatility (not per vol point); rho and dividend
 * rho per 1.00 of rate (not per 1%); theta, charm, veta and color are derivatives with respect to
 * calendar time passing, per year ({@code dV/dt = -dV/dT}). Use {@link #vegaPerVolPoint()}, {@link
 * #rhoPerPercent()} and {@link #thetaPerDay(DayBasis)} for the conventions brokers quote.
 *
 * @param price the option value
 * @param delta {@code dV/dS}
 * @param gamma {@code d2V/dS2}
 * @param vega {@code dV/dsigma}, per 1.00 vol
 * @param theta {@code dV/dt} (time passing), per year
 * @param rho {@code dV/dr}, per 1.00 rate
 * @param dividendRho {@code dV/dq} (psi), per 1.00 dividend yield
 * @param vanna {@code d2V/dS dsigma}
 * @param volga {@code d2V/dsigma2} (vomma)
 * @param charm {@code d delta / dt}, per year
 * @param veta {@code d vega / dt}, per year
 * @param speed {@code d3V/dS3}
 * @param zomma {@code d gamma / dsigma}
 * @param color {@code d gamma / dt}, per year
 * @param ultima {@code d3V/dsigma3}
 * @param dualDelta {@code dV/dK}
 * @param dualGamma {@code d2V/dK2}
 */
public record Greeks(
    double price,
    double delta,
    double gamma,
    double vega,
    double theta,
    double rho,
    double dividendRho,
    double vanna,
    double volga,
    double charm,
    double veta,
    double speed,
    double zomma,
    double color,
    double ultima,
    double dualDelta,
    double dualGamma) {

  /** Returns vega per one volatility point (0.01), the way most brokers quote it. */
  public double vegaPerVolPoint() {
    return vega / 100.0;
  }

  /** Returns rho per one percentage point of rate (0.01). */
  public double rhoPerPercent() {
    return rho / 100.0;
  }

  /** Returns theta per day under the given day basis ({@code theta / basis.daysPerYear()}). */
  public double thetaPerDay(DayBasis basis) {
    return theta / basis.daysPerYear();
  }
}
