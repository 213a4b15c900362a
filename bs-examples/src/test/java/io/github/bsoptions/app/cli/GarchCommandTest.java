package io.github.bsoptions.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.bsoptions.app.Main;
import io.github.bsoptions.signals.vol.garch.GarchFit;
import io.github.bsoptions.signals.vol.garch.GarchModel;
import io.github.bsoptions.signals.vol.garch.GarchParameters;
import io.github.bsoptions.signals.vol.garch.GarchSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class GarchCommandTest {
  @TempDir static Path dir;
  static double[] returns;
  static Path csv;

  @BeforeAll
  static void simulate() throws IOException {
    returns =
        GarchModel.simulate(
            GarchSpec.garch(),
            GarchParameters.of(0, 2e-6, 0.08, 0.9),
            2500,
            new SplittableRandom(1),
            null);
    StringBuilder sb = new StringBuilder("date,ret,close\n");
    for (int i = 0; i < returns.length; i++) {
      sb.append("d").append(i).append(',').append(returns[i]).append(",100\n");
    }
    csv = dir.resolve("returns.csv");
    Files.writeString(csv, sb, StandardCharsets.UTF_8);
  }

  static String[] run(String... args) {
    CommandLine cl = Main.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new String[] {Integer.toString(code), out.toString(), err.toString()};
  }

  static Map<String, String> csvRow(String text) {
    List<String> lines = text.lines().toList();
    assertThat(lines).hasSize(2);
    String[] h = lines.get(0).split(",", -1);
    String[] v = lines.get(1).split(",", -1);
    assertThat(v).hasSameSizeAs(h);
    Map<String, String> m = new HashMap<>();
    for (int i = 0; i < h.length; i++) {
      m.put(h[i], v[i]);
    }
    return m;
  }

  @Test
  void csvRecoversParametersAndReportsTheLibraryLogLikelihood() {
    String[] r = run("garch", "--input", csv.toString(), "--format", "csv");
    assertThat(r[0]).as(r[2]).isEqualTo("0");
    assertThat(r[1].lines().findFirst().orElseThrow())
        .contains("omega", "alpha", "beta", "loglik", "gamma", "nu", "mu", "persistence")
        .contains("se_alpha", "se_beta");
    Map<String, String> row = csvRow(r[1]);
    GarchFit fit = GarchModel.fit(returns, GarchSpec.garch());
    assertThat(Double.parseDouble(row.get("loglik"))).isEqualTo(fit.logLikelihood());
    assertThat(Double.parseDouble(row.get("alpha"))).isCloseTo(0.08, within(0.03));
    assertThat(Double.parseDouble(row.get("beta"))).isCloseTo(0.9, within(0.04));
    assertThat(Double.parseDouble(row.get("omega"))).isEqualTo(fit.parameters().omega());
    assertThat(Double.parseDouble(row.get("se_alpha"))).isPositive();
    assertThat(Double.parseDouble(row.get("persistence")))
        .isEqualTo(fit.persistence())
        .isLessThan(1);
    assertThat(row.get("nu")).isEmpty();
    assertThat(Double.parseDouble(row.get("vol_1d")))
        .isCloseTo(Math.sqrt(252 * fit.nextVariance()), within(1e-12));
  }

  @Test
  void gjrStudentTZeroMeanAndTable() {
    String[] r =
        run(
            "garch",
            "--input",
            csv.toString(),
            "--format",
            "csv",
            "--model",
            "gjr",
            "--dist",
            "t",
            "--mean",
            "zero");
    assertThat(r[0]).as(r[2]).isEqualTo("0");
    Map<String, String> row = csvRow(r[1]);
    GarchFit fit =
        GarchModel.fit(
            returns,
            GarchSpec.gjr()
                .withInnovation(GarchSpec.Innovation.STUDENT_T)
                .withMean(GarchSpec.MeanModel.ZERO));
    assertThat(Double.parseDouble(row.get("loglik"))).isEqualTo(fit.logLikelihood());
    assertThat(Double.parseDouble(row.get("nu"))).isGreaterThan(2);
    assertThat(row.get("model")).isEqualTo("gjr");

    String[] t = run("garch", "--input", csv.toString(), "--horizon", "10");
    assertThat(t[0]).as(t[2]).isEqualTo("0");
    assertThat(t[1])
        .contains("GARCH(1,1)", "omega", "alpha", "beta", "persistence", "log-likelihood")
        .contains("next 10 days");
  }

  @Test
  void badRowsAndEmptyInputExitWithTwoAndNameTheLine() throws IOException {
    Path bad = dir.resolve("bad.csv");
    String[] lines = new String[40];
    Arrays.fill(lines, "0.01");
    lines[6] = "abc";
    Files.writeString(bad, "ret\n" + String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    String[] r = run("garch", "--input", bad.toString());
    assertThat(r[0]).isEqualTo("2");
    assertThat(r[2]).contains("line 8").contains("abc");

    Path empty = dir.resolve("empty.csv");
    Files.writeString(empty, "", StandardCharsets.UTF_8);
    String[] e = run("garch", "--input", empty.toString());
    assertThat(e[0]).isEqualTo("2");
    assertThat(e[2]).contains("empty input");

    Path headerOnly = dir.resolve("header.csv");
    Files.writeString(headerOnly, "date,ret\n", StandardCharsets.UTF_8);
    assertThat(run("garch", "--input", headerOnly.toString())[2]).contains("no returns");

    Path noCol = dir.resolve("nocol.csv");
    Files.writeString(noCol, "date,close\nx,1\n", StandardCharsets.UTF_8);
    String[] n = run("garch", "--input", noCol.toString());
    assertThat(n[0]).isEqualTo("2");
    assertThat(n[2]).contains("no column ret");

    assertThat(run("garch", "--input", csv.toString(), "--dist", "cauchy")[2])
        .contains("--dist")
        .contains("cauchy");
  }
}
