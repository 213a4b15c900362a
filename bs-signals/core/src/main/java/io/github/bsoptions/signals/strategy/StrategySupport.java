package io.github.bsoptions.signals.strategy;

import io.github.bsoptions.data.model.EnrichedOption;
import io.github.bsoptions.pricing.product.OptionType;
import io.github.bsoptions.signals.pop.PayoffLeg;
import io.github.bsoptions.signals.pop.PopResult;
import io.github.bsoptions.signals.pop.ProbabilityOfProfit;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Helpers shared by the built-in strategies: expiry choice, ATM and delta lookups, PoP. */
final class StrategySupport {
  private StrategySupport() {}

  /** The expiry with time to expiry closest to {@code targetYears}, among liquid quotes. */
  static Optional<LocalDate> expiryNear(List<EnrichedOption> options, double targetYears) {
    return options.stream()
        .filter(o -> o.mid() > 0 && o.impliedVolatility() > 0)
        .min(
            Comparator.comparingDouble(
                    (EnrichedOption o) -> Math.abs(o.expiryYears() - targetYears))
                .thenComparing(o -> o.contract().expiration()))
        .map(o -> o.contract().expiration());
  }

  static List<EnrichedOption> ofExpiry(List<EnrichedOption> options, LocalDate expiry) {
    List<EnrichedOption> out = new ArrayList<>();
    for (EnrichedOption o : options) {
      if (o.contract().expiration().equals(expiry) && o.mid() > 0 && o.impliedVolatility() > 0) {
        out.add(o);
      }
    }
    out.sort(Comparator.comparingDouble(o -> o.contract().strike()));
    return out;
  }

  /** The call or put of this expiry with strike closest to the forward. */
  static Optional<EnrichedOption> atm(List<EnrichedOption> expiry, OptionType type) {
    return expiry.stream()
        .filter(o -> o.contract().type() == type)
        .min(
            Comparator.comparingDouble((EnrichedOption o) -> Math.abs(o.logMoneyness()))
                .thenComparingDouble(o -> o.contract().strike()));
  }

  /** The OTM option of a type with |delta| closest to {@code absDelta}. */
  static Optional<EnrichedOption> byDelta(
      List<EnrichedOption> expiry, OptionType type, double absDelta) {
    return expiry.stream()
        .filter(o -> o.contract().type() == type && !Double.isNaN(o.delta()))
        .filter(o -> type == OptionType.CALL ? o.logMoneyness() > 0 : o.logMoneyness() < 0)
        .min(
            Comparator.comparingDouble(
                    (EnrichedOption o) -> Math.abs(Math.abs(o.delta()) - absDelta))
                .thenComparingDouble(o -> o.contract().strike()));
  }

  /** The option of the same type {@code steps} strikes further out of the money than {@code o}. */
  static Optional<EnrichedOption> wing(List<EnrichedOption> expiry, EnrichedOption o, int steps) {
    List<EnrichedOption> same = new ArrayList<>();
    for (EnrichedOption x : expiry) {
      if (x.contract().type() == o.contract().type()) {
        same.add(x);
      }
    }
    int i = same.indexOf(o);
    int j = o.contract().type() == OptionType.CALL ? i + steps : i - steps;
    return i >= 0 && j >= 0 && j < same.size() ? Optional.of(same.get(j)) : Optional.empty();
  }

  static PopResult pop(List<SignalLeg> legs, MarketView view, double years, double vol) {
    return pop(legs, view, years, vol, view.rate() - view.dividendYield());
  }

  /** As {@link #pop(List, MarketView, double, double)} with the underlying's drift given. */
  static PopResult pop(
      List<SignalLeg> legs, MarketView view, double years, double vol, double drift) {
    List<PayoffLeg> pl = new ArrayList<>();
    for (SignalLeg l : legs) {
      pl.add(
          new PayoffLeg(
              l.contract().type() == OptionType.CALL ? PayoffLeg.Kind.CALL : PayoffLeg.Kind.PUT,
              l.contract().strike(),
              l.quantity(),
              l.price()));
    }
    return ProbabilityOfProfit.analyze(pl, view.spot(), years, drift, vol);
  }

  static double net(List<SignalLeg> legs) {
    double s = 0;
    for (SignalLeg l : legs) {
      s += l.quantity() * l.price();
    }
    return s;
  }

  static boolean holds(MarketView view, LocalDate expiry) {
    return view.positions().stream()
        .anyMatch(p -> p.quantity() != 0 && p.contract().expiration().equals(expiry));
  }

  static double clamp01(double x) {
    return Math.max(0, Math.min(1, x));
  }
}
