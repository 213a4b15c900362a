package io.github.bsoptions.pricing.formula;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bsoptions.pricing.PricingStatus;
import org.junit.jupiter.api.Test;

class ImpliedVolatilityTest {
  /** OK results recover sigma to the identifiability threshold (1e-3 relative) or better. */
  static final double VOL_TOL = 1e-3;

  @Test
  void gridRoundTripReproducesThePriceToMachinePrecision() {
    double worst = 0;
    int ok = 0;
    int noTime = 0;
    int maxIterations = 0;
    double[] xs = linspace(-3, 3, 41);
    double[] ts = {1.0 / 8760, 1.0 / 365, 7.0 / 365, 0.1, 0.5, 1, 2, 5, 10, 30};
    double[] vols = {0.005, 0.01, 0.03, 0.1, 0.2, 0.5, 1, 2, 3, 5};
    for (boolean call : new boolean[] {true, false}) {
      for (double x : xs) {
        for (double t : ts) {
          for (double vol : vols) {
            double f = 100;
            double k = f * Math.exp(-x);
            double r = 0.03;
            double p = Black76Formulas.price(call, f, k, t, r, vol);
            ImpliedVolResult res = Black76Formulas.impliedVolatility(call, f, k, t, r, p);
            double vega = Black76Formulas.greeks(call, f, k, t, r, vol).vega();
            // The solver's definition, with a factor 2 margin: the time value's resolution is the
            // price's ulp plus, in the money, the intrinsic value's round-off.
            boolean itm = call ? f > k : k > f;
            double df = Math.exp(-r * t);
            double resolution = Math.ulp(p) + (itm ? 2 * Math.ulp(df * Math.max(f, k)) : 0);
            boolean identifiable = p > 0 && vega * vol * 1e-3 >= 4 * resolution;
            if (!identifiable && !res.isOk()) {
              assertThat(res.status())
                  .isIn(PricingStatus.NO_TIME_VALUE, PricingStatus.ABOVE_UPPER_BOUND);
              assertThat(res.volatility()).isNaN();
              noTime++;
              continue;
            }
            assertThat(res.status())
                .as("x=%s t=%s vol=%s call=%s p=%s", x, t, vol, call, p)
                .isEqualTo(PricingStatus.OK);
            double back = Black76Formulas.price(call, f, k, t, r, res.volatility());
            double err = Math.abs(back - p) / p;
            worst = Math.max(worst, err);
            maxIterations = Math.max(maxIterations, res.iterations());
            assertThat(err)
                .as("x=%s t=%s vol=%s call=%s p=%s iv=%s", x, t, vol, call, p, res.volatility())
                .isLessThanOrEqualTo(1e-12);
            ok++;
          }
        }
      }
    }
    System.out.printf(
        "grid: ok=%d noTimeValue=%d worst=%.3g maxIter=%d%n", ok, noTime, worst, maxIterations);
    assertThat(ok).isGreaterThan(noTime);
  }

  private static double[] linspace(double a, double b, int n) {
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = a + (b - a) * i / (n - 1);
    }
    return out;
  }
}
