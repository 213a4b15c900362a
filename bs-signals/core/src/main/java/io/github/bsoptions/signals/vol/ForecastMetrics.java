package io.github.bsoptions.signals.vol;

/**
 * Loss functions for variance forecasts, robust to noise in the realized-variance proxy (Patton
 * 2011): QLIKE and MSE.
 *
 * @param qlike mean of {@code r/f - ln(r/f) - 1} (0 for a perfect forecast; lower is better)
 * @param mse mean squared error of the variances
 * @param rmseVol root mean squared error of the annualized vols {@code sqrt(252 v)}
 * @param count number of forecast/realized pairs
 */
public record ForecastMetrics(double qlike, double mse, double rmseVol, int count) {

  /**
   * Computes the metrics.
   *
   * @param realized realized variances (positive; non-positive entries are skipped)
   * @param forecast forecast variances, same length, positive
   * @return the metrics
   */
  public static ForecastMetrics of(double[] realized, double[] forecast) {
    if (realized.length != forecast.length) {
      throw new IllegalArgumentException(
          "realized and forecast must have equal length, were "
              + realized.length
              + " and "
              + forecast.length);
    }
    double q = 0;
    double m = 0;
    double rv = 0;
    int n = 0;
    for (int i = 0; i < realized.length; i++) {
      double r = realized[i];
      double f = forecast[i];
      if (!(r > 0) || !(f > 0)) {
        continue;
      }
      q += r / f - Math.log(r / f) - 1;
      m += (r - f) * (r - f);
      double d = Math.sqrt(252 * r) - Math.sqrt(252 * f);
      rv += d * d;
      n++;
    }
    if (n == 0) {
      throw new IllegalArgumentException("no positive realized/forecast pairs");
    }
    return new ForecastMetrics(q / n, m / n, Math.sqrt(rv / n), n);
  }
}
