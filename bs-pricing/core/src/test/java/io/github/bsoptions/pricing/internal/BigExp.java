package io.github.bsoptions.pricing.internal;

import java.math.BigDecimal;
import java.math.MathContext;

/** The tests' high-precision reference exponential. */
final class BigExp {
  private BigExp() {}

  /**
   * Returns {@code e^x} in {@code mc}: {@code (e^{x / 2^halvings})^{2^halvings}}, with {@code
   * terms} terms of the Taylor series inside.
   */
  static BigDecimal exp(BigDecimal x, MathContext mc, int halvings, int terms) {
    BigDecimal b = x.divide(BigDecimal.valueOf(1L << halvings), mc);
    BigDecimal sum = BigDecimal.ONE;
    BigDecimal term = BigDecimal.ONE;
    for (int n = 1; n < terms; n++) {
      term = term.multiply(b, mc).divide(BigDecimal.valueOf(n), mc);
      sum = sum.add(term, mc);
    }
    for (int i = 0; i < halvings; i++) {
      sum = sum.multiply(sum, mc);
    }
    return sum;
  }
}
