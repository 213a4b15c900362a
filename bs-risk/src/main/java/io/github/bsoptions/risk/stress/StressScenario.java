package io.github.bsoptions.risk.stress;

import io.github.bsoptions.risk.internal.Checks;
import java.util.Map;
import java.util.TreeMap;

/**
 * A market shock applied to every position at once.
 *
 * @param name a label for reports
 * @param spotShock relative spot move of every underlying ({@code -0.2} = spot times 0.8), {@code >
 *     -1}
 * @param spotShockByUnderlying relative moves that replace {@code spotShock} for some underlyings
 * @param volShift absolute volatility change added to every option's volatility ({@code 0.1} = +10
 *     vol points); shocked volatilities are floored at 0
 * @param daysForward calendar days that pass (365-day year; {@code >= 0}); expiries are floored at
 *     0, so expired options are worth their intrinsic value
 * @param rateShift absolute change added to every rate ({@code 0.01} = +1%)
 */
public record StressScenario(
    String name,
    double spotShock,
    Map<String, Double> spotShockByUnderlying,
    double volShift,
    double daysForward,
    double rateShift) {

  /** Validates the scenario. */
  public StressScenario {
    name = Checks.symbol(name, "name");
    shock(spotShock, "spotShock");
    Checks.notNull(spotShockByUnderlying, "spotShockByUnderlying");
    TreeMap<String, Double> copy = new TreeMap<>();
    spotShockByUnderlying.forEach(
        (k, v) -> copy.put(Checks.symbol(k, "underlying"), shock(v, "spotShock of " + k)));
    spotShockByUnderlying = java.util.Collections.unmodifiableMap(copy);
    Checks.finite(volShift, "volShift");
    Checks.nonNegative(daysForward, "daysForward");
    Checks.finite(rateShift, "rateShift");
  }

  private static double shock(Double v, String field) {
    if (v == null || !(v > -1 && v < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException(field + " must be finite and > -1, was " + v);
    }
    return v;
  }

  /** Returns a uniform shock of spot, volatility and time (no rate change). */
  public static StressScenario of(double spotShock, double volShift, double daysForward) {
    return new StressScenario(
        String.format(
            java.util.Locale.ROOT,
            "spot %+.1f%% vol %+.1f days %.0f",
            spotShock * 100,
            volShift * 100,
            daysForward),
        spotShock,
        Map.of(),
        volShift,
        daysForward,
        0.0);
  }

  /** Returns the relative spot move of {@code underlying}. */
  public double spotShock(String underlying) {
    return spotShockByUnderlying.getOrDefault(underlying, spotShock);
  }

  /** Returns the time that passes, in years (days / 365). */
  public double yearsForward() {
    return daysForward / 365.0;
  }
}
