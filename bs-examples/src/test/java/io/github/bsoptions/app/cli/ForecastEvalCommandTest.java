package io.github.bsoptions.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ForecastEvalCommandTest {
  /** Parses the table rows into model to {n, QLIKE, RMSE}. */
  static Map<String, double[]> table(String out) {
    Map<String, double[]> rows = new HashMap<>();
    out.lines()
        .map(String::trim)
        .map(l -> l.split(" +"))
        .filter(c -> c.length == 4 && c[1].matches("\\d+"))
        .forEach(
            c ->
                rows.put(
                    c[0],
                    new double[] {
                      Double.parseDouble(c[1]), Double.parseDouble(c[2]), Double.parseDouble(c[3])
                    }));
    return rows;
  }

  @Test
  void hybridBeatsGarchOutOfSample() {
    String[] r = GarchCommandTest.run("forecast-eval");
    assertThat(r[0]).as(r[2]).isEqualTo("0");
    assertThat(r[2]).doesNotContain("skipped");
    Map<String, double[]> rows = table(r[1]);
    assertThat(rows)
        .containsKeys(
            "garch",
            "gjr-garch",
            "trailing-rv-21",
            "implied-vol",
            "lstm",
            "hybrid-lstm-garch",
            "hybrid-lstm-garch-chain");
    // 3 paths, forecasts at days 1000, 1005, ... while day + 5 < 1200: 39 per path
    assertThat(rows.get("garch")[0]).isEqualTo(117);
    for (double[] v : rows.values()) {
      assertThat(v[0]).isEqualTo(117);
      assertThat(v[1]).isPositive().isFinite();
      assertThat(v[2]).isPositive().isFinite();
    }
    assertThat(rows.get("hybrid-lstm-garch")[1]).isLessThan(rows.get("garch")[1]);
    assertThat(rows.get("hybrid-lstm-garch-chain")[1])
        .isLessThan(rows.get("garch")[1])
        .isLessThan(rows.get("implied-vol")[1]);
  }

  @Test
  void classicalOnlyAndBadArguments() {
    String[] r =
        GarchCommandTest.run(
            "forecast-eval",
            "--no-with-ml",
            "--paths",
            "1",
            "--days",
            "700",
            "--first",
            "600",
            "--step",
            "10");
    assertThat(r[0]).as(r[2]).isEqualTo("0");
    Map<String, double[]> rows = table(r[1]);
    assertThat(rows.keySet())
        .containsExactlyInAnyOrder("garch", "gjr-garch", "trailing-rv-21", "implied-vol");
    assertThat(rows.get("garch")[0]).isEqualTo(10);
    String[] bad = GarchCommandTest.run("forecast-eval", "--first", "5000");
    assertThat(bad[0]).isEqualTo("2");
    assertThat(bad[2]).contains("--first").contains("5000");
  }
}
