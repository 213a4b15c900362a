package io.github.bsoptions.pricing.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.bsoptions.pricing.PricingStatus;
import io.github.bsoptions.pricing.backend.ScalarPricingBackend;
import io.github.bsoptions.pricing.batch.BatchModel;
import io.github.bsoptions.pricing.batch.GreeksBatch;
import io.github.bsoptions.pricing.batch.OptionBatch;
import io.github.bsoptions.pricing.spi.BackendCapability;
import io.github.bsoptions.pricing.spi.PricingBackend;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BackendConformanceTest {
  private static final int[] SMALL = {1, 7, 300};

  @Test
  void scalarBackendConformsToItself() {
    ConformanceReport report = BackendConformance.check(new ScalarPricingBackend());
    assertThat(report.passed()).as(report.toString()).isTrue();
    assertThat(report.rowsChecked()).isGreaterThan(200_000);
  }

  @Test
  void detectsPriceOffByMoreThanTolerance() {
    ConformanceReport report =
        BackendConformance.check(
            new Tweaked() {
              @Override
              public void price(BatchModel m, OptionBatch b, double[] out, byte[] st) {
                super.price(m, b, out, st);
                out[b.size() / 2] *= 1 + 1e-12;
              }
            },
            Tolerances.DOUBLE,
            1,
            SMALL);
    assertThat(report.passed()).isFalse();
    assertThat(report.mismatches()).anyMatch(m -> m.column().equals("price"));
    assertThatThrownBy(report::assertPassed).isInstanceOf(AssertionError.class);
  }

  @Test
  void detectsWrongStatusOnBadRow() {
    ConformanceReport report =
        BackendConformance.check(
            new Tweaked() {
              @Override
              public void priceGreeks(BatchModel m, OptionBatch b, GreeksBatch out) {
                super.priceGreeks(m, b, out);
                for (int i = 0; i < b.size(); i++) {
                  if (out.statusCodes()[i] == PricingStatus.INVALID_STRIKE.code()) {
                    out.statusCodes()[i] = PricingStatus.INVALID_SPOT.code();
                  }
                }
              }
            },
            Tolerances.DOUBLE,
            1,
            SMALL);
    assertThat(report.mismatches()).anyMatch(m -> m.column().startsWith("status"));
  }

  @Test
  void detectsNonNanOutputOnFailedIvRow() {
    ConformanceReport report =
        BackendConformance.check(
            new Tweaked() {
              @Override
              public void impliedVolatility(
                  BatchModel m, OptionBatch b, double[] p, double[] out, byte[] st) {
                super.impliedVolatility(m, b, p, out, st);
                for (int i = 0; i < b.size(); i++) {
                  if (st[i] != PricingStatus.OK.code()) {
                    out[i] = 0;
                  }
                }
              }
            },
            Tolerances.DOUBLE,
            1,
            SMALL);
    assertThat(report.mismatches()).anyMatch(m -> m.operation().equals("iv"));
  }

  @Test
  void detectsMissingUnsupportedOperationException() {
    ConformanceReport report =
        BackendConformance.check(
            new Tweaked() {
              // Declares no Bachelier support, yet prices Bachelier rows instead of refusing them.
              @Override
              public boolean supports(BackendCapability op, BatchModel m) {
                return m != BatchModel.BACHELIER && super.supports(op, m);
              }

              @Override
              public void price(BatchModel m, OptionBatch b, double[] out, byte[] st) {
                super.price(m == BatchModel.BACHELIER ? BatchModel.BLACK_SCHOLES : m, b, out, st);
              }
            },
            Tolerances.DOUBLE,
            1,
            SMALL);
    assertThat(report.mismatches()).anyMatch(m -> m.column().contains("Unsupported"));
  }

  @Test
  void edgeRowsCoverEveryInvalidStatusAndMixedBatchesHoldThem() {
    OptionBatch edges = OptionRows.edges();
    byte[] st = new byte[edges.size()];
    new ScalarPricingBackend().price(BatchModel.BLACK_SCHOLES, edges, new double[edges.size()], st);
    assertThat(Set.of(box(st)))
        .contains(
            PricingStatus.OK.code(),
            PricingStatus.INVALID_SPOT.code(),
            PricingStatus.INVALID_STRIKE.code(),
            PricingStatus.INVALID_EXPIRY.code(),
            PricingStatus.INVALID_RATE.code(),
            PricingStatus.INVALID_DIVIDEND_YIELD.code(),
            PricingStatus.INVALID_VOLATILITY.code());
    OptionBatch mixed = OptionRows.mixed(4 * OptionRows.edgeRowCount(), 3, 0);
    int nan = 0;
    for (double s : mixed.spot()) {
      nan += Double.isNaN(s) ? 1 : 0;
    }
    assertThat(nan).isGreaterThanOrEqualTo(2);
    assertThat(OptionRows.mixed(50, 9, 0.1).spot())
        .containsExactly(OptionRows.mixed(50, 9, 0.1).spot());
  }

  @Test
  void ivPricesIncludeRefusedPrices() {
    OptionBatch b = OptionRows.random(2_000, 5);
    double[] prices =
        OptionRows.ivPrices(new ScalarPricingBackend(), BatchModel.BLACK_SCHOLES, b, 5);
    byte[] st = new byte[b.size()];
    new ScalarPricingBackend()
        .impliedVolatility(BatchModel.BLACK_SCHOLES, b, prices, new double[b.size()], st);
    assertThat(Set.of(box(st)))
        .contains(
            PricingStatus.OK.code(),
            PricingStatus.INVALID_PRICE.code(),
            PricingStatus.BELOW_INTRINSIC.code(),
            PricingStatus.ABOVE_UPPER_BOUND.code());
  }

  @Test
  void tolerancesRejectNegativeValues() {
    assertThatThrownBy(() -> new Tolerances(-1, 0, 0, 0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("priceRelative");
  }

  private static Byte[] box(byte[] a) {
    Byte[] out = new Byte[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = a[i];
    }
    return java.util.Arrays.stream(out).distinct().toArray(Byte[]::new);
  }

  /** Delegates to the scalar backend under another name, so tests can break one thing. */
  private static class Tweaked implements PricingBackend {
    private final ScalarPricingBackend delegate = new ScalarPricingBackend();

    @Override
    public String name() {
      return "tweaked";
    }

    @Override
    public Set<BackendCapability> capabilities() {
      return delegate.capabilities();
    }

    @Override
    public void price(BatchModel m, OptionBatch b, double[] out, byte[] st) {
      delegate.price(m, b, out, st);
    }

    @Override
    public void priceGreeks(BatchModel m, OptionBatch b, GreeksBatch out) {
      delegate.priceGreeks(m, b, out);
    }

    @Override
    public void impliedVolatility(
        BatchModel m, OptionBatch b, double[] p, double[] out, byte[] st) {
      delegate.impliedVolatility(m, b, p, out, st);
    }
  }
}
