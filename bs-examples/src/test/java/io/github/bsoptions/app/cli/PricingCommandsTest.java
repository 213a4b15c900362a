package io.github.bsoptions.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bsoptions.app.Main;
import io.github.bsoptions.pricing.formula.BlackScholesFormulas;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class PricingCommandsTest {
  @TempDir Path dir;

  @Test
  void priceWritesGreeksPassesExtraColumnsAndSurvivesBadRows() throws Exception {
    Path in = dir.resolve("in.csv");
    Path out = dir.resolve("out.csv");
    Files.writeString(
        in,
        "note,volatility,type,spot,strike,expiry_years,rate,dividend_yield\n"
            + "\"hull, 15.6\",0.2,call,42,40,0.5,0.1,0\n"
            + "bad strike,0.2,put,42,-1,0.5,0.1,0\n"
            + "bad number,0.2,call,abc,40,0.5,0.1,0\n"
            + "hull put,0.2,put,42,40,0.5,0.1,0\n");
    int code = Main.run("price", "--input", in.toString(), "--output", out.toString());
    assertThat(code).isZero();
    List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
    assertThat(lines.get(0))
        .isEqualTo(
            "note,volatility,type,spot,strike,expiry_years,rate,dividend_yield,"
                + "price,delta,gamma,vega,theta,rho,dividend_rho,vanna,volga,charm,status");
    List<String> hull = parse(lines.get(1));
    assertThat(hull.get(0)).isEqualTo("hull, 15.6");
    double price = Double.parseDouble(hull.get(8));
    // Printed so that it round-trips exactly.
    assertThat(price).isEqualTo(BlackScholesFormulas.price(true, 42, 40, 0.5, 0.1, 0, 0.2));
    assertThat(price).isCloseTo(4.76, org.assertj.core.data.Offset.offset(0.005));
    assertThat(hull.get(hull.size() - 1)).isEqualTo("OK");
    List<String> bad = parse(lines.get(2));
    assertThat(bad.get(8)).isEmpty();
    assertThat(bad.get(bad.size() - 1)).contains("strike").contains("-1.0");
    List<String> badNumber = parse(lines.get(3));
    assertThat(badNumber.get(badNumber.size() - 1)).contains("spot").contains("abc");
    assertThat(Double.parseDouble(parse(lines.get(4)).get(8)))
        .isCloseTo(0.81, org.assertj.core.data.Offset.offset(0.005));
  }

  @Test
  void ivRoundTripsPricesAndReportsStatuses() throws Exception {
    double p = BlackScholesFormulas.price(false, 100, 95, 0.25, 0.02, 0.01, 0.35);
    Path in = dir.resolve("iv.csv");
    Path out = dir.resolve("iv-out.csv");
    Files.writeString(
        in,
        "type,spot,strike,expiry_years,rate,dividend_yield,price\n"
            + "put,100,95,0.25,0.02,0.01,"
            + p
            + "\n"
            + "call,110,100,1,0,0,9.5\n"
            + "call,110,100,0,0,0,12\n"
            + "call,110,100,1,0,0,NaN\n");
    assertThat(Main.run("iv", "--input", in.toString(), "--output", out.toString())).isZero();
    List<String> lines = Files.readAllLines(out);
    assertThat(lines.get(0)).endsWith(",price,implied_vol,iv_status");
    List<String> ok = parse(lines.get(1));
    assertThat(Double.parseDouble(ok.get(7)))
        .isCloseTo(0.35, org.assertj.core.data.Offset.offset(1e-14));
    assertThat(ok.get(8)).isEqualTo("OK");
    assertThat(parse(lines.get(2))).endsWith("", "BELOW_INTRINSIC");
    assertThat(parse(lines.get(3))).endsWith("", "EXPIRED");
    assertThat(parse(lines.get(4))).endsWith("", "INVALID_INPUT(price)");
  }

  @Test
  void black76BachelierAndAmericanModels() throws Exception {
    Path in = dir.resolve("m.csv");
    Files.writeString(
        in,
        "type,spot,strike,expiry_years,rate,dividend_yield,volatility\ncall,100,100,1,0,0,0.2\n");
    Path out = dir.resolve("m-out.csv");
    assertThat(
            Main.run(
                "price",
                "--model",
                "black76",
                "--input",
                in.toString(),
                "--output",
                out.toString()))
        .isZero();
    assertThat(Files.readAllLines(out).get(1)).contains(",OK");
    assertThat(
            Main.run(
                "price",
                "--model",
                "bachelier",
                "--input",
                in.toString(),
                "--output",
                out.toString()))
        .isZero();
    Path american = dir.resolve("m-american.csv");
    assertThat(
            Main.run(
                "price",
                "--model",
                "american",
                "--american-method",
                "baw",
                "--input",
                in.toString(),
                "--output",
                american.toString()))
        .isZero();
    // No dividends: the American call is worth the European one (BAW reproduces it exactly).
    assertThat(Files.readAllLines(american).get(1)).contains(",OK");
    StringWriter err = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setErr(new PrintWriter(err));
    int code = cl.execute("price", "--model", "heston", "--input", in.toString(), "--output", "-");
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("unknown model 'heston'");
  }

  @Test
  void missingColumnIsAnError() throws Exception {
    Path in = dir.resolve("x.csv");
    Files.writeString(in, "type,spot\ncall,1\n");
    StringWriter err = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setErr(new PrintWriter(err));
    assertThat(
            cl.execute("price", "--input", in.toString(), "--output", dir.resolve("y").toString()))
        .isEqualTo(1);
    assertThat(err.toString()).contains("strike");
  }

  @Test
  void csvQuotingRoundTrips() throws Exception {
    StringWriter w = new StringWriter();
    Csv.writeRecord(w, List.of("a", "b,c", "say \"hi\"", "two\nlines"));
    List<String> back = Csv.readRecord(new BufferedReader(new StringReader(w.toString())));
    assertThat(back).containsExactly("a", "b,c", "say \"hi\"", "two\nlines");
  }

  private static List<String> parse(String line) throws Exception {
    return Csv.readRecord(new BufferedReader(new StringReader(line)));
  }
}
