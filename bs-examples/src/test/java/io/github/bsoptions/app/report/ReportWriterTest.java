package io.github.bsoptions.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bsoptions.app.obs.LatencyRecorder;
import io.github.bsoptions.app.obs.Stage;
import io.github.bsoptions.app.web.Views;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {
  @TempDir Path dir;

  static RunReport sample() {
    LatencyRecorder lat = new LatencyRecorder();
    for (int i = 1; i <= 100; i++) {
      lat.record(Stage.DATA_ACQUISITION, 10_000L * i);
      lat.record(Stage.END_TO_END, 50_000L * i);
    }
    lat.recordPerItem(Stage.PRICING_PER_OPTION, 100_000, 200);
    Instant t0 = Instant.parse("2026-03-02T14:30:00Z");
    List<Views.EquityPoint> eq = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      eq.add(
          new Views.EquityPoint(
              t0.toEpochMilli() + i * 3_600_000L,
              100_000 + 25 * i - 400 * Math.sin(i / 7.0),
              25 * i,
              -400 * Math.sin(i / 7.0)));
    }
    return new RunReport(
        "bs demo <test>",
        "demo",
        42,
        t0,
        t0.plusSeconds(86_400 * 3),
        3,
        Duration.ofSeconds(61),
        new RunReport.Counts(
            780, 120_000, 55, 30, 4, 28, Map.of("MAX_DELTA", 3L, "PRICE_COLLAR", 1L)),
        new RunReport.Pnl(100_000, 101_475, 1_475, 0, 0.0123, 1.7),
        eq,
        lat.snapshot(),
        List.of(new RunReport.RiskUsage("net delta", 120, 500)),
        List.of(new RunReport.ForecastQuality("garch", "v2", 3, 0.021, 1.05, 180)),
        List.of(
            new RunReport.Trade(
                t0.plusSeconds(600), "SPY260320C00500000", "BUY", 2, 3.25, "long-vol")),
        List.of("demo note"));
  }

  @Test
  void writesTextJsonHtmlAndPngCharts() throws Exception {
    List<Path> files = ReportWriter.write(dir.resolve("out"), sample());
    assertThat(files)
        .extracting(p -> p.getFileName().toString())
        .containsExactly(
            "report.txt",
            "report.json",
            "chart.umd.js",
            "report.html",
            "equity.png",
            "latency.png");
    String txt = Files.readString(dir.resolve("out/report.txt"));
    assertThat(txt)
        .contains("options priced 120,000")
        .contains("denied MAX_DELTA")
        .contains("+1.48%")
        .contains("pricing per option")
        .contains("garch")
        .contains("SPY260320C00500000")
        .contains("note: demo note");
    String html = Files.readString(dir.resolve("out/report.html"));
    assertThat(html)
        .contains("<script src=\"chart.umd.js\">")
        .contains("bs demo &lt;test&gt;")
        .doesNotContain("http");
    assertThat(Files.size(dir.resolve("out/chart.umd.js"))).isGreaterThan(100_000);
    for (String png : List.of("equity.png", "latency.png")) {
      BufferedImage img = ImageIO.read(dir.resolve("out").resolve(png).toFile());
      assertThat(img.getWidth()).isEqualTo(900);
      assertThat(distinctColors(img)).as(png).isGreaterThan(10);
    }
  }

  private static int distinctColors(BufferedImage img) {
    java.util.Set<Integer> s = new java.util.HashSet<>();
    for (int y = 0; y < img.getHeight(); y += 3) {
      for (int x = 0; x < img.getWidth(); x += 3) {
        s.add(img.getRGB(x, y));
      }
    }
    return s.size();
  }

  @Test
  void progressBarPrintsDecilesWhenNotInteractive() {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    ProgressBar bar =
        new ProgressBar(new PrintStream(buf, true, StandardCharsets.UTF_8), "demo", 200, false);
    for (int i = 0; i <= 200; i++) {
      bar.update(i, "day 1/2");
    }
    bar.finish("done");
    List<String> lines = buf.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(lines).hasSize(11);
    assertThat(lines.get(10)).contains("100%").contains("[" + "#".repeat(32) + "]");
  }
}
