package io.github.bsoptions.pricing.formula;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Regressions for the solver's stopping rules (found by the backend conformance kit). */
class ImpliedVolatilityConvergenceTest {

  @Test
  void startingBelowTheRootDoesNotStopOnTheOpenBracket() {
    // The first guess sqrt(2|x|) is below the root: hi stays infinite for a while, and
    // ulp(infinity) made the bracket test pass at once (volatility 0.827 instead of 0.9).
    double p = BlackScholesFormulas.price(true, 100, 120, 1, 0.0, 0, 0.9);
    ImpliedVolResult r = ImpliedVolatility.blackScholes(true, 100, 120, 1, 0.0, 0, p);
    assertThat(r.isOk()).isTrue();
    assertThat(r.volatility()).isCloseTo(0.9, within(1e-13));
  }

  @Test
  void farOutOfTheMoneyConvergesDespitePriceNoise() {
    // Price about 2e-93: rounding noise made Newton creep a few ulps per step for 100 steps.
    double s = 35.772415037255;
    double k = 26.683598992096872;
    double t = 0.13457804346393595;
    double r = 0.09664615521455307;
    double q = 0.05683954049500262;
    double vol = 0.040115618327678786;
    double p = BlackScholesFormulas.price(false, s, k, t, r, q, vol);
    ImpliedVolResult res = ImpliedVolatility.blackScholes(false, s, k, t, r, q, p);
    assertThat(res.isOk()).as(res.toString()).isTrue();
    assertThat(res.volatility()).isCloseTo(vol, within(1e-12));
  }

  @Test
  void highTotalVolatilityConvergesToFullPrecision() {
    // A step that lands exactly on the bracket end used to fall back to bisection from an
    // infinite bracket, ending 1e-12 away from the root.
    double p =
        BlackScholesFormulas.price(
            true,
            585.5140869303788,
            717.6696951909252,
            7.262773545164212,
            0.046227583200730185,
            0.04577411429956136,
            0.9322930894405614);
    ImpliedVolResult res =
        ImpliedVolatility.blackScholes(
            true,
            585.5140869303788,
            717.6696951909252,
            7.262773545164212,
            0.046227583200730185,
            0.04577411429956136,
            p);
    assertThat(res.volatility()).isCloseTo(0.9322930894405614, within(1e-14));
  }
}
