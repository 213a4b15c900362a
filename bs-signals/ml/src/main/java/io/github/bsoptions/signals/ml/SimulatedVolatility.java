package io.github.bsoptions.signals.ml;

import io.github.bsoptions.signals.internal.Checks;
import io.github.bsoptions.signals.vol.ForecastInput;
import java.util.OptionalDouble;
import java.util.SplittableRandom;

/**
 * Deterministic training and evaluation data: daily returns and Parkinson range variances from a
 * log stochastic-volatility model, simulated with intraday steps.
 *
 * <p>{@code ln v_t = m + phi (ln v_{t-1} - m) + eta e_t} with daily variance {@code v_t} and {@code
 * m} chosen so the average annualized vol is about {@code annualVol}. Each day is simulated with
 * {@code stepsPerDay} Brownian steps; the day's return is close-to-close and its range variance is
 * Parkinson's {@code ln(H/L)^2 / (4 ln 2)}. GARCH is misspecified here, and the range carries
 * information returns alone do not, which is what a hybrid model can use.
 *
 * @param annualVol typical annualized volatility, e.g. 0.20
 * @param phi daily persistence of log variance, in (0, 1), e.g. 0.97
 * @param eta volatility of log variance per day, e.g. 0.25
 * @param stepsPerDay intraday steps, e.g. 26
 */
public record SimulatedVolatility(double annualVol, double phi, double eta, int stepsPerDay) {

  /** Validates. */
  public SimulatedVolatility {
    Checks.positive(annualVol, "annualVol");
    Checks.inRange(phi, 0, 0.9999, "phi");
    Checks.positive(eta, "eta");
    Checks.positive(stepsPerDay, "stepsPerDay");
  }

  /** Returns a typical equity-like setting: 20 % vol, phi 0.97, eta 0.25, 26 steps a day. */
  public static SimulatedVolatility typical() {
    return new SimulatedVolatility(0.20, 0.97, 0.25, 26);
  }

  /**
   * Simulates one path.
   *
   * @param days number of days
   * @param seed random seed
   * @return returns and range variances (no implied vol)
   */
  public ForecastInput path(int days, long seed) {
    Checks.positive(days, "days");
    SplittableRandom rng = new SplittableRandom(seed);
    double stat = eta * eta / (1 - phi * phi);
    double m = Math.log(annualVol * annualVol / 252) - 0.5 * stat;
    double lv = m + Math.sqrt(stat) * rng.nextGaussian();
    double[] r = new double[days];
    double[] range = new double[days];
    double dt = 1.0 / stepsPerDay;
    double ln2x4 = 4 * Math.log(2);
    for (int d = 0; d < days; d++) {
      lv = m + phi * (lv - m) + eta * rng.nextGaussian();
      double v = Math.exp(lv);
      double sd = Math.sqrt(v * dt);
      double x = 0;
      double hi = 0;
      double lo = 0;
      for (int i = 0; i < stepsPerDay; i++) {
        x += -0.5 * v * dt + sd * rng.nextGaussian();
        hi = Math.max(hi, x);
        lo = Math.min(lo, x);
      }
      r[d] = x;
      range[d] = (hi - lo) * (hi - lo) / ln2x4;
    }
    return new ForecastInput(r, range, OptionalDouble.empty());
  }
}
