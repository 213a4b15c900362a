package io.github.bsoptions.data.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A top-of-book quote. A side without an active order has price 0 and size 0 (as Alpaca reports
 * it); use {@link #hasBid()} and {@link #hasAsk()}.
 *
 * @param symbol the stock or OCC option symbol
 * @param bid best bid price ({@code >= 0})
 * @param ask best ask price ({@code >= 0})
 * @param bidSize bid size (shares or contracts)
 * @param askSize ask size
 * @param timestamp when the quote was made
 */
public record Quote(
    String symbol, double bid, double ask, long bidSize, long askSize, Instant timestamp) {

  /** Validates the quote (prices finite and not negative, sizes not negative). */
  public Quote {
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(timestamp, "timestamp");
    if (!(bid >= 0 && bid < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException("bid must be finite and >= 0, was " + bid);
    }
    if (!(ask >= 0 && ask < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException("ask must be finite and >= 0, was " + ask);
    }
    if (bidSize < 0 || askSize < 0) {
      throw new IllegalArgumentException("sizes must be >= 0, were " + bidSize + "/" + askSize);
    }
  }

  /** Returns true when there is a bid. */
  public boolean hasBid() {
    return bid > 0;
  }

  /** Returns true when there is an ask. */
  public boolean hasAsk() {
    return ask > 0;
  }

  /** Returns true when both sides are present and not crossed. */
  public boolean isTwoSided() {
    return hasBid() && hasAsk() && ask >= bid;
  }

  /** Returns the mid price, or NaN when the quote is not two-sided. */
  public double mid() {
    return isTwoSided() ? 0.5 * (bid + ask) : Double.NaN;
  }

  /** Returns ask minus bid, or NaN when the quote is not two-sided. */
  public double spread() {
    return isTwoSided() ? ask - bid : Double.NaN;
  }

  /** Returns the spread as a fraction of the mid, or NaN when not two-sided. */
  public double spreadFraction() {
    return isTwoSided() ? (ask - bid) / mid() : Double.NaN;
  }
}
