package io.github.bsoptions.pricing.readme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.bsoptions.pricing.formula.BlackScholesFormulas;
import io.github.bsoptions.pricing.formula.ImpliedVolResult;
import io.github.bsoptions.pricing.greeks.DayBasis;
import io.github.bsoptions.pricing.greeks.Greeks;
import org.junit.jupiter.api.Test;

/** The worked example of bs-pricing/README.md, verbatim: it must compile and give those numbers. */
class ReadmeExampleTest {

  @Test
  void workedExample() {
    // README example start
    // A 30-day call: spot 450, strike 455, rate 5%, dividend yield 1.5%, volatility 18%.
    double t = 30 / 365.0;
    Greeks g = BlackScholesFormulas.greeks(true, 450, 455, t, 0.05, 0.015, 0.18);
    double price = g.price(); // 7.5618
    double delta = g.delta(); // 0.4467 per 1.00 of spot
    double vega = g.vega(); // 50.95 per 1.00 of volatility (100 vol points)
    double vegaBroker = g.vegaPerVolPoint(); // 0.5095 per vol point (18% -> 19%)
    double theta = g.theta(); // -62.45 per year
    double thetaBroker = g.thetaPerDay(DayBasis.CALENDAR_365); // -0.1711 per calendar day
    double rhoBroker = g.rhoPerPercent(); // 0.1590 per 1% of rate
    ImpliedVolResult iv =
        BlackScholesFormulas.impliedVolatility(true, 450, 455, t, 0.05, 0.015, price);
    double vol = iv.volatility(); // 0.18 (per 1.00, i.e. 18%), status OK
    // README example end
    System.out.printf(
        "price=%s delta=%s vega=%s vegaPt=%s theta=%s thetaDay=%s theta252=%s rho%%=%s vol=%s%n",
        price,
        delta,
        vega,
        vegaBroker,
        theta,
        thetaBroker,
        g.thetaPerDay(DayBasis.TRADING_252),
        rhoBroker,
        vol);
    assertThat(vegaBroker).isEqualTo(vega / 100);
    assertThat(thetaBroker).isEqualTo(theta / 365);
    assertThat(rhoBroker).isEqualTo(g.rho() / 100);
    assertThat(vol).isCloseTo(0.18, within(1e-15));
    assertThat(iv.isOk()).isTrue();
    assertThat(price).isCloseTo(7.5618, within(5e-5));
    assertThat(delta).isCloseTo(0.4467, within(5e-5));
    assertThat(vega).isCloseTo(50.95, within(5e-3));
    assertThat(vegaBroker).isCloseTo(0.5095, within(5e-5));
    assertThat(theta).isCloseTo(-62.45, within(5e-3));
    assertThat(thetaBroker).isCloseTo(-0.1711, within(5e-5));
    assertThat(g.thetaPerDay(DayBasis.TRADING_252)).isCloseTo(-0.2478, within(5e-5));
    assertThat(rhoBroker).isCloseTo(0.1590, within(5e-5));
  }
}
