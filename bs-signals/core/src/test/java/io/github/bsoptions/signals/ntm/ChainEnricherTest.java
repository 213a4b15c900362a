package io.github.bsoptions.signals.ntm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.bsoptions.data.model.EnrichedOption;
import io.github.bsoptions.data.model.OptionChain;
import io.github.bsoptions.data.model.OptionChainQuery;
import io.github.bsoptions.data.model.OptionContract;
import io.github.bsoptions.data.model.OptionSnapshot;
import io.github.bsoptions.data.model.Quote;
import io.github.bsoptions.data.sim.SimulatedMarket;
import io.github.bsoptions.data.sim.SimulationConfig;
import io.github.bsoptions.pricing.backend.PricingBackends;
import io.github.bsoptions.pricing.product.OptionType;
import io.github.bsoptions.pricing.spi.PricingBackend;
import io.github.bsoptions.signals.testing.ChainFixtures;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Random;
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

  /** Five ticks of a seeded simulated market (SPY, 7 expiries x 41 strikes x call/put). */
  private static List<OptionChain> simulatedTicks(int strikes) {
    List<OptionChain> out = new ArrayList<>();
    try (SimulatedMarket m =
        SimulatedMarket.create(
            SimulationConfig.builder()
                .seed(11)
                .underlying("SPY", 500, 0.2)
                .strikesPerExpiry(strikes)
                .providerGreeks(false)
                .build())) {
      for (int i = 0; i < 5; i++) {
        m.advance(7);
        out.add(m.optionChain(OptionChainQuery.all("SPY")));
      }
    }
    return out;
  }

  private static void assertSameRows(List<EnrichedOption> got, List<EnrichedOption> want) {
    assertThat(got).hasSameSizeAs(want);
    for (int i = 0; i < want.size(); i++) {
      EnrichedOption g = got.get(i);
      EnrichedOption w = want.get(i);
      assertThat(g.contract()).isEqualTo(w.contract());
      assertThat(g.forward()).isCloseTo(w.forward(), within(1e-12 * w.forward()));
      assertThat(Double.valueOf(g.expiryYears())).isEqualTo(Double.valueOf(w.expiryYears()));
      assertThat(Double.valueOf(g.mid())).isEqualTo(Double.valueOf(w.mid()));
      assertThat(Double.valueOf(g.bid())).isEqualTo(Double.valueOf(w.bid()));
      assertThat(Double.valueOf(g.ask())).isEqualTo(Double.valueOf(w.ask()));
      assertThat(Double.valueOf(g.spreadFraction())).isEqualTo(Double.valueOf(w.spreadFraction()));
      assertThat(g.volume()).isEqualTo(w.volume());
      assertThat(g.openInterest()).isEqualTo(w.openInterest());
      assertThat(g.quoteTime()).isEqualTo(w.quoteTime());
      if (Double.isNaN(w.impliedVolatility())) {
        assertThat(g.impliedVolatility()).as("iv of %s", w.symbol()).isNaN();
        assertThat(g.delta()).isNaN();
        assertThat(g.gamma()).isNaN();
        assertThat(g.vega()).isNaN();
        assertThat(g.theta()).isNaN();
        continue;
      }
      assertThat(g.impliedVolatility())
          .as("iv of %s", w.symbol())
          .isCloseTo(w.impliedVolatility(), within(1e-9 * w.impliedVolatility()));
      assertThat(g.delta()).isCloseTo(w.delta(), within(1e-9));
      assertThat(g.gamma()).isCloseTo(w.gamma(), within(1e-9 * Math.abs(w.gamma()) + 1e-15));
      assertThat(g.vega()).isCloseTo(w.vega(), within(1e-9 * Math.abs(w.vega()) + 1e-12));
      assertThat(g.theta()).isCloseTo(w.theta(), within(1e-9 * Math.abs(w.theta()) + 1e-12));
    }
  }

  @Test
  void enrich_matchesRowByRowReference_onEveryBackend() {
    List<OptionChain> ticks = simulatedTicks(41);
    for (PricingBackend backend : List.of(PricingBackends.scalar(), PricingBackends.auto())) {
      for (OptionChain chain : ticks) {
        double rate = 0.04;
        List<EnrichedOption> want = ReferenceChainEnricher.enrich(chain, rate, 0, chain.asOf());
        assertThat(want).isNotEmpty();
        assertThat(want).anyMatch(o -> o.impliedVolatility() > 0);
        assertSameRows(ChainEnricher.enrich(chain, rate, 0, chain.asOf(), backend), want);
      }
    }
  }

  @Test
  void enrich_reusesItsWorkspaceAcrossChainsOfOtherSizes() {
    List<OptionChain> big = simulatedTicks(61);
    OptionChain small = ChainFixtures.chain(0.25);
    List<EnrichedOption> smallAlone = ReferenceChainEnricher.enrich(small, 0.03, 0, small.asOf());
    for (OptionChain chain : big) {
      assertSameRows(
          ChainEnricher.enrich(chain, 0.04, 0, chain.asOf()),
          ReferenceChainEnricher.enrich(chain, 0.04, 0, chain.asOf()));
      assertSameRows(ChainEnricher.enrich(small, 0.03, 0, small.asOf()), smallAlone);
    }
  }

  @Test
  void enrich_doesNotDependOnRowOrder() {
    OptionChain chain = simulatedTicks(41).get(2);
    List<OptionSnapshot> shuffled = new ArrayList<>(chain.options());
    Collections.shuffle(shuffled, new Random(5));
    OptionChain mixed =
        new OptionChain(
            chain.underlying(), chain.underlyingPrice(), chain.asOf(), shuffled, chain.source());
    Comparator<EnrichedOption> bySymbol = Comparator.comparing(EnrichedOption::symbol);
    List<EnrichedOption> a = new ArrayList<>(ChainEnricher.enrich(chain, 0.04, 0, chain.asOf()));
    List<EnrichedOption> b = new ArrayList<>(ChainEnricher.enrich(mixed, 0.04, 0, chain.asOf()));
    a.sort(bySymbol);
    b.sort(bySymbol);
    assertSameRows(b, a);
  }

  @Test
  void enrich_dropsExpiredRows_andLeavesUnquotedRowsWithoutVolatility() {
    Instant asOf = Instant.parse("2026-01-06T15:00:00Z"); // 10:00 New York
    LocalDate expired = LocalDate.of(2026, 1, 5);
    LocalDate live = LocalDate.of(2026, 2, 20);
    List<OptionSnapshot> rows = new ArrayList<>();
    rows.add(row(expired, OptionType.CALL, 100, 2.0, 2.2, asOf));
    rows.add(row(live, OptionType.CALL, 100, 4.0, 4.2, asOf));
    rows.add(row(live, OptionType.PUT, 100, 3.6, 3.8, asOf));
    rows.add(row(live, OptionType.CALL, 110, 0, 0.5, asOf)); // one-sided: no mid
    rows.add(unquoted(live, OptionType.PUT, 110));
    rows.add(row(expired, OptionType.PUT, 100, 1.0, 1.1, asOf));
    OptionChain chain = new OptionChain("XYZ", OptionalDouble.of(100), asOf, rows, "test");

    List<EnrichedOption> out = ChainEnricher.enrich(chain, 0.03, 0, asOf);

    assertThat(out)
        .extracting(o -> o.contract().strike() + " " + o.contract().type())
        .containsExactly("100.0 CALL", "100.0 PUT", "110.0 CALL", "110.0 PUT");
    double t = ChainEnricher.years(live, asOf);
    double parity = 100 + Math.exp(0.03 * t) * (4.1 - 3.7);
    assertThat(out).allSatisfy(o -> assertThat(o.forward()).isCloseTo(parity, within(1e-12)));
    assertThat(out.get(0).impliedVolatility()).isPositive();
    assertThat(out.get(1).impliedVolatility()).isPositive();
    for (EnrichedOption o : out.subList(2, 4)) {
      assertThat(o.mid()).isNaN();
      assertThat(o.impliedVolatility()).isNaN();
      assertThat(o.delta()).isNaN();
      assertThat(o.vega()).isNaN();
    }
    assertThat(out.get(3).quoteTime()).isEqualTo(asOf);
    assertSameRows(out, ReferenceChainEnricher.enrich(chain, 0.03, 0, asOf));
  }

  @Test
  void enrich_withoutParityPair_usesCarryForward() {
    Instant asOf = Instant.parse("2026-01-06T15:00:00Z");
    LocalDate live = LocalDate.of(2026, 3, 20);
    List<OptionSnapshot> rows = List.of(row(live, OptionType.CALL, 105, 2.0, 2.2, asOf));
    OptionChain chain = new OptionChain("XYZ", OptionalDouble.of(100), asOf, rows, "test");
    EnrichedOption o = ChainEnricher.enrich(chain, 0.03, 0.01, asOf).get(0);
    double t = ChainEnricher.years(live, asOf);
    assertThat(o.forward()).isCloseTo(100 * Math.exp(0.02 * t), within(1e-12));
    assertSameRows(List.of(o), ReferenceChainEnricher.enrich(chain, 0.03, 0.01, asOf));
  }

  private static OptionSnapshot row(
      LocalDate exp, OptionType type, double k, double bid, double ask, Instant at) {
    return new OptionSnapshot(
        OptionContract.of("XYZ", exp, type, k),
        Optional.of(new Quote("X", bid, ask, 1, 1, at)),
        Optional.empty(),
        OptionalDouble.empty(),
        Optional.empty(),
        10,
        OptionalLong.of(30));
  }

  private static OptionSnapshot unquoted(LocalDate exp, OptionType type, double k) {
    return new OptionSnapshot(
        OptionContract.of("XYZ", exp, type, k),
        Optional.empty(),
        Optional.empty(),
        OptionalDouble.empty(),
        Optional.empty(),
        0,
        OptionalLong.empty());
  }
}
