package io.github.bsoptions.risk.pretrade;

import io.github.bsoptions.risk.internal.Checks;

/**
 * The account at check time.
 *
 * @param equity net liquidation value, in currency (finite, {@code > 0})
 * @param buyingPower buying power available before working orders, in currency (finite, {@code >=
 *     0})
 */
public record AccountState(double equity, double buyingPower) {

  /** Validates the account. */
  public AccountState {
    Checks.positive(equity, "equity");
    Checks.nonNegative(buyingPower, "buyingPower");
  }
}
