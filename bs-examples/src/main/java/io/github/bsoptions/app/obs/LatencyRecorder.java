package io.github.bsoptions.app.obs;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Per-stage latency histograms (HdrHistogram, 3 significant digits, 1 ns to 1 hour), also published
 * as Micrometer timers {@code bs.stage.latency{stage=...}} when a registry is given. Thread-safe.
 */
public final class LatencyRecorder {
  private static final long MAX_NANOS = TimeUnit.HOURS.toNanos(1);

  private final Map<Stage, Histogram> histograms = new EnumMap<>(Stage.class);
  private final Map<Stage, Timer> timers = new EnumMap<>(Stage.class);

  /** Creates a recorder without metrics. */
  public LatencyRecorder() {
    this(null);
  }

  /** Creates a recorder that also feeds timers in {@code registry} (may be null). */
  public LatencyRecorder(MeterRegistry registry) {
    for (Stage s : Stage.values()) {
      histograms.put(s, new ConcurrentHistogram(1, MAX_NANOS, 3));
      if (registry != null) {
        timers.put(
            s,
            Timer.builder("bs.stage.latency")
                .description("latency of one trading-loop stage")
                .tag("stage", s.tag())
                .register(registry));
      }
    }
  }

  /** Records one sample of {@code nanos} for a stage (clamped to [1 ns, 1 h]). */
  public void record(Stage stage, long nanos) {
    long v = Math.max(1, Math.min(MAX_NANOS, nanos));
    histograms.get(stage).recordValue(v);
    Timer t = timers.get(stage);
    if (t != null) {
      t.record(v, TimeUnit.NANOSECONDS);
    }
  }

  /**
   * Records a batch that took {@code totalNanos} for {@code items} items as {@code items} samples
   * of the per-item time (for "pricing per option" measured over a whole chain).
   */
  public void recordPerItem(Stage stage, long totalNanos, int items) {
    if (items <= 0) {
      throw new IllegalArgumentException("items must be > 0, was " + items);
    }
    long v = Math.max(1, Math.min(MAX_NANOS, totalNanos / items));
    histograms.get(stage).recordValueWithCount(v, items);
    Timer t = timers.get(stage);
    if (t != null) {
      for (int i = 0; i < items; i++) {
        t.record(v, TimeUnit.NANOSECONDS);
      }
    }
  }

  /** Returns a summary of every stage, in {@link Stage} order. */
  public List<StageLatency> snapshot() {
    List<StageLatency> out = new ArrayList<>();
    for (Stage s : Stage.values()) {
      Histogram h = histograms.get(s).copy();
      long n = h.getTotalCount();
      out.add(
          new StageLatency(
              s,
              n,
              n == 0 ? 0 : h.getValueAtPercentile(50),
              n == 0 ? 0 : h.getValueAtPercentile(99),
              n == 0 ? 0 : h.getMaxValue(),
              s.target()));
    }
    return out;
  }

  /** Clears every histogram (e.g. after warm-up). */
  public void reset() {
    histograms.values().forEach(Histogram::reset);
  }

  /** Formats a latency table: stage, samples, p50, p99, max, target, verdict on the p99. */
  public static String table(List<StageLatency> rows) {
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "%-20s %10s %11s %11s %11s %10s  %s%n",
            "stage",
            "samples",
            "p50",
            "p99",
            "max",
            "target",
            "p99 vs target"));
    for (StageLatency r : rows) {
      String target = r.target().isPresent() ? duration(r.target().getAsLong()) : "-";
      String verdict =
          r.count() == 0
              ? "no samples"
              : r.target().isEmpty() ? "-" : r.meetsTarget() ? "ok" : "OVER";
      sb.append(
          String.format(
              Locale.ROOT,
              "%-20s %10d %11s %11s %11s %10s  %s%n",
              r.stage().label(),
              r.count(),
              r.count() == 0 ? "-" : duration(r.p50Nanos()),
              r.count() == 0 ? "-" : duration(r.p99Nanos()),
              r.count() == 0 ? "-" : duration(r.maxNanos()),
              target,
              verdict));
    }
    return sb.toString();
  }

  /** Formats nanoseconds with a readable unit (ns, µs, ms, s). */
  public static String duration(long nanos) {
    if (nanos < 1_000) {
      return nanos + " ns";
    }
    if (nanos < 1_000_000) {
      return String.format(Locale.ROOT, "%.1f µs", nanos / 1e3);
    }
    if (nanos < 1_000_000_000) {
      return String.format(Locale.ROOT, "%.2f ms", nanos / 1e6);
    }
    return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
  }
}
