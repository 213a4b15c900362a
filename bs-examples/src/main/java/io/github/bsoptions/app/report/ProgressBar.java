package io.github.bsoptions.app.report;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line console progress bar ({@code [#####.....] 42% day 2/5 eta 12s}) redrawn with a
 * carriage return, at most every 100 ms. When the stream is not a terminal ({@code System.console()
 * == null}), it prints a plain line at every 10 % instead.
 */
public final class ProgressBar {
  private static final int WIDTH = 32;

  private final PrintStream out;
  private final String label;
  private final long total;
  private final boolean interactive;
  private final long startNanos = System.nanoTime();
  private long lastDrawNanos;
  private int lastDecile = -1;
  private long done;

  /** Creates a bar over {@code total} units, drawn on {@code out}. */
  public ProgressBar(PrintStream out, String label, long total, boolean interactive) {
    if (total <= 0) {
      throw new IllegalArgumentException("total must be > 0, was " + total);
    }
    this.out = out;
    this.label = label;
    this.total = total;
    this.interactive = interactive;
  }

  /** Creates a bar on stderr, interactive when a console is attached. */
  public static ProgressBar onStderr(String label, long total) {
    return new ProgressBar(System.err, label, total, System.console() != null);
  }

  /** Sets the progress to {@code value} (clamped to [0, total]) with a short status text. */
  public synchronized void update(long value, String status) {
    done = Math.max(0, Math.min(total, value));
    long now = System.nanoTime();
    if (interactive) {
      if (now - lastDrawNanos >= 100_000_000L || done == total) {
        lastDrawNanos = now;
        out.print("\r" + line(status, now));
        out.flush();
      }
    } else {
      int decile = (int) (done * 10 / total);
      if (decile != lastDecile) {
        lastDecile = decile;
        out.println(line(status, now));
      }
    }
  }

  /** Completes the bar and ends its line. */
  public synchronized void finish(String status) {
    update(total, status);
    if (interactive) {
      out.println();
    }
  }

  String line(String status, long now) {
    double f = (double) done / total;
    int filled = (int) Math.round(f * WIDTH);
    double elapsed = (now - startNanos) / 1e9;
    String eta =
        done == 0 ? "?" : String.format(Locale.ROOT, "%.0fs", elapsed * (total - done) / done);
    return String.format(
        Locale.ROOT,
        "%s [%s%s] %3d%%  %s  eta %s   ",
        label,
        "#".repeat(filled),
        ".".repeat(WIDTH - filled),
        Math.round(f * 100),
        status,
        eta);
  }
}
