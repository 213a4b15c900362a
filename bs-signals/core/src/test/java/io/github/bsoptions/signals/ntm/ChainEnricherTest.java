package io.github.bsoptions.signals.ntm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.bsoptions.data.model.EnrichedOption;
import io.github.bsoptions.pricing.product.OptionType;
import io.github.bsoptions.signals.testing.ChainFixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChainEnricherTest {

  @Test
  void enrich_recoversForwardSmileAndGreeks() {
    List<EnrichedOption> rows = ChainFixtures.enriched(0.25);
    assertThat(rows).isNotEmpty();
    for (EnrichedOption o : rows) {
      double f = ChainFixtures.SPOT * Math.exp(ChainFixtures.RATE * o.expiryYears());
      assertThat(o.forward()).isCloseTo(f, within(1e-6 * f));
      double x = Math.log(o.contract().strike() / f);
      if (o.mid() > 0.5) {
        assertThat(o.impliedVolatility()).isCloseTo(ChainFixtures.smile(0.25, x), within(1e-6));
      }
      if (o.contract().type() == OptionType.CALL) {
        assertThat(o.delta()).isBetween(0.0, 1.0);
      } else {
        assertThat(o.delta()).isBetween(-1.0, 0.0);
      }
      assertThat(o.vega()).isPositive();
      assertThat(o.spreadFraction()).isPositive();
    }
  }

  @Test
  void years_countsToFourPmNewYork() {
    double t = ChainEnricher.years(java.time.LocalDate.of(2026, 1, 5), ChainFixtures.AS_OF);
    // 15:00Z is 10:00 New York in January: six hours to the close.
    assertThat(t).isCloseTo(6.0 / (365 * 24), within(1e-12));
  }
}
