package io.github.bsoptions.signals.strategy;

import io.github.bsoptions.data.model.OptionContract;
import java.util.Objects;

/**
 * A currently held option position, so strategies can avoid doubling up.
 *
 * @param contract the option
 * @param quantity signed contracts held
 */
public record Position(OptionContract contract, long quantity) {
  /** Validates. */
  public Position {
    Objects.requireNonNull(contract, "contract");
  }
}
