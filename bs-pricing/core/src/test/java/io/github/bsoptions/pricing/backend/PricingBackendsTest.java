package io.github.bsoptions.pricing.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.bsoptions.pricing.PricingStatus;
import io.github.bsoptions.pricing.batch.BatchModel;
import io.github.bsoptions.pricing.batch.OptionBatch;
import io.github.bsoptions.pricing.formula.BlackScholesFormulas;
import io.github.bsoptions.pricing.spi.BackendCapability;
import io.github.bsoptions.pricing.spi.PricingBackend;
import org.junit.jupiter.api.Test;

class PricingBackendsTest {

  @Test
  void autoBuildsWithoutRecursiveMapUpdateAndIsCached() {
    // Regression: auto() used a computeIfAbsent whose mapping function filled the same map,
    // which threw "Recursive update" and skipped the scalar backend.
    PricingBackend auto = PricingBackends.auto();
    assertThat(auto.name()).isEqualTo("auto");
    assertThat(PricingBackends.auto()).isSameAs(auto);
    assertThat(PricingBackends.named("AUTO")).isSameAs(auto);
    assertThat(auto).isInstanceOf(AutoPricingBackend.class);
    PricingBackend routed =
        ((AutoPricingBackend) auto)
            .route(BackendCapability.BATCH_PRICE, BatchModel.BLACK_SCHOLES, 1);
    assertThat(routed.name()).isEqualTo("scalar");
    // The scalar backend discovered by auto is the same instance named() hands out.
    assertThat(PricingBackends.scalar()).isSameAs(routed);
  }

  @Test
  void autoPricesABatch() {
    OptionBatch b =
        OptionBatch.of(
            new boolean[] {true, false},
            new double[] {42, 42},
            new double[] {40, 40},
            new double[] {0.5, 0.5},
            new double[] {0.1, 0.1},
            new double[] {0, 0},
            new double[] {0.2, Double.NaN});
    double[] price = new double[2];
    byte[] status = new byte[2];
    PricingBackends.auto().price(BatchModel.BLACK_SCHOLES, b, price, status);
    assertThat(PricingStatus.of(status[0])).isEqualTo(PricingStatus.OK);
    assertThat(price[0]).isEqualTo(BlackScholesFormulas.price(true, 42, 40, 0.5, 0.1, 0, 0.2));
    assertThat(PricingStatus.of(status[1])).isEqualTo(PricingStatus.INVALID_VOLATILITY);
    assertThat(price[1]).isNaN();
  }

  @Test
  void describeListsScalarAsAvailable() {
    assertThat(PricingBackends.describe())
        .anySatisfy(
            i -> {
              assertThat(i.name()).isEqualTo("scalar");
              assertThat(i.availability().available()).isTrue();
            });
  }

  @Test
  void unknownNameIsAnError() {
    assertThatThrownBy(() -> PricingBackends.named("quantum"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("quantum")
        .hasMessageContaining("scalar");
  }
}
