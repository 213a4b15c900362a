package io.github.bsoptions.risk.pretrade;

import io.github.bsoptions.risk.internal.Checks;
import io.github.bsoptions.risk.portfolio.MarketState;
import io.github.bsoptions.risk.portfolio.Portfolio;
import io.github.bsoptions.risk.portfolio.PortfolioGreeks;
import java.util.List;

/**
 * Everything a pre-trade check looks at besides the order: an immutable snapshot.
 *
 * @param portfolio the positions held
 * @param greeks the positions' greeks (from {@link
 *     io.github.bsoptions.risk.portfolio.PortfolioAnalyzer#greeks}), computed once per book update
 * @param market spots per underlying
 * @param workingOrders open and in-flight orders across all strategies and brokers; counted as if
 *     filled
 * @param account equity and buying power
 * @param quotes latest quotes for the price collar
 */
public record RiskContext(
    Portfolio portfolio,
    PortfolioGreeks greeks,
    MarketState market,
    List<OrderProposal> workingOrders,
    AccountState account,
    QuoteSource quotes) {

  /** Validates and copies. */
  public RiskContext {
    Checks.notNull(portfolio, "portfolio");
    Checks.notNull(greeks, "greeks");
    Checks.notNull(market, "market");
    Checks.notNull(workingOrders, "workingOrders");
    workingOrders = List.copyOf(workingOrders);
    Checks.notNull(account, "account");
    Checks.notNull(quotes, "quotes");
  }
}
