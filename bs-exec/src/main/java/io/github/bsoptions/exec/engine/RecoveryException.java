package io.github.bsoptions.exec.engine;

import io.github.bsoptions.exec.journal.Reconciliation;

/** The engine refused to start: reconciliation left discrepancies, which the message names. */
public final class RecoveryException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient Reconciliation reconciliation;

  /** Creates the exception. */
  public RecoveryException(Reconciliation reconciliation) {
    super("refusing to start; discrepancies: " + reconciliation.discrepancies());
    this.reconciliation = reconciliation;
  }

  /** Returns the reconciliation. */
  public Reconciliation reconciliation() {
    return reconciliation;
  }
}
