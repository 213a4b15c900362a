package io.github.bsoptions.data.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import io.github.bsoptions.pricing.product.OptionType;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class OptionContractTest {
  @Test
  void parsesDocumentedForms() {
    OptionContract c = OptionContract.parse("AAPL240119C00100000");
    assertThat(c.root()).isEqualTo("AAPL");
    assertThat(c.expiration()).isEqualTo(LocalDate.of(2024, 1, 19));
    assertThat(c.type()).isEqualTo(OptionType.CALL);
    assertThat(c.strike()).isEqualTo(100.0);
    assertThat(OptionContract.parse("AAPL240426C00162500").strike()).isEqualTo(162.5);
    assertThat(OptionContract.parse("O:AAPL240119C00100000")).isEqualTo(c);
    assertThat(OptionContract.parse("AAPL  240119C00100000")).isEqualTo(c);
    assertThat(OptionContract.parse("SPXW240327P04925000").root()).isEqualTo("SPXW");
    assertThat(OptionContract.parse("AAPL1240119P00637500").strike()).isEqualTo(637.5);
    for (String bad :
        new String[] {
          "",
          "AAPL",
          "AAPL240119X00100000",
          "AAPL241319C00100000",
          "aapl240119C00100000",
          "TOOLONGX240119C00100000",
          "AAPL240119C0010000A",
          "AAPL240230C00100000"
        }) {
      assertThatThrownBy(() -> OptionContract.parse(bad))
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(
            () -> OptionContract.of("A", LocalDate.of(2024, 1, 19), OptionType.PUT, 1.0005))
        .hasMessageContaining("3 decimals");
  }

  @Test
  void printAndParseRoundTrip() {
    qt().withFixedSeed(20260101L)
        .withExamples(20_000)
        .forAll(
            integers().between(1, 99_999_999),
            integers().between(0, 36_000),
            integers().between(0, 1))
        .checkAssert(
            (thousandths, day, put) -> {
              OptionContract c =
                  OptionContract.of(
                      "SPY",
                      LocalDate.of(2000, 1, 1).plusDays(day),
                      put == 1 ? OptionType.PUT : OptionType.CALL,
                      thousandths / 1000.0);
              assertThat(OptionContract.parse(c.symbol())).isEqualTo(c);
              assertThat(c.symbol()).hasSize(18);
            });
  }
}
