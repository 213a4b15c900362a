package io.github.bsoptions.exec.journal;

/**
 * A journal record could not be made durable, or whether it was is unknown. The caller must not
 * perform the action the record describes; when the message says the journal is in doubt, every
 * further append fails too until the journal is reopened (which reads back what was committed).
 */
public final class JournalWriteException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception. */
  public JournalWriteException(String message, Throwable cause) {
    super(message, cause);
  }

  /** Creates the exception without a cause. */
  public JournalWriteException(String message) {
    super(message);
  }
}
