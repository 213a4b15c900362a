package io.github.bsoptions.signals.ntm;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bsoptions.data.model.EnrichedOption;
import io.github.bsoptions.signals.testing.ChainFixtures;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuoteAnomaliesTest {

  @Test
  void cleanChain_hasNoAnomalies() {
    assertThat(QuoteAnomalies.detect(ChainFixtures.enriched(0.25), 6)).isEmpty();
  }

  @Test
  void ivJumpAndSpreadBlowout_areFlagged() {
    List<EnrichedOption> rows = new ArrayList<>(ChainFixtures.enriched(0.25));
    int i = rows.size() / 3;
    EnrichedOption o = rows.get(i);
    rows.set(i, copy(o, o.impliedVolatility() + 0.08, o.spreadFraction()));
    int j =
        rows.indexOf(
            rows.stream()
                .filter(x -> Math.abs(x.delta()) > 0.4 && Math.abs(x.delta()) < 0.6)
                .findFirst()
                .orElseThrow());
    EnrichedOption p = rows.get(j);
    rows.set(j, copy(p, p.impliedVolatility(), 0.9));
    List<QuoteAnomalies.Anomaly> a = QuoteAnomalies.detect(rows, 6);
    assertThat(a)
        .anyMatch(x -> x.kind() == QuoteAnomalies.Kind.IV_JUMP && x.option().equals(rows.get(i)));
    assertThat(a)
        .anyMatch(
            x -> x.kind() == QuoteAnomalies.Kind.SPREAD_BLOWOUT && x.option().equals(rows.get(j)));
  }

  private static EnrichedOption copy(EnrichedOption o, double iv, double spread) {
    return new EnrichedOption(
        o.contract(),
        o.underlyingPrice(),
        o.forward(),
        o.expiryYears(),
        o.bid(),
        o.ask(),
        o.mid(),
        spread,
        o.volume(),
        o.openInterest(),
        iv,
        o.delta(),
        o.gamma(),
        o.theta(),
        o.vega(),
        o.greeksSource(),
        o.quoteTime());
  }
}
