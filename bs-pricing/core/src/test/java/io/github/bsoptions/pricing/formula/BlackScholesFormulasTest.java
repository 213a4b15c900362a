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
}
