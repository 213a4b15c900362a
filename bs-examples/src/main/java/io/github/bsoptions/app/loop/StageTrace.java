package io.github.bsoptions.app.loop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** TEMPORARY debug trace of per-sample stage timings. */
final class StageTrace {
  static final StageTrace T =
      System.getProperty("bs.trace") == null
          ? null
          : new StageTrace(System.getProperty("bs.trace"));

  private final Path out;
  private final StringBuilder sb = new StringBuilder(1 << 20);
  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final List<GarbageCollectorMXBean> gcs = ManagementFactory.getGarbageCollectorMXBeans();
  private final java.lang.management.CompilationMXBean jit =
      ManagementFactory.getCompilationMXBean();

  private StageTrace(String path) {
    this.out = Path.of(path);
  }

  long up() {
    return ManagementFactory.getRuntimeMXBean().getUptime();
  }

  long cpu() {
    return threads.getCurrentThreadCpuTime();
  }

  long gcCount() {
    long n = 0;
    for (GarbageCollectorMXBean g : gcs) {
      n += g.getCollectionCount();
    }
    return n;
  }

  long jitMs() {
    return jit.getTotalCompilationTime();
  }

  void line(String s) {
    sb.append(s).append('\n');
  }

  void flush() {
    try {
      Files.writeString(out, sb, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static long qN, qNs, jN, jNs;

  static io.github.bsoptions.exec.paper.QuoteSource quotes(
      io.github.bsoptions.exec.paper.QuoteSource q) {
    return sym -> {
      long t = System.nanoTime();
      try {
        return q.quote(sym);
      } finally {
        qN++;
        qNs += System.nanoTime() - t;
      }
    };
  }

  static io.github.bsoptions.exec.journal.JournalStore journal(
      io.github.bsoptions.exec.journal.JournalStore j) {
    return new io.github.bsoptions.exec.journal.JournalStore() {
      @Override
      public String namespace() {
        return j.namespace();
      }

      @Override
      public List<io.github.bsoptions.exec.journal.JournalRecord> recovered() {
        return j.recovered();
      }

      @Override
      public List<io.github.bsoptions.exec.journal.JournalRecord> readAll() {
        return j.readAll();
      }

      @Override
      public long nextSeq() {
        return j.nextSeq();
      }

      @Override
      public io.github.bsoptions.exec.journal.JournalRecord append(
          io.github.bsoptions.exec.journal.EntryType type,
          String cid,
          java.util.Map<String, String> f) {
        long t = System.nanoTime();
        try {
          return j.append(type, cid, f);
        } finally {
          jN++;
          jNs += System.nanoTime() - t;
        }
      }

      @Override
      public io.github.bsoptions.exec.journal.JournalRecord appendDeferred(
          io.github.bsoptions.exec.journal.EntryType type,
          String cid,
          java.util.Map<String, String> f) {
        long t = System.nanoTime();
        try {
          return j.appendDeferred(type, cid, f);
        } finally {
          jN++;
          jNs += System.nanoTime() - t;
        }
      }

      @Override
      public void flush() {
        j.flush();
      }

      @Override
      public String describe() {
        return j.describe();
      }

      @Override
      public void close() {
        j.close();
      }
    };
  }
}
