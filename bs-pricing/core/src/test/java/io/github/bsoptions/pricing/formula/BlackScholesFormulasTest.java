package io.github.bsoptions.pricing.formula;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BlackScholesFormulasTest {

  @Test
  void hullTextbookValues() {
    // Hull, Options, Futures and Other Derivatives, Example 15.6: call 4.76, put 0.81.
    assertThat(BlackScholesFormulas.price(true, 42, 40, 0.5, 0.10, 0, 0.20))
        .isCloseTo(4.759422392871532, within(1e-13));
    assertThat(BlackScholesFormulas.price(false, 42, 40, 0.5, 0.10, 0, 0.20))
        .isCloseTo(0.8085993729000922, within(1e-13));
  }

  @Test
  void badInputNamesTheFieldAndValue() {
    assertThatThrownBy(() -> BlackScholesFormulas.price(true, Double.NaN, 40, 0.5, 0.1, 0, 0.2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("spot")
        .hasMessageContaining("NaN");
    assertThatThrownBy(() -> BlackScholesFormulas.price(true, 42, -1, 0.5, 0.1, 0, 0.2))
        .hasMessageContaining("strike")
        .hasMessageContaining("-1.0");
  }

  @Test
  void everyInvalidFieldIsCaughtByTheCombinedCheck() {
    double[] valid = {42, 40, 0.5, 0.1, 0.02, 0.2};
    String[] names = {"spot", "strike", "expiry", "rate", "dividend", "vol"};
    double[] bad = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -1e-300};
    for (int field = 0; field < valid.length; field++) {
      for (double value : bad) {
        if (value == -1e-300 && (field == 3 || field == 4)) {
          continue; // negative rates and dividend yields are valid
        }
        double[] in = valid.clone();
        in[field] = value;
        assertThatThrownBy(
                () -> BlackScholesFormulas.price(true, in[0], in[1], in[2], in[3], in[4], in[5]))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining(names[field])
            .hasMessageContaining(String.valueOf(value));
        double[] out = new double[6];
        assertThatThrownBy(
                () ->
                    BlackScholesFormulas.priceAndFirstOrderGreeks(
                        false, in[0], in[1], in[2], in[3], in[4], in[5], out, 0))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining(names[field]);
      }
    }
  }

  @Test
  void inputsTheCombinedCheckDefersAreStillPriced() {
    // -0.0 sets a sign bit but is a valid zero; finite inputs whose sum overflows are valid too.
    assertThat(BlackScholesFormulas.price(true, 42, 40, 0.5, 0.1, 0, -0.0))
        .isEqualTo(BlackScholesFormulas.price(true, 42, 40, 0.5, 0.1, 0, 0.0));
    assertThat(BlackScholesFormulas.price(false, -0.0, 40, 0.5, 0.1, 0, 0.2))
        .isEqualTo(BlackScholesFormulas.price(false, 0.0, 40, 0.5, 0.1, 0, 0.2));
    double huge = 1e308;
    assertThat(BlackScholesFormulas.price(true, huge, huge, 0.5, 0.01, 0, 0.2))
        .isCloseTo(huge * BlackScholesFormulas.price(true, 1, 1, 0.5, 0.01, 0, 0.2), within(1e295));
  }
}
