package io.github.bsoptions.exec.journal;

/**
 * The journal failed its integrity check (bad checksum, bad sequence, unreadable record) before its
 * tail. The engine must not trade on it.
 */
public final class JournalCorruptedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message naming the offset and the problem. */
  public JournalCorruptedException(String message) {
    super(message);
  }
}
