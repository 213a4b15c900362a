package io.github.bsoptions.signals.strategy;

import io.github.bsoptions.signals.internal.Checks;
import java.time.LocalDate;
import java.util.Objects;

/**
 * When to close a position opened on a signal.
 *
 * @param profitTarget close when the profit reaches this fraction of the entry premium (e.g. 0.5 =
 *     half the credit kept, or a 50 % gain on a debit)
 * @param stopLoss close when the loss reaches this fraction of the entry premium (e.g. 2.0 = loss
 *     of twice the credit)
 * @param exitBy close on this date at the latest
 */
public record ExitRules(double profitTarget, double stopLoss, LocalDate exitBy) {

  /** Validates the rules. */
  public ExitRules {
    Checks.positive(profitTarget, "profitTarget");
    Checks.positive(stopLoss, "stopLoss");
    Objects.requireNonNull(exitBy, "exitBy");
  }
}
