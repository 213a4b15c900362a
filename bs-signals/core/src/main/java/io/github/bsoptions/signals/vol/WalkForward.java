package io.github.bsoptions.signals.vol;

import io.github.bsoptions.signals.internal.Checks;
import io.github.bsoptions.signals.spi.Forecaster;
import java.util.ArrayList;
import java.util.List;

/**
 * Walk-forward out-of-sample evaluation of a forecaster: at each evaluation day {@code t} it sees
 * only the history up to {@code t} (returns, range variances, chain features; {@link
 * ForecastInput#head}) and forecasts the mean variance of days {@code t+1..t+H}, which is compared
 * to the realized mean squared return.
 */
public final class WalkForward {
  private WalkForward() {}

  /**
   * Evaluates a forecaster.
   *
   * @param forecaster the forecaster
   * @param histories full histories (with range variances when the forecaster uses them)
   * @param firstDay first evaluation day (index into each history's returns)
   * @param step days between evaluations
   * @param targetDays H, the days ahead whose mean variance is forecast
   * @return QLIKE, MSE and vol RMSE over every evaluation of every history
   */
  public static ForecastMetrics evaluate(
      Forecaster forecaster,
      List<ForecastInput> histories,
      int firstDay,
      int step,
      int targetDays) {
    Checks.positive(step, "step");
    Checks.positive(targetDays, "targetDays");
    List<Double> real = new ArrayList<>();
    List<Double> fc = new ArrayList<>();
    for (ForecastInput h : histories) {
      double[] r = h.logReturns();
      for (int t = firstDay; t + targetDays < r.length; t += step) {
        ForecastInput seen = h.head(t + 1);
        VolForecast f = forecaster.forecast(seen, targetDays);
        double fm = 0;
        double rm = 0;
        for (int k = 1; k <= targetDays; k++) {
          fm += f.variance(k);
          rm += r[t + k] * r[t + k];
        }
        fc.add(fm / targetDays);
        real.add(rm / targetDays);
      }
    }
    return ForecastMetrics.of(
        real.stream().mapToDouble(Double::doubleValue).toArray(),
        fc.stream().mapToDouble(Double::doubleValue).toArray());
  }
}
