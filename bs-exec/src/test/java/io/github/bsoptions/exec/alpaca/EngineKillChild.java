package io.github.bsoptions.exec.alpaca;

import io.github.bsoptions.exec.engine.ExecutionEngine;
import io.github.bsoptions.exec.journal.JdbcJournal;
import io.github.bsoptions.exec.journal.Journal;
import io.github.bsoptions.exec.journal.JournalBackend;
import io.github.bsoptions.exec.journal.JournalStore;
import io.github.bsoptions.exec.order.OrderRequest;
import io.github.bsoptions.exec.order.Side;
import io.github.bsoptions.exec.routing.SmartOrderRouter;
import io.github.bsoptions.exec.spi.Outcome;
import io.github.bsoptions.exec.spi.PreTradeGate;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Child process of {@link EngineKillTest}: an engine with the default journal (embedded H2, {@code
 * FSYNC}, group commit) or a file journal, trading against the parent's fake Alpaca until it is
 * killed; prints {@code confirmed CID} after each confirmed submit.
 *
 * <p>Arguments: {@code BASE_URL h2 JDBC_URL}, {@code BASE_URL hsqldb JDBC_URL} or {@code BASE_URL
 * file PATH}.
 */
public final class EngineKillChild {
  private EngineKillChild() {}

  /** Entry point. */
  public static void main(String[] args) {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    JournalStore journal;
    if (args[1].equals("hsqldb")) {
      journal = JdbcJournal.open(JournalBackend.hsqldb(args[2]), "alpaca", "kill");
    } else if (args[1].equals("h2")) {
      JdbcDataSource ds = new JdbcDataSource();
      ds.setURL(args[2]);
      journal = JdbcJournal.open(ds, "alpaca", "kill");
    } else {
      journal = Journal.open(Path.of(args[2]), Journal.Durability.FSYNC, "kill");
    }
    AlpacaBrokerClient client = client(args[0]);
    ExecutionEngine engine =
        ExecutionEngine.start(
            journal,
            SmartOrderRouter.single(client, Clock.systemUTC()),
            PreTradeGate.ACCEPT_ALL,
            Instant.EPOCH,
            2);
    while (true) {
      Outcome o = engine.submit("s1", OrderRequest.market("d", EngineKillTest.CALL, Side.BUY, 1));
      if (o instanceof Outcome.Confirmed) {
        out.println("confirmed " + o.clientOrderId());
      } else {
        out.println("other " + o);
      }
    }
  }

  static AlpacaBrokerClient client(String base) {
    URI uri = URI.create(base);
    AlpacaConfig cfg =
        AlpacaConfig.of(
            uri,
            "ws://127.0.0.1:" + uri.getPort() + "/stream", // refused: no stream, fills from REST
            Secret.of("PKKILLKEY0123456789"),
            Secret.of("killSecretValue0123456789"),
            false,
            Duration.ofSeconds(3),
            10_000);
    return new AlpacaBrokerClient(
        "alpaca-paper",
        cfg,
        Clock.systemUTC(),
        new AlpacaBrokerClient.StreamBackoff(Duration.ofMillis(50), Duration.ofSeconds(1), 1));
  }
}
