package io.github.bsoptions.pricing.formula;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.bsoptions.pricing.PricingStatus;
import io.github.bsoptions.pricing.greeks.Greeks;
import org.junit.jupiter.api.Test;

/**
 * Every edge input of docs/reliability.md section 4.1 (call, F = 110, K = 100, T = 1 unless
 * stated), where QuantLib, Strata or py_lets_be_rational return silently wrong numbers.
 */
class ReliabilityEdgeInputsTest {
  private static final double F = 110;
  private static final double K = 100;

  @Test
  void zeroVolOrZeroExpiryPriceIsIntrinsicWithFiniteGreeks() {
    assertThat(Black76Formulas.price(true, F, K, 1, 0, 0)).isEqualTo(10.0);
    assertThat(Black76Formulas.price(true, F, K, 0, 0, 0.2)).isEqualTo(10.0);
    Greeks itm = Black76Formulas.greeks(true, F, K, 0, 0, 0.2);
    assertThat(itm.delta()).isEqualTo(1.0);
    assertThat(itm.gamma()).isZero();
    assertThat(itm.vega()).isZero();
    Greeks atm = Black76Formulas.greeks(true, K, K, 0, 0, 0.2);
    assertThat(atm.delta()).isEqualTo(0.5); // documented convention, not "ambiguous"
    assertThat(atm.gamma()).isZero(); // never +infinity
    Greeks zeroVol = BlackScholesFormulas.greeks(true, F, K, 1, 0.05, 0, 0);
    assertAllFinite(zeroVol);
    assertAllFinite(atm);
  }

  @Test
  void expiryTodayIsIntrinsicNotZero() {
    assertThat(BlackScholesFormulas.price(true, F, K, 0, 0.05, 0, 0.3)).isEqualTo(10.0);
    assertThat(BlackScholesFormulas.price(false, 90, K, 0, 0.05, 0, 0.3)).isEqualTo(10.0);
  }

  @Test
  void zeroStrike() {
    assertThat(BlackScholesFormulas.price(true, F, 0, 1, 0.05, 0, 0.2)).isEqualTo(F);
    assertThat(Black76Formulas.price(true, F, 0, 1, 0.05, 0.2))
        .isCloseTo(F * Math.exp(-0.05), within(1e-12));
    assertThat(Black76Formulas.price(false, F, 0, 1, 0.05, 0.2)).isZero();
    // LBR misreports this as "below intrinsic": the value does not depend on volatility.
    double callPrice = Black76Formulas.price(true, F, 0, 1, 0.05, 0.2);
    assertThat(Black76Formulas.impliedVolatility(true, F, 0, 1, 0.05, callPrice).status())
        .isEqualTo(PricingStatus.NO_TIME_VALUE);
    assertThat(Black76Formulas.impliedVolatility(false, F, 0, 1, 0.05, 0).status())
        .isEqualTo(PricingStatus.NO_TIME_VALUE);
    assertThat(Black76Formulas.impliedVolatility(true, F, 0, 1, 0.05, 1).status())
        .isEqualTo(PricingStatus.BELOW_INTRINSIC);
  }

  @Test
  void zeroForward() {
    assertThat(Black76Formulas.price(true, 0, K, 1, 0, 0.2)).isZero();
    assertThat(Black76Formulas.price(false, 0, K, 1, 0, 0.2)).isEqualTo(K);
    // LBR misreports a zero price as "above maximum".
    assertThat(Black76Formulas.impliedVolatility(true, 0, K, 1, 0, 0).status())
        .isEqualTo(PricingStatus.NO_TIME_VALUE);
    assertThat(Black76Formulas.impliedVolatility(true, 0, K, 1, 0, 1).status())
        .isEqualTo(PricingStatus.ABOVE_UPPER_BOUND);
  }

  @Test
  void nanInputsAreRejectedNamingTheField() {
    assertThatThrownBy(() -> Black76Formulas.price(true, Double.NaN, K, 1, 0, 0.2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("spot")
        .hasMessageContaining("NaN");
    assertThatThrownBy(() -> Black76Formulas.price(true, F, Double.NaN, 1, 0, 0.2))
        .hasMessageContaining("strike");
    // LBR's black() returns intrinsic for a NaN volatility.
    assertThatThrownBy(() -> Black76Formulas.price(true, F, K, 1, 0, Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("volatility")
        .hasMessageContaining("NaN");
    assertThatThrownBy(() -> Black76Formulas.price(true, F, K, 1, Double.NaN, 0.2))
        .hasMessageContaining("rate");
    // LBR returns NaN for a NaN price and raises an unrelated error for a NaN forward.
    ImpliedVolResult nanPrice = Black76Formulas.impliedVolatility(true, F, K, 1, 0, Double.NaN);
    assertThat(nanPrice.status()).isEqualTo(PricingStatus.INVALID_PRICE);
    assertThat(nanPrice.status().label()).isEqualTo("INVALID_INPUT(price)");
    assertThat(Black76Formulas.impliedVolatility(true, Double.NaN, K, 1, 0, 12).status())
        .isEqualTo(PricingStatus.INVALID_SPOT);
  }

  @Test
  void infiniteVolatilityIsRejectedNotReplacedByAReferenceValue() {
    assertThatThrownBy(() -> Black76Formulas.price(true, F, K, 1, 0, Double.POSITIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("volatility")
        .hasMessageContaining("Infinity");
    // Strata answers 45.37 here (a "reference" sigma sqrt(T) = 1 replaces infinity * 0).
    assertThatThrownBy(() -> Black76Formulas.price(true, F, K, 0, 0, Double.POSITIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class);
    // The large-volatility limit is the forward, approached continuously.
    assertThat(Black76Formulas.price(true, F, K, 1, 0, 80)).isCloseTo(F, within(1e-9));
  }

  @Test
  void hugeEqualForwardAndStrikeIsPricedNotReplacedByTheForward() {
    double big = 1e14;
    double expected = big * (2 * NormalDistribution.cdf(0.1) - 1); // about 7.97e12
    assertThat(Black76Formulas.price(true, big, big, 1, 0, 0.2))
        .isCloseTo(expected, within(expected * 1e-14));
  }

  @Test
  void pricesOutsideTheBoundsGetStatuses() {
    assertThat(Black76Formulas.impliedVolatility(true, F, K, 1, 0, 9.5).status())
        .isEqualTo(PricingStatus.BELOW_INTRINSIC);
    assertThat(Black76Formulas.impliedVolatility(true, F, K, 1, 0, 10.0).status())
        .isEqualTo(PricingStatus.NO_TIME_VALUE);
    assertThat(Black76Formulas.impliedVolatility(true, F, K, 1, 0, F).status())
        .isEqualTo(PricingStatus.ABOVE_UPPER_BOUND);
    assertThat(Black76Formulas.impliedVolatility(true, F, K, 1, 0, 200).status())
        .isEqualTo(PricingStatus.ABOVE_UPPER_BOUND);
    assertThat(Black76Formulas.impliedVolatility(true, F, K, 1, 0, -1).status())
        .isEqualTo(PricingStatus.INVALID_PRICE);
  }

  @Test
  void tinyPriceFarOutOfTheMoneyIsSolvedNotZero() {
    // K / F = 10, price 1e-300: QuantLib returns 0; the right answer is about 0.0622.
    ImpliedVolResult r = Black76Formulas.impliedVolatility(true, 100, 1000, 1, 0, 1e-300);
    assertThat(r.status()).isEqualTo(PricingStatus.OK);
    assertThat(r.volatility()).isCloseTo(0.0622, within(5e-5));
    double back = Black76Formulas.price(true, 100, 1000, 1, 0, r.volatility());
    assertThat(Math.abs(back - 1e-300) / 1e-300).isLessThan(1e-12);
  }

  @Test
  void totalVolatilityThirtyIsAStatusNotABracketBound() {
    // QuantLib returns 24.0 silently (its bracket cap).
    double p = Black76Formulas.price(true, F, K, 1, 0, 30);
    ImpliedVolResult r = Black76Formulas.impliedVolatility(true, F, K, 1, 0, p);
    assertThat(r.status()).isIn(PricingStatus.ABOVE_UPPER_BOUND, PricingStatus.NO_TIME_VALUE);
    assertThat(r.volatility()).isNaN();
    // Large but identifiable total volatility is solved.
    double p8 = Black76Formulas.price(true, F, K, 1, 0, 8);
    ImpliedVolResult r8 = Black76Formulas.impliedVolatility(true, F, K, 1, 0, p8);
    assertThat(r8.status()).isEqualTo(PricingStatus.OK);
    assertThat(r8.volatility()).isCloseTo(8, within(1e-9));
  }

  @Test
  void oneDayDeepInTheMoneyAtFairPriceHasNoTimeValue() {
    // QuantLib returns 1e-4 (lower bracket), LBR and Strata 0.
    double t = 1.0 / 365;
    double p = BlackScholesFormulas.price(true, 100, 90, t, 0, 0, 0.2);
    ImpliedVolResult r = BlackScholesFormulas.impliedVolatility(true, 100, 90, t, 0, 0, p);
    assertThat(r.status()).isEqualTo(PricingStatus.NO_TIME_VALUE);
    assertThat(r.volatility()).isNaN();
  }

  @Test
  void zeroExpiryIsExpired() {
    // LBR raises ZeroDivisionError, Strata returns +infinity.
    ImpliedVolResult r = BlackScholesFormulas.impliedVolatility(true, F, K, 0, 0, 0, 12);
    assertThat(r.status()).isEqualTo(PricingStatus.EXPIRED);
    assertThat(r.volatility()).isNaN();
  }

  @Test
  void negativeRateRoundTripsToMachinePrecision() {
    // QuantLib's default accuracy 1e-4 gives 0.1999998.
    double t = 30.0 / 365;
    double p = BlackScholesFormulas.price(false, 100, 102, t, -0.05, 0.01, 0.2);
    ImpliedVolResult r = BlackScholesFormulas.impliedVolatility(false, 100, 102, t, -0.05, 0.01, p);
    assertThat(r.status()).isEqualTo(PricingStatus.OK);
    assertThat(r.volatility()).isCloseTo(0.2, within(1e-14));
  }

  private static void assertAllFinite(Greeks g) {
    for (var c : Greeks.class.getRecordComponents()) {
      try {
        assertThat((double) c.getAccessor().invoke(g)).as(c.getName()).isFinite();
      } catch (ReflectiveOperationException e) {
        throw new AssertionError(e);
      }
    }
  }
}
