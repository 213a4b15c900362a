package io.github.bsoptions.risk.pretrade;

import io.github.bsoptions.risk.internal.Checks;
import io.github.bsoptions.risk.portfolio.Position;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An order as the risk layer sees it before it leaves: legs, a quantity of order units and a net
 * limit price.
 *
 * <p>Prices are quoted per share as brokers quote them: {@code limitPrice} is the net price of one
 * order unit, {@code sum(ratio_i * price_i)}, positive for a debit (paid) and negative for a
 * credit; the cash amount is {@code limitPrice * quantity * multiplier}. All legs therefore share
 * one multiplier (100 for option spreads, 1 for stock); submit a stock hedge as its own proposal.
 *
 * @param clientOrderId the client order id
 * @param strategyId the strategy that proposes it
 * @param legs the legs (at least one)
 * @param quantity order units ({@code > 0})
 * @param limitPrice net limit price per unit, per share (finite)
 * @param createdAt when the proposal was made
 */
public record OrderProposal(
    String clientOrderId,
    String strategyId,
    List<OrderLeg> legs,
    long quantity,
    double limitPrice,
    Instant createdAt) {

  /** Validates the proposal. */
  public OrderProposal {
    clientOrderId = Checks.symbol(clientOrderId, "clientOrderId");
    strategyId = Checks.symbol(strategyId, "strategyId");
    Checks.notNull(legs, "legs");
    legs = List.copyOf(legs);
    if (legs.isEmpty()) {
      throw new IllegalArgumentException("legs must not be empty (order " + clientOrderId + ")");
    }
    double m = legs.get(0).instrument().multiplier();
    for (OrderLeg leg : legs) {
      if (leg.instrument().multiplier() != m) {
        throw new IllegalArgumentException(
            "all legs must share one multiplier, "
                + leg.symbol()
                + " has "
                + leg.instrument().multiplier()
                + " vs "
                + m);
      }
    }
    if (quantity <= 0) {
      throw new IllegalArgumentException("quantity must be > 0, was " + quantity);
    }
    Checks.finite(limitPrice, "limitPrice");
    Checks.notNull(createdAt, "createdAt");
  }

  /** Returns a single-leg proposal. */
  public static OrderProposal single(
      String clientOrderId,
      String strategyId,
      OrderLeg leg,
      long quantity,
      double limitPrice,
      Instant createdAt) {
    return new OrderProposal(
        clientOrderId, strategyId, List.of(leg), quantity, limitPrice, createdAt);
  }

  /** Returns the multiplier shared by the legs. */
  public double multiplier() {
    return legs.get(0).instrument().multiplier();
  }

  /** Returns a copy with another quantity (same id). */
  public OrderProposal withQuantity(long newQuantity) {
    return new OrderProposal(clientOrderId, strategyId, legs, newQuantity, limitPrice, createdAt);
  }

  /** Returns the sum of {@code |ratio| * quantity} over the legs (contracts or shares). */
  public long contracts() {
    long c = 0;
    for (OrderLeg leg : legs) {
      c += Math.abs((long) leg.ratio()) * quantity;
    }
    return c;
  }

  /** Returns the net cash paid when filled at the limit (negative = received). */
  public double cashAmount() {
    return limitPrice * quantity * multiplier();
  }

  /** Returns the positions the order would add when filled, one per leg. */
  public List<Position> asPositions() {
    List<Position> out = new ArrayList<>(legs.size());
    for (int i = 0; i < legs.size(); i++) {
      OrderLeg leg = legs.get(i);
      out.add(
          new Position(
              clientOrderId + "#" + i,
              leg.instrument(),
              (double) leg.ratio() * quantity,
              clientOrderId));
    }
    return out;
  }

  /** Returns a key equal for orders that would be duplicates of each other. */
  String fingerprint() {
    StringBuilder sb = new StringBuilder(strategyId).append('|').append(quantity).append('|');
    sb.append(limitPrice);
    for (OrderLeg leg : legs) {
      sb.append('|').append(leg.symbol()).append(':').append(leg.ratio());
    }
    return sb.toString();
  }
}
