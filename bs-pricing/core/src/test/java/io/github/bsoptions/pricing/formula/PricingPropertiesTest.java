package io.github.bsoptions.pricing.formula;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.doubles;

import io.github.bsoptions.pricing.greeks.Greeks;
import java.util.function.DoubleUnaryOperator;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/** No-arbitrage properties and every analytic greek against central finite differences. */
class PricingPropertiesTest {
  private static final double S = 100;

  @Test
  void parityBoundsMonotonicityConvexity() {
    qt().withFixedSeed(11L)
        .withExamples(20_000)
        .forAll(
            doubles().between(-5, 5),
            doubles().between(Math.log(1.0 / 365), Math.log(30)),
            doubles().between(Math.log(0.005), Math.log(5)),
            doubles().between(-0.05, 0.2))
        .checkAssert(
            (x, lnT, lnVol, r) -> {
              double t = Math.exp(lnT);
              double vol = Math.exp(lnVol);
              double q = 0.02;
              double k = S * Math.exp((r - q) * t - x);
              double c = BlackScholesFormulas.price(true, S, k, t, r, q, vol);
              double p = BlackScholesFormulas.price(false, S, k, t, r, q, vol);
              double sq = S * Math.exp(-q * t);
              double kr = k * Math.exp(-r * t);
              String what = String.format("x=%s t=%s vol=%s r=%s", x, t, vol, r);
              assertThat(c - p).as(what).isCloseTo(sq - kr, within(1e-12 * (sq + kr)));
              double tol = 1e-14 * (sq + kr);
              assertThat(c).as(what).isBetween(Math.max(0, sq - kr) - tol, sq + tol);
              assertThat(p).as(what).isBetween(Math.max(0, kr - sq) - tol, kr + tol);
              // Monotone in spot and volatility (calls), in expiry at r = q = 0.
              assertThat(BlackScholesFormulas.price(true, S * 1.01, k, t, r, q, vol))
                  .as(what)
                  .isGreaterThanOrEqualTo(c - tol);
              assertThat(BlackScholesFormulas.price(true, S, k, t, r, q, vol * 1.01))
                  .as(what)
                  .isGreaterThanOrEqualTo(c - tol);
              assertThat(BlackScholesFormulas.price(true, S, k, t * 1.01, 0, 0, vol))
                  .as(what)
                  .isGreaterThanOrEqualTo(
                      BlackScholesFormulas.price(true, S, k, t, 0, 0, vol) - tol);
              // Convex in strike.
              double h = 0.01 * k;
              double cm = BlackScholesFormulas.price(true, S, k - h, t, r, q, vol);
              double cp = BlackScholesFormulas.price(true, S, k + h, t, r, q, vol);
              assertThat(cm - 2 * c + cp).as(what).isGreaterThanOrEqualTo(-4 * tol);
            });
  }

  @Test
  void everyBlackScholesGreekMatchesFiniteDifferences() {
    checkGreeks(Model.BSM, 21L);
  }

  @Test
  void everyBlack76GreekMatchesFiniteDifferences() {
    checkGreeks(Model.BLACK76, 22L);
  }

  @Test
  void everyBachelierGreekMatchesFiniteDifferences() {
    checkGreeks(Model.BACHELIER, 23L);
  }

  enum Model {
    BSM,
    BLACK76,
    BACHELIER;

    Greeks greeks(boolean call, double s, double k, double t, double r, double q, double v) {
      switch (this) {
        case BLACK76:
          return Black76Formulas.greeks(call, s, k, t, r, v);
        case BACHELIER:
          return BachelierFormulas.greeks(call, s, k, t, r, q, v * S);
        default:
          return BlackScholesFormulas.greeks(call, s, k, t, r, q, v);
      }
    }
  }

  private static void checkGreeks(Model model, long seed) {
    qt().withFixedSeed(seed)
        .withExamples(300)
        .forAll(
            booleans().all(),
            doubles().between(-0.8, 0.8),
            doubles().between(Math.log(0.05), Math.log(5)),
            doubles().between(Math.log(0.05), Math.log(1)))
        .checkAssert(
            (call, x, lnT, lnVol) -> {
              double t = Math.exp(lnT);
              double v = Math.exp(lnVol);
              double r = 0.04;
              double q = 0.015;
              double k = S * Math.exp(-x);
              Case c = new Case(model, call, S, k, t, r, q, v);
              String what = String.format("%s call=%s x=%s t=%s vol=%s", model, call, x, t, v);
              Greeks g = c.greeks();
              check(what + " delta", g.delta(), c.dS(Greeks::price));
              check(what + " gamma", g.gamma(), c.dS(Greeks::delta));
              check(what + " speed", g.speed(), c.dS(Greeks::gamma));
              check(what + " vega", g.vega(), c.dV(Greeks::price));
              check(what + " vanna", g.vanna(), c.dV(Greeks::delta));
              check(what + " volga", g.volga(), c.dV(Greeks::vega));
              check(what + " zomma", g.zomma(), c.dV(Greeks::gamma));
              check(what + " ultima", g.ultima(), c.dV(Greeks::volga));
              check(what + " theta", g.theta(), -c.dT(Greeks::price));
              check(what + " charm", g.charm(), -c.dT(Greeks::delta));
              check(what + " veta", g.veta(), -c.dT(Greeks::vega));
              check(what + " color", g.color(), -c.dT(Greeks::gamma));
              check(what + " rho", g.rho(), c.dR(Greeks::price));
              check(what + " dividendRho", g.dividendRho(), c.dQ(Greeks::price));
              check(what + " dualDelta", g.dualDelta(), c.dK(Greeks::price));
              check(what + " dualGamma", g.dualGamma(), c.dK(Greeks::dualDelta));
            });
  }

  private static void check(String what, double analytic, double numeric) {
    assertThat(analytic).as(what).isFinite();
    assertThat(analytic)
        .as(what + " numeric=" + numeric)
        .isCloseTo(numeric, within(1e-4 * Math.abs(numeric) + 5e-6));
  }

  private record Case(
      Model model, boolean call, double s, double k, double t, double r, double q, double v) {
    Greeks greeks() {
      return model.greeks(call, s, k, t, r, q, v);
    }

    double central(DoubleUnaryOperator f, double h) {
      return (f.applyAsDouble(h) - f.applyAsDouble(-h)) / (2 * h);
    }

    double dS(ToDoubleFunction<Greeks> m) {
      double h = 1e-4 * s;
      return central(e -> m.applyAsDouble(model.greeks(call, s + e, k, t, r, q, v)), h);
    }

    double dK(ToDoubleFunction<Greeks> m) {
      double h = 1e-4 * k;
      return central(e -> m.applyAsDouble(model.greeks(call, s, k + e, t, r, q, v)), h);
    }

    double dV(ToDoubleFunction<Greeks> m) {
      double h = 1e-4 * v;
      double scale = model == Model.BACHELIER ? S : 1; // normal vol is v * S
      return central(e -> m.applyAsDouble(model.greeks(call, s, k, t, r, q, v + e)), h) / scale;
    }

    double dT(ToDoubleFunction<Greeks> m) {
      double h = 1e-4 * t;
      return central(e -> m.applyAsDouble(model.greeks(call, s, k, t + e, r, q, v)), h);
    }

    double dR(ToDoubleFunction<Greeks> m) {
      return central(e -> m.applyAsDouble(model.greeks(call, s, k, t, r + e, q, v)), 1e-5);
    }

    double dQ(ToDoubleFunction<Greeks> m) {
      return central(e -> m.applyAsDouble(model.greeks(call, s, k, t, r, q + e, v)), 1e-5);
    }
  }
}
