package io.github.bsoptions.app.loop;

import io.github.bsoptions.data.model.Quote;
import io.github.bsoptions.exec.engine.ExecutionEngine;
import io.github.bsoptions.exec.journal.Journal;
import io.github.bsoptions.exec.order.OrderLeg;
import io.github.bsoptions.exec.order.OrderRequest;
import io.github.bsoptions.exec.order.Side;
import io.github.bsoptions.exec.paper.PaperBroker;
import io.github.bsoptions.exec.routing.SmartOrderRouter;
import io.github.bsoptions.exec.spi.Outcome;
import io.github.bsoptions.exec.spi.PreTradeGate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * JIT warm-up of the order path, run before the first simulated session when that session is the
 * run's reported warm-up day: a throwaway {@link ExecutionEngine} over a throwaway {@link Journal}
 * (a file journal like the demo's, in a temporary folder deleted afterwards) and a throwaway {@link
 * PaperBroker} with fixed quotes and the demo's fill model sends orders of the shapes the demo
 * sends (four-leg and two-leg multi-leg limit orders and single-leg limit orders, each entry
 * followed by its reversing exit, all filled, plus orders that rest until the end of the day), so
 * the classes of the real order path (engine, journal, paper matching, fills, ledger) are compiled
 * before the first timed order. Nothing of it reaches the run's broker, journal, store, metrics or
 * results; the report says that it ran.
 *
 * <p>Why: the demo sends only about 15 orders a simulated day, so without it the order path runs in
 * the interpreter and the first compiler tiers for most of a 20-day run (the demo's order stage p50
 * was five times the same path's warm p50 in bs-bench's {@code ExecBench}).
 */
final class OrderPathWarmUp {
  /** Entry-and-exit rounds of the default warm-up (each round sends eight orders). */
  static final int DEFAULT_ROUNDS = 250;

  private OrderPathWarmUp() {}

  /**
   * Runs the warm-up.
   *
   * @param rounds entry-and-exit rounds (eight orders each)
   * @return a one-line description for the report
   */
  static String run(int rounds) {
    if (rounds < 1) {
      throw new IllegalArgumentException("rounds must be >= 1, was " + rounds);
    }
    long t0 = System.nanoTime();
    Path dir;
    try {
      dir = Files.createTempDirectory("bs-order-warm-up");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int sent = 0;
    int filled = 0;
    try {
      Map<String, Quote> quotes = new HashMap<>();
      Instant at = Instant.parse("2026-01-02T15:00:00Z");
      String[] symbols = {
        "SPY260220P00530000",
        "SPY260220P00540000",
        "SPY260220C00560000",
        "SPY260220C00570000",
        "SPY260220C00550000",
        "SPY260220P00550000"
      };
      double[] mids = {2.10, 4.05, 3.60, 1.75, 9.10, 8.30};
      for (int i = 0; i < symbols.length; i++) {
        quotes.put(
            symbols[i],
            new Quote(symbols[i], mids[i] - 0.05, mids[i] + 0.05, 1_000_000, 1_000_000, at));
      }
      Clock clock = Clock.systemUTC();
      PaperBroker paper = new PaperBroker("paper", quotes::get, DemoSystem.DEMO_FILLS, clock, 1e12);
      Journal journal =
          Journal.open(dir.resolve("warm-up.journal"), Journal.Durability.NONE, "warmup");
      try {
        ExecutionEngine engine =
            ExecutionEngine.start(
                journal,
                SmartOrderRouter.single(paper, clock),
                PreTradeGate.ACCEPT_ALL,
                Instant.EPOCH,
                3);
        try {
          OrderRequest condor =
              OrderRequest.multiLeg(
                  "pending",
                  2,
                  -1.00,
                  List.of(
                      OrderLeg.of(symbols[0], Side.BUY, 1),
                      OrderLeg.of(symbols[1], Side.SELL, 1),
                      OrderLeg.of(symbols[2], Side.SELL, 1),
                      OrderLeg.of(symbols[3], Side.BUY, 1)));
          OrderRequest condorExit =
              OrderRequest.multiLeg(
                  "pending",
                  2,
                  5.00,
                  List.of(
                      OrderLeg.of(symbols[0], Side.SELL, 1),
                      OrderLeg.of(symbols[1], Side.BUY, 1),
                      OrderLeg.of(symbols[2], Side.BUY, 1),
                      OrderLeg.of(symbols[3], Side.SELL, 1)));
          OrderRequest straddle =
              OrderRequest.multiLeg(
                  "pending",
                  1,
                  17.60,
                  List.of(
                      OrderLeg.of(symbols[4], Side.BUY, 1), OrderLeg.of(symbols[5], Side.BUY, 1)));
          OrderRequest straddleExit =
              OrderRequest.multiLeg(
                  "pending",
                  1,
                  -17.00,
                  List.of(
                      OrderLeg.of(symbols[4], Side.SELL, 1),
                      OrderLeg.of(symbols[5], Side.SELL, 1)));
          OrderRequest single = OrderRequest.limit("pending", symbols[4], Side.BUY, 3, 9.20);
          OrderRequest singleExit = OrderRequest.limit("pending", symbols[4], Side.SELL, 3, 9.00);
          // not marketable: rests at the broker until the end of the day
          OrderRequest resting = OrderRequest.limit("pending", symbols[5], Side.BUY, 1, 0.05);
          OrderRequest restingSpread =
              OrderRequest.multiLeg(
                  "pending",
                  1,
                  0.05,
                  List.of(
                      OrderLeg.of(symbols[4], Side.BUY, 1), OrderLeg.of(symbols[2], Side.SELL, 1)));
          for (int r = 0; r < rounds; r++) {
            for (Outcome o :
                List.of(
                    engine.submit("shortpremium", condor),
                    engine.submit("longvolatility", straddle),
                    engine.submit("directionaldelta", single),
                    engine.submit("longvolatility", resting),
                    engine.submit("shortpremium", restingSpread),
                    engine.submit("shortpremiumX", condorExit),
                    engine.submit("longvolatilityX", straddleExit),
                    engine.submit("directionaldeltX", singleExit))) {
              sent++;
              if (o instanceof Outcome.Confirmed c && c.order().filledQty() > 0) {
                filled++;
              }
            }
            paper.matchAll();
            if (r % 50 == 49) {
              paper.endOfDay();
            }
          }
          paper.endOfDay();
        } finally {
          engine.close();
        }
      } finally {
        journal.close();
        paper.close();
      }
    } finally {
      deleteQuietly(dir);
    }
    return String.format(
        java.util.Locale.ROOT,
        "order path warmed up before day 1 (JIT): %d throwaway orders (%d filled at once) through"
            + " a separate execution engine, journal and paper broker in %.2f s; not in the"
            + " results or the latency table",
        sent,
        filled,
        (System.nanoTime() - t0) / 1e9);
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary folder left behind: nothing else to do
    }
  }
}
