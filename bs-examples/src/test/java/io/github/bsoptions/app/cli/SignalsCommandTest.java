package io.github.bsoptions.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SignalsCommandTest {
  @Test
  void printsScoredContractsAndIsDeterministicForASeed() {
    String[] a = GarchCommandTest.run("signals", "--symbol", "SPY", "--seed", "7", "--top", "5");
    assertThat(a[0]).as(a[2]).isEqualTo("0");
    List<String> lines = a[1].lines().toList();
    assertThat(lines.get(0)).startsWith("SPY  spot ").contains("source simulated");
    assertThat(a[1]).contains("GARCH(1,1) on ", "Top 5 scored contracts", "Signals (");
    long contracts = lines.stream().filter(l -> l.matches("SPY *\\d{6}[CP]\\d{8} .*")).count();
    assertThat(contracts).isEqualTo(5);
    for (String l : lines) {
      if (l.matches("SPY *\\d{6}[CP]\\d{8} .*")) {
        double score = Double.parseDouble(l.substring(22).trim().split(" +")[0]);
        assertThat(score).isBetween(-1.0, 1.0);
      }
    }
    String[] b = GarchCommandTest.run("signals", "--symbol", "SPY", "--seed", "7", "--top", "5");
    assertThat(b[1]).isEqualTo(a[1]);
    String[] c = GarchCommandTest.run("signals", "--symbol", "SPY", "--seed", "8", "--top", "5");
    assertThat(c[0]).isEqualTo("0");
    assertThat(c[1]).isNotEqualTo(a[1]);
  }

  @Test
  void rejectsUnknownSource() {
    String[] r = GarchCommandTest.run("signals", "--source", "nowhere");
    assertThat(r[0]).isEqualTo("2");
    assertThat(r[2]).contains("--source").contains("nowhere");
  }
}
