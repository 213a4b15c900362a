package io.github.bsoptions.exec.order;

import java.util.Objects;

/**
 * A position at a broker or in the ledger.
 *
 * @param symbol instrument
 * @param qty signed quantity (negative = short)
 * @param avgEntryPrice average entry price ({@code NaN} when flat)
 */
public record Position(String symbol, long qty, double avgEntryPrice) {

  /** Validates the position. */
  public Position {
    Objects.requireNonNull(symbol, "symbol");
  }
}
