package io.github.bsoptions.signals.strategy;

import io.github.bsoptions.data.model.EnrichedOption;
import io.github.bsoptions.pricing.product.OptionType;
import io.github.bsoptions.signals.internal.Checks;
import io.github.bsoptions.signals.pop.PopResult;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Takes a directional position with defined risk when the underlying trends: when {@link
 * MarketView#trend()} is at least {@code minTrend} it buys a call debit spread (long the
 * at-the-money call, short the call whose delta is closest to {@code shortDelta}); when it is at
 * most {@code -minTrend}, the mirror put debit spread. The position's delta is the difference of
 * the two legs' deltas (about {@code 0.5 - shortDelta}), its maximum loss the debit paid.
 *
 * <p>Stays flat when the trend is unknown (NaN), when the expiry closest to {@code targetDays} is
 * already held, or when the spread would not cost a positive debit below its width. Exits: a 50 %
 * gain on the debit, a 50 % loss, or when a third of the time to expiry remains. Confidence is
 * {@code min(1, |trend| / (2 minTrend))}.
 *
 * <p>Probability and expected profit are computed under a lognormal with the forecast volatility
 * and a drift of {@code r - q + persistence * mu}, where {@code mu = trend * vol * sqrt(252 /
 * lookbackDays)} is the annualized mean return the trend statistic implies (its definition solved
 * for the mean, with the forecast volatility standing in for the sample's) and {@code persistence}
 * the fraction of it assumed to continue: the strategy's view, stated as a number. With {@code
 * persistence = 0} they are risk-neutral and a debit spread at mid shows no edge.
 */
public final class DirectionalDeltaStrategy implements Strategy {
  private final double minTrend;
  private final int targetDays;
  private final double shortDelta;
  private final int lookbackDays;
  private final double persistence;

  /**
   * Creates the strategy.
   *
   * @param minTrend minimum absolute trend statistic to act on, e.g. 2.0
   * @param targetDays preferred calendar days to expiry, e.g. 30
   * @param shortDelta absolute delta of the sold (further out-of-the-money) leg, in (0, 0.5)
   * @param lookbackDays the number of daily returns the view's trend statistic was computed over
   *     ({@link Trend#tStatistic}), e.g. 20
   * @param persistence fraction of the trailing drift assumed to continue, in [0, 1], e.g. 0.25
   */
  public DirectionalDeltaStrategy(
      double minTrend, int targetDays, double shortDelta, int lookbackDays, double persistence) {
    this.minTrend = Checks.positive(minTrend, "minTrend");
    this.targetDays = Checks.positive(targetDays, "targetDays");
    if (!(shortDelta > 0 && shortDelta < 0.5)) {
      throw new IllegalArgumentException("shortDelta must be in (0, 0.5), was " + shortDelta);
    }
    this.shortDelta = shortDelta;
    this.lookbackDays = Checks.positive(lookbackDays, "lookbackDays");
    if (!(persistence >= 0 && persistence <= 1)) {
      throw new IllegalArgumentException("persistence must be in [0, 1], was " + persistence);
    }
    this.persistence = persistence;
  }

  /** Creates the strategy with a 20-day trend lookback and persistence 0.25. */
  public DirectionalDeltaStrategy(double minTrend, int targetDays, double shortDelta) {
    this(minTrend, targetDays, shortDelta, 20, 0.25);
  }

  /** Creates the strategy with trend 2.0, 30 days and a 0.25-delta short leg. */
  public DirectionalDeltaStrategy() {
    this(2.0, 30, 0.25);
  }

  @Override
  public String name() {
    return "directional-delta";
  }

  @Override
  public List<Signal> evaluate(MarketView view) {
    double trend = view.trend();
    if (!(Math.abs(trend) >= minTrend)) {
      return List.of();
    }
    OptionType type = trend > 0 ? OptionType.CALL : OptionType.PUT;
    Optional<LocalDate> exp = StrategySupport.expiryNear(view.options(), targetDays / 365.0);
    if (exp.isEmpty() || StrategySupport.holds(view, exp.get())) {
      return List.of();
    }
    List<EnrichedOption> chain = StrategySupport.ofExpiry(view.options(), exp.get());
    Optional<EnrichedOption> atm = StrategySupport.atm(chain, type);
    Optional<EnrichedOption> otm = StrategySupport.byDelta(chain, type, shortDelta);
    if (atm.isEmpty() || otm.isEmpty()) {
      return List.of();
    }
    EnrichedOption buy = atm.get();
    EnrichedOption sell = otm.get();
    double width = Math.abs(sell.contract().strike() - buy.contract().strike());
    boolean furtherOut =
        type == OptionType.CALL
            ? sell.contract().strike() > buy.contract().strike()
            : sell.contract().strike() < buy.contract().strike();
    List<SignalLeg> legs =
        List.of(
            new SignalLeg(buy.contract(), 1, buy.mid()),
            new SignalLeg(sell.contract(), -1, sell.mid()));
    double net = StrategySupport.net(legs);
    if (!furtherOut || !(net > 0 && net < width)) {
      return List.of();
    }
    double years = buy.expiryYears();
    double fv = view.forecast().annualizedVolToExpiry(years);
    double mu = trend * fv * Math.sqrt(252.0 / lookbackDays);
    double drift = view.rate() - view.dividendYield() + persistence * mu;
    PopResult pop = StrategySupport.pop(legs, view, years, fv, drift);
    long days = Math.max(1, Math.round(years * 365 / 3));
    String structure = type == OptionType.CALL ? "call debit spread" : "put debit spread";
    String why =
        String.format(
            Locale.ROOT,
            "trend %+.2f (threshold %.2f): buy %s %.2f/%.2f to %s for %.2f, delta %+.2f",
            trend,
            minTrend,
            structure,
            buy.contract().strike(),
            sell.contract().strike(),
            exp.get(),
            net,
            buy.delta() - sell.delta());
    return List.of(
        new Signal(
            name(),
            view.underlying(),
            structure,
            legs,
            net,
            new ExitRules(0.5, 0.5, exp.get().minusDays(days)),
            StrategySupport.clamp01(Math.abs(trend) / (2 * minTrend)),
            pop.probabilityOfProfit(),
            pop.expectedProfit(),
            pop.maxLoss(),
            why,
            view.asOf()));
  }
}
