package io.github.bsoptions.pricing.simd;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bsoptions.pricing.PricingStatus;
import io.github.bsoptions.pricing.backend.ScalarPricingBackend;
import io.github.bsoptions.pricing.batch.BatchModel;
import io.github.bsoptions.pricing.batch.OptionBatch;
import io.github.bsoptions.pricing.testkit.BackendConformance;
import io.github.bsoptions.pricing.testkit.ConformanceReport;
import io.github.bsoptions.pricing.testkit.OptionRows;
import io.github.bsoptions.pricing.testkit.Tolerances;
import org.junit.jupiter.api.Test;

class SimdConformanceTest {

  @Test
  void passesTheBackendConformanceSuite() {
    ConformanceReport report = BackendConformance.check(new SimdPricingBackend());
    assertThat(report.passed()).as(report.toString()).isTrue();
  }

  @Test
  void passesWithAnotherSeedOnLongerOddBatches() {
    ConformanceReport report =
        BackendConformance.check(new SimdPricingBackend(), Tolerances.DOUBLE, 99, 5, 4_099);
    assertThat(report.passed()).as(report.toString()).isTrue();
  }

  @Test
  void singleThreadedPathGivesTheSameResults() {
    String old = System.getProperty(ScalarPricingBackend.THREADS_PROPERTY);
    System.setProperty(ScalarPricingBackend.THREADS_PROPERTY, "1");
    try {
      ConformanceReport report =
          BackendConformance.check(new SimdPricingBackend(), Tolerances.DOUBLE, 5, 20_000);
      assertThat(report.passed()).as(report.toString()).isTrue();
    } finally {
      if (old == null) {
        System.clearProperty(ScalarPricingBackend.THREADS_PROPERTY);
      } else {
        System.setProperty(ScalarPricingBackend.THREADS_PROPERTY, old);
      }
    }
  }

  @Test
  void priceMatchesScalarToOneEMinus14RelativeAboveOnePercentOfNotional() {
    // 1e-14 relative on price wherever the price is at least 1% of S + K (measured: 8e-15).
    // Below that both backends' prices are cancellation remainders and agree to 2e-15 (S + K).
    OptionBatch b = OptionRows.random(20_000, 17);
    double[] e = new double[b.size()];
    double[] a = new double[b.size()];
    byte[] st = new byte[b.size()];
    new ScalarPricingBackend().price(BatchModel.BLACK_SCHOLES, b, e, st);
    new SimdPricingBackend().price(BatchModel.BLACK_SCHOLES, b, a, st);
    double worst = 0;
    for (int i = 0; i < b.size(); i++) {
      assertThat(st[i]).isEqualTo(PricingStatus.OK.code());
      if (e[i] >= 1e-2 * (b.spot()[i] + b.strike()[i])) {
        worst = Math.max(worst, Math.abs(a[i] - e[i]) / e[i]);
      }
    }
    assertThat(worst).isLessThanOrEqualTo(1e-14);
  }

  @Test
  void ivAgreesWithScalarBitForBit() {
    OptionBatch b = OptionRows.random(4_096, 23);
    double[] prices = new double[b.size()];
    byte[] st = new byte[b.size()];
    new ScalarPricingBackend().price(BatchModel.BLACK_SCHOLES, b, prices, st);
    double[] e = new double[b.size()];
    double[] a = new double[b.size()];
    byte[] es = new byte[b.size()];
    byte[] as = new byte[b.size()];
    new ScalarPricingBackend().impliedVolatility(BatchModel.BLACK_SCHOLES, b, prices, e, es);
    new SimdPricingBackend().impliedVolatility(BatchModel.BLACK_SCHOLES, b, prices, a, as);
    assertThat(as).containsExactly(es);
    int ok = 0;
    int close = 0;
    for (int i = 0; i < b.size(); i++) {
      if (es[i] == PricingStatus.OK.code()) {
        ok++;
        close += Math.abs(a[i] - b.volatility()[i]) <= 1e-8 * b.volatility()[i] ? 1 : 0;
      }
    }
    // Well-conditioned rows recover the volatility the prices were made with.
    assertThat(ok).isGreaterThan(1_500);
    assertThat(close).isGreaterThan(ok * 9 / 10);
  }
}
