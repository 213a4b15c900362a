package io.github.bsoptions.app.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bsoptions.app.Main;
import io.github.bsoptions.exec.journal.JdbcJournal;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code bs order / orders / positions} with {@code db.url} naming a real PostgreSQL server (on
 * loopback, started for this class): the execution journal lives in that database, not in the state
 * directory. Skipped with a printed reason only when no PostgreSQL binary exists.
 */
class OrderCommandsPostgresTest {
  private static LocalPostgres server;
  @TempDir Path dir;

  @BeforeAll
  static void startServer() throws Exception {
    Optional<Path> bin = LocalPostgres.findBin();
    if (bin.isEmpty()) {
      String reason =
          "SKIP: no PostgreSQL binaries under /usr/lib/postgresql/*/bin (apt-get install postgresql)";
      System.out.println(reason);
      Assumptions.abort(reason);
    }
    server = LocalPostgres.start(bin.get());
  }

  @AfterAll
  static void stopServer() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  private String[] run(Path config, String... args) {
    CommandLine cl = Main.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    String[] all = new String[args.length + 4];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--state-dir";
    all[args.length + 1] = dir.resolve("state").toString();
    all[args.length + 2] = "--config";
    all[args.length + 3] = config.toString();
    int code = cl.execute(all);
    return new String[] {Integer.toString(code), out.toString(), err.toString()};
  }

  @Test
  void journalLivesInTheConfiguredDatabase() throws Exception {
    Path config = dir.resolve("bs.yaml");
    Files.writeString(
        config, "db:\n  url: " + server.jdbcUrl() + "\n  user: postgres\nlog:\n  level: WARN\n");
    String[] order = run(config, "order", "--symbol", "SPY", "--side", "buy", "--qty", "3");
    assertThat(order[0]).as(order[2]).isEqualTo("0");
    String id = order[1].lines().toList().get(1).trim().split("\\s+")[1];
    String[] orders = run(config, "orders");
    assertThat(orders[0]).as(orders[2]).isEqualTo("0");
    assertThat(orders[1]).contains(id).contains("filled");
    String[] positions = run(config, "positions");
    assertThat(positions[0]).as(positions[2]).isEqualTo("0");
    assertThat(positions[1]).contains("SPY");
    assertThat(Files.exists(dir.resolve("state").resolve("journal.mv.db"))).isFalse();
    assertThat(Files.exists(dir.resolve("state").resolve("journal-db"))).isFalse();
    try (Connection c = DriverManager.getConnection(server.jdbcUrl(), "postgres", "");
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT entry_type FROM "
                    + JdbcJournal.TABLE
                    + " WHERE journal_name = 'paper' AND client_order_id = ? ORDER BY seq")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("INTENT");
        int more = 0;
        while (rs.next()) {
          more++;
        }
        assertThat(more).isPositive();
      }
    }
  }
}
