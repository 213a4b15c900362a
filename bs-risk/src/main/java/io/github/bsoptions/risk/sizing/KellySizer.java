package io.github.bsoptions.risk.sizing;

import io.github.bsoptions.risk.internal.Checks;
import io.github.bsoptions.risk.sizing.SizingResult.Constraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Sizes trades with fractional Kelly under caps, in whole contracts. Stateless and thread-safe.
 *
 * <p>Steps for {@link #size}: full Kelly {@code f*} from the trade's outcome distribution; times
 * the policy's multiplier; capped at the policy's account fraction; the risk budget {@code f *
 * account} capped at the per-trade max loss; contracts = {@code floor(budget /
 * maxLossPerContract)}; capped by buying power ({@code floor(buyingPower / costPerContract)}) and
 * by the contract cap.
 */
public final class KellySizer {
  private final SizingPolicy policy;

  /** Returns a sizer with {@code policy}. */
  public KellySizer(SizingPolicy policy) {
    this.policy = Checks.notNull(policy, "policy");
  }

  /** Returns the policy. */
  public SizingPolicy policy() {
    return policy;
  }

  /**
   * Returns the number of contracts of {@code trade} to open.
   *
   * @param accountValue net liquidation value, in currency (finite, {@code > 0})
   * @param buyingPower buying power available, in currency (finite, {@code >= 0})
   * @param trade the trade's per-contract profile
   * @throws IllegalArgumentException for NaN, infinite or non-positive account values
   */
  public SizingResult size(double accountValue, double buyingPower, TradeProfile trade) {
    Checks.positive(accountValue, "accountValue");
    Checks.nonNegative(buyingPower, "buyingPower");
    Checks.notNull(trade, "trade");
    double kelly = KellyCriterion.discrete(trade.outcomes());
    return finish(
        kelly, accountValue, buyingPower, trade.maxLossPerContract(), trade.costPerContract());
  }

  /**
   * Returns whole shares (or units) of a position with Gaussian excess return, sized by the
   * continuous Kelly fraction {@code (mu - r) / sigma^2} of the account in notional. The worst-case
   * loss of a unit is taken as its price.
   *
   * @param accountValue net liquidation value
   * @param buyingPower buying power available
   * @param mu expected return per year
   * @param riskFree risk-free rate per year
   * @param sigma volatility per square root of a year
   * @param unitPrice price of one share or unit
   */
  public SizingResult sizeContinuous(
      double accountValue,
      double buyingPower,
      double mu,
      double riskFree,
      double sigma,
      double unitPrice) {
    Checks.positive(accountValue, "accountValue");
    Checks.nonNegative(buyingPower, "buyingPower");
    Checks.positive(unitPrice, "unitPrice");
    double kelly = KellyCriterion.continuous(mu, riskFree, sigma);
    return finish(kelly, accountValue, buyingPower, unitPrice, unitPrice);
  }

  private SizingResult finish(
      double kelly, double account, double buyingPower, double lossPerUnit, double costPerUnit) {
    List<String> why = new ArrayList<>();
    why.add(fmt("full Kelly fraction %.6f", kelly));
    if (!(kelly > 0)) {
      why.add("no edge: size 0");
      return new SizingResult(0, 0, 0, 0, Constraint.NO_EDGE, why);
    }
    double f = kelly * policy.kellyMultiplier();
    Constraint binding = Constraint.KELLY;
    why.add(fmt("x %.4f Kelly multiplier = %.6f", policy.kellyMultiplier(), f));
    if (f > policy.maxAccountFraction()) {
      f = policy.maxAccountFraction();
      binding = Constraint.ACCOUNT_FRACTION;
      why.add(fmt("capped at account fraction %.6f", f));
    }
    double budget = f * account;
    why.add(fmt("risk budget %.2f of account %.2f", budget, account));
    if (budget > policy.maxLossPerTrade()) {
      budget = policy.maxLossPerTrade();
      binding = Constraint.MAX_LOSS;
      why.add(fmt("capped at max loss per trade %.2f", budget));
    }
    long contracts = (long) Math.floor(budget / lossPerUnit + 1e-9);
    why.add(fmt("%d contracts at max loss %.2f each", contracts, lossPerUnit));
    if (costPerUnit > 0) {
      long affordable = (long) Math.floor(buyingPower / costPerUnit + 1e-9);
      if (affordable < contracts) {
        contracts = affordable;
        binding = Constraint.BUYING_POWER;
        why.add(
            fmt("buying power %.2f affords %d at %.2f each", buyingPower, affordable, costPerUnit));
      }
    }
    if (contracts > policy.maxContracts()) {
      contracts = policy.maxContracts();
      binding = Constraint.MAX_CONTRACTS;
      why.add(fmt("capped at %d contracts", contracts));
    }
    if (contracts == 0 && binding == Constraint.KELLY) {
      binding = Constraint.ROUNDING;
      why.add("budget below one contract: size 0");
    }
    return new SizingResult(contracts, kelly, f, contracts * lossPerUnit, binding, why);
  }

  private static String fmt(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
