package io.github.bsoptions.exec.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.bsoptions.data.model.Quote;
import io.github.bsoptions.exec.engine.ExecutionEngine;
import io.github.bsoptions.exec.order.OrderRequest;
import io.github.bsoptions.exec.order.Side;
import io.github.bsoptions.exec.paper.FillModel;
import io.github.bsoptions.exec.paper.PaperBroker;
import io.github.bsoptions.exec.routing.SmartOrderRouter;
import io.github.bsoptions.exec.spi.Outcome;
import io.github.bsoptions.exec.spi.PreTradeGate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The database connection of a JDBC journal dies (the server terminates its session, as on a
 * failover or restart): the append fails, nothing is acted upon, the journal stays in doubt until
 * reopened, and a restart recovers from what was committed.
 */
class JdbcJournalFaultTest {
  private static final AtomicInteger N = new AtomicInteger();
  private static final String SYM = "SPY261016C00640000";

  private static PGSimpleDataSource dataSource(LocalPostgres pg, String app) {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setURL(pg.jdbcUrl());
    ds.setUser("postgres");
    ds.setApplicationName(app);
    return ds;
  }

  private static int terminate(PGSimpleDataSource admin, String app) throws Exception {
    try (Connection c = admin.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                    + " WHERE application_name = ? AND pid <> pg_backend_pid()")) {
      ps.setString(1, app);
      int n = 0;
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          n++;
        }
      }
      return n;
    }
  }

  @Test
  void lostConnectionStopsTheEngineBeforeItSends() throws Exception {
    LocalPostgres pg = LocalPostgres.shared();
    Assumptions.assumeTrue(pg != null, "no PostgreSQL binary on this machine");
    String app = "bs-fault-" + ProcessHandle.current().pid() + "-" + N.incrementAndGet();
    PGSimpleDataSource ds = dataSource(pg, app);
    PGSimpleDataSource admin = dataSource(pg, "bs-admin");
    Clock clock = Clock.fixed(Instant.parse("2026-10-01T14:30:00Z"), ZoneOffset.UTC);
    PaperBroker paper =
        new PaperBroker("paper", null, FillModel.DEFAULT, clock, Double.POSITIVE_INFINITY);
    paper.onQuote(new Quote(SYM, 1.00, 1.10, 100, 100, clock.instant()));
    String name = app;

    JdbcJournal j = JdbcJournal.open(ds, name, "f");
    ExecutionEngine e =
        ExecutionEngine.start(
            j, SmartOrderRouter.single(paper, clock), PreTradeGate.ACCEPT_ALL, Instant.EPOCH, 2);
    Outcome first = e.submit("s1", OrderRequest.market("d", SYM, Side.BUY, 2));
    assertThat(first).isInstanceOf(Outcome.Confirmed.class);

    assertThat(terminate(admin, app)).isEqualTo(1);
    assertThatThrownBy(() -> e.submit("s1", OrderRequest.market("d", SYM, Side.BUY, 3)))
        .isInstanceOf(JournalWriteException.class)
        .hasMessageContaining("connection lost");
    assertThat(paper.orders(false)).hasSize(1); // the intent was not durable: nothing was sent
    assertThat(j.inDoubt()).contains("seq");
    assertThatThrownBy(() -> j.append(EntryType.STATUS, "x", Map.of()))
        .hasMessageContaining("in doubt");
    e.close();
    j.close();

    // restart: the committed records are all there, the broker agrees, trading resumes
    try (JdbcJournal again = JdbcJournal.open(ds, name, "f");
        ExecutionEngine e2 =
            ExecutionEngine.start(
                again,
                SmartOrderRouter.single(paper, clock),
                PreTradeGate.ACCEPT_ALL,
                Instant.EPOCH,
                2)) {
      assertThat(e2.positions()).containsEntry(SYM, 2L);
      assertThat(e2.submit("s1", OrderRequest.market("d", SYM, Side.BUY, 1)))
          .isInstanceOf(Outcome.Confirmed.class);
      assertThat(e2.positions()).containsEntry(SYM, 3L);
    }
  }
}
