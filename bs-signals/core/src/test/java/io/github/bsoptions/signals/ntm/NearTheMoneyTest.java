package io.github.bsoptions.signals.ntm;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bsoptions.data.model.EnrichedOption;
import io.github.bsoptions.signals.testing.ChainFixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class NearTheMoneyTest {

  @Test
  void select_keepsOnlyContractsInsideEveryBand() {
    List<EnrichedOption> all = ChainFixtures.enriched(0.25);
    NtmCriteria c = NtmCriteria.DEFAULT.withDeltaBand(0.3, 0.7);
    List<EnrichedOption> ntm = NearTheMoney.select(all, c);
    assertThat(ntm).isNotEmpty().hasSizeLessThan(all.size());
    for (EnrichedOption o : ntm) {
      assertThat(Math.abs(o.delta())).isBetween(0.3, 0.7);
      assertThat(Math.abs(o.logMoneyness())).isLessThanOrEqualTo(0.15);
      assertThat(o.spreadFraction()).isLessThanOrEqualTo(0.10);
    }
    assertThat(all.stream().filter(o -> NearTheMoney.check(o, c) == NtmRejection.DELTA_OUT_OF_BAND))
        .isNotEmpty();
  }

  @Test
  void check_namesTheFailedTest() {
    EnrichedOption o = ChainFixtures.enriched(0.25).get(0);
    assertThat(NearTheMoney.check(o, NtmCriteria.DEFAULT.withLiquidity(1e-6, 0, 0)))
        .isIn(
            NtmRejection.WIDE_SPREAD,
            NtmRejection.MONEYNESS_OUT_OF_BAND,
            NtmRejection.DELTA_OUT_OF_BAND);
    EnrichedOption atm =
        ChainFixtures.enriched(0.25).stream()
            .filter(x -> Math.abs(x.logMoneyness()) < 0.02 && x.expiryYears() < 0.1)
            .findFirst()
            .orElseThrow();
    assertThat(NearTheMoney.check(atm, NtmCriteria.DEFAULT)).isEqualTo(NtmRejection.NONE);
    assertThat(NearTheMoney.check(atm, NtmCriteria.DEFAULT.withLiquidity(0.1, 1_000_000, 0)))
        .isEqualTo(NtmRejection.LOW_VOLUME);
    assertThat(NearTheMoney.check(atm, NtmCriteria.DEFAULT.withLiquidity(0.1, 0, 1_000_000)))
        .isEqualTo(NtmRejection.LOW_OPEN_INTEREST);
    assertThat(NearTheMoney.check(atm, NtmCriteria.DEFAULT.withExpiryRange(0.5, 1)))
        .isEqualTo(NtmRejection.EXPIRY_OUT_OF_RANGE);
  }
}
