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
 *   <li>Opening checks integrity: a sequence gap, an unparsable or altered record throws {@link
 *       JournalCorruptedException} naming the place, and the engine refuses to trade.
 * </ul>
 *
 * <p>Implementations: {@link Journal} (one file, CRC-32C per line, fsync per record) and {@link
 * JdbcJournal} (one table through {@code java.sql}: embedded H2 or PostgreSQL, one transaction per
 * record).
 */
public interface JournalStore extends AutoCloseable {
  /** Returns the namespace (seeds client order ids). */
  String namespace();

  /**
   * Returns the records found when the journal was opened (header included), checked and in order.
   */
  List<JournalRecord> recovered();

  /**
   * Reads every durable record again from the storage, checked and in order (header included).
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
   * Describes where the journal lives and its durability guarantee (for logs and status output);
   * never contains credentials.
   */
  String describe();

  /** Closes the journal; the records stay durable. */
  @Override
  void close();
}
