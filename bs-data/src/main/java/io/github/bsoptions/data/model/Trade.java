package io.github.bsoptions.data.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A trade print.
 *
 * @param symbol the stock or OCC option symbol
 * @param price the trade price ({@code > 0})
 * @param size the size in shares or contracts
 * @param timestamp when the trade happened
 */
public record Trade(String symbol, double price, long size, Instant timestamp) {

  /** Validates the trade. */
  public Trade {
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(timestamp, "timestamp");
    if (!(price > 0 && price < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException("price must be finite and > 0, was " + price);
    }
    if (size < 0) {
      throw new IllegalArgumentException("size must be >= 0, was " + size);
    }
  }
}
