package io.github.bsoptions.app.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.bsoptions.app.obs.LatencyRecorder;
import io.github.bsoptions.app.obs.StageLatency;
import io.github.bsoptions.app.web.LiveDashboardState;
import io.github.bsoptions.app.web.Views;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a {@link RunReport}: {@code report.txt} (the console text), {@code report.json}, {@code
 * report.html} (Chart.js copied beside it from the WebJar, so it opens offline), {@code equity.png}
 * and {@code latency.png}.
 */
public final class ReportWriter {
  private ReportWriter() {}

  /** Writes every file into {@code dir} (created if needed) and returns their paths. */
  public static List<Path> write(Path dir, RunReport r) throws IOException {
    Files.createDirectories(dir);
    List<Path> out = new ArrayList<>();
    Path txt = dir.resolve("report.txt");
    Files.writeString(txt, text(r), StandardCharsets.UTF_8);
    out.add(txt);
    Path json = dir.resolve("report.json");
    Files.writeString(json, LiveDashboardState.toJson(jsonTree(r)), StandardCharsets.UTF_8);
    out.add(json);
    Path chartJs = dir.resolve("chart.umd.js");
    try (InputStream in =
        ReportWriter.class
            .getClassLoader()
            .getResourceAsStream(
                io.github.bsoptions.app.web.DashboardServer.webjarResource(
                    "chart.js/dist/chart.umd.js"))) {
      if (in == null) {
        throw new IOException("Chart.js WebJar missing from the class path");
      }
      Files.write(chartJs, in.readAllBytes());
    }
    out.add(chartJs);
    Path html = dir.resolve("report.html");
    Files.writeString(html, html(r), StandardCharsets.UTF_8);
    out.add(html);
    if (r.equity().size() >= 2) {
      Path eq = dir.resolve("equity.png");
      double[] x = new double[r.equity().size()];
      double[] y = new double[x.length];
      double[] real = new double[x.length];
      long t0 = r.equity().get(0).atMillis();
      for (int i = 0; i < x.length; i++) {
        Views.EquityPoint p = r.equity().get(i);
        x[i] = (p.atMillis() - t0) / 86_400_000.0;
        y[i] = p.equity();
        real[i] = r.pnl().startEquity() + p.realized();
      }
      PngChart.line(
          eq,
          r.title() + ": equity",
          "days since start",
          x,
          List.of(
              new PngChart.Series("equity", y), new PngChart.Series("start + realized P&L", real)));
      out.add(eq);
    }
    Path lat = dir.resolve("latency.png");
    List<String> cats = new ArrayList<>();
    double[] p50 = new double[r.latency().size()];
    double[] p99 = new double[p50.length];
    double[] target = new double[p50.length];
    for (int i = 0; i < p50.length; i++) {
      StageLatency s = r.latency().get(i);
      cats.add(s.stage().label());
      p50[i] = s.count() == 0 ? Double.NaN : s.p50Nanos() / 1e3;
      p99[i] = s.count() == 0 ? Double.NaN : s.p99Nanos() / 1e3;
      target[i] = s.target().isPresent() ? s.target().getAsLong() / 1e3 : Double.NaN;
    }
    PngChart.bars(
        lat,
        "latency per stage (µs, log scale)",
        cats,
        List.of(
            new PngChart.Series("p50", p50),
            new PngChart.Series("p99", p99),
            new PngChart.Series("seed target", target)),
        true);
    out.add(lat);
    return out;
  }

  /** Returns the console text of the report. */
  public static String text(RunReport r) {
    StringBuilder sb = new StringBuilder();
    sb.append("== ").append(r.title()).append(" ==\n");
    sb.append(
        String.format(
            Locale.ROOT,
            "mode %s, seed %d, %d trading day(s) from %s to %s, wall time %.1f s%n",
            r.mode(),
            r.seed(),
            r.tradingDays(),
            r.simStart(),
            r.simEnd(),
            r.wallTime().toMillis() / 1e3));
    RunReport.Counts c = r.counts();
    sb.append("\nActivity\n");
    sb.append(
        String.format(
            Locale.ROOT,
            "  chains %,d   options priced %,d   signals %,d   orders %,d   denied %,d   fills %,d%n",
            c.chains(),
            c.optionsPriced(),
            c.signals(),
            c.ordersSubmitted(),
            c.ordersDenied(),
            c.fills()));
    for (Map.Entry<String, Long> e : new java.util.TreeMap<>(c.denialReasons()).entrySet()) {
      sb.append(String.format(Locale.ROOT, "  denied %-24s %,d%n", e.getKey(), e.getValue()));
    }
    RunReport.Pnl p = r.pnl();
    sb.append("\nP&L\n");
    sb.append(
        String.format(
            Locale.ROOT,
            "  equity %,.2f -> %,.2f (%+.2f%%)   realized %+,.2f   unrealized %+,.2f%n",
            p.startEquity(),
            p.endEquity(),
            100 * (p.endEquity() / p.startEquity() - 1),
            p.realized(),
            p.unrealized()));
    sb.append(
        String.format(
            Locale.ROOT,
            "  max drawdown %.2f%%   Sharpe %s%n",
            100 * p.maxDrawdown(),
            Double.isFinite(p.sharpe())
                ? String.format(Locale.ROOT, "%.2f", p.sharpe())
                : "n/a (needs 5 daily returns)"));
    if (!r.risk().isEmpty()) {
      sb.append("\nRisk usage\n");
      for (RunReport.RiskUsage u : r.risk()) {
        sb.append(
            String.format(
                Locale.ROOT,
                "  %-24s %12.2f of %12.2f  (%5.1f%%)%n",
                u.limit(),
                u.used(),
                u.cap(),
                100 * u.fraction()));
      }
    }
    if (!r.forecasts().isEmpty()) {
      sb.append("\nForecast quality (volatility)\n");
      sb.append(
          String.format(
              Locale.ROOT,
              "  %-22s %-20s %4s %10s %10s %10s%n",
              "model",
              "version",
              "n",
              "RMSE",
              "QLIKE",
              "train"));
      for (RunReport.ForecastQuality f : r.forecasts()) {
        sb.append(
            String.format(
                Locale.ROOT,
                "  %-22s %-20s %4d %10.4f %10.4f %8d ms%n",
                f.model(),
                f.version(),
                f.forecasts(),
                f.rmse(),
                f.qlike(),
                f.trainMillis()));
      }
    }
    sb.append("\nLatency per stage (HdrHistogram; targets from the seed)\n");
    for (String line : LatencyRecorder.table(r.latency()).split("\n")) {
      sb.append("  ").append(line).append('\n');
    }
    if (!r.trades().isEmpty()) {
      sb.append("\nTrades (last 10 of ").append(r.trades().size()).append(")\n");
      for (RunReport.Trade t :
          r.trades().subList(Math.max(0, r.trades().size() - 10), r.trades().size())) {
        sb.append(
            String.format(
                Locale.ROOT,
                "  %s %-4s %6.0f %-24s @ %9.2f  %s%n",
                t.at(),
                t.side(),
                t.quantity(),
                t.symbol(),
                t.price(),
                t.strategy()));
      }
    }
    for (String n : r.notes()) {
      sb.append("\nnote: ").append(n);
    }
    if (!r.notes().isEmpty()) {
      sb.append('\n');
    }
    return sb.toString();
  }

  private static ObjectNode jsonTree(RunReport r) {
    ObjectNode root = LiveDashboardState.mapper().valueToTree(r);
    ArrayNode lat = root.putArray("latency");
    for (StageLatency s : r.latency()) {
      ObjectNode n = lat.addObject();
      n.put("stage", s.stage().label());
      n.put("count", s.count());
      n.put("p50Nanos", s.p50Nanos());
      n.put("p99Nanos", s.p99Nanos());
      n.put("maxNanos", s.maxNanos());
      if (s.target().isPresent()) {
        n.put("targetNanos", s.target().getAsLong());
      } else {
        n.putNull("targetNanos");
      }
    }
    root.put("wallTime", r.wallTime().toString());
    root.put("simStart", r.simStart().toString());
    root.put("simEnd", r.simEnd().toString());
    ArrayNode trades = root.putArray("trades");
    for (RunReport.Trade t : r.trades()) {
      ObjectNode n = trades.addObject();
      n.put("at", t.at().toString());
      n.put("symbol", t.symbol());
      n.put("side", t.side());
      n.put("quantity", t.quantity());
      n.put("price", t.price());
      n.put("strategy", t.strategy());
    }
    return root;
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static String html(RunReport r) {
    String data = LiveDashboardState.toJson(jsonTree(r)).replace("</", "<\\/");
    return "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
        + escape(r.title())
        + "</title>\n<style>body{font:14px system-ui,sans-serif;margin:2rem;max-width:1100px}"
        + "pre{background:#f6f8fa;padding:1rem;overflow:auto}.c{height:340px;margin:1rem 0}</style>\n"
        + "<script src=\"chart.umd.js\"></script></head><body>\n<h1>"
        + escape(r.title())
        + "</h1>\n<div class=\"c\"><canvas id=\"equity\"></canvas></div>\n"
        + "<div class=\"c\"><canvas id=\"latency\"></canvas></div>\n<pre>"
        + escape(text(r))
        + "</pre>\n<script>\nconst R = "
        + data
        + ";\n"
        + "new Chart(document.getElementById('equity'), {type: 'line', data: {"
        + "labels: R.equity.map(p => new Date(p.atMillis).toISOString().substring(0, 16)),"
        + "datasets: [{label: 'equity', data: R.equity.map(p => p.equity), pointRadius: 0}]},"
        + "options: {animation: false, maintainAspectRatio: false}});\n"
        + "new Chart(document.getElementById('latency'), {type: 'bar', data: {"
        + "labels: R.latency.map(s => s.stage), datasets: ["
        + "{label: 'p50 µs', data: R.latency.map(s => s.count ? s.p50Nanos / 1e3 : null)},"
        + "{label: 'p99 µs', data: R.latency.map(s => s.count ? s.p99Nanos / 1e3 : null)},"
        + "{label: 'target µs', data: R.latency.map(s => s.targetNanos === null ? null"
        + " : s.targetNanos / 1e3)}]},"
        + "options: {animation: false, maintainAspectRatio: false,"
        + " scales: {y: {type: 'logarithmic'}}}});\n</script>\n</body></html>\n";
  }
}
