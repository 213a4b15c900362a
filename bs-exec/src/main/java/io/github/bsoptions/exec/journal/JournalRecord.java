package io.github.bsoptions.exec.journal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One journal record.
 *
 * @param seq sequence number (0 for the header, then consecutive)
 * @param type record type
 * @param clientOrderId the order it concerns, or empty
 * @param fields named values (insertion order is kept and is part of the encoding)
 */
public record JournalRecord(
    long seq, EntryType type, String clientOrderId, Map<String, String> fields) {

  /** Validates the record. */
  public JournalRecord {
    Objects.requireNonNull(type, "type");
    clientOrderId = clientOrderId == null ? "" : clientOrderId;
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  /** Returns a field, or null. */
  public String get(String key) {
    return fields.get(key);
  }

  /**
   * Returns a required field.
   *
   * @throws IllegalStateException naming the record and field when it is absent
   */
  public String require(String key) {
    String v = fields.get(key);
    if (v == null) {
      throw new IllegalStateException("journal record " + seq + " " + type + " lacks field " + key);
    }
    return v;
  }

  /** Returns a copy with another sequence number. */
  public JournalRecord withSeq(long newSeq) {
    return new JournalRecord(newSeq, type, clientOrderId, fields);
  }
}
