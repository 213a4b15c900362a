package io.github.bsoptions.app.loop;

import io.github.bsoptions.data.model.OptionChain;
import io.github.bsoptions.data.model.OptionChainQuery;
import io.github.bsoptions.data.model.OptionSnapshot;
import io.github.bsoptions.data.model.Quote;
import io.github.bsoptions.data.sim.SimulatedMarket;
import io.github.bsoptions.data.sim.SimulationConfig;
import io.github.bsoptions.exec.engine.ExecutionEngine;
import io.github.bsoptions.exec.order.OrderLeg;
import io.github.bsoptions.exec.order.OrderRequest;
import io.github.bsoptions.exec.order.Side;
import io.github.bsoptions.exec.paper.PaperBroker;
import io.github.bsoptions.exec.routing.SmartOrderRouter;
import io.github.bsoptions.exec.spi.Outcome;
import io.github.bsoptions.exec.spi.PreTradeGate;
import io.github.bsoptions.pricing.product.OptionType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * JIT warm-up of the order path, run before the first simulated session when that session is the
 * run's reported warm-up day: a throwaway {@link ExecutionEngine} over a throwaway venue built by
 * the same code as the run's ({@link DemoSystem#demoVenue}: bs-exec's {@link PaperBroker} with the
 * demo's fill model and cash, reading quotes through {@link
 * io.github.bsoptions.exec.paper.QuoteSource#of} from a simulated market on a {@link SimClock}, and
 * a file journal, in a temporary folder deleted afterwards) on a throwaway {@link SimulatedMarket}
 * of the run's settings sends orders of the shapes the demo sends (four-leg and two-leg multi-leg
 * limit orders and single-leg limit orders on listed contracts of that market, each entry followed
 * by its reversing exit, plus orders that rest until the end of the day), advancing the throwaway
 * market one step per round so quotes and displayed sizes change as in the run. The classes of the
 * real order path (engine, journal, paper matching against simulated quotes, fills, ledger) are
 * compiled before the first timed order, and with the receiver types the run uses (quote source,
 * clock), so the run's first orders do not invalidate the compiled code. Nothing of it reaches the
 * run's broker, journal, market, store, metrics or results; the report says that it ran.
 *
 * <p>Why: the demo sends only about 15 orders a simulated day, so without it the order path runs in
 * the interpreter and the first compiler tiers for most of a 20-day run (the demo's order stage p50
 * was five times the same path's warm p50 in bs-bench's {@code ExecBench}). An earlier version sent
 * its orders to a paper broker with a map of fixed quotes and the system clock: code compiled for
 * those types was deoptimized at the run's first orders (another quote source and clock class), and
 * the orders of the first timed day cost two to four times those of the last.
 */
final class OrderPathWarmUp {
  /** Entry-and-exit rounds of the default warm-up (each round sends eight orders). */
  static final int DEFAULT_ROUNDS = 250;

  private OrderPathWarmUp() {}

  /**
   * Runs the warm-up.
   *
   * @param settings the run's settings (seed, step, underlyings, cash) for the throwaway market and
   *     paper broker
   * @param rounds entry-and-exit rounds (eight orders each)
   * @return a one-line description for the report
   */
  static String run(DemoSystem.Settings settings, int rounds) {
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
    MarketFeed feed = MarketFeed.simulated(DemoSystem.simulatedMarket(settings));
    try {
      DemoSystem.Venue venue;
      try {
        venue = DemoSystem.demoVenue(settings, feed, dir);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Legs legs = Legs.of(feed, new TreeMap<>(settings.underlyings()).firstKey());
      Clock clock = new SimClock(feed::now);
      try {
        ExecutionEngine engine =
            ExecutionEngine.start(
                venue.journal(),
                SmartOrderRouter.single(venue.broker(), clock),
                PreTradeGate.ACCEPT_ALL,
                venue.fillsSince(),
                3);
        try {
          for (int r = 0; r < rounds; r++) {
            for (Outcome o : legs.round(engine)) {
              sent++;
              if (o instanceof Outcome.Confirmed c && c.order().filledQty() > 0) {
                filled++;
              }
            }
            venue.matchAll().run();
            if (r % 50 == 49) {
              venue.endOfDay().run();
              feed.nextSession();
            } else {
              feed.advance();
            }
          }
          venue.endOfDay().run();
        } finally {
          engine.close();
        }
      } finally {
        venue.journal().close();
        venue.broker().close();
      }
    } finally {
      feed.close();
      deleteQuietly(dir);
    }
    return String.format(
        java.util.Locale.ROOT,
        "order path warmed up before day 1 (JIT): %d throwaway orders (%d filled at once) through"
            + " a separate execution engine, journal, paper broker and simulated market in %.2f s;"
            + " not in the results or the latency table",
        sent,
        filled,
        (System.nanoTime() - t0) / 1e9);
  }

  /**
   * The contracts of one round: an iron condor, a straddle and a single option of the listed expiry
   * nearest four weeks out, with limits that fill against the market's quotes (a cushion of 5 per
   * share) or rest (5 below).
   */
  private record Legs(String[] symbols, double condorNet, double straddleNet, double callAsk) {
    static Legs of(MarketFeed feed, String underlying) {
      OptionChain chain = feed.data().optionChain(OptionChainQuery.all(underlying));
      LocalDate today = feed.now().atZone(SimulationConfig.NEW_YORK).toLocalDate();
      LocalDate expiry = null;
      for (OptionSnapshot o : chain.options()) {
        LocalDate e = o.contract().expiration();
        if (expiry == null
            || Math.abs(ChronoUnit.DAYS.between(today, e) - 28)
                < Math.abs(ChronoUnit.DAYS.between(today, expiry) - 28)) {
          expiry = e;
        }
      }
      double spot = chain.underlyingPrice().orElse(Double.NaN);
      TreeMap<Double, Quote> calls = new TreeMap<>();
      TreeMap<Double, Quote> puts = new TreeMap<>();
      Map<Double, String> callSymbols = new HashMap<>();
      Map<Double, String> putSymbols = new HashMap<>();
      for (OptionSnapshot o : chain.options()) {
        if (!o.contract().expiration().equals(expiry) || o.quote().isEmpty()) {
          continue;
        }
        Quote q = o.quote().get();
        if (!(q.bid() > 0 && q.ask() > 0)) {
          continue;
        }
        boolean call = o.contract().type() == OptionType.CALL;
        (call ? calls : puts).put(o.contract().strike(), q);
        (call ? callSymbols : putSymbols).put(o.contract().strike(), o.contract().symbol());
      }
      List<Double> strikes = new ArrayList<>(calls.keySet());
      strikes.retainAll(puts.keySet());
      if (strikes.size() < 7 || !Double.isFinite(spot)) {
        throw new IllegalStateException(
            "no listed expiry with seven quoted strikes for the order warm-up in " + underlying);
      }
      int atm = 0;
      for (int i = 1; i < strikes.size(); i++) {
        if (Math.abs(strikes.get(i) - spot) < Math.abs(strikes.get(atm) - spot)) {
          atm = i;
        }
      }
      atm = Math.max(3, Math.min(strikes.size() - 4, atm));
      double k = strikes.get(atm);
      double lp = strikes.get(atm - 3);
      double sp = strikes.get(atm - 2);
      double sc = strikes.get(atm + 2);
      double lc = strikes.get(atm + 3);
      String[] symbols = {
        putSymbols.get(lp),
        putSymbols.get(sp),
        callSymbols.get(sc),
        callSymbols.get(lc),
        callSymbols.get(k),
        putSymbols.get(k)
      };
      double condor =
          puts.get(lp).ask() - puts.get(sp).bid() - calls.get(sc).bid() + calls.get(lc).ask();
      double straddle = calls.get(k).ask() + puts.get(k).ask();
      return new Legs(symbols, condor, straddle, calls.get(k).ask());
    }

    /** Sends one round of eight orders. */
    List<Outcome> round(ExecutionEngine engine) {
      String[] s = symbols;
      OrderRequest condor =
          OrderRequest.multiLeg(
              "pending",
              2,
              limit(condorNet + 5),
              List.of(
                  OrderLeg.of(s[0], Side.BUY, 1),
                  OrderLeg.of(s[1], Side.SELL, 1),
                  OrderLeg.of(s[2], Side.SELL, 1),
                  OrderLeg.of(s[3], Side.BUY, 1)));
      OrderRequest condorExit =
          OrderRequest.multiLeg(
              "pending",
              2,
              limit(-condorNet + 5),
              List.of(
                  OrderLeg.of(s[0], Side.SELL, 1),
                  OrderLeg.of(s[1], Side.BUY, 1),
                  OrderLeg.of(s[2], Side.BUY, 1),
                  OrderLeg.of(s[3], Side.SELL, 1)));
      OrderRequest straddle =
          OrderRequest.multiLeg(
              "pending",
              1,
              limit(straddleNet + 5),
              List.of(OrderLeg.of(s[4], Side.BUY, 1), OrderLeg.of(s[5], Side.BUY, 1)));
      OrderRequest straddleExit =
          OrderRequest.multiLeg(
              "pending",
              1,
              limit(-straddleNet + 5),
              List.of(OrderLeg.of(s[4], Side.SELL, 1), OrderLeg.of(s[5], Side.SELL, 1)));
      OrderRequest single = OrderRequest.limit("pending", s[4], Side.BUY, 3, limit(callAsk + 5));
      OrderRequest singleExit = OrderRequest.limit("pending", s[4], Side.SELL, 3, 0.01);
      // not marketable: rest at the broker until the end of the day
      OrderRequest resting = OrderRequest.limit("pending", s[5], Side.BUY, 1, 0.01);
      OrderRequest restingSpread =
          OrderRequest.multiLeg(
              "pending",
              1,
              limit(straddleNet - 5 - 2 * callAsk),
              List.of(OrderLeg.of(s[4], Side.BUY, 1), OrderLeg.of(s[2], Side.SELL, 1)));
      return List.of(
          engine.submit("shortpremium", condor),
          engine.submit("longvolatility", straddle),
          engine.submit("directionaldelta", single),
          engine.submit("longvolatility", resting),
          engine.submit("shortpremium", restingSpread),
          engine.submit("shortpremiumX", condorExit),
          engine.submit("longvolatilityX", straddleExit),
          engine.submit("directionaldeltX", singleExit));
    }

    private static double limit(double net) {
      return Math.round(net * 100) / 100.0;
    }
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary folder left behind: nothing else to do
    }
  }
}
