package io.github.bsoptions.signals.pop;

import io.github.bsoptions.signals.internal.Checks;

/**
 * One leg of a position held to expiry, per unit of underlying (no contract multiplier).
 *
 * @param kind call, put or the underlying itself
 * @param strike strike (ignored for {@link Kind#UNDERLYING}, use 0)
 * @param quantity signed quantity, positive long, negative short, non-zero
 * @param price price paid per unit when opening (premium, or the stock price), {@code >= 0}
 */
public record PayoffLeg(Kind kind, double strike, double quantity, double price) {

  /** Validates the leg. */
  public PayoffLeg {
    if (kind == null) {
      throw new IllegalArgumentException("kind must not be null");
    }
    if (kind != Kind.UNDERLYING) {
      Checks.positive(strike, "strike");
    }
    Checks.finite(quantity, "quantity");
    if (quantity == 0) {
      throw new IllegalArgumentException("quantity must not be 0");
    }
    Checks.nonNegative(price, "price");
  }

  /** Returns a call leg. */
  public static PayoffLeg call(double strike, double quantity, double premium) {
    return new PayoffLeg(Kind.CALL, strike, quantity, premium);
  }

  /** Returns a put leg. */
  public static PayoffLeg put(double strike, double quantity, double premium) {
    return new PayoffLeg(Kind.PUT, strike, quantity, premium);
  }

  /** Returns the leg's value at expiry for an underlying price {@code s}, before premium. */
  public double valueAt(double s) {
    switch (kind) {
      case CALL:
        return quantity * Math.max(s - strike, 0);
      case PUT:
        return quantity * Math.max(strike - s, 0);
      default:
        return quantity * s;
    }
  }

  /** Returns the profit at expiry: value minus the opening cost {@code quantity * price}. */
  public double profitAt(double s) {
    return valueAt(s) - quantity * price;
  }

  /** What a leg holds. */
  public enum Kind {
    /** A European call. */
    CALL,
    /** A European put. */
    PUT,
    /** The underlying. */
    UNDERLYING
  }
}
