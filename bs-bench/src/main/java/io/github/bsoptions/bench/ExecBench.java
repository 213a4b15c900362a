package io.github.bsoptions.bench;

import io.github.bsoptions.data.model.Quote;
import io.github.bsoptions.exec.engine.ExecutionEngine;
import io.github.bsoptions.exec.journal.EntryType;
import io.github.bsoptions.exec.journal.Journal;
import io.github.bsoptions.exec.order.OrderRequest;
import io.github.bsoptions.exec.order.Side;
import io.github.bsoptions.exec.paper.FillModel;
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
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * bs-exec: order submission to the paper broker (alone and through the whole engine: gate, journal,
 * router, fill intake) and journal appends with and without fsync.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ExecBench {
  private static final String SYM = "SPY261016C00640000";
  private static final Instant T0 = Instant.parse("2026-10-01T14:30:00Z");
  private final Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
  private PaperBroker paper;
  private PaperBroker enginePaper;
  private ExecutionEngine engine;
  private Journal engineJournal;
  private Journal journalNoSync;
  private Journal journalFsync;
  private Path dir;
  private long n;
  private final OrderRequest template = OrderRequest.market("draft", SYM, Side.BUY, 1);
  private final Map<String, String> fields = new LinkedHashMap<>();

  /** Fresh brokers and journals per iteration (they accumulate state). */
  @Setup(Level.Iteration)
  public void setUp() throws IOException {
    dir = Files.createTempDirectory("execbench");
    paper =
        new PaperBroker(
            "paper",
            null,
            new FillModel(0.01, 0.65, 0, false, 100),
            clock,
            Double.POSITIVE_INFINITY);
    paper.onQuote(new Quote(SYM, 1.00, 1.10, 100, 100, T0));
    enginePaper =
        new PaperBroker(
            "paper",
            null,
            new FillModel(0.01, 0.65, 0, false, 100),
            clock,
            Double.POSITIVE_INFINITY);
    enginePaper.onQuote(new Quote(SYM, 1.00, 1.10, 100, 100, T0));
    engineJournal = Journal.open(dir.resolve("engine.journal"), Journal.Durability.NONE, "bench");
    engine =
        ExecutionEngine.start(
            engineJournal,
            SmartOrderRouter.single(enginePaper, clock),
            PreTradeGate.ACCEPT_ALL,
            Instant.EPOCH,
            2);
    journalNoSync = Journal.open(dir.resolve("nosync.journal"), Journal.Durability.NONE, "bench");
    journalFsync = Journal.open(dir.resolve("fsync.journal"), Journal.Durability.FSYNC, "bench");
    fields.put("strategy", "s1");
    fields.put("broker", "paper");
    fields.put("symbol", SYM);
    fields.put("side", "buy");
    fields.put("qty", "1");
    fields.put("type", "limit");
    fields.put("tif", "day");
    fields.put("limit", "1.05");
  }

  /** Removes the iteration's files. */
  @TearDown(Level.Iteration)
  public void tearDown() throws IOException {
    engine.close();
    engineJournal.close();
    journalNoSync.close();
    journalFsync.close();
    try (var s = Files.list(dir)) {
      s.forEach(
          p -> {
            try {
              Files.delete(p);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    }
    Files.delete(dir);
  }

  /** One market order to the paper broker, filled at once. */
  @Benchmark
  public Outcome paperSubmit() {
    return paper.submit(template.withClientOrderId("b" + (n++)));
  }

  /**
   * The engine's whole path (no fsync): gate, id, intent journalled, route, ack and fill
   * journalled.
   */
  @Benchmark
  public Outcome engineSubmitPaper() {
    return engine.submit("s1", template);
  }

  /** One journal record, left to the OS to flush. */
  @Benchmark
  public long journalAppendNoFsync() {
    return journalNoSync.append(EntryType.INTENT, "bench-s1-" + (n++), fields).seq();
  }

  /** One journal record forced to the device. */
  @Benchmark
  public long journalAppendFsync() {
    return journalFsync.append(EntryType.INTENT, "bench-s1-" + (n++), fields).seq();
  }
}
