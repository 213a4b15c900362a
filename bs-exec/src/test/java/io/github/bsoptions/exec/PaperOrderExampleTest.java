package io.github.bsoptions.exec;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bsoptions.data.model.Quote;
import io.github.bsoptions.exec.engine.ExecutionEngine;
import io.github.bsoptions.exec.journal.JdbcJournal;
import io.github.bsoptions.exec.journal.Journal;
import io.github.bsoptions.exec.order.OrderRequest;
import io.github.bsoptions.exec.order.Side;
import io.github.bsoptions.exec.paper.FillModel;
import io.github.bsoptions.exec.paper.PaperBroker;
import io.github.bsoptions.exec.routing.SmartOrderRouter;
import io.github.bsoptions.exec.spi.Outcome;
import io.github.bsoptions.exec.spi.PreTradeGate;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README example, compiled and run. */
class PaperOrderExampleTest {
  @TempDir Path dir;

  static Outcome example(Path journalFile) {
    Clock clock = Clock.systemUTC();
    PaperBroker paper = PaperBroker.withSuppliedQuotes(FillModel.DEFAULT, clock);
    paper.onQuote(new Quote("AAPL261016C00250000", 3.40, 3.50, 10, 10, clock.instant()));
    try (Journal journal = Journal.open(journalFile, Journal.Durability.FSYNC, "demo");
        ExecutionEngine engine =
            ExecutionEngine.start(
                journal,
                SmartOrderRouter.single(paper, clock),
                PreTradeGate.ACCEPT_ALL,
                Instant.EPOCH,
                3)) {
      Outcome o =
          engine.submit(
              "demo", OrderRequest.limit("draft", "AAPL261016C00250000", Side.BUY, 2, 3.55));
      System.out.println(o);
      System.out.println(engine.positions());
      assertThat(engine.positions()).isEqualTo(Map.of("AAPL261016C00250000", 2L));
      return o;
    }
  }

  /**
   * The README's database variant: the same engine on a JDBC journal (embedded HSQLDB or H2 here).
   */
  static Outcome jdbcExample(javax.sql.DataSource dataSource) {
    Clock clock = Clock.systemUTC();
    PaperBroker paper = PaperBroker.withSuppliedQuotes(FillModel.DEFAULT, clock);
    paper.onQuote(new Quote("AAPL261016C00250000", 3.40, 3.50, 10, 10, clock.instant()));
    try (JdbcJournal journal = JdbcJournal.open(dataSource, "paper", "demo");
        ExecutionEngine engine =
            ExecutionEngine.start(
                journal,
                SmartOrderRouter.single(paper, clock),
                PreTradeGate.ACCEPT_ALL,
                Instant.EPOCH,
                3)) {
      System.out.println(journal.describe()); // HSQL Database Engine (write delay FALSE: ...)
      return engine.submit(
          "demo", OrderRequest.limit("draft", "AAPL261016C00250000", Side.BUY, 2, 3.55));
    }
  }

  @Test
  void runsOnHsqldb() {
    org.hsqldb.jdbc.JDBCDataSource ds = new org.hsqldb.jdbc.JDBCDataSource();
    ds.setURL("jdbc:hsqldb:file:" + dir.toAbsolutePath().resolve("exec") + ";shutdown=true");
    ds.setUser("SA");
    ds.setPassword("");
    assertThat(jdbcExample(ds)).isInstanceOf(Outcome.Confirmed.class);
  }

  @Test
  void runsOnH2() {
    org.h2.jdbcx.JdbcDataSource ds = new org.h2.jdbcx.JdbcDataSource();
    ds.setURL("jdbc:h2:file:" + dir.toAbsolutePath().resolve("exec"));
    assertThat(jdbcExample(ds)).isInstanceOf(Outcome.Confirmed.class);
  }

  @Test
  void runs() {
    assertThat(example(dir.resolve("exec.journal"))).isInstanceOf(Outcome.Confirmed.class);
  }
}
