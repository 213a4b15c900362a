package io.github.bsoptions.exec.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.zip.CRC32C;

/**
 * A durable, append-only, write-ahead journal in one file.
 *
 * <p>Format: one record per line, {@code seq TAB type TAB clientOrderId (TAB key=value)* | crc32c
 * LF}, UTF-8, with backslash escapes for tab, newline, backslash and {@code =} inside values; the
 * CRC-32C (8 hex digits) covers everything before the last {@code |}. Sequence numbers start at 0
 * (the {@link EntryType#HEADER} carrying the namespace) and are consecutive.
 *
 * <p>Durability: with {@link Durability#FSYNC} {@link #append} returns only after the record and
 * its newline are forced to the device ({@link FileChannel#force}), so a record that {@code append}
 * returned survives a crash or power loss (as far as the device honours the flush). The caller acts
 * (sends, cancels) only after {@code append} returned. {@link #appendDeferred} writes without
 * forcing: the record survives a crash of the process at once and a power loss once the next forced
 * record, {@link #flush()} or {@link #close()} carries it to the device. {@link Durability#NONE}
 * leaves flushing to the operating system (benchmarks, tests).
 *
 * <p>Integrity: on open, a last line without its newline is a torn write of a record whose {@code
 * append} never returned; it is cut off and reported ({@link #tornTailBytes()}). Any other damage —
 * a checksum mismatch, an unparsable record, a sequence gap — throws {@link
 * JournalCorruptedException}: the engine refuses to trade rather than dropping entries.
 */
public final class Journal implements JournalStore {
  /** Format version written in the header. */
  public static final String FORMAT_VERSION = "1";

  private static final Pattern NAMESPACE = Pattern.compile("[A-Za-z0-9]{1,16}");

  /** When records reach the device. */
  public enum Durability {
    /** Force every record to the device before {@link #append} returns. */
    FSYNC,
    /** Leave flushing to the operating system. */
    NONE
  }

  /**
   * The records of a journal file.
   *
   * @param records every valid record, in order
   * @param validBytes length of the valid prefix
   * @param tornTailBytes bytes of an incomplete last line (0 when none)
   */
  public record ReadResult(List<JournalRecord> records, long validBytes, long tornTailBytes) {
    /** Copies the list. */
    public ReadResult {
      records = List.copyOf(records);
    }
  }

  private final Path path;
  private final FileChannel channel;
  private final Durability durability;
  private final String namespace;
  private final List<JournalRecord> recovered;
  private final long tornTailBytes;
  private long nextSeq;
  private long appendedBytes;
  private boolean unforced;

  private Journal(
      Path path,
      FileChannel channel,
      Durability durability,
      String namespace,
      List<JournalRecord> recovered,
      long tornTailBytes,
      long nextSeq) {
    this.path = path;
    this.channel = channel;
    this.durability = durability;
    this.namespace = namespace;
    this.recovered = recovered;
    this.tornTailBytes = tornTailBytes;
    this.nextSeq = nextSeq;
  }

  /**
   * Opens (or creates) a journal. An existing file is read and checked first; a torn tail is cut
   * off.
   *
   * @param path the file
   * @param durability when records reach the device
   * @param namespaceIfNew the namespace (1 to 16 alphanumerics) written when the file is new; an
   *     existing journal keeps its own
   * @throws JournalCorruptedException when the existing file fails its integrity check
   * @throws UncheckedIOException on I/O failure
   */
  public static Journal open(Path path, Durability durability, String namespaceIfNew) {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(durability, "durability");
    if (namespaceIfNew == null || !NAMESPACE.matcher(namespaceIfNew).matches()) {
      throw new IllegalArgumentException(
          "namespace must be 1-16 alphanumeric characters, was '" + namespaceIfNew + "'");
    }
    try {
      ReadResult rr = Files.exists(path) ? read(path) : new ReadResult(List.of(), 0, 0);
      FileChannel ch =
          FileChannel.open(
              path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      if (rr.tornTailBytes() > 0) {
        ch.truncate(rr.validBytes());
        ch.force(true);
      }
      ch.position(rr.validBytes());
      String ns;
      Journal j;
      if (rr.records().isEmpty()) {
        ns = namespaceIfNew;
        j = new Journal(path, ch, durability, ns, List.of(), rr.tornTailBytes(), 0);
        Map<String, String> h = new LinkedHashMap<>();
        h.put("namespace", ns);
        h.put("version", FORMAT_VERSION);
        JournalRecord header = j.append(EntryType.HEADER, "", h);
        if (durability == Durability.NONE) {
          ch.force(true);
        }
        j = new Journal(path, ch, durability, ns, List.of(header), rr.tornTailBytes(), 1);
        j.appendedBytes = Files.size(path) - rr.validBytes();
      } else {
        JournalRecord head = rr.records().get(0);
        if (head.type() != EntryType.HEADER) {
          ch.close();
          throw new JournalCorruptedException(path + ": first record is not a header");
        }
        ns = head.require("namespace");
        j =
            new Journal(
                path, ch, durability, ns, rr.records(), rr.tornTailBytes(), rr.records().size());
      }
      return j;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open journal " + path, e);
    }
  }

  /**
   * Reads and checks a journal file without modifying it.
   *
   * @throws JournalCorruptedException naming the byte offset of the first damaged record
   */
  public static ReadResult read(Path path) throws IOException {
    byte[] bytes = Files.readAllBytes(path);
    List<JournalRecord> out = new ArrayList<>();
    int start = 0;
    while (start < bytes.length) {
      int nl = indexOf(bytes, (byte) '\n', start);
      if (nl < 0) {
        // A torn write leaves a partial record. A complete, valid record lacking only its newline
        // is damage (a flipped newline), not a torn write.
        if (bytes.length - start > 9) {
          String tail = new String(bytes, start, bytes.length - start - 1, StandardCharsets.UTF_8);
          boolean valid;
          try {
            decode(tail, start, path);
            valid = true;
          } catch (JournalCorruptedException e) {
            valid = false;
          }
          if (valid) {
            throw new JournalCorruptedException(
                path + " at byte " + (bytes.length - 1) + ": record terminator damaged");
          }
        }
        return new ReadResult(out, start, bytes.length - start);
      }
      String line = new String(bytes, start, nl - start, StandardCharsets.UTF_8);
      JournalRecord r = decode(line, start, path);
      if (r.seq() != out.size()) {
        throw new JournalCorruptedException(
            path + " at byte " + start + ": sequence " + r.seq() + ", expected " + out.size());
      }
      out.add(r);
      start = nl + 1;
    }
    return new ReadResult(out, start, 0);
  }

  private static int indexOf(byte[] b, byte v, int from) {
    for (int i = from; i < b.length; i++) {
      if (b[i] == v) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public String namespace() {
    return namespace;
  }

  /** Returns the file. */
  public Path path() {
    return path;
  }

  /** Returns the durability mode. */
  public Durability durability() {
    return durability;
  }

  @Override
  public List<JournalRecord> recovered() {
    return recovered;
  }

  /** Returns the bytes of a torn last record cut off at open (0 when none). */
  public long tornTailBytes() {
    return tornTailBytes;
  }

  @Override
  public synchronized long nextSeq() {
    return nextSeq;
  }

  /** Returns the bytes appended since open. */
  public synchronized long appendedBytes() {
    return appendedBytes;
  }

  /**
   * Reads the file again (see {@link #read(Path)}).
   *
   * @throws UncheckedIOException on I/O failure
   */
  @Override
  public synchronized List<JournalRecord> readAll() {
    try {
      return read(path).records();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read journal " + path, e);
    }
  }

  @Override
  public String describe() {
    return "file "
        + path
        + (durability == Durability.FSYNC
            ? " (each record forced to the device before append returns)"
            : " (flushing left to the operating system)");
  }

  /**
   * Appends a record and, with {@link Durability#FSYNC}, forces it (and every deferred record
   * before it) to the device before returning.
   *
   * @return the record with its sequence number
   * @throws UncheckedIOException when the record could not be written; the caller must then not
   *     perform the action the record describes
   */
  @Override
  public synchronized JournalRecord append(
      EntryType type, String clientOrderId, Map<String, String> fields) {
    return write(type, clientOrderId, fields, durability == Durability.FSYNC);
  }

  /**
   * Writes a record to the file without forcing it: it survives a crash of this process at once
   * (the operating system holds it) and reaches the device with the next {@link #append}, {@link
   * #flush()} or {@link #close()} (or whenever the operating system writes it back).
   */
  @Override
  public synchronized JournalRecord appendDeferred(
      EntryType type, String clientOrderId, Map<String, String> fields) {
    JournalRecord r = write(type, clientOrderId, fields, false);
    unforced = true;
    return r;
  }

  /** Forces deferred records to the device. */
  @Override
  public synchronized void flush() {
    if (unforced && durability == Durability.FSYNC) {
      try {
        channel.force(false);
      } catch (IOException e) {
        throw new UncheckedIOException("journal flush failed before seq " + nextSeq, e);
      }
    }
    unforced = false;
  }

  private JournalRecord write(
      EntryType type, String clientOrderId, Map<String, String> fields, boolean force) {
    JournalRecord r = new JournalRecord(nextSeq, type, clientOrderId, fields);
    byte[] line = encodeBytes(r);
    try {
      ByteBuffer buf = ByteBuffer.wrap(line);
      while (buf.hasRemaining()) {
        channel.write(buf);
      }
      if (force) {
        channel.force(false);
        unforced = false;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("journal append failed at seq " + nextSeq, e);
    }
    nextSeq++;
    appendedBytes += line.length;
    return r;
  }

  /** Closes the file (forcing it first). */
  @Override
  public synchronized void close() {
    try {
      if (channel.isOpen()) {
        channel.force(true);
        channel.close();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close journal " + path, e);
    }
  }

  // ---- encoding ----

  /** Encodes a record as one line, checksum and newline included. */
  public static String encode(JournalRecord r) {
    return new String(encodeBytes(r), StandardCharsets.UTF_8);
  }

  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  /** Encodes a record as the UTF-8 bytes of one line, checksum and newline included. */
  static byte[] encodeBytes(JournalRecord r) {
    StringBuilder b = new StringBuilder(256);
    b.append(r.seq()).append('\t').append(r.type().name()).append('\t');
    escape(b, r.clientOrderId());
    for (Map.Entry<String, String> e : r.fields().entrySet()) {
      b.append('\t');
      escape(b, e.getKey());
      b.append('=');
      escape(b, e.getValue());
    }
    // the trailer's 10 ASCII bytes are written in place after the checksum of what precedes them
    b.append(TRAILER);
    byte[] line = b.toString().getBytes(StandardCharsets.UTF_8);
    int i = line.length - TRAILER.length();
    CRC32C crc = new CRC32C();
    crc.update(line, 0, i);
    long v = crc.getValue();
    line[i++] = '|';
    for (int shift = 28; shift >= 0; shift -= 4) {
      line[i++] = HEX[(int) (v >>> shift) & 0xf];
    }
    line[i] = '\n';
    return line;
  }

  /** Placeholder for {@code |crc32c LF}: ten ASCII characters. */
  private static final String TRAILER = "|00000000\n";

  private static void escape(StringBuilder b, String s) {
    int n = s.length();
    int i = 0;
    while (i < n && !needsEscape(s.charAt(i))) {
      i++;
    }
    if (i == n) {
      b.append(s); // the common case: nothing to escape, one bulk copy
      return;
    }
    b.append(s, 0, i);
    for (; i < n; i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\' -> b.append("\\\\");
        case '\t' -> b.append("\\t");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '=' -> b.append("\\e");
        default -> b.append(c);
      }
    }
  }

  private static boolean needsEscape(char c) {
    return c == '\\' || c == '\t' || c == '\n' || c == '\r' || c == '=';
  }

  private static String unescape(String s, String where) {
    if (s.indexOf('\\') < 0) {
      return s;
    }
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\\') {
        b.append(c);
        continue;
      }
      if (++i >= s.length()) {
        throw new JournalCorruptedException(where + ": dangling escape");
      }
      char n = s.charAt(i);
      switch (n) {
        case '\\' -> b.append('\\');
        case 't' -> b.append('\t');
        case 'n' -> b.append('\n');
        case 'r' -> b.append('\r');
        case 'e' -> b.append('=');
        default -> throw new JournalCorruptedException(where + ": bad escape \\" + n);
      }
    }
    return b.toString();
  }

  /** Decodes one line (without its newline); throws {@link JournalCorruptedException}. */
  static JournalRecord decode(String line, long offset, Path path) {
    return decode(line, path + " at byte " + offset);
  }

  /**
   * Decodes one line (without its newline); {@code where} prefixes error messages.
   *
   * @throws JournalCorruptedException naming {@code where} and the problem
   */
  static JournalRecord decode(String line, String where) {
    int bar = line.lastIndexOf('|');
    if (bar < 0 || line.length() - bar != 9) {
      throw new JournalCorruptedException(where + ": no checksum");
    }
    String payload = line.substring(0, bar);
    CRC32C crc = new CRC32C();
    byte[] p = payload.getBytes(StandardCharsets.UTF_8);
    crc.update(p, 0, p.length);
    String hex = Long.toHexString(crc.getValue());
    String want = "0".repeat(8 - hex.length()) + hex;
    if (!want.equals(line.substring(bar + 1))) {
      throw new JournalCorruptedException(where + ": checksum mismatch");
    }
    String[] parts = payload.split("\t", -1);
    if (parts.length < 3) {
      throw new JournalCorruptedException(where + ": too few columns");
    }
    try {
      long seq = Long.parseLong(parts[0]);
      EntryType type = EntryType.valueOf(parts[1]);
      String cid = unescape(parts[2], where);
      Map<String, String> fields = new LinkedHashMap<>();
      for (int i = 3; i < parts.length; i++) {
        int eq = parts[i].indexOf('=');
        if (eq < 0) {
          throw new JournalCorruptedException(where + ": field without =");
        }
        fields.put(
            unescape(parts[i].substring(0, eq), where),
            unescape(parts[i].substring(eq + 1), where));
      }
      return new JournalRecord(seq, type, cid, fields);
    } catch (IllegalArgumentException e) {
      throw new JournalCorruptedException(where + ": unreadable record (" + e.getMessage() + ")");
    }
  }
}
