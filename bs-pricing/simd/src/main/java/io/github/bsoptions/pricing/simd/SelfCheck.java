package io.github.bsoptions.pricing.simd;

import io.github.bsoptions.pricing.backend.ScalarPricingBackend;
import io.github.bsoptions.pricing.batch.BatchModel;
import io.github.bsoptions.pricing.batch.OptionBatch;
import io.github.bsoptions.pricing.spi.Availability;

/** The start-up self-check: vector shape, and one small batch against the scalar reference. */
final class SelfCheck {
  private static final int ROWS = 64;

  private SelfCheck() {}

  static Availability run() {
    int lanes = SimdPricingBackend.lanes();
    if (lanes < 2) {
      return Availability.unavailable(
          "no SIMD: DoubleVector.SPECIES_PREFERRED holds " + lanes + " double");
    }
    OptionBatch b = OptionBatch.allocate(ROWS);
    for (int i = 0; i < ROWS; i++) {
      b.call()[i] = (i & 1) == 0;
      b.spot()[i] = 100;
      b.strike()[i] = 60 + i;
      b.expiry()[i] = 0.05 + i * 0.03;
      b.rate()[i] = 0.03;
      b.dividendYield()[i] = 0.01;
      b.volatility()[i] = 0.1 + i * 0.01;
    }
    double[] expected = new double[ROWS];
    double[] actual = new double[ROWS];
    byte[] st = new byte[ROWS];
    new ScalarPricingBackend().price(BatchModel.BLACK_SCHOLES, b, expected, st);
    SimdKernels.priceRange(BatchModel.BLACK_SCHOLES, b, actual, st, 0, ROWS);
    for (int i = 0; i < ROWS; i++) {
      if (!(Math.abs(actual[i] - expected[i]) <= 1e-12 * (1 + Math.abs(expected[i])))) {
        return Availability.unavailable(
            "self-check failed: row " + i + " price " + actual[i] + " vs scalar " + expected[i]);
      }
    }
    return Availability.available(
        "Vector API, "
            + lanes
            + " doubles per vector ("
            + VectorMath.SPECIES.vectorBitSize()
            + " bits)");
  }
}
