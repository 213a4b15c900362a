package io.github.bsoptions.bench;

import io.github.bsoptions.data.model.Quote;
import io.github.bsoptions.exec.engine.ExecutionEngine;
import io.github.bsoptions.exec.journal.EntryType;
import io.github.bsoptions.exec.journal.JdbcJournal;
import io.github.bsoptions.exec.journal.Journal;
import io.github.bsoptions.exec.journal.JournalStore;
import io.github.bsoptions.exec.order.OrderRequest;
import io.github.bsoptions.exec.order.Side;
import io.github.bsoptions.exec.paper.FillModel;
import io.github.bsoptions.exec.paper.PaperBroker;
import io.github.bsoptions.exec.routing.SmartOrderRouter;
import io.github.bsoptions.exec.spi.Outcome;
import io.github.bsoptions.exec.spi.PreTradeGate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.h2.jdbcx.JdbcDataSource;
import org.hsqldb.jdbc.JDBCDataSource;
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
 * bs-exec: the paper broker's throughput, the engine's own submission path as a latency
 * distribution (Mode.SampleTime gives p50/p99: gate, client id, journal append of the intent,
 * routing, paper broker, ack and fill journalled — no network), and single journal appends (file
 * with and without fsync, JDBC on embedded H2 and HSQLDB), with a raw {@code FileChannel} append +
 * {@code force(false)} (one fdatasync) as the device-flush baseline of the same run.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ExecBench {
  private static final String SYM = "SPY261016C00640000";
  private static final Instant T0 = Instant.parse("2026-10-01T14:30:00Z");
  private final Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
  private PaperBroker paper;
  private ExecutionEngine engine;
  private ExecutionEngine engineH2;
  private ExecutionEngine engineH2EveryRecord;
  private ExecutionEngine engineH2Sync;
  private ExecutionEngine engineH2SyncEveryRecord;
  private ExecutionEngine engineFileSync;
  private ExecutionEngine engineHsqlSync;
  private JdbcJournal engineJournalHsqlSync;
  private FileChannel raw200;
  private FileChannel raw16k;
  private final ByteBuffer bytes200 = ByteBuffer.allocateDirect(200);
  private final ByteBuffer bytes16k = ByteBuffer.allocateDirect(16384);
  private Journal engineJournal;
  private JdbcJournal engineJournalH2;
  private JdbcJournal engineJournalH2EveryRecord;
  private JdbcJournal engineJournalH2Sync;
  private JdbcJournal engineJournalH2SyncEveryRecord;
  private Journal engineJournalFileSync;
  private Journal journalNoSync;
  private Journal journalFsync;
  private JdbcJournal journalH2;
  private Path dir;
  private long n;
  private final OrderRequest template = OrderRequest.market("draft", SYM, Side.BUY, 1);
  private final Map<String, String> fields = new LinkedHashMap<>();

  private PaperBroker newPaper() {
    PaperBroker p =
        new PaperBroker(
            "paper",
            null,
            new FillModel(0.01, 0.65, 0, false, 100),
            clock,
            Double.POSITIVE_INFINITY);
    p.onQuote(new Quote(SYM, 1.00, 1.10, 100, 100, T0));
    return p;
  }

  /** Fresh brokers and journals per iteration (they accumulate state). */
  @Setup(Level.Iteration)
  public void setUp() throws IOException {
    dir = Files.createTempDirectory("execbench");
    paper = newPaper();
    engineJournal = Journal.open(dir.resolve("engine.journal"), Journal.Durability.NONE, "bench");
    engine =
        ExecutionEngine.start(
            engineJournal,
            SmartOrderRouter.single(newPaper(), clock),
            PreTradeGate.ACCEPT_ALL,
            Instant.EPOCH,
            2);
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:file:" + dir.toAbsolutePath().resolve("h2"));
    engineJournalH2 = JdbcJournal.open(ds, "engine", "bench", Journal.Durability.NONE);
    engineH2 = engine(engineJournalH2);
    engineJournalH2EveryRecord =
        JdbcJournal.open(ds, "engineEvery", "bench", Journal.Durability.NONE);
    engineH2EveryRecord = engine(new EveryRecordDurable(engineJournalH2EveryRecord));
    engineJournalH2Sync = JdbcJournal.open(ds, "engineSync", "bench");
    engineH2Sync = engine(engineJournalH2Sync);
    engineJournalH2SyncEveryRecord = JdbcJournal.open(ds, "engineSyncEvery", "bench");
    engineH2SyncEveryRecord = engine(new EveryRecordDurable(engineJournalH2SyncEveryRecord));
    engineJournalFileSync =
        Journal.open(dir.resolve("engine-sync.journal"), Journal.Durability.FSYNC, "bench");
    engineFileSync = engine(engineJournalFileSync);
    JDBCDataSource hsql = new JDBCDataSource();
    hsql.setURL("jdbc:hsqldb:file:" + dir.toAbsolutePath().resolve("hsql") + ";shutdown=true");
    hsql.setUser("SA");
    hsql.setPassword("");
    engineJournalHsqlSync = JdbcJournal.open(hsql, "engineSync", "bench");
    engineHsqlSync = engine(engineJournalHsqlSync);
    raw200 =
        FileChannel.open(
            dir.resolve("raw200.bin"), StandardOpenOption.CREATE_NEW, StandardOpenOption.APPEND);
    raw16k =
        FileChannel.open(
            dir.resolve("raw16k.bin"), StandardOpenOption.CREATE_NEW, StandardOpenOption.APPEND);
    journalH2 = JdbcJournal.open(ds, "single", "bench", Journal.Durability.NONE);
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

  private ExecutionEngine engine(JournalStore journal) {
    return ExecutionEngine.start(
        journal,
        SmartOrderRouter.single(newPaper(), clock),
        PreTradeGate.ACCEPT_ALL,
        Instant.EPOCH,
        2);
  }

  /**
   * The journal as it was before group commit: every record durable before {@code append} returns
   * ({@link JournalStore#appendDeferred} keeps its default, a durable append). The baseline of the
   * {@code *EveryRecordDurable} benchmarks, in the same run.
   */
  static final class EveryRecordDurable implements JournalStore {
    private final JournalStore j;

    EveryRecordDurable(JournalStore j) {
      this.j = j;
    }

    @Override
    public String namespace() {
      return j.namespace();
    }

    @Override
    public java.util.List<io.github.bsoptions.exec.journal.JournalRecord> recovered() {
      return j.recovered();
    }

    @Override
    public java.util.List<io.github.bsoptions.exec.journal.JournalRecord> readAll() {
      return j.readAll();
    }

    @Override
    public long nextSeq() {
      return j.nextSeq();
    }

    @Override
    public io.github.bsoptions.exec.journal.JournalRecord append(
        EntryType type, String clientOrderId, Map<String, String> fields) {
      return j.append(type, clientOrderId, fields);
    }

    @Override
    public String describe() {
      return j.describe();
    }

    @Override
    public void close() {
      j.close();
    }
  }

  /** Removes the iteration's files. */
  @TearDown(Level.Iteration)
  public void tearDown() throws IOException {
    for (ExecutionEngine e :
        new ExecutionEngine[] {
          engine,
          engineH2,
          engineH2EveryRecord,
          engineH2Sync,
          engineH2SyncEveryRecord,
          engineFileSync,
          engineHsqlSync
        }) {
      e.close();
    }
    for (JournalStore j :
        new JournalStore[] {
          engineJournal,
          engineJournalH2,
          engineJournalH2EveryRecord,
          engineJournalH2Sync,
          engineJournalH2SyncEveryRecord,
          engineJournalFileSync,
          journalH2,
          journalNoSync,
          journalFsync,
          engineJournalHsqlSync
        }) {
      j.close();
    }
    raw200.close();
    raw16k.close();
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.delete(p);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    }
  }

  /** Paper broker throughput: one market order, filled at once (orders per second). */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public Outcome paperSubmit() {
    return paper.submit(template.withClientOrderId("b" + (n++)));
  }

  /**
   * The engine's own submission path with the file journal (records written, flushing left to the
   * OS): gate, id, intent journalled, route, paper broker, fill and ack journalled. SampleTime
   * reports the distribution (p50, p99).
   */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  public Outcome submitPathFileJournal() {
    return engine.submit("s1", template);
  }

  /**
   * The same path with the JDBC journal on embedded H2, {@code Durability.NONE} (each commit
   * followed by {@code CHECKPOINT}: survives a kill -9 of the process): one transaction per order,
   * the intent carrying the previous order's deferred acknowledgement and fill.
   */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  public Outcome submitPathH2Journal() {
    return engineH2.submit("s1", template);
  }

  /** Baseline of {@link #submitPathH2Journal}: every record its own durable transaction. */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  public Outcome submitPathH2JournalEveryRecordDurable() {
    return engineH2EveryRecord.submit("s1", template);
  }

  /**
   * The default journal: JDBC on embedded H2 with {@code Durability.FSYNC} ({@code CHECKPOINT
   * SYNC}: forced to the device), group commit.
   */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  public Outcome submitPathH2Fsync() {
    return engineH2Sync.submit("s1", template);
  }

  /** Baseline of {@link #submitPathH2Fsync}: every record its own forced transaction. */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  public Outcome submitPathH2FsyncEveryRecordDurable() {
    return engineH2SyncEveryRecord.submit("s1", template);
  }

  /**
   * The default journal since the fourth pass: JDBC on embedded HSQLDB with {@code
   * Durability.FSYNC} (write delay {@code FALSE}: each commit one append to the database log and
   * one fsync), group commit.
   */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  public Outcome submitPathHsqldbFsync() {
    return engineHsqlSync.submit("s1", template);
  }

  /**
   * The device-flush baseline: 200 bytes appended to a file with {@code FileChannel.write} and
   * forced with {@code force(false)} (one fdatasync), the least a durable journal append costs.
   */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  public int rawAppendFdatasync200() throws IOException {
    bytes200.clear();
    int w = raw200.write(bytes200);
    raw200.force(false);
    return w;
  }

  /** The same with 16 KiB per append (the size of an H2 store chunk for one journal commit). */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  public int rawAppendFdatasync16k() throws IOException {
    bytes16k.clear();
    int w = raw16k.write(bytes16k);
    raw16k.force(false);
    return w;
  }

  /**
   * The durable variants interleaved in one loop, so that each sees the same moments of a shared
   * disk's flush latency (separate JMH benchmarks run one after another, minutes apart on a busy
   * machine): per round one raw 200-byte append + fdatasync, one order on HSQLDB, one on H2 ({@code
   * CHECKPOINT SYNC}) and one on the file journal ({@code FSYNC}); prints p50/p90/p99/p99.9 in µs.
   * The JMH benchmarks above are the reference; this is the same-moment cross-check.
   *
   * @param args the number of measured rounds (default 3000), after 500 warm-up rounds
   * @throws IOException when the raw file cannot be written
   */
  public static void main(String[] args) throws IOException {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
    ExecBench b = new ExecBench();
    b.setUp();
    String[] names = {
      "rawAppendFdatasync200", "submitPathHsqldbFsync", "submitPathH2Fsync", "submitPathFileFsync"
    };
    long[][] nanos = new long[names.length][rounds];
    try {
      for (int i = -500; i < rounds; i++) {
        for (int k = 0; k < names.length; k++) {
          long t0 = System.nanoTime();
          switch (k) {
            case 0 -> b.rawAppendFdatasync200();
            case 1 -> b.submitPathHsqldbFsync();
            case 2 -> b.submitPathH2Fsync();
            default -> b.submitPathFileFsync();
          }
          long t = System.nanoTime() - t0;
          if (i >= 0) {
            nanos[k][i] = t;
          }
        }
      }
    } finally {
      b.tearDown();
    }
    System.out.println("interleaved rounds: " + rounds + " (µs)");
    for (int k = 0; k < names.length; k++) {
      long[] v = nanos[k];
      java.util.Arrays.sort(v);
      System.out.printf(
          java.util.Locale.ROOT,
          "%-24s p50 %8.0f  p90 %8.0f  p99 %8.0f  p99.9 %8.0f%n",
          names[k],
          v[rounds / 2] / 1e3,
          v[(int) (rounds * 0.9)] / 1e3,
          v[(int) (rounds * 0.99)] / 1e3,
          v[(int) (rounds * 0.999)] / 1e3);
    }
  }

  /** The file journal with {@code Durability.FSYNC}: one forced write per order (the intent). */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  public Outcome submitPathFileFsync() {
    return engineFileSync.submit("s1", template);
  }

  /** One file journal record, left to the OS to flush. */
  @Benchmark
  public long journalAppendNoFsync() {
    return journalNoSync.append(EntryType.INTENT, "bench-s1-" + (n++), fields).seq();
  }

  /** One file journal record forced to the device. */
  @Benchmark
  public long journalAppendFsync() {
    return journalFsync.append(EntryType.INTENT, "bench-s1-" + (n++), fields).seq();
  }

  /** One JDBC journal record on embedded H2: one transaction and a checkpoint (no fsync). */
  @Benchmark
  public long journalAppendH2() {
    return journalH2.append(EntryType.INTENT, "bench-s1-" + (n++), fields).seq();
  }
}
