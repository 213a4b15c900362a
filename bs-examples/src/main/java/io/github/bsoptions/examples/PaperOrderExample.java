package io.github.bsoptions.examples;

import io.github.bsoptions.data.model.Quote;
import io.github.bsoptions.exec.engine.ExecutionEngine;
import io.github.bsoptions.exec.journal.Journal;
import io.github.bsoptions.exec.order.OrderRequest;
import io.github.bsoptions.exec.order.Side;
import io.github.bsoptions.exec.paper.FillModel;
import io.github.bsoptions.exec.paper.PaperBroker;
import io.github.bsoptions.exec.routing.SmartOrderRouter;
import io.github.bsoptions.exec.spi.Outcome;
import io.github.bsoptions.exec.spi.PreTradeGate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;

/** bs-exec alone: submits a limit order to the paper broker through the journaled engine. */
public final class PaperOrderExample {
  private PaperOrderExample() {}

  /**
   * Runs the example.
   *
   * @param args optional journal directory (default: a new temporary directory)
   * @throws IOException when the journal cannot be written
   */
  public static void main(String[] args) throws IOException {
    Path dir = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("bs-exec-example");
    Clock clock = Clock.systemUTC();
    PaperBroker paper = PaperBroker.withSuppliedQuotes(FillModel.DEFAULT, clock);
    paper.onQuote(new Quote("AAPL261016C00250000", 3.40, 3.50, 10, 10, clock.instant()));
    try (Journal journal =
            Journal.open(dir.resolve("exec.journal"), Journal.Durability.FSYNC, "example");
        ExecutionEngine engine =
            ExecutionEngine.start(
                journal,
                SmartOrderRouter.single(paper, clock),
                PreTradeGate.ACCEPT_ALL,
                Instant.EPOCH,
                3)) {
      Outcome outcome =
          engine.submit(
              "example", OrderRequest.limit("draft", "AAPL261016C00250000", Side.BUY, 2, 3.55));
      System.out.println("outcome:   " + outcome);
      System.out.println("positions: " + engine.positions());
      System.out.println("journal:   " + dir.resolve("exec.journal"));
    }
  }
}
