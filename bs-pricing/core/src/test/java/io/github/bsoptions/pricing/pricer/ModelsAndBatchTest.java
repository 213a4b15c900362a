package io.github.bsoptions.pricing.pricer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.bsoptions.pricing.PricingStatus;
import io.github.bsoptions.pricing.backend.ScalarPricingBackend;
import io.github.bsoptions.pricing.batch.BatchModel;
import io.github.bsoptions.pricing.batch.GreeksBatch;
import io.github.bsoptions.pricing.batch.OptionBatch;
import io.github.bsoptions.pricing.formula.BachelierFormulas;
import io.github.bsoptions.pricing.formula.BlackScholesFormulas;
import io.github.bsoptions.pricing.formula.NormalDistribution;
import io.github.bsoptions.pricing.greeks.Greeks;
import io.github.bsoptions.pricing.product.OptionType;
import org.junit.jupiter.api.Test;

class ModelsAndBatchTest {

  @Test
  void hullReference() {
    double call = BlackScholesModel.INSTANCE.price(OptionType.CALL, 42, 40, 0.5, 0.1, 0, 0.2);
    assertThat(call).isCloseTo(4.759422392871532, within(1e-14));
    assertThat(Math.round(call * 100) / 100.0).isEqualTo(4.76);
    double put = BlackScholesModel.INSTANCE.price(OptionType.PUT, 42, 40, 0.5, 0.1, 0, 0.2);
    assertThat(Math.round(put * 100) / 100.0).isEqualTo(0.81);
  }

  @Test
  void bachelierReferenceParityAndNegativeUnderlyings() {
    // At the money: sigma sqrt(T) n(0).
    assertThat(BachelierModel.INSTANCE.price(OptionType.CALL, 100, 100, 1, 0, 0, 20))
        .isCloseTo(20 * NormalDistribution.INV_SQRT_2PI, within(1e-13));
    double c = BachelierFormulas.price(true, -1.5, -1.0, 2, 0.03, 0.01, 0.8);
    double p = BachelierFormulas.price(false, -1.5, -1.0, 2, 0.03, 0.01, 0.8);
    double fwd = -1.5 * Math.exp(0.04);
    assertThat(c - p).isCloseTo(Math.exp(-0.06) * (fwd + 1.0), within(1e-14));
    Greeks g = BachelierModel.INSTANCE.greeks(OptionType.CALL, -1.5, -1.0, 2, 0.03, 0.01, 0.8);
    assertThat(g.price()).isEqualTo(c);
    assertThat(g.gamma()).isPositive();
    var iv =
        BachelierModel.INSTANCE.impliedVolatility(OptionType.CALL, -1.5, -1.0, 2, 0.03, 0.01, c);
    assertThat(iv.volatility()).isCloseTo(0.8, within(1e-13));
  }

  @Test
  void limitsAreContinuousAndConventionsHold() {
    // T -> 0 and sigma -> 0 approach the documented values continuously.
    assertThat(BlackScholesFormulas.price(true, 110, 100, 1e-10, 0.05, 0, 0.3))
        .isCloseTo(BlackScholesFormulas.price(true, 110, 100, 0, 0.05, 0, 0.3), within(1e-8));
    assertThat(BlackScholesFormulas.price(true, 110, 100, 1, 0.05, 0.01, 1e-12))
        .isCloseTo(BlackScholesFormulas.price(true, 110, 100, 1, 0.05, 0.01, 0), within(1e-9));
    // K -> 0: the call tends to the discounted forward S e^{-qT}.
    assertThat(BlackScholesFormulas.price(true, 100, 1e-9, 1, 0.05, 0.02, 0.3))
        .isCloseTo(100 * Math.exp(-0.02), within(1e-8));
    Greeks atExpiry = BlackScholesFormulas.greeks(true, 100, 100, 0, 0.05, 0, 0.3);
    assertThat(atExpiry.delta()).isEqualTo(0.5);
    assertThat(atExpiry.gamma()).isZero();
    assertThat(BlackScholesFormulas.greeks(true, 110, 100, 1e-10, 0.05, 0, 0.3).delta())
        .isCloseTo(1.0, within(1e-12));
  }

  @Test
  void scalarApiMessagesNameFieldAndValue() {
    assertThatThrownBy(() -> BlackScholesFormulas.price(true, 100, 100, -1, 0, 0, 0.2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("expiry_years must be finite and >= 0, was -1.0");
    assertThatThrownBy(
            () -> BlackScholesFormulas.price(true, 100, 100, 1, Double.POSITIVE_INFINITY, 0, 0.2))
        .hasMessage("rate must be finite, was Infinity");
    assertThatThrownBy(() -> BlackScholesFormulas.price(true, 100, 100, 1, 0, Double.NaN, 0.2))
        .hasMessage("dividend_yield must be finite, was NaN");
    assertThatThrownBy(() -> BachelierFormulas.price(true, 1, 1, 1, 0, 0, -2))
        .hasMessage("volatility must be finite and >= 0, was -2.0");
  }

  @Test
  void batchGivesPerRowStatusesAndMatchesScalar() {
    OptionBatch b =
        OptionBatch.of(
            new boolean[] {true, false, true, true, false, true},
            new double[] {100, 100, Double.NaN, 100, 100, 100},
            new double[] {90, 110, 100, -5, 100, 100},
            new double[] {1, 0.5, 1, 1, -1, 0},
            new double[] {0.03, 0.03, 0.03, 0.03, 0.03, 0.03},
            new double[] {0, 0.01, 0, 0, 0, 0},
            new double[] {0.25, 0.3, 0.2, 0.2, 0.2, Double.POSITIVE_INFINITY});
    ScalarPricingBackend backend = new ScalarPricingBackend();
    double[] price = new double[6];
    byte[] status = new byte[6];
    backend.price(BatchModel.BLACK_SCHOLES, b, price, status);
    assertThat(PricingStatus.of(status[0])).isEqualTo(PricingStatus.OK);
    assertThat(price[0]).isEqualTo(BlackScholesFormulas.price(true, 100, 90, 1, 0.03, 0, 0.25));
    assertThat(PricingStatus.of(status[1])).isEqualTo(PricingStatus.OK);
    assertThat(PricingStatus.of(status[2])).isEqualTo(PricingStatus.INVALID_SPOT);
    assertThat(PricingStatus.of(status[3])).isEqualTo(PricingStatus.INVALID_STRIKE);
    assertThat(PricingStatus.of(status[4])).isEqualTo(PricingStatus.INVALID_EXPIRY);
    assertThat(PricingStatus.of(status[5])).isEqualTo(PricingStatus.INVALID_VOLATILITY);
    assertThat(price[2]).isNaN();

    GreeksBatch g = GreeksBatch.allocate(6);
    backend.priceGreeks(BatchModel.BLACK_SCHOLES, b, g);
    Greeks scalar = BlackScholesFormulas.greeks(false, 100, 110, 0.5, 0.03, 0.01, 0.3);
    assertThat(g.price()[1]).isEqualTo(scalar.price());
    assertThat(g.delta()[1]).isCloseTo(scalar.delta(), within(1e-15));
    assertThat(g.vega()[1]).isCloseTo(scalar.vega(), within(1e-13));
    assertThat(g.status(3)).isEqualTo(PricingStatus.INVALID_STRIKE);

    double[] prices = {price[0], price[1], 1, 1, 1, 1e9};
    double[] vols = new double[6];
    backend.impliedVolatility(BatchModel.BLACK_SCHOLES, b, prices, vols, status);
    assertThat(vols[0]).isCloseTo(0.25, within(1e-14));
    assertThat(vols[1]).isCloseTo(0.3, within(1e-14));
    assertThat(PricingStatus.of(status[2])).isEqualTo(PricingStatus.INVALID_SPOT);
    assertThat(PricingStatus.of(status[4])).isEqualTo(PricingStatus.INVALID_EXPIRY);
    assertThat(PricingStatus.of(status[5])).isEqualTo(PricingStatus.EXPIRED);

    backend.price(BatchModel.BACHELIER, b, price, status);
    assertThat(PricingStatus.of(status[3])).isEqualTo(PricingStatus.OK); // negative strike is fine
    assertThat(price[0]).isEqualTo(BachelierFormulas.price(true, 100, 90, 1, 0.03, 0, 0.25));
  }

  @Test
  void quoteImpliedVolsSolveEachSide() {
    double bid = BlackScholesFormulas.price(true, 100, 105, 0.5, 0.02, 0, 0.24);
    double ask = BlackScholesFormulas.price(true, 100, 105, 0.5, 0.02, 0, 0.26);
    QuoteImpliedVols q =
        QuoteImpliedVols.of(
            BlackScholesModel.INSTANCE, OptionType.CALL, 100, 105, 0.5, 0.02, 0, bid, ask);
    assertThat(q.bidVol()).isCloseTo(0.24, within(1e-13));
    assertThat(q.askVol()).isCloseTo(0.26, within(1e-13));
    assertThat(q.midVol()).isBetween(0.24, 0.26);
    assertThat(q.mid().status()).isEqualTo(PricingStatus.OK);
    QuoteImpliedVols noBid =
        QuoteImpliedVols.of(
            BlackScholesModel.INSTANCE, OptionType.CALL, 100, 105, 0.5, 0.02, 0, 0, ask);
    assertThat(noBid.bid().status()).isEqualTo(PricingStatus.NO_TIME_VALUE);
    assertThat(noBid.ask().isOk()).isTrue();
    QuoteImpliedVols crossed =
        QuoteImpliedVols.of(
            BlackScholesModel.INSTANCE, OptionType.CALL, 100, 105, 0.5, 0.02, 0, ask, bid);
    assertThat(crossed.mid().status()).isEqualTo(PricingStatus.INVALID_PRICE);
    assertThat(crossed.bid().isOk()).isTrue();
  }
}
