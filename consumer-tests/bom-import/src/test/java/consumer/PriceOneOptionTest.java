package consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bsoptions.pricing.formula.BlackScholesFormulas;
import io.github.bsoptions.pricing.formula.ImpliedVolResult;
import org.junit.jupiter.api.Test;

class PriceOneOptionTest {

  @Test
  void pricesHullsTextbookCallAndSolvesItsVolatility() {
    // Hull, Options, Futures and Other Derivatives: S=42, K=40, r=10%, sigma=20%, T=0.5.
    double call = BlackScholesFormulas.price(true, 42, 40, 0.5, 0.10, 0, 0.20);
    assertEquals(4.759422392871532, call, 1e-12);
    ImpliedVolResult iv = BlackScholesFormulas.impliedVolatility(true, 42, 40, 0.5, 0.10, 0, call);
    assertTrue(iv.isOk(), iv.toString());
    assertEquals(0.20, iv.volatility(), 1e-13);
  }
}
