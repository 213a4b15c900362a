package io.github.bsoptions.exec.journal;

import java.util.List;
import java.util.Map;

/**
 * A durable, append-only, write-ahead journal: every intent, submission, acknowledgement and fill
 * is appended here before it is acted upon.
 *
 * <p>Contract shared by every implementation (and checked by one shared test):
 *
 * <ul>
 *   <li>Record 0 is an {@link EntryType#HEADER} carrying the namespace and format version; sequence
 *       numbers are consecutive.
 *   <li>{@link #append} returns only after the record is durable (forced to the device, or
 *       committed); a record that {@code append} returned survives a crash of the process. When
 *       {@code append} throws, the caller must not perform the action the record describes.
 *   <li>{@link #appendDeferred} (group commit) numbers the record at once but may make it durable
 *       later: with the next {@link #append}, at {@link #flush()} or {@link #close()}, or after the
 *       store's own short delay. Records become durable in sequence order, so what survives a crash
 *       is always a prefix of the sequence: a durable record implies every record before it. Only
 *       records whose loss recovery repairs by asking the broker (what the broker already said:
 *       acknowledgements, status changes, fills) may be deferred; anything that precedes an action
 *       (an intent before its send) must use {@link #append}.
 *   <li>Opening checks integrity: a sequence gap, an unparsable or altered record throws {@link
 *       JournalCorruptedException} naming the place, and the engine refuses to trade.
 * </ul>
 *
 * <p>Implementations: {@link Journal} (one file, CRC-32C per line, fsync per durable record) and
 * {@link JdbcJournal} (one table through {@code java.sql}: embedded H2 or PostgreSQL, one
 * transaction per durable record and the deferred records before it).
 */
public interface JournalStore extends AutoCloseable {
  /** Returns the namespace (seeds client order ids). */
  String namespace();

  /**
   * Returns the records found when the journal was opened (header included), checked and in order.
   */
  List<JournalRecord> recovered();

  /**
   * Reads every durable record again from the storage, checked and in order (header included);
   * deferred records are made durable first (except on a journal that can no longer write).
   *
   * @throws JournalCorruptedException when the stored records fail the integrity check
   */
  List<JournalRecord> readAll();

  /** Returns the sequence number the next record will get. */
  long nextSeq();

  /**
   * Appends a record and returns it once it is durable.
   *
   * @param type record type
   * @param clientOrderId the order it concerns, or empty
   * @param fields named values
   * @return the record with its sequence number
   * @throws RuntimeException ({@link java.io.UncheckedIOException} or {@link
   *     JournalWriteException}) when the record may not be durable; the caller must not perform the
   *     action the record describes
   */
  JournalRecord append(EntryType type, String clientOrderId, Map<String, String> fields);

  /**
   * Appends a record whose durability may be deferred (group commit): it gets its sequence number
   * now and becomes durable, in sequence order, with the next {@link #append}, at {@link #flush()}
   * or {@link #close()}, or after the store's flush delay. A crash before then may lose it (and
   * every deferred record after it), never a record before it. The default makes it durable at
   * once.
   *
   * @return the record with its sequence number
   * @throws RuntimeException when the journal cannot take records (in doubt, closed)
   */
  default JournalRecord appendDeferred(
      EntryType type, String clientOrderId, Map<String, String> fields) {
    return append(type, clientOrderId, fields);
  }

  /**
   * Makes every record appended so far durable.
   *
   * @throws RuntimeException when that fails (the journal is then in doubt)
   */
  default void flush() {}

  /**
   * Describes where the journal lives and its durability guarantee (for logs and status output);
   * never contains credentials.
   */
  String describe();

  /** Makes the deferred records durable and closes the journal; the records stay durable. */
  @Override
  void close();
}
