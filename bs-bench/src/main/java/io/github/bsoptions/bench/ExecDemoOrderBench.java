package io.github.bsoptions.bench;

import io.github.bsoptions.data.model.OptionContract;
import io.github.bsoptions.data.model.Quote;
import io.github.bsoptions.data.sim.SimulatedMarket;
import io.github.bsoptions.data.sim.SimulationConfig;
import io.github.bsoptions.exec.engine.ExecutionEngine;
import io.github.bsoptions.exec.journal.Journal;
import io.github.bsoptions.exec.order.OrderLeg;
import io.github.bsoptions.exec.order.OrderRequest;
import io.github.bsoptions.exec.order.Side;
import io.github.bsoptions.exec.paper.FillModel;
import io.github.bsoptions.exec.paper.PaperBroker;
import io.github.bsoptions.exec.paper.QuoteSource;
import io.github.bsoptions.exec.routing.SmartOrderRouter;
import io.github.bsoptions.exec.spi.Outcome;
import io.github.bsoptions.exec.spi.PreTradeGate;
import io.github.bsoptions.pricing.product.OptionType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * bs-exec: the demo's order path ({@code ./bs demo}'s "order submission" stage): the execution
 * engine with the file journal ({@link Journal.Durability#NONE}) and the paper broker filling
 * against a {@link SimulatedMarket} through {@link QuoteSource#of}, with the demo's fill model
 * (fills up to displayed size, 0.65 per contract). Each operation submits one marketable four-leg
 * limit order (a long call and put at two expiries, like the demo's long-volatility ladder) and the
 * engine journals the intent, the acknowledgement and the four fills the broker streams back. The
 * market moves one second before each operation (outside the timing) so displayed sizes refresh;
 * the order's limit (the legs' asks plus 1.00) is set then too. The pre-trade gate accepts
 * everything (the demo subtracts its gate's time from the stage).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ExecDemoOrderBench {
  private SimulatedMarket market;
  private ExecutionEngine engine;
  private Journal journal;
  private Path dir;
  private List<String> symbols;
  private double limit;

  /** A fresh market, broker, journal and engine per iteration (they accumulate state). */
  @Setup(Level.Iteration)
  public void setUp() throws IOException {
    market =
        SimulatedMarket.create(
            SimulationConfig.builder()
                .seed(42)
                .step(Duration.ofSeconds(1))
                .underlying("SPY", 500, 0.18)
                .historyDays(30)
                .build());
    List<LocalDate> exp = market.listedExpiries();
    double spot = market.latestStockQuote("SPY").mid();
    double k = Math.round(spot / 5) * 5.0;
    symbols = new ArrayList<>();
    for (LocalDate e : List.of(exp.get(2), exp.get(4))) {
      symbols.add(OptionContract.of("SPY", e, OptionType.CALL, k).symbol());
      symbols.add(OptionContract.of("SPY", e, OptionType.PUT, k).symbol());
    }
    Clock clock = new MarketClock(market);
    PaperBroker paper =
        new PaperBroker(
            "paper", QuoteSource.of(market), new FillModel(0, 0.65, 1.0, true, 100), clock, 1e12);
    dir = Files.createTempDirectory("execdemobench");
    journal = Journal.open(dir.resolve("engine.journal"), Journal.Durability.NONE, "bench");
    engine =
        ExecutionEngine.start(
            journal,
            SmartOrderRouter.single(paper, clock),
            PreTradeGate.ACCEPT_ALL,
            Instant.EPOCH,
            3);
  }

  /** Moves the market one step (one second) so that displayed sizes refresh. */
  @Setup(Level.Invocation)
  public void step() {
    market.advance();
    double net = 0;
    for (Quote q : market.latestOptionQuotes(symbols)) {
      net += q.ask();
    }
    limit = Math.round(net * 100 + 100) / 100.0;
  }

  /** Closes the journal. */
  @org.openjdk.jmh.annotations.TearDown(Level.Iteration)
  public void tearDown() throws IOException {
    engine.close();
    journal.close();
    Files.deleteIfExists(journal.path());
    Files.deleteIfExists(dir);
  }

  /** One marketable four-leg limit order through engine, journal and paper broker. */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  public Outcome submitFourLegs() {
    List<OrderLeg> legs = new ArrayList<>(4);
    for (String s : symbols) {
      legs.add(OrderLeg.of(s, Side.BUY, 1));
    }
    return engine.submit("longvol", OrderRequest.multiLeg("pending", 1, limit, legs));
  }

  /** The market's clock. */
  private static final class MarketClock extends Clock {
    private final SimulatedMarket market;

    MarketClock(SimulatedMarket market) {
      this.market = market;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return market.now();
    }
  }
}
