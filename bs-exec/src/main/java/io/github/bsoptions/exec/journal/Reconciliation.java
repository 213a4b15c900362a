package io.github.bsoptions.exec.journal;

import java.util.List;

/**
 * The result of reconciling the ledger with the brokers.
 *
 * @param actions what was corrected (journalled), e.g. adopted orders and missed fills
 * @param discrepancies what could not be reconciled; trading must not start while non-empty
 */
public record Reconciliation(List<String> actions, List<String> discrepancies) {

  /** Copies the lists. */
  public Reconciliation {
    actions = List.copyOf(actions);
    discrepancies = List.copyOf(discrepancies);
  }

  /** Returns true when nothing is left unexplained. */
  public boolean ok() {
    return discrepancies.isEmpty();
  }
}
