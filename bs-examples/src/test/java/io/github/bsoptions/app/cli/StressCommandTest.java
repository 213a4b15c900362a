package io.github.bsoptions.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.bsoptions.app.Main;
import io.github.bsoptions.risk.stress.StressResult;
import io.github.bsoptions.risk.stress.StressTester;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class StressCommandTest {
  static final List<String> CSV =
      List.of(
          "underlying,type,spot,strike,expiry_years,rate,dividend_yield,volatility,quantity",
          "AAPL,call,100,105,0.25,0.04,0,0.3,3",
          "AAPL,put,100,95,0.25,0.04,0,0.32,-2",
          "AAPL,stock,100,,,,,,-50");

  @TempDir Path dir;

  private String[] run(String... args) {
    CommandLine cl = Main.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new String[] {Integer.toString(code), out.toString(), err.toString()};
  }

  @Test
  void csvOutputEqualsTheLibrary() throws IOException {
    Path file = dir.resolve("p.csv");
    Files.write(file, CSV);
    String[] r =
        run(
            "stress",
            "--portfolio",
            file.toString(),
            "--spot-shocks",
            "-0.1,0,0.1",
            "--vol-shocks",
            "-0.05,0.05",
            "--days",
            "7",
            "--format",
            "csv");
    assertThat(r[0]).as(r[2]).isEqualTo("0");
    List<String> lines = r[1].lines().toList();
    assertThat(lines.get(0)).isEqualTo("spot_shock,vol_shock,pnl");
    assertThat(lines).hasSize(7);
    PortfolioCsv.Book book = PortfolioCsv.parse(CSV);
    StressResult expected =
        StressTester.DEFAULT.run(
            book.portfolio(),
            book.market(),
            StressTester.grid(new double[] {-0.1, 0, 0.1}, new double[] {-0.05, 0.05}, 7));
    for (int i = 0; i < 6; i++) {
      String[] cells = lines.get(i + 1).split(",");
      assertThat(Double.parseDouble(cells[2]))
          .isCloseTo(expected.rows().get(i).pnl(), within(0.005));
    }
    assertThat(lines.get(1)).startsWith("-0.1,-0.05,");
  }

  @Test
  void perPositionColumnsSumToTheTotal() throws IOException {
    Path file = dir.resolve("p.csv");
    Files.write(file, CSV);
    String[] r = run("stress", "--portfolio", file.toString(), "--format", "csv", "--per-position");
    assertThat(r[0]).as(r[2]).isEqualTo("0");
    List<String> lines = r[1].lines().toList();
    assertThat(lines.get(0)).isEqualTo("spot_shock,vol_shock,pnl,line2,line3,line4");
    for (String line : lines.subList(1, lines.size())) {
      String[] c = line.split(",");
      double sum = Double.parseDouble(c[3]) + Double.parseDouble(c[4]) + Double.parseDouble(c[5]);
      assertThat(sum).isCloseTo(Double.parseDouble(c[2]), within(0.02));
    }
    String[] table = run("stress", "--portfolio", file.toString(), "--per-position");
    assertThat(table[1]).contains("line2").contains("line4");
  }

  @Test
  void tableWithMonteCarloVar() throws IOException {
    Path file = dir.resolve("p.csv");
    Files.write(file, CSV);
    String[] r = run("stress", "--portfolio", file.toString(), "--mc", "20000", "--var", "0.99");
    assertThat(r[0]).as(r[2]).isEqualTo("0");
    assertThat(r[1])
        .contains("spot\\vol")
        .contains("Worst:")
        .contains("VaR 99%")
        .contains("ES  99%");
  }

  @Test
  void stockOnlyUnderlyingNeedsAVolatilityForMonteCarlo() throws IOException {
    Path file = dir.resolve("p.csv");
    Files.write(file, List.of(CSV.get(0), "MSFT,stock,400,,,,,,10"));
    String[] r = run("stress", "--portfolio", file.toString(), "--mc", "2000");
    assertThat(r[0]).isEqualTo("2");
    assertThat(r[2]).contains("--underlying-vol MSFT=VOL");
    String[] ok =
        run(
            "stress",
            "--portfolio",
            file.toString(),
            "--mc",
            "2000",
            "--underlying-vol",
            "MSFT=0.25");
    assertThat(ok[0]).as(ok[2]).isEqualTo("0");
  }

  @Test
  void badRowsNameTheLineAndColumn() throws IOException {
    Path file = dir.resolve("p.csv");
    Files.write(file, List.of(CSV.get(0), "AAPL,call,100,abc,0.25,0.04,0,0.3,3"));
    String[] r = run("stress", "--portfolio", file.toString());
    assertThat(r[0]).isEqualTo("2");
    assertThat(r[2]).contains("line 2").contains("strike");
    Files.write(file, List.of("underlying,type,spot", "AAPL,stock,1"));
    assertThat(run("stress", "--portfolio", file.toString())[2]).contains("header lacks column");
  }

  @Test
  void exampleFileParses() throws IOException {
    PortfolioCsv.Book book = PortfolioCsv.read(Path.of("examples/positions.csv"));
    assertThat(book.portfolio().size()).isEqualTo(5);
    assertThat(book.market().spot("SPY")).isEqualTo(520);
  }
}
