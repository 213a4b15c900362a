package io.github.bsoptions.signals.strategy;

import io.github.bsoptions.data.model.OptionContract;
import io.github.bsoptions.signals.internal.Checks;
import java.util.Objects;

/**
 * One leg of a signal.
 *
 * @param contract the option
 * @param quantity signed contracts: positive buy, negative sell; non-zero
 * @param price the reference price per share (the mid when the signal was made)
 */
public record SignalLeg(OptionContract contract, int quantity, double price) {

  /** Validates the leg. */
  public SignalLeg {
    Objects.requireNonNull(contract, "contract");
    if (quantity == 0) {
      throw new IllegalArgumentException("quantity must not be 0");
    }
    Checks.nonNegative(price, "price");
  }

  /** Returns whether the leg buys. */
  public boolean isBuy() {
    return quantity > 0;
  }
}
