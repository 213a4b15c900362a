package io.github.bsoptions.app.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The store contract against a real PostgreSQL server started on loopback for this class; skipped
 * with a printed reason only when no PostgreSQL binary exists on the machine.
 */
class PostgresTradingStoreTest extends TradingStoreContract {
  private static LocalPostgres server;
  private static final AtomicInteger DB = new AtomicInteger();
  private JdbcTradingStore store;

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

  @BeforeEach
  void open() throws Exception {
    String name = "bs_test_" + DB.incrementAndGet();
    try (Connection c = DriverManager.getConnection(server.jdbcUrl(), "postgres", "");
        Statement st = c.createStatement()) {
      st.execute("CREATE DATABASE " + name);
    }
    store =
        JdbcTradingStore.open(server.jdbcUrl().replace("/postgres", "/" + name), "postgres", "");
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Override
  TradingStore store() {
    return store;
  }

  @Test
  void runsOnPostgres() {
    assertThat(store.describe()).startsWith("PostgreSQL");
  }
}
