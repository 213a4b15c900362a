package io.github.bsoptions.exec.order;

import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Deterministic client order ids: {@code <namespace>-<strategy>-<sequence in base 36>}.
 *
 * <p>The namespace identifies one journal (it is written in the journal's first record, so it
 * survives restarts); the sequence is a counter that recovery re-seeds from the largest sequence
 * found in the journal, so ids never repeat across restarts; the strategy tag separates strategies.
 * Ids are at most 48 characters of {@code [A-Za-z0-9-]}. Thread-safe.
 */
public final class ClientOrderIds {
  private static final Pattern PART = Pattern.compile("[A-Za-z0-9]{1,16}");
  private final String namespace;
  private final AtomicLong next;

  /**
   * Creates a generator.
   *
   * @param namespace 1 to 16 alphanumeric characters identifying the journal
   * @param nextSequence the first sequence number to hand out ({@code >= 0})
   */
  public ClientOrderIds(String namespace, long nextSequence) {
    if (namespace == null || !PART.matcher(namespace).matches()) {
      throw new IllegalArgumentException(
          "namespace must be 1-16 alphanumeric characters, was '" + namespace + "'");
    }
    if (nextSequence < 0) {
      throw new IllegalArgumentException("nextSequence must be >= 0, was " + nextSequence);
    }
    this.namespace = namespace;
    this.next = new AtomicLong(nextSequence);
  }

  /** Returns the namespace. */
  public String namespace() {
    return namespace;
  }

  /** Returns the next sequence number that will be handed out. */
  public long peekSequence() {
    return next.get();
  }

  /**
   * Returns a fresh id for the strategy.
   *
   * @param strategy 1 to 16 alphanumeric characters
   */
  public String next(String strategy) {
    if (strategy == null || !PART.matcher(strategy).matches()) {
      throw new IllegalArgumentException(
          "strategy must be 1-16 alphanumeric characters, was '" + strategy + "'");
    }
    long seq = next.getAndIncrement();
    return namespace + "-" + strategy + "-" + Long.toString(seq, 36);
  }

  /**
   * Returns the sequence encoded in an id made by a generator of this namespace, or -1 when the id
   * was not made by one.
   */
  public long sequenceOf(String clientOrderId) {
    if (clientOrderId == null || !clientOrderId.startsWith(namespace + "-")) {
      return -1;
    }
    int dash = clientOrderId.lastIndexOf('-');
    if (dash <= namespace.length()) {
      return -1;
    }
    try {
      return Long.parseLong(clientOrderId.substring(dash + 1), 36);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** Moves the counter past {@code sequence} (used by recovery). */
  public void advancePast(long sequence) {
    next.accumulateAndGet(sequence + 1, Math::max);
  }
}
