package io.github.bsoptions.signals.ml;

import io.github.bsoptions.signals.internal.Checks;
import io.github.bsoptions.signals.vol.ChainFeatures;
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
 * <p>Each day also carries the close's option-chain features ({@link ChainFeatures}): the one-month
 * ATM implied volatility is the model's expected volatility over the next 21 days given the day's
 * latent variance, times 1.10 (a variance risk premium) with 3 % log-normal quote noise; the term
 * slope is the 63-day minus the 21-day implied volatility (inverted when variance is above its
 * mean) plus noise; the skew grows with the level of volatility. They come from a random stream of
 * their own, so a seed's returns and ranges do not depend on them.
 *
 * @param annualVol typical annualized volatility, e.g. 0.20
 * @param phi daily persistence of log variance, in (0, 1), e.g. 0.97
 * @param eta volatility of log variance per day, e.g. 0.25
 * @param stepsPerDay intraday steps, e.g. 26
 */
public record SimulatedVolatility(double annualVol, double phi, double eta, int stepsPerDay) {
  private static final long CHAIN_STREAM = 0x9E3779B97F4A7C15L;
  private static final int FRONT_DAYS = 21;
  private static final int BACK_DAYS = 63;
  private static final double VOL_PREMIUM = 0.10;
  private static final double IV_NOISE = 0.03;
  private static final double SLOPE_NOISE = 0.005;
  private static final double SKEW_BASE = 0.02;
  private static final double SKEW_PER_VOL = 0.15;
  private static final double SKEW_NOISE = 0.01;

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
   * @return returns, range variances and chain features (the implied volatility is the last day's
   *     ATM IV)
   */
  public ForecastInput path(int days, long seed) {
    Checks.positive(days, "days");
    SplittableRandom rng = new SplittableRandom(seed);
    double stat = eta * eta / (1 - phi * phi);
    double m = Math.log(annualVol * annualVol / 252) - 0.5 * stat;
    double lv = m + Math.sqrt(stat) * rng.nextGaussian();
    double[] r = new double[days];
    double[] range = new double[days];
    double[] atm = new double[days];
    double[] skew = new double[days];
    double[] slope = new double[days];
    SplittableRandom chainRng = new SplittableRandom(seed ^ CHAIN_STREAM);
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
      // The day's option chain, priced off the latent variance state (a separate random stream,
      // so the returns of a seed do not depend on it).
      double front = impliedVol(lv, m, stat, FRONT_DAYS);
      double back = impliedVol(lv, m, stat, BACK_DAYS);
      atm[d] = front * Math.exp(IV_NOISE * chainRng.nextGaussian());
      slope[d] = back - front + SLOPE_NOISE * chainRng.nextGaussian();
      skew[d] = SKEW_BASE + SKEW_PER_VOL * front + SKEW_NOISE * chainRng.nextGaussian();
    }
    return new ForecastInput(r, range, OptionalDouble.empty(), new ChainFeatures(atm, skew, slope));
  }

  /**
   * The model's implied volatility for {@code days} ahead: the annualized root mean expected
   * variance over days 1..days given today's log variance {@code lv} (log-normal AR(1): {@code
   * E[v_k] = exp(m + phi^k (lv - m) + stat (1 - phi^(2k)) / 2)}), times one plus the variance risk
   * premium.
   */
  private double impliedVol(double lv, double m, double stat, int days) {
    double s = 0;
    double pk = 1;
    for (int k = 1; k <= days; k++) {
      pk *= phi;
      s += Math.exp(m + pk * (lv - m) + 0.5 * stat * (1 - pk * pk));
    }
    return Math.sqrt(252 * s / days) * (1 + VOL_PREMIUM);
  }
}
