package io.github.bsoptions.exec.journal;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * A durable, append-only, write-ahead journal in one table of a relational database, through {@code
 * java.sql} only (the application brings the driver: an embedded database by default — HSQLDB,
 * whose durable commit is one log append and one device flush, or H2 — and PostgreSQL when
 * configured).
 *
 * <p>Schema: plain DDL, created when absent, in a versioned table {@value #TABLE}; one row per
 * record, keyed by {@code (journal_name, seq)}, so several journals (one per broker) share the
 * table. Each row keeps the record's type and client order id in columns (for queries) and the
 * record itself as one line of the {@link Journal} file format, CRC-32C included, so altered rows
 * are detected.
 *
 * <p>Durability: {@link #append} is one transaction, committed before {@code append} returns. With
 * {@link Journal.Durability#FSYNC} (the default) the journal's PostgreSQL session sets {@code
 * synchronous_commit = on} (the commit waits for the WAL flush); on HSQLDB the journal sets the
 * database's {@code WRITE DELAY} to {@code FALSE} (each commit appends to the database log and
 * forces it to the device: one write and one fsync, for both durability levels, since HSQLDB's
 * delayed writes do not survive a kill -9) and checks that the setting took; on H2 — which keeps
 * committed changes in memory until its store is written, so that a kill -9 loses them (the crash
 * test shows it) — each commit is followed by {@code CHECKPOINT SYNC}, which writes the file and
 * forces it to the device. With {@link Journal.Durability#NONE} a record survives a crash of this
 * process but not necessarily of the machine. Other databases are used as configured; {@link
 * #describe()} says which guarantee applies.
 *
 * <p>Group commit: {@link #appendDeferred} gives a record its sequence number at once but keeps it
 * in memory; it is inserted in the same transaction as the next {@link #append} (one commit and one
 * checkpoint for all of them), by {@link #flush()}, {@link #readAll()} or {@link #close()}, or by
 * the journal's flusher thread once the oldest deferred record is {@code flushDelay} old (50 ms by
 * default; never while a busy stream of durable appends carries them along). Rows are always
 * committed in sequence order, so what survives a crash is a prefix of the sequence: a durable
 * record implies every record before it. A kill -9 loses at most the deferred records not yet
 * flushed; the engine defers only records that restate what the broker said (acknowledgements,
 * status changes, fills), which recovery asks the broker for again by client order id.
 *
 * <p>Failure handling: when an insert or commit fails and the connection is still usable, the
 * journal rolls back and looks the row up; a row equal to the record means the commit went through
 * ({@code append} returns it); no row means nothing was written ({@link JournalWriteException}, the
 * journal stays usable); a different row means another writer uses the same journal name, and a
 * lost connection means the outcome is unknown — in both cases the journal is <em>in doubt</em>:
 * every further append fails until it is reopened.
 *
 * <p>Integrity: {@link #open} and {@link #readAll} check that sequence numbers start at 0 and are
 * consecutive, that every row decodes and passes its checksum, and that the columns agree with the
 * record; otherwise {@link JournalCorruptedException} names the journal, the row and the problem.
 * The journal holds one connection of the data source for its lifetime; thread-safe.
 */
public final class JdbcJournal implements JournalStore {
  /** The table (the suffix is the schema version). */
  public static final String TABLE = "bs_exec_journal_v1";

  /** The DDL that creates the table when absent (H2 and PostgreSQL). */
  public static final String DDL =
      "CREATE TABLE IF NOT EXISTS "
          + TABLE
          + " (journal_name VARCHAR(64) NOT NULL, seq BIGINT NOT NULL,"
          + " entry_type VARCHAR(32) NOT NULL, client_order_id VARCHAR(128) NOT NULL,"
          + " line VARCHAR NOT NULL, PRIMARY KEY (journal_name, seq))";

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  private static final Pattern NAMESPACE = Pattern.compile("[A-Za-z0-9]{1,16}");
  private static final String INSERT =
      "INSERT INTO "
          + TABLE
          + " (journal_name, seq, entry_type, client_order_id, line) VALUES (?, ?, ?, ?, ?)";
  private static final String SELECT_ALL =
      "SELECT seq, entry_type, client_order_id, line FROM "
          + TABLE
          + " WHERE journal_name = ? ORDER BY seq";
  private static final String SELECT_RANGE =
      "SELECT seq, line FROM "
          + TABLE
          + " WHERE journal_name = ? AND seq >= ? AND seq <= ? ORDER BY seq";

  /** The default flush delay of deferred records. */
  public static final Duration DEFAULT_FLUSH_DELAY = Duration.ofMillis(50);

  /** Deferred records kept in memory before {@link #appendDeferred} flushes by itself. */
  private static final int MAX_PENDING = 4096;

  /** A record and its stored line, waiting to be inserted. */
  private record Row(JournalRecord record, String line, long appendedNanos) {}

  private final Connection conn;
  private final String name;
  private final String namespace;
  private final Dialect dialect;
  private final Statement afterCommit;
  private final String where;
  private final PreparedStatement insert;
  private final long flushDelayNanos;
  private final List<Row> pending = new ArrayList<>();
  private ScheduledExecutorService flusher;
  private ScheduledFuture<?> flushTask;
  private List<JournalRecord> recovered;
  private long nextSeq;
  private String inDoubt;
  private boolean closed;

  private JdbcJournal(
      Connection conn, String name, String namespace, Dialect dialect, Duration flushDelay)
      throws SQLException {
    this.conn = conn;
    this.flushDelayNanos = flushDelay.toNanos();
    this.name = name;
    this.namespace = namespace;
    this.dialect = dialect;
    this.afterCommit = dialect.afterCommit() == null ? null : conn.createStatement();
    this.where = "journal '" + name + "' in " + TABLE;
    this.insert = conn.prepareStatement(INSERT);
  }

  /**
   * Opens (or creates) the journal {@code journalName} in the database behind {@code dataSource}:
   * creates the table when absent, sets up synchronous commits, reads and checks the existing
   * records, and writes the header when the journal is new.
   *
   * @param dataSource the database; one connection is taken from it and held until {@link #close}
   * @param journalName the journal's name (1 to 64 of {@code A-Z a-z 0-9 . _ -}), e.g. the broker
   * @param namespaceIfNew the namespace (1 to 16 alphanumerics) written when the journal is new; an
   *     existing journal keeps its own
   * @throws JournalCorruptedException when the stored records fail the integrity check
   * @throws JournalWriteException when the database cannot be reached or the schema not created
   */
  public static JdbcJournal open(DataSource dataSource, String journalName, String namespaceIfNew) {
    return open(dataSource, journalName, namespaceIfNew, Journal.Durability.FSYNC);
  }

  /**
   * Opens (or creates) the journal with a chosen durability: {@link Journal.Durability#FSYNC} (the
   * default) makes each committed record survive a crash of the machine as far as the database
   * guarantees it; {@link Journal.Durability#NONE} only a crash of this process (PostgreSQL {@code
   * synchronous_commit=off}; H2 writes the file without forcing it).
   *
   * @see #open(DataSource, String, String)
   */
  public static JdbcJournal open(
      DataSource dataSource,
      String journalName,
      String namespaceIfNew,
      Journal.Durability durability) {
    return open(dataSource, journalName, namespaceIfNew, durability, DEFAULT_FLUSH_DELAY);
  }

  /**
   * Opens (or creates) the journal with a chosen durability and flush delay of deferred records.
   *
   * @param flushDelay how old the oldest {@link #appendDeferred deferred} record may get before the
   *     journal's flusher thread commits it; {@link Duration#ZERO} starts no thread (deferred
   *     records then wait for the next {@link #append}, {@link #flush()} or {@link #close()})
   * @see #open(DataSource, String, String, Journal.Durability)
   */
  public static JdbcJournal open(
      DataSource dataSource,
      String journalName,
      String namespaceIfNew,
      Journal.Durability durability,
      Duration flushDelay) {
    Objects.requireNonNull(dataSource, "dataSource");
    Objects.requireNonNull(durability, "durability");
    Objects.requireNonNull(flushDelay, "flushDelay");
    if (flushDelay.isNegative()) {
      throw new IllegalArgumentException("flushDelay must be >= 0, was " + flushDelay);
    }
    if (journalName == null || !NAME.matcher(journalName).matches()) {
      throw new IllegalArgumentException(
          "journalName must be 1-64 of A-Z a-z 0-9 . _ -, was '" + journalName + "'");
    }
    if (namespaceIfNew == null || !NAMESPACE.matcher(namespaceIfNew).matches()) {
      throw new IllegalArgumentException(
          "namespace must be 1-16 alphanumeric characters, was '" + namespaceIfNew + "'");
    }
    Connection c = null;
    try {
      c = dataSource.getConnection();
      c.setAutoCommit(false);
      Dialect dialect = setUpDurability(c, durability);
      createTable(c);
      List<JournalRecord> rows = read(c, journalName);
      JdbcJournal j;
      if (rows.isEmpty()) {
        j = new JdbcJournal(c, journalName, namespaceIfNew, dialect, flushDelay);
        j.nextSeq = 0;
        Map<String, String> h = new LinkedHashMap<>();
        h.put("namespace", namespaceIfNew);
        h.put("version", Journal.FORMAT_VERSION);
        JournalRecord header = j.append(EntryType.HEADER, "", h);
        j.recovered = List.of(header);
      } else {
        JournalRecord head = rows.get(0);
        if (head.type() != EntryType.HEADER) {
          throw new JournalCorruptedException(
              "journal '" + journalName + "' in " + TABLE + ": first record is not a header");
        }
        String version = head.require("version");
        if (!Journal.FORMAT_VERSION.equals(version)) {
          throw new JournalCorruptedException(
              "journal '"
                  + journalName
                  + "' in "
                  + TABLE
                  + ": format version "
                  + version
                  + ", this code reads "
                  + Journal.FORMAT_VERSION);
        }
        j = new JdbcJournal(c, journalName, head.require("namespace"), dialect, flushDelay);
        j.nextSeq = rows.size();
        j.recovered = List.copyOf(rows);
      }
      return j;
    } catch (SQLException e) {
      closeQuietly(c);
      throw new JournalWriteException(
          "cannot open journal '" + journalName + "': " + e.getMessage(), e);
    } catch (RuntimeException e) {
      closeQuietly(c);
      throw e;
    }
  }

  /** The durability set-up for one database product. */
  private record Dialect(String description, String afterCommit) {}

  private static Dialect setUpDurability(Connection c, Journal.Durability durability)
      throws SQLException {
    DatabaseMetaData md = c.getMetaData();
    String product = md.getDatabaseProductName();
    String p = product.toLowerCase(Locale.ROOT);
    boolean sync = durability == Journal.Durability.FSYNC;
    try (Statement s = c.createStatement()) {
      if (p.contains("postgres")) {
        s.execute("SET synchronous_commit = " + (sync ? "on" : "off"));
        c.commit();
        return new Dialect(
            product
                + (sync
                    ? " (synchronous_commit=on: each commit waits for the WAL flush)"
                    : " (synchronous_commit=off: a commit survives a crash of this process,"
                        + " not of the database server)"),
            null);
      }
      if (p.startsWith("hsql")) {
        String url = md.getURL() == null ? "" : md.getURL();
        if (url.startsWith("jdbc:hsqldb:mem:") || url.startsWith("jdbc:hsqldb:res:")) {
          return new Dialect(
              product + " (in-memory database: nothing survives this process)", null);
        }
        // HSQLDB appends each commit to its log; with write delay FALSE the commit forces the log
        // to the device before it returns (one write and one fsync). Its only other setting
        // (write delay > 0) keeps commits in a buffer that a kill -9 loses, so both durability
        // levels use FALSE. The setting is database-wide and persistent.
        s.execute("SET FILES WRITE DELAY FALSE");
        c.commit();
        String delay = null;
        try (ResultSet rs =
            s.executeQuery(
                "SELECT PROPERTY_VALUE FROM INFORMATION_SCHEMA.SYSTEM_PROPERTIES"
                    + " WHERE PROPERTY_NAME = 'hsqldb.write_delay'")) {
          if (rs.next()) {
            delay = rs.getString(1);
          }
        }
        c.commit();
        if (!"false".equalsIgnoreCase(delay)) {
          throw new SQLException(
              "HSQLDB kept hsqldb.write_delay=" + delay + " after SET FILES WRITE DELAY FALSE");
        }
        return new Dialect(
            product
                + " (write delay FALSE: each commit is appended to the database log and forced"
                + " to the device before it returns)",
            null);
      }
      if (p.equals("h2")) {
        // H2 keeps committed changes in memory until its store is written; a checkpoint after each
        // commit writes them to the file (and with SYNC forces the file to the device).
        return new Dialect(
            product
                + (sync
                    ? " (CHECKPOINT SYNC after each commit: forced to the device)"
                    : " (CHECKPOINT after each commit: survives a crash of the process, not"
                        + " necessarily a power loss)"),
            sync ? "CHECKPOINT SYNC" : "CHECKPOINT");
      }
    }
    return new Dialect(
        product + " (commit per record; durability as configured in the database)", null);
  }

  private static void createTable(Connection c) throws SQLException {
    for (int attempt = 0; ; attempt++) {
      try (Statement s = c.createStatement()) {
        s.execute(DDL);
        c.commit();
        return;
      } catch (SQLException e) {
        c.rollback();
        // two processes creating the table at once: PostgreSQL may report a duplicate type
        if (attempt >= 2) {
          throw e;
        }
      }
    }
  }

  private static List<JournalRecord> read(Connection c, String journalName) throws SQLException {
    List<JournalRecord> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(SELECT_ALL)) {
      ps.setString(1, journalName);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long seq = rs.getLong(1);
          String place = "journal '" + journalName + "' in " + TABLE + " row seq " + seq;
          if (seq != out.size()) {
            throw new JournalCorruptedException(
                place + ": sequence " + seq + ", expected " + out.size());
          }
          String line = rs.getString(4);
          if (line == null) {
            throw new JournalCorruptedException(place + ": empty record");
          }
          JournalRecord r = Journal.decode(line, place);
          if (r.seq() != seq
              || !r.type().name().equals(rs.getString(2))
              || !r.clientOrderId().equals(rs.getString(3))) {
            throw new JournalCorruptedException(
                place + ": columns disagree with the record (" + r.seq() + " " + r.type() + ")");
          }
          out.add(r);
        }
      }
    } finally {
      c.commit(); // end the read transaction
    }
    return out;
  }

  @Override
  public String namespace() {
    return namespace;
  }

  /** Returns the journal's name (its key in the table). */
  public String name() {
    return name;
  }

  @Override
  public synchronized List<JournalRecord> recovered() {
    return recovered;
  }

  @Override
  public synchronized List<JournalRecord> readAll() {
    checkOpen();
    if (inDoubt == null) {
      flush(); // the deferred records first; a journal in doubt shows what is stored
    }
    try {
      return read(conn, name);
    } catch (SQLException e) {
      throw new JournalWriteException("cannot read " + where + ": " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized long nextSeq() {
    return nextSeq;
  }

  /** Returns why the journal is in doubt (every append fails until reopened), or null. */
  public synchronized String inDoubt() {
    return inDoubt;
  }

  @Override
  public String describe() {
    return "database journal '" + name + "' in " + TABLE + " on " + dialect.description();
  }

  /**
   * {@inheritDoc}
   *
   * <p>Deferred records appended before this one are inserted in the same transaction. When that
   * transaction fails without writing anything, the deferred records are tried alone and then this
   * record alone, so that a bad record is refused by itself ({@link JournalWriteException}, nothing
   * written, the journal stays usable).
   */
  @Override
  public synchronized JournalRecord append(
      EntryType type, String clientOrderId, Map<String, String> fields) {
    checkWritable();
    Row row = row(type, clientOrderId, fields);
    try {
      if (pending.isEmpty()) {
        write(List.of(row));
      } else {
        List<Row> batch = new ArrayList<>(pending.size() + 1);
        batch.addAll(pending);
        batch.add(row);
        try {
          write(batch);
          pending.clear();
        } catch (NothingWritten e) {
          flushPending();
          write(List.of(row));
        }
      }
    } catch (NothingWritten e) {
      throw new JournalWriteException(e.getMessage(), e.getCause());
    }
    nextSeq++;
    return row.record();
  }

  /**
   * {@inheritDoc}
   *
   * <p>The record waits in memory for the next {@link #append}, {@link #flush()}, {@link #close()}
   * or the flusher thread; a record that cannot be inserted then puts the journal in doubt.
   */
  @Override
  public synchronized JournalRecord appendDeferred(
      EntryType type, String clientOrderId, Map<String, String> fields) {
    checkWritable();
    Row row = row(type, clientOrderId, fields);
    pending.add(row);
    nextSeq++;
    if (pending.size() >= MAX_PENDING) {
      flush();
    } else if (pending.size() == 1 && flushDelayNanos > 0) {
      scheduleFlush(flushDelayNanos);
    }
    return row.record();
  }

  /**
   * {@inheritDoc}
   *
   * @throws JournalWriteException when the deferred records could not be committed (the journal is
   *     then in doubt)
   */
  @Override
  public synchronized void flush() {
    if (pending.isEmpty()) {
      return;
    }
    checkWritable();
    flushPending();
  }

  /** Returns how many deferred records wait to be committed. */
  public synchronized int pendingRecords() {
    return pending.size();
  }

  private void flushPending() {
    try {
      write(pending);
    } catch (NothingWritten e) {
      inDoubt =
          pending.size()
              + " deferred records from seq "
              + pending.get(0).record().seq()
              + " could not be written: "
              + e.getMessage();
      throw new JournalWriteException(inDoubt, e.getCause());
    }
    pending.clear();
  }

  private void checkWritable() {
    checkOpen();
    if (inDoubt != null) {
      throw new JournalWriteException(where + " is in doubt (" + inDoubt + "); reopen it");
    }
  }

  private Row row(EntryType type, String clientOrderId, Map<String, String> fields) {
    // nextSeq counts the deferred records too
    JournalRecord r = new JournalRecord(nextSeq, type, clientOrderId, fields);
    String encoded = Journal.encode(r);
    return new Row(r, encoded.substring(0, encoded.length() - 1), System.nanoTime());
  }

  /** Thrown inside the journal when a transaction provably wrote nothing. */
  private static final class NothingWritten extends Exception {
    private static final long serialVersionUID = 1L;

    NothingWritten(String message, SQLException cause) {
      super(message, cause);
    }
  }

  /**
   * Inserts rows in one transaction and makes the commit durable (checkpoint where the dialect
   * needs one). Returns normally when the rows are committed; throws {@link NothingWritten} when
   * provably nothing was written (the journal stays usable), or {@link JournalWriteException} with
   * the journal in doubt.
   */
  private void write(List<Row> rows) throws NothingWritten {
    try {
      if (rows.size() == 1) {
        bind(rows.get(0));
        insert.executeUpdate();
      } else {
        for (Row r : rows) {
          bind(r);
          insert.addBatch();
        }
        insert.executeBatch();
      }
      conn.commit();
    } catch (SQLException e) {
      try {
        insert.clearBatch();
      } catch (SQLException ignored) {
        // the connection check below decides
      }
      resolveFailedWrite(rows, e);
    }
    if (afterCommit != null) {
      try {
        afterCommit.execute(dialect.afterCommit());
      } catch (SQLException e) {
        inDoubt =
            "seq "
                + rows.get(0).record().seq()
                + (rows.size() > 1 ? " to " + rows.get(rows.size() - 1).record().seq() : "")
                + " committed but not written to the file: "
                + e.getMessage();
        nextSeq = Math.max(nextSeq, rows.get(rows.size() - 1).record().seq() + 1);
        throw new JournalWriteException(inDoubt, e);
      }
    }
  }

  private void bind(Row r) throws SQLException {
    insert.setString(1, name);
    insert.setLong(2, r.record().seq());
    insert.setString(3, r.record().type().name());
    insert.setString(4, r.record().clientOrderId());
    insert.setString(5, r.line());
  }

  /** Returns normally when the rows were committed after all; throws otherwise. */
  private void resolveFailedWrite(List<Row> rows, SQLException cause) throws NothingWritten {
    long first = rows.get(0).record().seq();
    long last = rows.get(rows.size() - 1).record().seq();
    String what =
        "append of seq "
            + first
            + (rows.size() > 1 ? " to " + last : " " + rows.get(0).record().type())
            + " to "
            + where;
    boolean usable;
    try {
      conn.rollback();
      usable = conn.isValid(5);
    } catch (SQLException e) {
      usable = false;
    }
    if (!usable) {
      inDoubt = "connection lost during " + what + ": the commit may or may not have happened";
      throw new JournalWriteException(inDoubt, cause);
    }
    Map<Long, String> stored = new LinkedHashMap<>();
    try (PreparedStatement ps = conn.prepareStatement(SELECT_RANGE)) {
      ps.setString(1, name);
      ps.setLong(2, first);
      ps.setLong(3, last);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          stored.put(rs.getLong(1), rs.getString(2));
        }
      }
      conn.commit();
    } catch (SQLException e) {
      inDoubt = "cannot tell whether " + what + " was committed: " + e.getMessage();
      throw new JournalWriteException(inDoubt, cause);
    }
    if (stored.isEmpty()) {
      throw new NothingWritten(what + " failed; nothing was written: " + cause, cause);
    }
    for (Row r : rows) {
      if (!r.line().equals(stored.get(r.record().seq()))) {
        inDoubt = "seq " + r.record().seq() + " was written by another writer of " + where;
        throw new JournalWriteException(inDoubt, cause);
      }
    }
    // the commit went through before the failure was reported: the rows are durable
  }

  private void scheduleFlush(long delayNanos) {
    if (flusher == null) {
      flusher =
          Executors.newSingleThreadScheduledExecutor(
              task -> {
                Thread t = new Thread(task, "bs-exec-journal-flush-" + name);
                t.setDaemon(true);
                return t;
              });
    }
    if (flushTask == null || flushTask.isDone()) {
      flushTask = flusher.schedule(this::timedFlush, delayNanos, TimeUnit.NANOSECONDS);
    }
  }

  /**
   * The flusher thread: commits the deferred records once the oldest is {@code flushDelay} old;
   * while durable appends keep carrying them along, the oldest stays young and nothing extra is
   * committed.
   */
  private synchronized void timedFlush() {
    flushTask = null;
    if (closed || inDoubt != null || pending.isEmpty()) {
      return;
    }
    long age = System.nanoTime() - pending.get(0).appendedNanos();
    if (age < flushDelayNanos) {
      scheduleFlush(flushDelayNanos - age);
      return;
    }
    try {
      flushPending();
    } catch (JournalWriteException e) {
      // the journal is in doubt now: the next append reports it
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException(where + " is closed");
    }
  }

  /**
   * Commits the deferred records and closes the journal's connection (committed records stay).
   *
   * @throws JournalWriteException when the deferred records could not be committed (the connection
   *     is closed all the same; recovery asks the brokers for what they said)
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    JournalWriteException failed = null;
    if (inDoubt == null && !pending.isEmpty()) {
      try {
        flushPending();
      } catch (JournalWriteException e) {
        failed = e;
      }
    }
    release();
    if (failed != null) {
      throw failed;
    }
  }

  /**
   * Closes the connection <em>without</em> committing the deferred records: what a kill -9 of the
   * process leaves behind (crash tests).
   */
  synchronized void abandon() {
    if (!closed) {
      pending.clear();
      release();
    }
  }

  private void release() {
    closed = true;
    if (flusher != null) {
      flusher.shutdownNow();
    }
    try {
      insert.close();
      if (afterCommit != null) {
        afterCommit.close();
      }
    } catch (SQLException e) {
      // closing: the connection close below releases it too
    }
    closeQuietly(conn);
  }

  private static void closeQuietly(Connection c) {
    if (c == null) {
      return;
    }
    try {
      if (!c.isClosed()) {
        c.rollback();
        c.close();
      }
    } catch (SQLException e) {
      // nothing uncommitted is lost: every durable append committed before it returned
    }
  }

  @Override
  public String toString() {
    return "JdbcJournal{" + name + "}";
  }
}
