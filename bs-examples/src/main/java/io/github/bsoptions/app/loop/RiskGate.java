package io.github.bsoptions.app.loop;

import io.github.bsoptions.app.obs.AppMetrics;
import io.github.bsoptions.app.obs.Stage;
import io.github.bsoptions.exec.order.OrderRequest;
import io.github.bsoptions.exec.order.Side;
import io.github.bsoptions.exec.spi.GateDecision;
import io.github.bsoptions.exec.spi.PreTradeGate;
import io.github.bsoptions.risk.portfolio.Instrument;
import io.github.bsoptions.risk.pretrade.Decision;
import io.github.bsoptions.risk.pretrade.OrderLeg;
import io.github.bsoptions.risk.pretrade.OrderProposal;
import io.github.bsoptions.risk.pretrade.PreTradeCheck;
import io.github.bsoptions.risk.pretrade.RiskContext;
import io.github.bsoptions.risk.pretrade.Violation;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The bs-exec {@link PreTradeGate} backed by bs-risk's {@link PreTradeCheck}: converts the order to
 * an {@link OrderProposal}, checks it against the current {@link RiskContext} and records the
 * approved ones (rate and duplicate rules). Times each check as {@link Stage#RISK_CHECK} and counts
 * denials by rule.
 */
public final class RiskGate implements PreTradeGate {
  private final PreTradeCheck check;
  private final Supplier<RiskContext> context;
  private final Function<String, Instrument> instruments;
  private final Clock clock;
  private final AppMetrics metrics;
  private long lastCheckNanos;

  /**
   * Creates the gate.
   *
   * @param check the pre-trade check
   * @param context the current risk context (portfolio, greeks, account, quotes)
   * @param instruments the instrument of a symbol (null when unknown: the order is denied)
   * @param clock the clock for proposal times
   * @param metrics where latency and denials go
   */
  public RiskGate(
      PreTradeCheck check,
      Supplier<RiskContext> context,
      Function<String, Instrument> instruments,
      Clock clock,
      AppMetrics metrics) {
    this.check = check;
    this.context = context;
    this.instruments = instruments;
    this.clock = clock;
    this.metrics = metrics;
  }

  /** Returns how long the last check took, in nanoseconds. */
  public long lastCheckNanos() {
    return lastCheckNanos;
  }

  /**
   * Returns the order as the risk layer sees it, or null when an instrument is unknown.
   *
   * @param strategy strategy id
   * @param order the order
   */
  public OrderProposal proposal(String strategy, OrderRequest order) {
    List<OrderLeg> legs = new ArrayList<>();
    if (order.legs().isEmpty()) {
      Instrument ins = instruments.apply(order.symbol());
      if (ins == null) {
        return null;
      }
      legs.add(new OrderLeg(order.symbol(), ins, order.side() == Side.BUY ? 1 : -1));
    } else {
      for (io.github.bsoptions.exec.order.OrderLeg l : order.legs()) {
        Instrument ins = instruments.apply(l.symbol());
        if (ins == null) {
          return null;
        }
        legs.add(new OrderLeg(l.symbol(), ins, l.side() == Side.BUY ? l.ratio() : -l.ratio()));
      }
    }
    double limit = order.limitPrice();
    if (order.legs().isEmpty() && order.side() == Side.SELL) {
      limit = -limit; // one sold leg: a credit in the risk layer's net-price convention
    }
    return new OrderProposal(
        order.clientOrderId(), strategy, legs, order.qty(), limit, clock.instant());
  }

  /**
   * Returns the largest quantity of {@code order} the limits allow now (0 when none), so sizing can
   * take the smaller of Kelly and the limits.
   */
  public long largestQuantity(String strategy, OrderRequest order) {
    OrderProposal p = proposal(strategy, order);
    return p == null ? 0 : check.largestQuantity(p, context.get());
  }

  /**
   * Returns whether every leg of the order trades against a held position of the opposite sign and
   * no larger than it: the order can only close exposure. Such orders (the loop's exits) pass
   * without the exposure limits, which would otherwise see, say, the sale that closes a long
   * straddle as a naked short straddle with unbounded loss; the engine's kill switch still applies.
   */
  static boolean closesOnly(OrderProposal p, RiskContext ctx) {
    java.util.Map<String, Double> held = new java.util.HashMap<>();
    for (io.github.bsoptions.risk.portfolio.Position pos : ctx.portfolio().positions()) {
      held.merge(pos.id(), pos.quantity(), Double::sum);
    }
    for (OrderLeg leg : p.legs()) {
      double q = (double) leg.ratio() * p.quantity();
      double h = held.getOrDefault(leg.symbol(), 0.0);
      if (!(h * q < 0 && Math.abs(q) <= Math.abs(h))) {
        return false;
      }
      held.put(leg.symbol(), h + q);
    }
    return !p.legs().isEmpty();
  }

  @Override
  public GateDecision check(String strategy, OrderRequest order) {
    long t0 = System.nanoTime();
    try {
      OrderProposal p = proposal(strategy, order);
      if (p == null) {
        metrics.riskRejection("UNKNOWN_INSTRUMENT");
        return GateDecision.reject("unknown instrument in " + order);
      }
      RiskContext ctx = context.get();
      if (closesOnly(p, ctx)) {
        return GateDecision.accept();
      }
      Decision d = check.submit(p, ctx);
      if (d.approved()) {
        return GateDecision.accept();
      }
      List<String> reasons = new ArrayList<>();
      for (Violation v : d.violations()) {
        metrics.riskRejection(v.rule().name());
        reasons.add(v.message());
      }
      return GateDecision.reject(reasons.toArray(String[]::new));
    } finally {
      lastCheckNanos = System.nanoTime() - t0;
      metrics.latency().record(Stage.RISK_CHECK, lastCheckNanos);
    }
  }
}
