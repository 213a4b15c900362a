package io.github.bsoptions.exec.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.hsqldb.jdbc.JDBCDataSource;
import org.junit.jupiter.api.Assumptions;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * One journal location for tests, reopenable, in one of four stores: a file, an embedded H2
 * database file, an embedded HSQLDB database file, or a real PostgreSQL server on loopback (shared
 * by the JVM; a test is aborted with a printed reason only when no PostgreSQL binary exists).
 * Offers raw access for damage tests.
 */
public abstract class JournalBackend {
  /** The store kinds. */
  public enum Kind {
    FILE,
    H2,
    HSQLDB,
    POSTGRES
  }

  private static final AtomicInteger NAMES = new AtomicInteger();

  /** Creates a backend whose storage lives under {@code dir} (the PostgreSQL server is shared). */
  public static JournalBackend create(Kind kind, Path dir) {
    return switch (kind) {
      case FILE -> new FileBackend(dir.resolve("exec.journal"));
      case H2 -> {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + dir.toAbsolutePath().resolve("journal"));
        yield new JdbcBackend(kind, ds, ds.getURL(), "", "j");
      }
      case HSQLDB -> {
        JDBCDataSource ds = hsqldb(hsqldbUrl(dir.toAbsolutePath().resolve("journal")));
        yield new JdbcBackend(kind, ds, ds.getURL(), "SA", "j");
      }
      case POSTGRES -> {
        LocalPostgres pg = LocalPostgres.shared();
        Assumptions.assumeTrue(pg != null, "no PostgreSQL binary on this machine");
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(pg.jdbcUrl());
        ds.setUser("postgres");
        yield new JdbcBackend(
            kind,
            ds,
            pg.jdbcUrl(),
            "postgres",
            "j" + ProcessHandle.current().pid() + "-" + NAMES.incrementAndGet());
      }
    };
  }

  /**
   * The URL of a test HSQLDB database file: closed when its last connection closes (so that a child
   * process can open it), and without HSQLDB's lock file, whose heartbeat makes a reopen after a
   * kill -9 wait about 10 s for the stale lock (the tests run one process at a time on it; the
   * application keeps the lock file).
   */
  public static String hsqldbUrl(Path file) {
    return "jdbc:hsqldb:file:" + file + ";shutdown=true;hsqldb.lock_file=false";
  }

  /** An HSQLDB data source for {@code url} with the default user. */
  public static JDBCDataSource hsqldb(String url) {
    JDBCDataSource ds = new JDBCDataSource();
    ds.setURL(url);
    ds.setUser("SA");
    ds.setPassword("");
    return ds;
  }

  /** Returns the kind. */
  public abstract Kind kind();

  /**
   * Opens (or reopens) the journal with {@link Journal.Durability#NONE} (fast tests; records
   * survive a crash of the process, the crash test checks the default separately).
   */
  public abstract JournalStore open(String namespaceIfNew);

  /**
   * Drops the journal as a kill -9 of the process would: deferred records not yet committed to a
   * database are lost (a file journal's deferred records are in the operating system already).
   */
  public void crash(JournalStore j) {
    if (j instanceof JdbcJournal jdbc) {
      jdbc.abandon();
    } else {
      j.close();
    }
  }

  /** Returns the arguments that let {@link JournalCrashChild} open the same journal. */
  abstract List<String> childArgs();

  /** Rewrites the stored line of record {@code seq}. */
  public abstract void alterLine(long seq, UnaryOperator<String> change);

  /** Removes record {@code seq} from the storage. */
  public abstract void delete(long seq);

  @Override
  public String toString() {
    return kind().name();
  }

  static final class FileBackend extends JournalBackend {
    final Path file;

    FileBackend(Path file) {
      this.file = file;
    }

    @Override
    public Kind kind() {
      return Kind.FILE;
    }

    @Override
    public JournalStore open(String namespaceIfNew) {
      return Journal.open(file, Journal.Durability.NONE, namespaceIfNew);
    }

    @Override
    List<String> childArgs() {
      return List.of("file", file.toString());
    }

    private List<String> lines() {
      try {
        return new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private void write(List<String> lines) {
      try {
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void alterLine(long seq, UnaryOperator<String> change) {
      List<String> l = lines();
      l.set((int) seq, change.apply(l.get((int) seq)));
      write(l);
    }

    @Override
    public void delete(long seq) {
      List<String> l = lines();
      l.remove((int) seq);
      write(l);
    }
  }

  static final class JdbcBackend extends JournalBackend {
    final Kind kind;
    final DataSource ds;
    final String url;
    final String user;
    final String name;

    JdbcBackend(Kind kind, DataSource ds, String url, String user, String name) {
      this.kind = kind;
      this.ds = ds;
      this.url = url;
      this.user = user;
      this.name = name;
    }

    @Override
    public Kind kind() {
      return kind;
    }

    @Override
    public JournalStore open(String namespaceIfNew) {
      // no flusher thread: deferred records wait for the next durable append (deterministic
      // crashes)
      return JdbcJournal.open(
          ds, name, namespaceIfNew, Journal.Durability.NONE, java.time.Duration.ZERO);
    }

    @Override
    List<String> childArgs() {
      return List.of("jdbc", url, user, name);
    }

    private void update(String sql, Object... args) {
      try (Connection c = ds.getConnection();
          PreparedStatement ps = c.prepareStatement(sql)) {
        for (int i = 0; i < args.length; i++) {
          ps.setObject(i + 1, args[i]);
        }
        ps.executeUpdate();
        if (!c.getAutoCommit()) {
          c.commit();
        }
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public void alterLine(long seq, UnaryOperator<String> change) {
      String line;
      try (Connection c = ds.getConnection();
          PreparedStatement ps =
              c.prepareStatement(
                  "SELECT line FROM "
                      + JdbcJournal.TABLE
                      + " WHERE journal_name = ? AND seq = ?")) {
        ps.setString(1, name);
        ps.setLong(2, seq);
        try (var rs = ps.executeQuery()) {
          rs.next();
          line = rs.getString(1);
        }
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
      update(
          "UPDATE " + JdbcJournal.TABLE + " SET line = ? WHERE journal_name = ? AND seq = ?",
          change.apply(line),
          name,
          seq);
    }

    @Override
    public void delete(long seq) {
      update("DELETE FROM " + JdbcJournal.TABLE + " WHERE journal_name = ? AND seq = ?", name, seq);
    }

    /** Runs one statement against the journal's database. */
    void execute(String sql, Object... args) {
      update(sql, args);
    }
  }
}
