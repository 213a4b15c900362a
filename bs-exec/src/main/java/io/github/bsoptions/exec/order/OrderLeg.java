package io.github.bsoptions.exec.order;

import io.github.bsoptions.data.model.OptionContract;
import java.util.Objects;

/**
 * One leg of a multi-leg ({@code mleg}) option order.
 *
 * @param symbol OCC option symbol
 * @param side buy or sell
 * @param ratio ratio quantity ({@code >= 1}); the leg trades {@code ratio * order qty} contracts
 * @param intent position intent, or null
 */
public record OrderLeg(String symbol, Side side, int ratio, PositionIntent intent) {

  /** Validates the leg. */
  public OrderLeg {
    Objects.requireNonNull(side, "side");
    if (symbol == null || !OptionContract.isOccSymbol(symbol)) {
      throw new IllegalArgumentException(
          "leg symbol must be an OCC option symbol, was '" + symbol + "'");
    }
    if (ratio < 1) {
      throw new IllegalArgumentException("leg ratio must be >= 1, was " + ratio);
    }
    if (intent != null && intent.side() != side) {
      throw new IllegalArgumentException(
          "leg position_intent " + intent.wire() + " contradicts side " + side.wire());
    }
  }

  /** A leg with no position intent. */
  public static OrderLeg of(String symbol, Side side, int ratio) {
    return new OrderLeg(symbol, side, ratio, null);
  }
}
