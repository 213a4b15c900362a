package io.github.bsoptions.risk.pretrade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import io.github.bsoptions.data.model.Quote;
import io.github.bsoptions.pricing.formula.BlackScholesFormulas;
import io.github.bsoptions.pricing.product.OptionType;
import io.github.bsoptions.risk.limits.KillSwitch;
import io.github.bsoptions.risk.limits.RiskLimits;
import io.github.bsoptions.risk.portfolio.MarketState;
import io.github.bsoptions.risk.portfolio.OptionInstrument;
import io.github.bsoptions.risk.portfolio.Portfolio;
import io.github.bsoptions.risk.portfolio.PortfolioAnalyzer;
import io.github.bsoptions.risk.portfolio.Position;
import io.github.bsoptions.risk.portfolio.RiskPricers;
import io.github.bsoptions.risk.portfolio.StockInstrument;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PreTradeCheckTest {
  static final Instant T0 = Instant.parse("2026-01-05T15:00:00Z");
  static final MarketState MARKET = new MarketState(Map.of("AAPL", 100.0, "MSFT", 400.0));
  static final OptionInstrument CALL100 = call(100);
  static final OptionInstrument CALL110 = call(110);
  static final OptionInstrument PUT90 =
      OptionInstrument.european("AAPL", OptionType.PUT, 90, 0.5, 0.25, 0.03, 0.0);

  /** Every cap disabled, so that one rule at a time can be set. */
  static final RiskLimits OPEN =
      RiskLimits.builder()
          .maxOrderContracts(Long.MAX_VALUE)
          .maxOrderNotional(inf())
          .maxOrderLoss(inf())
          .maxOrderDollarDelta(inf())
          .maxOrderDollarGamma(inf())
          .maxOrderVega(inf())
          .maxPortfolioDollarDelta(inf())
          .maxPortfolioDollarGamma(inf())
          .maxPortfolioVega(inf())
          .maxPortfolioTheta(inf())
          .maxUnderlyingDollarDelta(inf())
          .maxUnderlyingVega(inf())
          .maxGrossNotional(inf())
          .maxConcentration(inf())
          .maxOpenOrders(Integer.MAX_VALUE)
          .maxOrdersPerWindow(Integer.MAX_VALUE)
          .priceCollarMinimum(inf())
          .maxQuoteAge(Duration.ofDays(1))
          .build();

  final MutableClock clock = new MutableClock(T0);

  static double inf() {
    return Double.POSITIVE_INFINITY;
  }

  static OptionInstrument call(double k) {
    return OptionInstrument.european("AAPL", OptionType.CALL, k, 0.5, 0.25, 0.03, 0.0);
  }

  static double bs(OptionInstrument o) {
    return BlackScholesFormulas.price(
        o.type().isCall(),
        100,
        o.strike(),
        o.expiry(),
        o.rate(),
        o.dividendYield(),
        o.volatility());
  }

  static Quote quote(String symbol, double mid, Instant at) {
    return new Quote(symbol, mid - 0.05, mid + 0.05, 10, 10, at);
  }

  static Map<String, Quote> quotes(Instant at) {
    Map<String, Quote> q = new HashMap<>();
    q.put("C100", quote("C100", bs(CALL100), at));
    q.put("C110", quote("C110", bs(CALL110), at));
    q.put("P90", quote("P90", bs(PUT90), at));
    return q;
  }

  static Portfolio book() {
    return new Portfolio(
        List.of(
            Position.of("held-c100", CALL100, 2),
            Position.of("held-p90", PUT90, -1),
            Position.of("msft", new StockInstrument("MSFT"), 20)));
  }

  static OrderProposal working() {
    return OrderProposal.single(
        "w1", "s1", new OrderLeg("P90", PUT90, -1), 1, -bs(PUT90), T0.minusSeconds(30));
  }

  static RiskContext context(Map<String, Quote> quotes, double buyingPower) {
    Portfolio book = book();
    return new RiskContext(
        book,
        PortfolioAnalyzer.DEFAULT.greeks(book, MARKET),
        MARKET,
        List.of(working()),
        new AccountState(100_000, buyingPower),
        QuoteSource.of(quotes));
  }

  static RiskContext context() {
    return context(quotes(T0), 1e9);
  }

  /** Buys {@code qty} call spreads 100/110 at mid plus {@code edge}. */
  static OrderProposal spread(String id, long qty, double edge) {
    double mid = bs(CALL100) - bs(CALL110);
    return new OrderProposal(
        id,
        "s1",
        List.of(new OrderLeg("C100", CALL100, 1), new OrderLeg("C110", CALL110, -1)),
        qty,
        mid + edge,
        T0);
  }

  static OrderProposal calls(String id, long qty) {
    return OrderProposal.single(id, "s1", new OrderLeg("C100", CALL100, 1), qty, bs(CALL100), T0);
  }

  PreTradeCheck check(RiskLimits limits) {
    return new PreTradeCheck(limits, RiskPricers.DEFAULT, clock, new KillSwitch());
  }

  // ---------------------------------------------------------------------------------------------
  // Numeric rules: just inside passes, just outside fails, with the value and limit reported.

  static final Map<Rule, BiFunction<RiskLimits.Builder, Double, RiskLimits.Builder>> SETTERS =
      Map.ofEntries(
          Map.entry(Rule.ORDER_CONTRACTS, (b, v) -> b.maxOrderContracts(v.longValue())),
          Map.entry(Rule.ORDER_NOTIONAL, (b, v) -> b.maxOrderNotional(v)),
          Map.entry(Rule.ORDER_MAX_LOSS, (b, v) -> b.maxOrderLoss(v)),
          Map.entry(Rule.ORDER_DELTA, (b, v) -> b.maxOrderDollarDelta(v)),
          Map.entry(Rule.ORDER_GAMMA, (b, v) -> b.maxOrderDollarGamma(v)),
          Map.entry(Rule.ORDER_VEGA, (b, v) -> b.maxOrderVega(v)),
          Map.entry(
              Rule.PORTFOLIO_DELTA,
              (b, v) ->
                  b.maxPortfolioDollarDelta(v).maxUnderlyingDollarDelta(v).maxOrderDollarDelta(v)),
          Map.entry(
              Rule.PORTFOLIO_GAMMA, (b, v) -> b.maxPortfolioDollarGamma(v).maxOrderDollarGamma(v)),
          Map.entry(
              Rule.PORTFOLIO_VEGA,
              (b, v) -> b.maxPortfolioVega(v).maxUnderlyingVega(v).maxOrderVega(v)),
          Map.entry(Rule.PORTFOLIO_THETA, (b, v) -> b.maxPortfolioTheta(v)),
          Map.entry(Rule.UNDERLYING_DELTA, (b, v) -> b.maxUnderlyingDollarDelta(v)),
          Map.entry(Rule.UNDERLYING_VEGA, (b, v) -> b.maxUnderlyingVega(v)),
          Map.entry(Rule.GROSS_NOTIONAL, (b, v) -> b.maxGrossNotional(v).maxOrderNotional(v)),
          Map.entry(Rule.CONCENTRATION, (b, v) -> b.maxConcentration(v)),
          Map.entry(Rule.OPEN_ORDERS, (b, v) -> b.maxOpenOrders(v.intValue())),
          Map.entry(Rule.PRICE_COLLAR, (b, v) -> b.priceCollar(0).priceCollarMinimum(v)));

  @ParameterizedTest
  @EnumSource(
      value = Rule.class,
      names = {
        "ORDER_CONTRACTS", "ORDER_NOTIONAL", "ORDER_MAX_LOSS", "ORDER_DELTA", "ORDER_GAMMA",
        "ORDER_VEGA", "PORTFOLIO_DELTA", "PORTFOLIO_GAMMA", "PORTFOLIO_VEGA", "PORTFOLIO_THETA",
        "UNDERLYING_DELTA", "UNDERLYING_VEGA", "GROSS_NOTIONAL", "CONCENTRATION", "OPEN_ORDERS",
        "PRICE_COLLAR"
      })
  void numericRulePassesAtTheLimitAndFailsJustAbove(Rule rule) {
    OrderProposal order = spread("o1", 7, 0.12);
    RiskContext ctx = context();
    BiFunction<RiskLimits.Builder, Double, RiskLimits.Builder> set = SETTERS.get(rule);
    Decision probe = check(set.apply(OPEN.toBuilder(), 0.0).build()).check(order, ctx);
    Violation v =
        probe.violations().stream().filter(x -> x.rule() == rule).findFirst().orElseThrow();
    assertThat(v.value()).isPositive().isFinite();
    assertThat(v.limit()).isZero();

    Decision atLimit = check(set.apply(OPEN.toBuilder(), v.value()).build()).check(order, ctx);
    assertThat(atLimit.breached(rule)).as("%s at its limit %s", rule, v.value()).isFalse();

    boolean integral = rule == Rule.ORDER_CONTRACTS || rule == Rule.OPEN_ORDERS;
    double outside = integral ? v.value() - 1 : Math.nextDown(v.value());
    Decision above = check(set.apply(OPEN.toBuilder(), outside).build()).check(order, ctx);
    assertThat(above.breached(rule)).as("%s just above %s", rule, outside).isTrue();
    assertThat(above.approved()).isFalse();
    assertThat(above.reason()).contains(rule.name());
  }

  @Test
  void openLimitsApproveAndTheDefaultsAreUsable() {
    assertThat(check(OPEN).check(spread("o1", 7, 0.05), context()).approved()).isTrue();
    Decision d = check(RiskLimits.DEFAULT).check(spread("o1", 7, 0.05), context());
    assertThat(d.approved()).as(d.reason()).isTrue();
  }

  @Test
  void buyingPowerAtTheBoundary() {
    OrderProposal order = spread("o1", 3, 0.0);
    double needed = order.cashAmount();
    double used = PreTradeCheck.maxLoss(working()); // the working short put is a credit order
    RiskContext noWorking =
        new RiskContext(
            book(),
            PortfolioAnalyzer.DEFAULT.greeks(book(), MARKET),
            MARKET,
            List.of(),
            new AccountState(100_000, needed),
            QuoteSource.of(quotes(T0)));
    assertThat(check(OPEN).check(order, noWorking).breached(Rule.BUYING_POWER)).isFalse();
    RiskContext short1 =
        new RiskContext(
            book(),
            noWorking.greeks(),
            MARKET,
            List.of(),
            new AccountState(100_000, Math.nextDown(needed)),
            QuoteSource.of(quotes(T0)));
    assertThat(check(OPEN).check(order, short1).breached(Rule.BUYING_POWER)).isTrue();
    // Working orders consume buying power first.
    RiskContext withWorking = context(quotes(T0), needed + used - 1);
    assertThat(check(OPEN).check(order, withWorking).breached(Rule.BUYING_POWER)).isTrue();
  }

  @Test
  void maxLossOfCommonStructures() {
    double c100 = bs(CALL100);
    assertThat(PreTradeCheck.maxLoss(calls("a", 2))).isCloseTo(c100 * 200, within(1e-9));
    OrderProposal spread = spread("b", 1, 0);
    assertThat(PreTradeCheck.maxLoss(spread)).isCloseTo(spread.limitPrice() * 100, within(1e-9));
    OrderProposal shortPut =
        OrderProposal.single("c", "s", new OrderLeg("P90", PUT90, -1), 1, -1.5, T0);
    assertThat(PreTradeCheck.maxLoss(shortPut)).isCloseTo((90 - 1.5) * 100, within(1e-9));
    OrderProposal shortCall =
        OrderProposal.single("d", "s", new OrderLeg("C100", CALL100, -1), 1, -3, T0);
    assertThat(PreTradeCheck.maxLoss(shortCall)).isInfinite();
    // Credit call spread: width 10 minus the credit.
    OrderProposal bear =
        new OrderProposal(
            "e",
            "s",
            List.of(new OrderLeg("C100", CALL100, -1), new OrderLeg("C110", CALL110, 1)),
            2,
            -4.0,
            T0);
    assertThat(PreTradeCheck.maxLoss(bear)).isCloseTo((10 - 4.0) * 200, within(1e-9));
  }

  @Test
  void everyViolationIsReportedNotJustTheFirst() {
    RiskLimits tight =
        OPEN.toBuilder()
            .maxOrderContracts(1)
            .maxOrderNotional(10)
            .restrictedSymbols(Set.of("AAPL"))
            .maxOpenOrders(1)
            .build();
    Decision d = check(tight).check(spread("o1", 5, 0), context());
    assertThat(d.violations())
        .extracting(Violation::rule)
        .contains(
            Rule.RESTRICTED_SYMBOL, Rule.ORDER_CONTRACTS, Rule.ORDER_NOTIONAL, Rule.OPEN_ORDERS);
  }

  @Test
  void killSwitchHaltsEverythingAndResumes() {
    PreTradeCheck check = check(OPEN);
    check.killSwitch().halt("operator");
    Decision d = check.check(spread("o1", 1, 0), context());
    assertThat(d.breached(Rule.KILL_SWITCH)).isTrue();
    assertThat(d.reason()).contains("operator");
    check.killSwitch().resume("ok");
    assertThat(check.check(spread("o1", 1, 0), context()).approved()).isTrue();
  }

  @Test
  void reduceOnlyAllowsOnlyShrinkingExistingPositions() {
    PreTradeCheck check = check(OPEN);
    check.killSwitch().reduceOnly("drawdown");
    OrderProposal sellOne =
        OrderProposal.single("r1", "s1", new OrderLeg("C100", CALL100, -1), 1, bs(CALL100), T0);
    assertThat(check.check(sellOne, context()).approved()).isTrue();
    assertThat(check.check(sellOne.withQuantity(2), context()).approved()).isTrue();
    assertThat(check.check(sellOne.withQuantity(3), context()).breached(Rule.REDUCE_ONLY)).isTrue();
    assertThat(check.check(calls("r2", 1), context()).breached(Rule.REDUCE_ONLY)).isTrue();
  }

  @Test
  void restrictedSymbolOrUnderlyingIsDenied() {
    assertThat(
            check(OPEN.toBuilder().restrictedSymbols(Set.of("C110")).build())
                .check(spread("o1", 1, 0), context())
                .breached(Rule.RESTRICTED_SYMBOL))
        .isTrue();
    assertThat(
            check(OPEN.toBuilder().restrictedSymbols(Set.of("AAPL")).build())
                .check(calls("o1", 1), context())
                .breached(Rule.RESTRICTED_SYMBOL))
        .isTrue();
    assertThat(
            check(OPEN.toBuilder().restrictedSymbols(Set.of("MSFT")).build())
                .check(calls("o1", 1), context())
                .approved())
        .isTrue();
  }

  @Test
  void missingQuoteIsDeniedWithoutFallback() {
    Map<String, Quote> q = quotes(T0);
    q.remove("C110");
    Decision d = check(OPEN).check(spread("o1", 1, 0), context(q, 1e9));
    assertThat(d.breached(Rule.QUOTE_MISSING)).isTrue();
    assertThat(d.breached(Rule.PRICE_COLLAR)).isFalse();
  }

  @Test
  void staleQuoteBoundary() {
    RiskLimits limits = OPEN.toBuilder().maxQuoteAge(Duration.ofSeconds(5)).build();
    Instant at = T0.minusSeconds(5);
    assertThat(check(limits).check(calls("o1", 1), context(quotes(at), 1e9)).approved()).isTrue();
    Decision stale = check(limits).check(calls("o1", 1), context(quotes(at.minusNanos(1)), 1e9));
    assertThat(stale.breached(Rule.QUOTE_STALE)).isTrue();
    assertThat(stale.violations().get(0).value()).isCloseTo(5.000000001, within(1e-12));
  }

  @Test
  void oneSidedQuoteIsDenied() {
    Map<String, Quote> q = quotes(T0);
    q.put("C100", new Quote("C100", 0, 3, 0, 5, T0));
    assertThat(check(OPEN).check(calls("o1", 1), context(q, 1e9)).breached(Rule.QUOTE_STALE))
        .isTrue();
  }

  @Test
  void passiveLimitsFarFromTheMidAreNotCollared() {
    RiskLimits limits = OPEN.toBuilder().priceCollar(0.05).priceCollarMinimum(0.05).build();
    assertThat(check(limits).check(spread("o1", 1, -2.0), context()).approved()).isTrue();
    assertThat(check(limits).check(spread("o1", 1, 2.0), context()).breached(Rule.PRICE_COLLAR))
        .isTrue();
  }

  @Test
  void orderRateThrottleCountsSubmissionsInTheWindow() {
    PreTradeCheck check =
        check(OPEN.toBuilder().maxOrdersPerWindow(2).rateWindow(Duration.ofSeconds(1)).build());
    assertThat(check.submit(spread("a", 1, 0.00), context()).approved()).isTrue();
    assertThat(check.submit(spread("b", 1, 0.01), context()).approved()).isTrue();
    Decision third = check.submit(spread("c", 1, 0.02), context());
    assertThat(third.breached(Rule.ORDER_RATE)).isTrue();
    assertThat(third.violations().get(0).value()).isEqualTo(3);
    clock.now = T0.plusSeconds(1);
    assertThat(check.submit(spread("c", 1, 0.02), context(quotes(clock.now), 1e9)).approved())
        .isTrue();
  }

  @Test
  void duplicateWindow() {
    PreTradeCheck check = check(OPEN.toBuilder().duplicateWindow(Duration.ofSeconds(2)).build());
    assertThat(check.submit(spread("a", 1, 0), context()).approved()).isTrue();
    assertThat(check.check(spread("b", 1, 0), context()).breached(Rule.DUPLICATE_ORDER)).isTrue();
    assertThat(check.check(spread("a", 2, 0), context()).breached(Rule.DUPLICATE_ORDER))
        .as("same client order id")
        .isTrue();
    assertThat(check.check(calls("w1", 1), context()).breached(Rule.DUPLICATE_ORDER))
        .as("id of a working order")
        .isTrue();
    clock.now = T0.plusSeconds(2);
    assertThat(check.check(spread("b", 1, 0), context(quotes(clock.now), 1e9)).approved()).isTrue();
  }

  @Test
  void checkDoesNotRecordButSubmitDoes() {
    PreTradeCheck check = check(OPEN.toBuilder().maxOrdersPerWindow(1).build());
    assertThat(check.check(spread("a", 1, 0), context()).approved()).isTrue();
    assertThat(check.check(spread("a", 1, 0), context()).approved()).isTrue();
    assertThat(check.submit(spread("a", 1, 0), context()).approved()).isTrue();
    assertThat(check.check(spread("b", 1, 0.01), context()).breached(Rule.ORDER_RATE)).isTrue();
  }

  @Test
  void largestQuantityAlwaysPassesAndOneMoreFails() {
    RiskContext empty =
        new RiskContext(
            Portfolio.EMPTY,
            PortfolioAnalyzer.DEFAULT.greeks(Portfolio.EMPTY, MARKET),
            MARKET,
            List.of(),
            new AccountState(100_000, 1e9),
            QuoteSource.of(quotes(T0)));
    qt().withFixedSeed(3L)
        .withExamples(100)
        .forAll(
            integers().between(0, 300),
            doubles().between(0, 500_000),
            doubles().between(0, 200_000),
            doubles().between(0, 3_000))
        .checkAssert(
            (contracts, notional, delta, vega) -> {
              RiskLimits limits =
                  OPEN.toBuilder()
                      .maxOrderContracts(contracts)
                      .maxGrossNotional(notional)
                      .maxOrderNotional(notional)
                      .maxPortfolioDollarDelta(delta)
                      .maxUnderlyingDollarDelta(delta)
                      .maxOrderDollarDelta(delta)
                      .maxUnderlyingVega(vega)
                      .maxPortfolioVega(vega)
                      .maxOrderVega(vega)
                      .build();
              PreTradeCheck check = check(limits);
              OrderProposal order = calls("q", 200);
              long q = check.largestQuantity(order, empty);
              assertThat(q).isBetween(0L, 200L);
              if (q > 0) {
                assertThat(check.check(order.withQuantity(q), empty).approved()).isTrue();
              }
              if (q < 200) {
                assertThat(check.check(order.withQuantity(q + 1), empty).approved()).isFalse();
              }
            });
  }

  @Test
  void aggregateNotionalCapHoldsAtEveryInstantAcrossStrategies() {
    // random interleavings of proposals from three strategies, fills and cancels; working
    // orders count as filled, so book + working never exceeds the cap.
    double cap = 300_000;
    RiskLimits limits =
        OPEN.toBuilder()
            .maxOrderNotional(cap)
            .maxGrossNotional(cap)
            .duplicateWindow(Duration.ZERO)
            .build();
    PreTradeCheck check = check(limits);
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(2026);
    int denied = 0;
    for (int run = 0; run < 20; run++) {
      List<Position> held = new java.util.ArrayList<>();
      List<OrderProposal> working = new java.util.ArrayList<>();
      for (int step = 0; step < 50; step++) {
        int action = rnd.nextInt(4);
        if (action <= 1) {
          String id = "r" + run + "-" + step;
          OrderProposal o =
              OrderProposal.single(
                  id,
                  "strategy" + rnd.nextInt(3),
                  rnd.nextBoolean()
                      ? new OrderLeg("C100", CALL100, 1)
                      : new OrderLeg("P90", PUT90, -1),
                  1 + rnd.nextInt(8),
                  0.0,
                  T0);
          Portfolio book = new Portfolio(held);
          RiskContext ctx =
              new RiskContext(
                  book,
                  PortfolioAnalyzer.DEFAULT.greeks(book, MARKET),
                  MARKET,
                  working,
                  new AccountState(1e6, 1e9),
                  symbol -> java.util.Optional.of(quote(symbol, 1.0, T0)));
          Decision d = check.submit(o, ctx);
          if (d.approved()) {
            working.add(o);
          } else {
            assertThat(d.violations())
                .extracting(Violation::rule)
                .containsOnly(Rule.GROSS_NOTIONAL);
            denied++;
          }
        } else if (action == 2 && !working.isEmpty()) {
          held.addAll(working.remove(rnd.nextInt(working.size())).asPositions());
        } else if (!working.isEmpty()) {
          working.remove(rnd.nextInt(working.size()));
        }
        double gross =
            PortfolioAnalyzer.DEFAULT.greeks(new Portfolio(held), MARKET).total().grossNotional();
        for (OrderProposal w : working) {
          gross += w.quantity() * 100 * 100.0;
        }
        assertThat(gross).isLessThanOrEqualTo(cap);
      }
    }
    assertThat(denied).as("the cap must bind in this test").isGreaterThan(20);
  }

  @Test
  void contradictoryLimitsAreRefused() {
    assertThatThrownBy(
            () -> RiskLimits.builder().maxPortfolioVega(100).maxUnderlyingVega(200).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxUnderlyingVega");
    assertThatThrownBy(() -> RiskLimits.builder().maxOrderLoss(Double.NaN).build())
        .hasMessageContaining("maxOrderLoss");
    assertThatThrownBy(() -> RiskLimits.builder().rateWindow(Duration.ZERO).build())
        .hasMessageContaining("rateWindow");
    assertThatThrownBy(
            () ->
                new OrderProposal(
                    "x",
                    "s",
                    List.of(
                        new OrderLeg("C100", CALL100, 1),
                        new OrderLeg("AAPL", new StockInstrument("AAPL"), -100)),
                    1,
                    1,
                    T0))
        .hasMessageContaining("multiplier");
  }

  /** A settable clock. */
  static final class MutableClock implements InstantSource {
    Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
