package io.github.bsoptions.exec.journal;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Child process of the crash test: opens a journal and appends records until it is killed, printing
 * {@code ack SEQ} on standard output after each durable {@code append} returned. Two of every three
 * records are appended deferred ({@link JournalStore#appendDeferred}) before a durable one, so the
 * test also checks that a durable record carries the deferred ones before it.
 *
 * <p>Arguments: {@code file PATH} or {@code jdbc URL USER NAME}.
 */
public final class JournalCrashChild {
  private JournalCrashChild() {}

  /** Entry point. */
  public static void main(String[] args) {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    JournalStore j;
    if (args[0].equals("file")) {
      j = Journal.open(Path.of(args[1]), Journal.Durability.FSYNC, "crash");
    } else if (args[1].startsWith("jdbc:hsqldb:")) {
      j = JdbcJournal.open(JournalBackend.hsqldb(args[1]), args[3], "crash");
    } else if (args[1].startsWith("jdbc:h2:")) {
      JdbcDataSource ds = new JdbcDataSource();
      ds.setURL(args[1]);
      j = JdbcJournal.open(ds, args[3], "crash");
    } else {
      PGSimpleDataSource ds = new PGSimpleDataSource();
      ds.setURL(args[1]);
      ds.setUser(args[2]);
      j = JdbcJournal.open(ds, args[3], "crash");
    }
    while (true) {
      long seq = j.nextSeq();
      if (seq % 3 != 0) {
        j.appendDeferred(EntryType.FILL, "crash-s-" + seq, Map.of("exec", "e" + seq));
        continue;
      }
      JournalRecord r = j.append(EntryType.FILL, "crash-s-" + seq, Map.of("exec", "e" + seq));
      out.println("ack " + r.seq());
    }
  }
}
