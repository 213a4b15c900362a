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

  /**
   * The expiry with time to expiry closest to {@code targetYears}, among liquid quotes (ties: the
   * earlier expiry). A plain loop, not a stream: every strategy runs it over the whole chain at
   * every evaluation, and a stream with a composed comparator cost several times as much (and far
   * more before the JIT compiled it).
   */
  static Optional<LocalDate> expiryNear(List<EnrichedOption> options, double targetYears) {
    EnrichedOption best = null;
    double bestDistance = Double.NaN;
    for (EnrichedOption o : options) {
      if (!(o.mid() > 0 && o.impliedVolatility() > 0)) {
        continue;
      }
      double d = Math.abs(o.expiryYears() - targetYears);
      if (best == null) {
        best = o;
        bestDistance = d;
        continue;
      }
      int c = Double.compare(d, bestDistance);
      if (c < 0 || (c == 0 && o.contract().expiration().isBefore(best.contract().expiration()))) {
        best = o;
        bestDistance = d;
      }
    }
    return best == null ? Optional.empty() : Optional.of(best.contract().expiration());
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

  /**
   * The call or put of this expiry with strike closest to the forward (ties: the lower strike, then
   * the first in the list).
   */
  static Optional<EnrichedOption> atm(List<EnrichedOption> expiry, OptionType type) {
    EnrichedOption best = null;
    for (EnrichedOption o : expiry) {
      if (o.contract().type() != type) {
        continue;
      }
      if (best == null
          || lessThan(
              Math.abs(o.logMoneyness()),
              o.contract().strike(),
              Math.abs(best.logMoneyness()),
              best.contract().strike())) {
        best = o;
      }
    }
    return Optional.ofNullable(best);
  }

  /**
   * The OTM option of a type with |delta| closest to {@code absDelta} (ties: the lower strike, then
   * the first in the list).
   */
  static Optional<EnrichedOption> byDelta(
      List<EnrichedOption> expiry, OptionType type, double absDelta) {
    EnrichedOption best = null;
    for (EnrichedOption o : expiry) {
      if (o.contract().type() != type || Double.isNaN(o.delta())) {
        continue;
      }
      if (!(type == OptionType.CALL ? o.logMoneyness() > 0 : o.logMoneyness() < 0)) {
        continue;
      }
      if (best == null
          || lessThan(
              Math.abs(Math.abs(o.delta()) - absDelta),
              o.contract().strike(),
              Math.abs(Math.abs(best.delta()) - absDelta),
              best.contract().strike())) {
        best = o;
      }
    }
    return Optional.ofNullable(best);
  }

  /**
   * Whether {@code (key, strike)} orders strictly before {@code (bestKey, bestStrike)} with {@link
   * Double#compare} on each: the order of {@code Comparator.comparingDouble(key)
   * .thenComparingDouble(strike)}, whose {@code Stream.min} keeps the first of equal elements.
   */
  private static boolean lessThan(double key, double strike, double bestKey, double bestStrike) {
    int c = Double.compare(key, bestKey);
    return c < 0 || (c == 0 && Double.compare(strike, bestStrike) < 0);
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
