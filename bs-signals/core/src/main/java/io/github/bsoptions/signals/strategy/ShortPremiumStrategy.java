package io.github.bsoptions.signals.strategy;

import io.github.bsoptions.data.model.EnrichedOption;
import io.github.bsoptions.pricing.product.OptionType;
import io.github.bsoptions.signals.internal.Checks;
import io.github.bsoptions.signals.pop.PopResult;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Sells defined-risk premium when implied volatility is rich against the forecast: an iron condor
 * (short put and call near {@code shortDelta}, long wings {@code wingSteps} strikes further out).
 *
 * <p>It trades the expiry closest to {@code targetDays} calendar days when {@code (ATM IV -
 * forecast) / forecast > minEdge}, skips expiries it already holds, and proposes exits at 50 % of
 * the credit kept, a loss of twice the credit, or {@code exitDaysBeforeExpiry} days before expiry.
 * Confidence grows with the edge: {@code min(1, edge / (3 minEdge))}.
 */
public final class ShortPremiumStrategy implements Strategy {
  private final double minEdge;
  private final int targetDays;
  private final double shortDelta;
  private final int wingSteps;
  private final int exitDaysBeforeExpiry;

  /**
   * Creates the strategy.
   *
   * @param minEdge minimum relative IV richness, e.g. 0.15
   * @param targetDays preferred calendar days to expiry, e.g. 35
   * @param shortDelta |delta| of the short strikes, e.g. 0.25
   * @param wingSteps strikes between short and long legs, at least 1
   * @param exitDaysBeforeExpiry close this many days before expiry, e.g. 7
   */
  public ShortPremiumStrategy(
      double minEdge, int targetDays, double shortDelta, int wingSteps, int exitDaysBeforeExpiry) {
    this.minEdge = Checks.positive(minEdge, "minEdge");
    this.targetDays = Checks.positive(targetDays, "targetDays");
    this.shortDelta = Checks.inRange(shortDelta, 0.01, 0.5, "shortDelta");
    this.wingSteps = Checks.positive(wingSteps, "wingSteps");
    if (exitDaysBeforeExpiry < 0) {
      throw new IllegalArgumentException(
          "exitDaysBeforeExpiry must be >= 0, was " + exitDaysBeforeExpiry);
    }
    this.exitDaysBeforeExpiry = exitDaysBeforeExpiry;
  }

  /**
   * Creates the strategy with edge 0.15, 35 days, short delta 0.25, 2-strike wings, exit 7 days.
   */
  public ShortPremiumStrategy() {
    this(0.15, 35, 0.25, 2, 7);
  }

  @Override
  public String name() {
    return "short-premium";
  }

  @Override
  public List<Signal> evaluate(MarketView view) {
    Optional<LocalDate> exp = StrategySupport.expiryNear(view.options(), targetDays / 365.0);
    if (exp.isEmpty() || StrategySupport.holds(view, exp.get())) {
      return List.of();
    }
    List<EnrichedOption> chain = StrategySupport.ofExpiry(view.options(), exp.get());
    Optional<EnrichedOption> atm = StrategySupport.atm(chain, OptionType.CALL);
    if (atm.isEmpty()) {
      return List.of();
    }
    double years = atm.get().expiryYears();
    double iv = atm.get().impliedVolatility();
    double fv = view.forecast().annualizedVolToExpiry(years);
    double edge = (iv - fv) / fv;
    if (!(edge > minEdge)) {
      return List.of();
    }
    Optional<EnrichedOption> sp = StrategySupport.byDelta(chain, OptionType.PUT, shortDelta);
    Optional<EnrichedOption> sc = StrategySupport.byDelta(chain, OptionType.CALL, shortDelta);
    if (sp.isEmpty() || sc.isEmpty()) {
      return List.of();
    }
    Optional<EnrichedOption> lp = StrategySupport.wing(chain, sp.get(), wingSteps);
    Optional<EnrichedOption> lc = StrategySupport.wing(chain, sc.get(), wingSteps);
    if (lp.isEmpty() || lc.isEmpty()) {
      return List.of();
    }
    List<SignalLeg> legs =
        List.of(
            new SignalLeg(lp.get().contract(), 1, lp.get().mid()),
            new SignalLeg(sp.get().contract(), -1, sp.get().mid()),
            new SignalLeg(sc.get().contract(), -1, sc.get().mid()),
            new SignalLeg(lc.get().contract(), 1, lc.get().mid()));
    double net = StrategySupport.net(legs);
    if (!(net < 0)) {
      return List.of();
    }
    PopResult pop = StrategySupport.pop(legs, view, years, fv);
    LocalDate exitBy = exp.get().minusDays(exitDaysBeforeExpiry);
    String why =
        String.format(
            java.util.Locale.ROOT,
            "ATM IV %.3f vs forecast %.3f to %s (edge %+.1f%%): sell iron condor for %.2f",
            iv,
            fv,
            exp.get(),
            100 * edge,
            -net);
    return List.of(
        new Signal(
            name(),
            view.underlying(),
            "iron condor",
            legs,
            net,
            new ExitRules(0.5, 2.0, exitBy),
            StrategySupport.clamp01(edge / (3 * minEdge)),
            pop.probabilityOfProfit(),
            pop.expectedProfit(),
            pop.maxLoss(),
            why,
            view.asOf()));
  }
}
