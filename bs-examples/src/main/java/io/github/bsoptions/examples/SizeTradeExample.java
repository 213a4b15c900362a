package io.github.bsoptions.examples;

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

/** bs-risk alone: sizes a long call with fractional Kelly, then checks it before trading. */
public final class SizeTradeExample {
  private SizeTradeExample() {}

  /**
   * Runs the example.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    Instant now = Instant.parse("2026-01-05T15:00:00Z");
    String symbol = "AAPL260417C00195000";
    MarketState market = MarketState.of("AAPL", 190.0);
    OptionInstrument call =
        OptionInstrument.european("AAPL", OptionType.CALL, 195, 0.25, 0.28, 0.045, 0.005);

    // 55% chance to make 450 per contract, else lose the 420 premium.
    TradeProfile trade = TradeProfile.binary(0.55, 450, 420, 420);
    SizingResult size = new KellySizer(SizingPolicy.DEFAULT).size(100_000, 60_000, trade);
    System.out.println("Kelly: " + size.contracts() + " contracts (" + size.reasoning() + ")");

    Portfolio book = Portfolio.EMPTY;
    RiskContext context =
        new RiskContext(
            book,
            PortfolioAnalyzer.DEFAULT.greeks(book, market),
            market,
            List.of(),
            new AccountState(100_000, 60_000),
            QuoteSource.of(Map.of(symbol, new Quote(symbol, 4.15, 4.25, 20, 20, now))));
    PreTradeCheck check =
        new PreTradeCheck(
            RiskLimits.DEFAULT, RiskPricers.DEFAULT, InstantSource.fixed(now), new KillSwitch());
    OrderProposal order =
        OrderProposal.single(
            "ord-1", "example", new OrderLeg(symbol, call, 1), size.contracts(), 4.20, now);
    System.out.println("pre-trade: " + check.check(order, context).reason());
    long fits = check.largestQuantity(order, context);
    Decision decision = check.submit(order.withQuantity(fits), context);
    System.out.println("largest size within limits: " + fits + " -> " + decision.reason());
  }
}
