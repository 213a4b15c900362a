package io.github.bsoptions.data.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.bsoptions.data.error.DataException;
import io.github.bsoptions.data.model.Bar;
import io.github.bsoptions.data.model.OptionChain;
import io.github.bsoptions.data.model.OptionChainQuery;
import io.github.bsoptions.data.model.OptionContract;
import io.github.bsoptions.data.model.OptionSnapshot;
import io.github.bsoptions.data.model.Quote;
import io.github.bsoptions.data.model.Timeframe;
import io.github.bsoptions.data.model.Trade;
import io.github.bsoptions.data.spi.StreamListener;
import io.github.bsoptions.data.spi.StreamRequest;
import io.github.bsoptions.data.spi.Subscription;
import io.github.bsoptions.pricing.product.OptionType;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SimulatedMarketTest {

  private static SimulationConfig config(long seed) {
    return SimulationConfig.builder()
        .seed(seed)
        .underlying("SPY", 500, 0.18)
        .underlying("AAPL", 190, 0.28)
        .build();
  }

  @Test
  void sameSeedGivesIdenticalDataAndQueriesDoNotChangeThePath() {
    SimulatedMarket a = SimulatedMarket.create(config(7));
    SimulatedMarket b = SimulatedMarket.create(config(7));
    for (int i = 0; i < 200; i++) {
      a.advance();
      b.advance();
      a.optionChain(OptionChainQuery.all("SPY")); // queried only on a
      a.latestStockQuote("AAPL");
    }
    assertThat(a.spot("SPY")).isEqualTo(b.spot("SPY"));
    assertThat(a.optionChain(OptionChainQuery.all("AAPL")))
        .isEqualTo(b.optionChain(OptionChainQuery.all("AAPL")));
    SimulatedMarket c = SimulatedMarket.create(config(8));
    c.advance(200);
    assertThat(c.spot("SPY")).isNotEqualTo(a.spot("SPY"));
  }

  @Test
  void startsAtConfiguredSpotAndSession() {
    SimulatedMarket m = SimulatedMarket.create(config(1));
    assertThat(m.spot("SPY")).isEqualTo(500.0);
    ZonedDateTime z = m.now().atZone(SimulationConfig.NEW_YORK);
    assertThat(z.toLocalTime()).isEqualTo(LocalTime.of(9, 30));
    assertThat(z.getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
  }

  @Test
  void clockSkipsNightsAndWeekends() {
    SimulatedMarket m = SimulatedMarket.create(config(1));
    assertThat(m.advanceToClose()).isEqualTo(390);
    assertThat(m.now().atZone(SimulationConfig.NEW_YORK).toLocalTime())
        .isEqualTo(LocalTime.of(16, 0));
    m.advance();
    ZonedDateTime z = m.now().atZone(SimulationConfig.NEW_YORK);
    assertThat(z.toLocalTime()).isEqualTo(LocalTime.of(9, 30));
    assertThat(z.getDayOfWeek()).isEqualTo(DayOfWeek.TUESDAY);
    for (int i = 0; i < 4; i++) {
      m.advanceToClose();
    }
    m.advance();
    assertThat(m.now().atZone(SimulationConfig.NEW_YORK).getDayOfWeek())
        .isEqualTo(DayOfWeek.MONDAY);
  }

  @Test
  void chainIsCompleteSortedAndTwoSidedNearTheMoney() {
    SimulatedMarket m = SimulatedMarket.create(config(3));
    m.advance(60);
    OptionChain chain = m.optionChain(OptionChainQuery.all("SPY"));
    assertThat(chain.source()).isEqualTo("simulated");
    assertThat(chain.options()).hasSize(7 * 41 * 2);
    assertThat(chain.options())
        .isSortedAccordingTo(
            Comparator.comparing((OptionSnapshot s) -> s.contract().expiration())
                .thenComparingDouble(s -> s.contract().strike())
                .thenComparing(s -> s.contract().type()));
    for (OptionSnapshot s : chain.options()) {
      Quote q = s.quote().orElseThrow();
      assertThat(q.ask()).isGreaterThanOrEqualTo(q.bid());
      assertThat(q.symbol()).isEqualTo(s.symbol());
      assertThat(OptionContract.parse(s.symbol())).isEqualTo(s.contract());
      if (Math.abs(s.contract().strike() / m.spot("SPY") - 1) < 0.02) {
        assertThat(q.isTwoSided()).isTrue();
        assertThat(q.spreadFraction()).isLessThan(0.25);
        assertThat(s.openInterest().getAsLong()).isPositive();
      }
    }
  }

  @Test
  void surfaceHasPutSkewAndQuotesBracketBlackScholesValue() {
    SimulatedMarket m = SimulatedMarket.create(config(3));
    LocalDate exp = m.listedExpiries().get(5);
    double s = m.spot("SPY");
    double down = m.impliedVolatility("SPY", exp, Math.round(s * 0.9));
    double atm = m.impliedVolatility("SPY", exp, Math.round(s));
    double up = m.impliedVolatility("SPY", exp, Math.round(s * 1.1));
    assertThat(down).isGreaterThan(atm);
    assertThat(atm).isGreaterThan(up);
    assertThat(atm).isCloseTo(0.18, within(0.03));
    OptionChain chain =
        m.optionChain(
            OptionChainQuery.all("SPY").withExpirations(exp, exp).withType(OptionType.CALL));
    for (OptionSnapshot o : chain.options()) {
      double iv = o.impliedVolatility().orElseThrow();
      assertThat(iv)
          .isCloseTo(m.impliedVolatility("SPY", exp, o.contract().strike()), within(1e-12));
      assertThat(o.greeks()).isPresent();
      assertThat(o.greeks().get().delta()).isBetween(0.0, 1.0);
    }
  }

  @Test
  void putCallParityHoldsOnMids() {
    SimulatedMarket m = SimulatedMarket.create(config(5));
    LocalDate exp = m.listedExpiries().get(6);
    double s = m.spot("SPY");
    double k = 500;
    List<Quote> q =
        m.latestOptionQuotes(
            List.of(
                OptionContract.of("SPY", exp, OptionType.CALL, k).symbol(),
                OptionContract.of("SPY", exp, OptionType.PUT, k).symbol()));
    double t =
        Duration.between(m.now(), exp.atTime(16, 0).atZone(SimulationConfig.NEW_YORK).toInstant())
                .toSeconds()
            / (365.0 * 86400);
    double parity = s - k * Math.exp(-0.04 * t);
    assertThat(q.get(0).mid() - q.get(1).mid()).isCloseTo(parity, within(0.15));
  }

  @Test
  void filtersApply() {
    SimulatedMarket m = SimulatedMarket.create(config(3));
    LocalDate exp = m.listedExpiries().get(0);
    List<OptionContract> cs =
        m.optionContracts(
            OptionChainQuery.all("SPY")
                .withExpirations(exp, exp)
                .withStrikes(495, 505)
                .withType(OptionType.PUT));
    assertThat(cs).hasSize(3); // 495, 500, 505 with $5 strikes
    assertThat(cs).allMatch(c -> c.type() == OptionType.PUT && c.expiration().equals(exp));
  }

  @Test
  void sameDayExpiryHasNoProviderGreeksAndExpiredContractIsNotFound() {
    // 2026-01-09 is a Friday: its weekly expires at 16:00 that day.
    SimulatedMarket m =
        SimulatedMarket.create(
            SimulationConfig.builder()
                .underlying("SPY", 500, 0.18)
                .start(
                    LocalDate.of(2026, 1, 9)
                        .atTime(10, 0)
                        .atZone(SimulationConfig.NEW_YORK)
                        .toInstant())
                .build());
    LocalDate today = LocalDate.of(2026, 1, 9);
    OptionChain chain = m.optionChain(OptionChainQuery.all("SPY").withExpirations(today, today));
    assertThat(chain.options()).isNotEmpty().allMatch(o -> o.greeks().isEmpty());
    String sym = chain.options().get(0).symbol();
    m.advanceToClose();
    m.advance();
    assertThatThrownBy(() -> m.latestOptionQuotes(List.of(sym)))
        .isInstanceOf(DataException.NotFound.class);
    assertThat(m.listedExpiries()).doesNotContain(today);
  }

  @Test
  void streamsSubscribedQuotesAndTradesUntilClosed() {
    SimulatedMarket m = SimulatedMarket.create(config(9));
    String occ = OptionContract.of("SPY", m.listedExpiries().get(1), OptionType.CALL, 500).symbol();
    List<Quote> quotes = new ArrayList<>();
    List<Trade> trades = new ArrayList<>();
    StreamListener l =
        new StreamListener() {
          @Override
          public void onQuote(Quote q) {
            quotes.add(q);
          }

          @Override
          public void onTrade(Trade t) {
            trades.add(t);
          }
        };
    Subscription sub =
        m.subscribe(new StreamRequest(Set.of("SPY"), Set.of("SPY"), Set.of(occ), Set.of(occ)), l);
    m.advance(100);
    assertThat(quotes).hasSize(200);
    assertThat(quotes.stream().filter(q -> q.symbol().equals(occ))).hasSize(100);
    assertThat(trades.stream().filter(t -> t.symbol().equals("SPY"))).hasSize(100);
    assertThat(trades.stream().filter(t -> t.symbol().equals(occ))).isNotEmpty();
    sub.close();
    m.advance(10);
    assertThat(quotes).hasSize(200);
    assertThatThrownBy(
            () -> m.subscribe(new StreamRequest(Set.of("XYZ"), Set.of(), Set.of(), Set.of()), l))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void historyGivesDailyBarsEndingAtConfiguredSpot() {
    SimulatedMarket m =
        SimulatedMarket.create(
            SimulationConfig.builder()
                .underlying("SPY", 500, 0.18)
                .step(Duration.ofMinutes(5))
                .historyDays(30)
                .build());
    List<Bar> bars = m.stockBars("SPY", Timeframe.DAY_1, Instant.EPOCH, m.now());
    assertThat(bars).hasSize(31); // 30 past sessions + today's open print
    assertThat(bars.get(bars.size() - 1).close()).isEqualTo(500.0);
    assertThat(m.stockSnapshot("SPY").previousDailyBar()).isPresent();
    List<Bar> hourly =
        m.stockBars("SPY", Timeframe.HOUR_1, bars.get(1).start(), bars.get(2).start());
    assertThat(hourly).hasSizeBetween(6, 8);
  }

  @Test
  void gbmRealisedVolatilityMatchesConfiguredVolatility() {
    SimulatedMarket m =
        SimulatedMarket.create(
            SimulationConfig.builder()
                .underlying(UnderlyingSpec.of("SPY", 500, 0.20).asGbm())
                .step(Duration.ofMinutes(5))
                .build());
    double sum2 = 0;
    int n = 78 * 120;
    double prev = m.spot("SPY");
    for (int i = 0; i < n; i++) {
      m.advance();
      double s = m.spot("SPY");
      double r = Math.log(s / prev);
      sum2 += r * r;
      prev = s;
    }
    // close->open jumps are zero-length in trading time but still take one step of diffusion
    double annualised = Math.sqrt(sum2 / n * (252 * 6.5 * 12));
    assertThat(annualised).isCloseTo(0.20, within(0.01));
  }

  @Test
  void optionHistoryIsConsistentWithTrades() {
    SimulatedMarket m = SimulatedMarket.create(config(4));
    Instant t0 = m.now();
    m.advance(390);
    String occ = OptionContract.of("SPY", m.listedExpiries().get(2), OptionType.PUT, 500).symbol();
    List<Trade> trades = m.optionTrades(occ, t0, m.now());
    List<Bar> bars = m.optionBars(occ, Timeframe.HOUR_1, t0, m.now());
    assertThat(trades).isNotEmpty();
    assertThat(bars.stream().mapToLong(Bar::volume).sum())
        .isEqualTo(trades.stream().mapToLong(Trade::size).sum());
    assertThat(m.optionTrades(occ, t0, m.now())).isEqualTo(trades);
  }

  @Test
  void rejectsBadConfiguration() {
    assertThatThrownBy(() -> SimulationConfig.builder().build())
        .hasMessageContaining("underlyings");
    assertThatThrownBy(() -> UnderlyingSpec.of("SPY", -1, 0.2)).hasMessageContaining("spot");
    assertThatThrownBy(
            () -> SimulationConfig.builder().underlying("SPY", 1, 0.2).step(Duration.ZERO).build())
        .hasMessageContaining("step");
  }
}
