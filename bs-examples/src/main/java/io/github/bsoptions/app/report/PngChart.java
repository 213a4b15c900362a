package io.github.bsoptions.app.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Small PNG charts drawn with Java2D (headless): line charts over a numeric x axis and grouped bar
 * charts on a log or linear scale. For reports written to the output folder.
 */
public final class PngChart {
  private static final Color[] COLORS = {
    new Color(0x1f77b4),
    new Color(0xff7f0e),
    new Color(0x2ca02c),
    new Color(0xd62728),
    new Color(0x9467bd)
  };
  private static final int W = 900;
  private static final int H = 420;
  private static final int L = 80;
  private static final int R = 20;
  private static final int T = 40;
  private static final int B = 60;

  private PngChart() {}

  /**
   * A named series of y values over shared x values.
   *
   * @param name legend label
   * @param y values (NaN: gap)
   */
  public record Series(String name, double[] y) {}

  static {
    System.setProperty("java.awt.headless", "true");
  }

  /** Draws a line chart of {@code series} over {@code x} into a PNG file. */
  public static void line(Path file, String title, String xLabel, double[] x, List<Series> series)
      throws IOException {
    BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = start(img, title);
    double xmin = min(x);
    double xmax = max(x);
    double ymin = Double.POSITIVE_INFINITY;
    double ymax = Double.NEGATIVE_INFINITY;
    for (Series s : series) {
      if (s.y().length != x.length) {
        throw new IllegalArgumentException(
            "series " + s.name() + " has " + s.y().length + " values for " + x.length + " x");
      }
      ymin = Math.min(ymin, min(s.y()));
      ymax = Math.max(ymax, max(s.y()));
    }
    if (!(xmax > xmin)) {
      xmax = xmin + 1;
    }
    if (!(ymax > ymin)) {
      ymax = ymin + 1;
      ymin = ymin - 1;
    }
    double pad = (ymax - ymin) * 0.05;
    ymin -= pad;
    ymax += pad;
    axes(g, xmin, xmax, ymin, ymax, xLabel, false);
    for (int i = 0; i < series.size(); i++) {
      Series s = series.get(i);
      g.setColor(COLORS[i % COLORS.length]);
      g.setStroke(new BasicStroke(2f));
      Path2D.Double p = new Path2D.Double();
      boolean pen = false;
      for (int j = 0; j < x.length; j++) {
        if (!Double.isFinite(s.y()[j])) {
          pen = false;
          continue;
        }
        double px = L + (x[j] - xmin) / (xmax - xmin) * (W - L - R);
        double py = T + (ymax - s.y()[j]) / (ymax - ymin) * (H - T - B);
        if (pen) {
          p.lineTo(px, py);
        } else {
          p.moveTo(px, py);
          pen = true;
        }
      }
      g.draw(p);
      legend(g, i, s.name());
    }
    g.dispose();
    write(img, file);
  }

  /** Draws grouped bars ({@code series} per category), on a log scale when {@code log}. */
  public static void bars(
      Path file, String title, List<String> categories, List<Series> series, boolean log)
      throws IOException {
    BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = start(img, title);
    double ymax = Double.NEGATIVE_INFINITY;
    double ymin = Double.POSITIVE_INFINITY;
    for (Series s : series) {
      for (double v : s.y()) {
        if (Double.isFinite(v) && v > 0) {
          ymax = Math.max(ymax, v);
          ymin = Math.min(ymin, v);
        }
      }
    }
    if (!Double.isFinite(ymax)) {
      ymax = 1;
      ymin = 0.1;
    }
    double lo = log ? Math.pow(10, Math.floor(Math.log10(ymin))) : 0;
    double hi = log ? Math.pow(10, Math.ceil(Math.log10(ymax))) : ymax * 1.1;
    if (log && hi <= lo) {
      hi = lo * 10;
    }
    axes(g, 0, categories.size(), lo, hi, "", log);
    double slot = (double) (W - L - R) / categories.size();
    double bw = slot * 0.8 / series.size();
    for (int c = 0; c < categories.size(); c++) {
      g.setColor(Color.DARK_GRAY);
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
      String name = categories.get(c);
      FontMetrics fm = g.getFontMetrics();
      g.drawString(name, (int) (L + slot * c + slot / 2 - fm.stringWidth(name) / 2.0), H - B + 18);
      for (int i = 0; i < series.size(); i++) {
        double v = series.get(i).y()[c];
        if (!Double.isFinite(v) || v <= 0) {
          continue;
        }
        double f =
            log ? (Math.log10(v) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo)) : v / hi;
        f = Math.max(0, Math.min(1, f));
        int h = (int) Math.round(f * (H - T - B));
        g.setColor(COLORS[i % COLORS.length]);
        g.fillRect(
            (int) (L + slot * c + slot * 0.1 + bw * i), H - B - h, (int) Math.max(1, bw - 2), h);
      }
    }
    for (int i = 0; i < series.size(); i++) {
      legend(g, i, series.get(i).name());
    }
    g.dispose();
    write(img, file);
  }

  private static Graphics2D start(BufferedImage img, String title) {
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, W, H);
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
    g.drawString(title, L, 24);
    return g;
  }

  private static void axes(
      Graphics2D g,
      double xmin,
      double xmax,
      double ymin,
      double ymax,
      String xLabel,
      boolean log) {
    g.setColor(new Color(0xdddddd));
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    int ticks = 5;
    for (int i = 0; i <= ticks; i++) {
      int y = T + (H - T - B) * i / ticks;
      g.setColor(new Color(0xe5e5e5));
      g.drawLine(L, y, W - R, y);
      double v =
          log
              ? Math.pow(10, Math.log10(ymax) - (Math.log10(ymax) - Math.log10(ymin)) * i / ticks)
              : ymax - (ymax - ymin) * i / ticks;
      g.setColor(Color.DARK_GRAY);
      String s = number(v);
      g.drawString(s, L - 8 - g.getFontMetrics().stringWidth(s), y + 4);
    }
    if (!xLabel.isEmpty()) {
      for (int i = 0; i <= ticks; i++) {
        int x = L + (W - L - R) * i / ticks;
        String s = number(xmin + (xmax - xmin) * i / ticks);
        g.drawString(s, x - g.getFontMetrics().stringWidth(s) / 2, H - B + 18);
      }
      g.drawString(xLabel, (W - g.getFontMetrics().stringWidth(xLabel)) / 2, H - B + 38);
    }
    g.setColor(Color.GRAY);
    g.drawLine(L, H - B, W - R, H - B);
    g.drawLine(L, T, L, H - B);
  }

  private static void legend(Graphics2D g, int i, String name) {
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    int x = W - R - 170;
    int y = T + 6 + i * 18;
    g.setColor(COLORS[i % COLORS.length]);
    g.fillRect(x, y, 12, 12);
    g.setColor(Color.BLACK);
    g.drawString(name, x + 18, y + 11);
  }

  private static String number(double v) {
    double a = Math.abs(v);
    if (a != 0 && (a >= 1e6 || a < 1e-2)) {
      return String.format(Locale.ROOT, "%.2g", v);
    }
    return a >= 100
        ? String.format(Locale.ROOT, "%,.0f", v)
        : String.format(Locale.ROOT, "%.2f", v);
  }

  private static double min(double[] a) {
    double m = Double.POSITIVE_INFINITY;
    for (double v : a) {
      if (Double.isFinite(v)) {
        m = Math.min(m, v);
      }
    }
    return Double.isFinite(m) ? m : 0;
  }

  private static double max(double[] a) {
    double m = Double.NEGATIVE_INFINITY;
    for (double v : a) {
      if (Double.isFinite(v)) {
        m = Math.max(m, v);
      }
    }
    return Double.isFinite(m) ? m : 1;
  }

  private static void write(BufferedImage img, Path file) throws IOException {
    if (!ImageIO.write(img, "png", file.toFile())) {
      throw new IOException("no PNG writer available");
    }
  }
}
