package io.github.bsoptions.risk;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bsoptions.data.model.Quote;
import io.github.bsoptions.pricing.product.OptionType;
import io.github.bsoptions.risk.limits.KillSwitch;
import io.github.bsoptions.risk.limits.RiskLimits;
import io.github.bsoptions.risk.portfolio.MarketState;
import io.github.bsoptions.risk.portfolio.OptionInstrument;
import io.github.bsoptions.risk.portfolio.Portfolio;
import io.github.bsoptions.risk.portfolio.PortfolioAnalyzer;
import io.github.bsoptions.risk.portfolio.RiskPricers;
import io.github.bsoptions.risk.pretrade.AccountState;
import io.github.bsoptions.risk.pretrade.Decision;
import io.github.bsoptions.risk.pretrade.OrderLeg;
import io.github.bsoptions.risk.pretrade.OrderProposal;
import io.github.bsoptions.risk.pretrade.PreTradeCheck;
import io.github.bsoptions.risk.pretrade.QuoteSource;
import io.github.bsoptions.risk.pretrade.RiskContext;
import io.github.bsoptions.risk.sizing.KellySizer;
import io.github.bsoptions.risk.sizing.SizingPolicy;
import io.github.bsoptions.risk.sizing.SizingResult;
import io.github.bsoptions.risk.sizing.TradeProfile;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The example of bs-risk/README.md, compiled and run (keep the two in sync). */
class ReadmeExampleTest {

  @Test
  void sizeATradeAndCheckIt() {
    // README example start
    Instant now = Instant.parse("2026-01-05T15:00:00Z");
    MarketState market = MarketState.of("AAPL", 190.0);
    OptionInstrument call =
        OptionInstrument.european("AAPL", OptionType.CALL, 195, 0.25, 0.28, 0.045, 0.005);

    // 1. Size: the signal says 55% chance to make 450 per contract, else lose the 420 premium.
    TradeProfile trade = TradeProfile.binary(0.55, 450, 420, 420);
    SizingResult size = new KellySizer(SizingPolicy.DEFAULT).size(100_000, 60_000, trade);
    System.out.println(size.contracts() + " contracts: " + size.reasoning());

    // 2. Check: the proposal against the book, working orders, account and a fresh quote.
    Portfolio book = Portfolio.EMPTY;
    RiskContext context =
        new RiskContext(
            book,
            PortfolioAnalyzer.DEFAULT.greeks(book, market),
            market,
            List.of(),
            new AccountState(100_000, 60_000),
            QuoteSource.of(
                Map.of(
                    "AAPL260417C00195000",
                    new Quote("AAPL260417C00195000", 4.15, 4.25, 20, 20, now))));
    PreTradeCheck check =
        new PreTradeCheck(
            RiskLimits.DEFAULT, RiskPricers.DEFAULT, InstantSource.fixed(now), new KillSwitch());
    OrderProposal order =
        OrderProposal.single(
            "ord-1",
            "momentum",
            new OrderLeg("AAPL260417C00195000", call, 1),
            size.contracts(),
            4.20,
            now);
    System.out.println(check.check(order, context).reason());
    // DENIED: ORDER_DELTA(order): 100697.35 > 100000.00; UNDERLYING_DELTA(AAPL): 100697.35 > ...
    long fits = check.largestQuantity(order, context); // 10
    Decision decision = check.submit(order.withQuantity(fits), context); // recorded for rate/dups
    System.out.println(decision.reason()); // APPROVED
    // README example end

    assertThat(size.contracts()).isEqualTo(11);
    assertThat(fits).isEqualTo(10);
    assertThat(decision.approved()).as(decision.reason()).isTrue();
  }
}
