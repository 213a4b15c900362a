package io.github.bsoptions.pricing.formula;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.doubles;

import io.github.bsoptions.pricing.PricingStatus;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * IV round trips over the whole domain of the issue: |ln(F/K)| <= 3, expiry 1 hour to 30 years,
 * volatility 0.5% to 500%, with the BSM model (rate 3%, dividend yield 1%).
 */
class ImpliedVolatilityPropertiesTest {
  private static final double R = 0.03;
  private static final double Q = 0.01;

  @Test
  void roundTripDefaultRun() {
    roundTrip(20_000, 20260101L);
  }

  @Test
  @Tag("long")
  void roundTripMillionCases() {
    roundTrip(1_000_000, 7L);
  }

  @Test
  void bachelierRoundTrip() {
    qt().withFixedSeed(99L)
        .withExamples(5_000)
        .forAll(
            booleans().all(),
            doubles().between(-40, 40),
            doubles().between(Math.log(1.0 / 8760), Math.log(30)),
            doubles().between(Math.log(0.5), Math.log(200)))
        .checkAssert(
            (call, m, lnT, lnVol) -> {
              double t = Math.exp(lnT);
              double vol = Math.exp(lnVol);
              double p = BachelierFormulas.price(call, 100, 100 - m, t, R, Q, vol);
              ImpliedVolResult r =
                  BachelierFormulas.impliedVolatility(call, 100, 100 - m, t, R, Q, p);
              if (r.isOk() && p >= Double.MIN_NORMAL) {
                double back = BachelierFormulas.price(call, 100, 100 - m, t, R, Q, r.volatility());
                assertThat(Math.abs(back - p))
                    .as("m=%s t=%s vol=%s p=%s", m, t, vol, p)
                    .isLessThanOrEqualTo(Math.max(1e-12 * p, 8 * Math.ulp(p)));
              } else if (!r.isOk()) {
                assertThat(r.status()).isEqualTo(PricingStatus.NO_TIME_VALUE);
              }
            });
  }

  static void roundTrip(int examples, long seed) {
    qt().withFixedSeed(seed)
        .withExamples(examples)
        .forAll(
            booleans().all(),
            doubles().between(-3, 3),
            doubles().between(Math.log(1.0 / 8760), Math.log(30)),
            doubles().between(Math.log(0.005), Math.log(5)))
        .checkAssert(
            (call, x, lnT, lnVol) -> {
              double t = Math.exp(lnT);
              double vol = Math.exp(lnVol);
              double s = 100;
              double k = s * Math.exp((R - Q) * t - x); // ln(F/K) = x
              double p = BlackScholesFormulas.price(call, s, k, t, R, Q, vol);
              ImpliedVolResult r = BlackScholesFormulas.impliedVolatility(call, s, k, t, R, Q, p);
              String what =
                  String.format("call=%s x=%s t=%s vol=%s p=%s r=%s", call, x, t, vol, p, r);
              if (r.isOk()) {
                double back = BlackScholesFormulas.price(call, s, k, t, R, Q, r.volatility());
                double priceError = Math.abs(back - p) / p;
                double volError = Math.abs(r.volatility() - vol) / vol;
                // The price to 1e-12 relative, or the best attainable: the volatility exact to a
                // few ulps, where the price is so steep in sigma that one ulp of sigma moves it
                // more.
                // (A subnormal price carries fewer bits, and so does repricing through it: there
                // only the volatility check below applies.)
                assertThat(p < Double.MIN_NORMAL || priceError <= 1e-12 || volError <= 1e-14)
                    .as(what)
                    .isTrue();
                // OK means identifiable: sigma itself is recovered.
                assertThat(volError).as(what).isLessThanOrEqualTo(ImpliedVolatilityTest.VOL_TOL);
              } else {
                assertThat(r.status())
                    .as(what)
                    .isIn(PricingStatus.NO_TIME_VALUE, PricingStatus.ABOVE_UPPER_BOUND);
                double vega = BlackScholesFormulas.greeks(call, s, k, t, R, Q, vol).vega();
                // Only where sigma is genuinely not identifiable from the price's digits.
                // (A subnormal price has fewer than 53 significant bits.)
                // In the money, the intrinsic value D (F - K) is itself known only to ulps of F.
                boolean itm = call ? x > 0 : x < 0;
                double noise = 16 * Math.ulp(p) + (itm ? 16 * Math.ulp(Math.max(s, k)) : 0);
                assertThat(p < Double.MIN_NORMAL || vega * vol * 1e-3 < noise).as(what).isTrue();
              }
            });
  }
}
