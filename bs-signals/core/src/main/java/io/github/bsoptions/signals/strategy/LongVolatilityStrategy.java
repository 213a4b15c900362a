package io.github.bsoptions.signals.strategy;

import io.github.bsoptions.data.model.EnrichedOption;
import io.github.bsoptions.pricing.product.OptionType;
import io.github.bsoptions.signals.internal.Checks;
import io.github.bsoptions.signals.pop.PopResult;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Buys an at-the-money straddle when implied volatility is cheap against the forecast: {@code
 * (forecast - ATM IV) / ATM IV > minEdge} for the expiry closest to {@code targetDays}.
 *
 * <p>Exits: a 50 % gain on the debit, a 50 % loss, or when a third of the time to expiry remains.
 * Confidence is {@code min(1, edge / (3 minEdge))}.
 */
public final class LongVolatilityStrategy implements Strategy {
  private final double minEdge;
  private final int targetDays;

  /**
   * Creates the strategy.
   *
   * @param minEdge minimum relative cheapness of IV, e.g. 0.15
   * @param targetDays preferred calendar days to expiry, e.g. 45
   */
  public LongVolatilityStrategy(double minEdge, int targetDays) {
    this.minEdge = Checks.positive(minEdge, "minEdge");
    this.targetDays = Checks.positive(targetDays, "targetDays");
  }

  /** Creates the strategy with edge 0.15 and 45 days. */
  public LongVolatilityStrategy() {
    this(0.15, 45);
  }

  @Override
  public String name() {
    return "long-volatility";
  }

  @Override
  public List<Signal> evaluate(MarketView view) {
    Optional<LocalDate> exp = StrategySupport.expiryNear(view.options(), targetDays / 365.0);
    if (exp.isEmpty() || StrategySupport.holds(view, exp.get())) {
      return List.of();
    }
    List<EnrichedOption> chain = StrategySupport.ofExpiry(view.options(), exp.get());
    Optional<EnrichedOption> call = StrategySupport.atm(chain, OptionType.CALL);
    if (call.isEmpty()) {
      return List.of();
    }
    Optional<EnrichedOption> put =
        chain.stream()
            .filter(
                o ->
                    o.contract().type() == OptionType.PUT
                        && o.contract().strike() == call.get().contract().strike())
            .findFirst();
    if (put.isEmpty()) {
      return List.of();
    }
    double years = call.get().expiryYears();
    double iv = 0.5 * (call.get().impliedVolatility() + put.get().impliedVolatility());
    double fv = view.forecast().annualizedVolToExpiry(years);
    double edge = (fv - iv) / iv;
    if (!(edge > minEdge)) {
      return List.of();
    }
    List<SignalLeg> legs =
        List.of(
            new SignalLeg(call.get().contract(), 1, call.get().mid()),
            new SignalLeg(put.get().contract(), 1, put.get().mid()));
    double net = StrategySupport.net(legs);
    PopResult pop = StrategySupport.pop(legs, view, years, fv);
    long days = Math.max(1, Math.round(years * 365 / 3));
    LocalDate exitBy = exp.get().minusDays(days);
    String why =
        String.format(
            java.util.Locale.ROOT,
            "ATM IV %.3f vs forecast %.3f to %s (edge %+.1f%%): buy straddle at %.2f",
            iv,
            fv,
            exp.get(),
            100 * edge,
            call.get().contract().strike());
    return List.of(
        new Signal(
            name(),
            view.underlying(),
            "long straddle",
            legs,
            net,
            new ExitRules(0.5, 0.5, exitBy),
            StrategySupport.clamp01(edge / (3 * minEdge)),
            pop.probabilityOfProfit(),
            pop.expectedProfit(),
            pop.maxLoss(),
            why,
            view.asOf()));
  }
}
