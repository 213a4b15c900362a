package io.github.bsoptions.examples;

import io.github.bsoptions.signals.vol.VolForecast;
import io.github.bsoptions.signals.vol.garch.GarchFit;
import io.github.bsoptions.signals.vol.garch.GarchModel;
import io.github.bsoptions.signals.vol.garch.GarchParameters;
import io.github.bsoptions.signals.vol.garch.GarchSpec;
import java.util.SplittableRandom;

/** bs-signals alone: fits GARCH(1,1) to ten years of daily returns and forecasts volatility. */
public final class FitGarchExample {
  private FitGarchExample() {}

  /**
   * Runs the example.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    // Daily log returns, oldest first; here simulated from known parameters (fixed seed).
    GarchParameters truth = GarchParameters.of(0, 2e-6, 0.08, 0.90);
    double[] returns =
        GarchModel.simulate(GarchSpec.garch(), truth, 2_500, new SplittableRandom(1), null);

    GarchFit fit = GarchModel.fit(returns, GarchSpec.garch());
    GarchParameters p = fit.parameters();
    System.out.printf(
        "fitted omega=%.3g alpha=%.4f beta=%.4f (true 2e-06, 0.0800, 0.9000), loglik %.2f%n",
        p.omega(), p.alpha(), p.beta(), fit.logLikelihood());
    VolForecast forecast = fit.forecast(30);
    System.out.printf(
        "annualised vol: next day %.4f, over 30 days %.4f%n",
        forecast.annualizedVol(1), forecast.annualizedVol(30));
  }
}
