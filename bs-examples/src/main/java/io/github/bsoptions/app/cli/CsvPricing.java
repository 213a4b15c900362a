package io.github.bsoptions.app.cli;

import io.github.bsoptions.pricing.formula.ImpliedVolResult;
import io.github.bsoptions.pricing.greeks.Greeks;
import io.github.bsoptions.pricing.pricer.PricingModel;
import io.github.bsoptions.pricing.product.OptionType;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs a model over a CSV file row by row: input columns pass through, results follow. A bad row
 * gets a status message and empty values; the run goes on. Numbers are printed with {@link
 * Double#toString(double)}, which round-trips exactly.
 */
final class CsvPricing {
  /** Greek columns appended by {@code bs price}, after {@code price}. */
  static final List<String> PRICE_COLUMNS =
      List.of(
          "price",
          "delta",
          "gamma",
          "vega",
          "theta",
          "rho",
          "dividend_rho",
          "vanna",
          "volga",
          "charm",
          "status");

  static final List<String> IV_COLUMNS = List.of("implied_vol", "iv_status");

  private static final long PROGRESS_MIN_BYTES = 1 << 20;

  enum Mode {
    PRICE("volatility"),
    IV("price");

    final String lastInput;

    Mode(String lastInput) {
      this.lastInput = lastInput;
    }
  }

  private CsvPricing() {}

  /** Returns the number of data rows processed; throws for a missing column or I/O failure. */
  static long run(Mode mode, PricingModel model, String input, String output, PrintStream err)
      throws IOException {
    long size = input.equals("-") ? -1 : Files.size(Path.of(input));
    boolean progress =
        size >= PROGRESS_MIN_BYTES && System.console() != null && System.getenv("CI") == null;
    try (InputStream is = input.equals("-") ? System.in : Files.newInputStream(Path.of(input));
        OutputStream os =
            output.equals("-")
                ? new NonClosing(System.out)
                : Files.newOutputStream(Path.of(output));
        BufferedReader in = new BufferedReader(new InputStreamReader(is, StandardCharsets.UTF_8));
        Writer out = new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8))) {
      return process(mode, model, in, out, progress ? err : null, size);
    }
  }

  static long process(
      Mode mode, PricingModel model, BufferedReader in, Writer out, PrintStream progress, long size)
      throws IOException {
    List<String> header = Csv.readRecord(in);
    if (header == null) {
      throw new IllegalArgumentException("input is empty (no header)");
    }
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < header.size(); i++) {
      index.putIfAbsent(header.get(i).strip().toLowerCase(Locale.ROOT), i);
    }
    String[] needed = {
      "type", "spot", "strike", "expiry_years", "rate", "dividend_yield", mode.lastInput
    };
    int[] col = new int[needed.length];
    for (int i = 0; i < needed.length; i++) {
      Integer c = index.get(needed[i]);
      if (c == null) {
        throw new IllegalArgumentException(
            "input header lacks column '" + needed[i] + "'; needs " + String.join(",", needed));
      }
      col[i] = c;
    }
    List<String> outHeader = new ArrayList<>(header);
    List<String> added = mode == Mode.PRICE ? PRICE_COLUMNS : IV_COLUMNS;
    outHeader.addAll(added);
    Csv.writeRecord(out, outHeader);
    long rows = 0;
    long bytes = 0;
    int lastPercent = -1;
    List<String> rec;
    while ((rec = Csv.readRecord(in)) != null) {
      if (rec.size() == 1 && rec.get(0).isBlank()) {
        continue;
      }
      rows++;
      List<String> row = new ArrayList<>(header.size() + added.size());
      for (int i = 0; i < header.size(); i++) {
        row.add(i < rec.size() ? rec.get(i) : "");
      }
      try {
        OptionType type = OptionType.parse(field(rec, col[0]));
        double[] v = new double[6];
        for (int i = 1; i < needed.length; i++) {
          v[i - 1] = number(rec, col[i], needed[i]);
        }
        if (mode == Mode.PRICE) {
          Greeks g = model.greeks(type, v[0], v[1], v[2], v[3], v[4], v[5]);
          double[] out6 = {
            g.price(),
            g.delta(),
            g.gamma(),
            g.vega(),
            g.theta(),
            g.rho(),
            g.dividendRho(),
            g.vanna(),
            g.volga(),
            g.charm()
          };
          for (double d : out6) {
            row.add(Double.toString(d));
          }
          row.add("OK");
        } else {
          ImpliedVolResult r = model.impliedVolatility(type, v[0], v[1], v[2], v[3], v[4], v[5]);
          row.add(r.isOk() ? Double.toString(r.volatility()) : "");
          row.add(r.status().label());
        }
      } catch (IllegalArgumentException e) {
        for (int i = 0; i < added.size() - 1; i++) {
          row.add("");
        }
        row.add(e.getMessage());
      }
      Csv.writeRecord(out, row);
      if (progress != null) {
        for (String f : rec) {
          bytes += f.length() + 1;
        }
        int percent = (int) Math.min(100, 100 * bytes / size);
        if (percent != lastPercent) {
          lastPercent = percent;
          int bars = percent / 2;
          progress.print("\r[" + "#".repeat(bars) + " ".repeat(50 - bars) + "] " + percent + "%");
        }
      }
    }
    if (progress != null) {
      progress.println();
    }
    out.flush();
    return rows;
  }

  private static String field(List<String> rec, int i) {
    return i < rec.size() ? rec.get(i) : "";
  }

  private static double number(List<String> rec, int i, String name) {
    String s = field(rec, i).strip();
    try {
      return Double.parseDouble(s);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a number, was '" + s + "'");
    }
  }

  /** Keeps {@code System.out} open when the writer closes. */
  private static final class NonClosing extends java.io.FilterOutputStream {
    NonClosing(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
