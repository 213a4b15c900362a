package io.github.bsoptions.signals.score;

import io.github.bsoptions.signals.internal.Checks;
import io.github.bsoptions.signals.vol.VolForecast;
import java.util.Optional;

/**
 * What scoring needs beyond the chain.
 *
 * @param ivHistory past ATM implied volatilities of the underlying (e.g. one a day for a year),
 *     annualized; may be empty (then IV rank and percentile are missing)
 * @param forecast the volatility forecast, if any (IV edge is missing without one)
 * @param targetAbsDelta the |delta| the DELTA factor prefers, e.g. 0.30 for short premium
 */
public record ScoringContext(
    double[] ivHistory, Optional<VolForecast> forecast, double targetAbsDelta) {

  /** Validates and copies. */
  public ScoringContext {
    ivHistory = Checks.finiteArray(ivHistory, 0, "ivHistory").clone();
    if (forecast == null) {
      throw new IllegalArgumentException("forecast must not be null (use Optional.empty)");
    }
    Checks.inRange(targetAbsDelta, 0, 1, "targetAbsDelta");
  }

  /** Returns a context with a forecast, no IV history and target |delta| 0.5. */
  public static ScoringContext of(VolForecast forecast) {
    return new ScoringContext(new double[0], Optional.of(forecast), 0.5);
  }

  /** Returns a copy of the IV history. */
  @Override
  public double[] ivHistory() {
    return ivHistory.clone();
  }

  double[] history() {
    return ivHistory;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ScoringContext c
        && java.util.Arrays.equals(c.ivHistory, ivHistory)
        && c.forecast.equals(forecast)
        && Double.compare(c.targetAbsDelta, targetAbsDelta) == 0;
  }

  @Override
  public int hashCode() {
    return java.util.Arrays.hashCode(ivHistory) * 31 + forecast.hashCode();
  }

  @Override
  public String toString() {
    return "ScoringContext[history="
        + ivHistory.length
        + ", forecast="
        + forecast
        + ", targetAbsDelta="
        + targetAbsDelta
        + "]";
  }
}
