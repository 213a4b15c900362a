package io.github.bsoptions.risk.pretrade;

import io.github.bsoptions.data.model.Quote;
import io.github.bsoptions.risk.internal.Checks;
import io.github.bsoptions.risk.limits.KillSwitch;
import io.github.bsoptions.risk.limits.RiskLimits;
import io.github.bsoptions.risk.limits.TradingState;
import io.github.bsoptions.risk.portfolio.GreekExposure;
import io.github.bsoptions.risk.portfolio.Instrument;
import io.github.bsoptions.risk.portfolio.OptionInstrument;
import io.github.bsoptions.risk.portfolio.PortfolioAnalyzer;
import io.github.bsoptions.risk.portfolio.Position;
import io.github.bsoptions.risk.portfolio.RiskPricers;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks an order against every limit before it leaves (SEC Rule 15c3-5 style market-access
 * controls plus greek, notional, loss and concentration caps) and returns every violation.
 *
 * <p>Rules, in the order they are reported (see {@link Rule}): kill switch, restricted symbols,
 * quotes (missing, stale, one-sided) and the price collar, per-order contracts, notional, max loss
 * and greeks, buying power, book greeks and gross notional after the order, per-underlying delta,
 * vega and concentration, open orders, order rate, duplicates. A value equal to its limit passes.
 *
 * <p>Working orders (open and in flight, from every strategy and broker) are counted as if filled
 * for exposure, buying power and open-order limits. {@link #check} reads but never changes state;
 * {@link #submit} also records an approved order for the rate and duplicate rules. Time comes from
 * the injected clock. Thread-safe.
 *
 * <p>Buying power needed by an order: the debit paid, or for a credit order its expiry max loss
 * (cash-secured, conservative). Max loss: the worst expiry-intrinsic P&amp;L over every price from
 * 0 to infinity (conservative for calendars, infinite when the order is net short calls or stock).
 */
public final class PreTradeCheck {
  private final RiskLimits limits;
  private final PortfolioAnalyzer analyzer;
  private final InstantSource clock;
  private final KillSwitch killSwitch;
  private final ArrayDeque<Instant> accepted = new ArrayDeque<>();
  private final Map<String, Instant> fingerprints = new HashMap<>();
  private final Map<String, Instant> ids = new HashMap<>();

  /**
   * Returns a check.
   *
   * @param limits the thresholds
   * @param pricers the models the order's greeks are computed with
   * @param clock the time source (quote staleness, rate and duplicate windows)
   * @param killSwitch the kill switch to obey
   */
  public PreTradeCheck(
      RiskLimits limits, RiskPricers pricers, InstantSource clock, KillSwitch killSwitch) {
    this.limits = Checks.notNull(limits, "limits");
    this.analyzer = new PortfolioAnalyzer(Checks.notNull(pricers, "pricers"));
    this.clock = Checks.notNull(clock, "clock");
    this.killSwitch = Checks.notNull(killSwitch, "killSwitch");
  }

  /** Returns the limits enforced. */
  public RiskLimits limits() {
    return limits;
  }

  /** Returns the kill switch obeyed. */
  public KillSwitch killSwitch() {
    return killSwitch;
  }

  /** Returns the decision for {@code order}, without recording it. */
  public synchronized Decision check(OrderProposal order, RiskContext context) {
    Checks.notNull(order, "order");
    Checks.notNull(context, "context");
    Instant now = clock.instant();
    prune(now);
    return new Decision(order.clientOrderId(), evaluate(order, context, now));
  }

  /**
   * Returns the decision for {@code order} and, when approved, records it for the order-rate and
   * duplicate rules (call it right before sending).
   */
  public synchronized Decision submit(OrderProposal order, RiskContext context) {
    Decision d = check(order, context);
    if (d.approved()) {
      Instant now = clock.instant();
      accepted.addLast(now);
      fingerprints.put(order.fingerprint(), now);
      ids.put(order.clientOrderId(), now);
    }
    return d;
  }

  /**
   * Returns the largest quantity, at most {@code order.quantity()}, that passes every rule, or 0
   * when none does. Assumes exposure grows with quantity (true for orders that open risk); the
   * returned quantity is always re-checked and passes.
   */
  public synchronized long largestQuantity(OrderProposal order, RiskContext context) {
    if (!check(order, context).approved()) {
      long lo = 0;
      long hi = order.quantity();
      while (hi - lo > 1) {
        long mid = lo + (hi - lo) / 2;
        if (check(order.withQuantity(mid), context).approved()) {
          lo = mid;
        } else {
          hi = mid;
        }
      }
      return lo;
    }
    return order.quantity();
  }

  private void prune(Instant now) {
    Instant rateCut = now.minus(limits.rateWindow());
    while (!accepted.isEmpty() && !accepted.peekFirst().isAfter(rateCut)) {
      accepted.removeFirst();
    }
    Instant dupCut = now.minus(limits.duplicateWindow());
    prune(fingerprints, dupCut);
    prune(ids, dupCut);
  }

  private static void prune(Map<String, Instant> map, Instant cut) {
    if (map.size() > 64) {
      for (Iterator<Instant> it = map.values().iterator(); it.hasNext(); ) {
        if (!it.next().isAfter(cut)) {
          it.remove();
        }
      }
    }
  }

  private List<Violation> evaluate(OrderProposal o, RiskContext ctx, Instant now) {
    List<Violation> out = new ArrayList<>();
    TradingState state = killSwitch.state();
    if (state == TradingState.HALTED) {
      out.add(new Violation(Rule.KILL_SWITCH, killSwitch.reason(), 1, 0));
    } else if (state == TradingState.REDUCING && !reducesOnly(o, ctx)) {
      out.add(new Violation(Rule.REDUCE_ONLY, killSwitch.reason(), 1, 0));
    }
    Set<String> underlyings = new LinkedHashSet<>();
    for (OrderLeg leg : o.legs()) {
      underlyings.add(leg.instrument().underlying());
      if (limits.restrictedSymbols().contains(leg.symbol())) {
        out.add(new Violation(Rule.RESTRICTED_SYMBOL, leg.symbol(), 1, 0));
      } else if (limits.restrictedSymbols().contains(leg.instrument().underlying())) {
        out.add(new Violation(Rule.RESTRICTED_SYMBOL, leg.instrument().underlying(), 1, 0));
      }
    }
    priceCollar(o, ctx, now, out);
    boolean spotsKnown = true;
    for (String u : underlyings) {
      if (!ctx.market().spots().containsKey(u)) {
        out.add(new Violation(Rule.QUOTE_MISSING, u + " spot", Double.NaN, 0));
        spotsKnown = false;
      }
    }
    if (o.contracts() > limits.maxOrderContracts()) {
      out.add(
          new Violation(Rule.ORDER_CONTRACTS, "order", o.contracts(), limits.maxOrderContracts()));
    }
    double maxLoss = maxLoss(o);
    above(out, Rule.ORDER_MAX_LOSS, "order", maxLoss, limits.maxOrderLoss());
    if (spotsKnown) {
      exposureRules(o, ctx, maxLoss, underlyings, out);
    }
    int open = ctx.workingOrders().size() + 1;
    if (open > limits.maxOpenOrders()) {
      out.add(new Violation(Rule.OPEN_ORDERS, "book", open, limits.maxOpenOrders()));
    }
    int rate = accepted.size() + 1;
    if (rate > limits.maxOrdersPerWindow()) {
      out.add(new Violation(Rule.ORDER_RATE, "window", rate, limits.maxOrdersPerWindow()));
    }
    duplicates(o, ctx, now, out);
    return out;
  }

  private void exposureRules(
      OrderProposal o,
      RiskContext ctx,
      double orderMaxLoss,
      Set<String> underlyings,
      List<Violation> out) {
    double notional = 0;
    for (OrderLeg leg : o.legs()) {
      notional +=
          Math.abs((double) leg.ratio())
              * o.quantity()
              * leg.instrument().multiplier()
              * ctx.market().spot(leg.instrument().underlying());
    }
    above(out, Rule.ORDER_NOTIONAL, "order", notional, limits.maxOrderNotional());
    Map<String, GreekExposure> added = new HashMap<>();
    GreekExposure orderExp = GreekExposure.ZERO;
    for (Position p : o.asPositions()) {
      GreekExposure e = analyzer.exposure(p, ctx.market());
      orderExp = orderExp.plus(e);
      added.merge(p.underlying(), e, GreekExposure::plus);
    }
    above(
        out,
        Rule.ORDER_DELTA,
        "order",
        Math.abs(orderExp.dollarDelta()),
        limits.maxOrderDollarDelta());
    above(
        out,
        Rule.ORDER_GAMMA,
        "order",
        Math.abs(orderExp.dollarGamma()),
        limits.maxOrderDollarGamma());
    above(out, Rule.ORDER_VEGA, "order", Math.abs(orderExp.vega()), limits.maxOrderVega());

    double bpUsed = 0;
    GreekExposure total = ctx.greeks().total().plus(orderExp);
    for (OrderProposal w : ctx.workingOrders()) {
      bpUsed += buyingPowerNeeded(w, maxLoss(w));
      for (Position p : w.asPositions()) {
        if (!ctx.market().spots().containsKey(p.underlying())) {
          continue; // cannot value; its own check required the spot
        }
        GreekExposure e = analyzer.exposure(p, ctx.market());
        total = total.plus(e);
        if (underlyings.contains(p.underlying())) {
          added.merge(p.underlying(), e, GreekExposure::plus);
        }
      }
    }
    double needed = buyingPowerNeeded(o, orderMaxLoss);
    double available = Math.max(0, ctx.account().buyingPower() - bpUsed);
    above(out, Rule.BUYING_POWER, "account", needed, available);

    above(
        out,
        Rule.PORTFOLIO_DELTA,
        "book",
        Math.abs(total.dollarDelta()),
        limits.maxPortfolioDollarDelta());
    above(
        out,
        Rule.PORTFOLIO_GAMMA,
        "book",
        Math.abs(total.dollarGamma()),
        limits.maxPortfolioDollarGamma());
    above(out, Rule.PORTFOLIO_VEGA, "book", Math.abs(total.vega()), limits.maxPortfolioVega());
    above(out, Rule.PORTFOLIO_THETA, "book", Math.abs(total.theta()), limits.maxPortfolioTheta());
    above(out, Rule.GROSS_NOTIONAL, "book", total.grossNotional(), limits.maxGrossNotional());
    for (String u : underlyings) {
      GreekExposure e = ctx.greeks().underlying(u).plus(added.getOrDefault(u, GreekExposure.ZERO));
      above(
          out,
          Rule.UNDERLYING_DELTA,
          u,
          Math.abs(e.dollarDelta()),
          limits.maxUnderlyingDollarDelta());
      above(out, Rule.UNDERLYING_VEGA, u, Math.abs(e.vega()), limits.maxUnderlyingVega());
      above(
          out,
          Rule.CONCENTRATION,
          u,
          e.grossNotional() / ctx.account().equity(),
          limits.maxConcentration());
    }
  }

  private void priceCollar(OrderProposal o, RiskContext ctx, Instant now, List<Violation> out) {
    double netMid = 0;
    double grossMid = 0;
    boolean complete = true;
    Duration maxAge = limits.maxQuoteAge();
    for (OrderLeg leg : o.legs()) {
      Optional<Quote> q = ctx.quotes().latest(leg.symbol());
      if (q.isEmpty()) {
        out.add(new Violation(Rule.QUOTE_MISSING, leg.symbol(), Double.NaN, 0));
        complete = false;
        continue;
      }
      Quote quote = q.get();
      Duration age = Duration.between(quote.timestamp(), now);
      if (age.compareTo(maxAge) > 0) {
        out.add(new Violation(Rule.QUOTE_STALE, leg.symbol(), seconds(age), seconds(maxAge)));
        complete = false;
      } else if (!quote.isTwoSided()) {
        out.add(new Violation(Rule.QUOTE_STALE, leg.symbol() + " one-sided", Double.NaN, 0));
        complete = false;
      } else {
        netMid += leg.ratio() * quote.mid();
        grossMid += Math.abs((double) leg.ratio()) * quote.mid();
      }
    }
    if (complete) {
      double band = Math.max(limits.priceCollar() * grossMid, limits.priceCollarMinimum());
      // Paying more than the mid plus the band (debits up, credits toward zero) is aggressive.
      above(out, Rule.PRICE_COLLAR, "order", o.limitPrice() - netMid, band);
    }
  }

  private void duplicates(OrderProposal o, RiskContext ctx, Instant now, List<Violation> out) {
    Instant cut = now.minus(limits.duplicateWindow());
    Instant seen = fingerprints.get(o.fingerprint());
    boolean dup = seen != null && seen.isAfter(cut);
    Instant idSeen = ids.get(o.clientOrderId());
    dup |= idSeen != null && idSeen.isAfter(cut);
    for (OrderProposal w : ctx.workingOrders()) {
      dup |= w.clientOrderId().equals(o.clientOrderId());
    }
    if (dup) {
      out.add(new Violation(Rule.DUPLICATE_ORDER, o.clientOrderId(), 1, 0));
    }
  }

  private static void above(
      List<Violation> out, Rule rule, String subject, double value, double limit) {
    if (!(value <= limit)) {
      out.add(new Violation(rule, subject, value, limit));
    }
  }

  private static double seconds(Duration d) {
    return d.toNanos() / 1e9;
  }

  /** Returns true when every leg trades against an existing position and shrinks it. */
  private static boolean reducesOnly(OrderProposal o, RiskContext ctx) {
    for (Position add : o.asPositions()) {
      double held = 0;
      Instrument inst = add.instrument();
      for (Position p : ctx.portfolio().positions()) {
        if (p.instrument().equals(inst)) {
          held += p.quantity();
        }
      }
      if (!(held * add.quantity() < 0 && Math.abs(add.quantity()) <= Math.abs(held))) {
        return false;
      }
    }
    return true;
  }

  /** Returns the buying power an order needs: its debit, or its max loss when it is a credit. */
  static double buyingPowerNeeded(OrderProposal o, double maxLoss) {
    double cash = o.cashAmount();
    return cash > 0 ? cash : maxLoss;
  }

  /**
   * Returns the worst loss of {@code o} filled at its limit and held to expiry, using expiry
   * intrinsic values; {@code +infinity} when it is unbounded.
   */
  public static double maxLoss(OrderProposal o) {
    double slope = 0;
    List<Double> points = new ArrayList<>();
    points.add(0.0);
    for (OrderLeg leg : o.legs()) {
      if (leg.instrument() instanceof OptionInstrument opt) {
        points.add(opt.strike());
        if (opt.type().isCall()) {
          slope += leg.ratio();
        }
      } else {
        slope += leg.ratio();
      }
    }
    if (slope < 0) {
      return Double.POSITIVE_INFINITY;
    }
    double worst = Double.POSITIVE_INFINITY;
    for (double s : points) {
      double pnl = -o.limitPrice();
      for (OrderLeg leg : o.legs()) {
        double unit = leg.instrument() instanceof OptionInstrument opt ? opt.payoff(s) : s;
        pnl += leg.ratio() * unit;
      }
      worst = Math.min(worst, pnl);
    }
    return Math.max(0.0, -worst) * o.quantity() * o.multiplier();
  }
}
