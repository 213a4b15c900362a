package io.github.bsoptions.data.replay;

import io.github.bsoptions.data.model.EnrichedOption;
import io.github.bsoptions.data.model.OptionChain;
import io.github.bsoptions.data.model.OptionContract;
import io.github.bsoptions.data.model.OptionSnapshot;
import io.github.bsoptions.data.model.ProviderGreeks;
import io.github.bsoptions.data.model.Quote;
import io.github.bsoptions.data.model.Trade;
import io.github.bsoptions.pricing.product.OptionType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Imports option chains from plain CSV and exports enriched chains to CSV.
 *
 * <p>Import: a header row names the columns (case-insensitive, any order, unknown columns ignored).
 * Each row identifies a contract by {@code symbol} (OCC) or by {@code expiry} (or {@code
 * expiration}), {@code type} ({@code call}/{@code put}/{@code C}/{@code P}) and {@code strike} with
 * the underlying given to {@link #read}. Optional: {@code bid}, {@code ask}, {@code bid_size},
 * {@code ask_size}, {@code last}, {@code volume}, {@code open_interest}, {@code iv}, {@code delta},
 * {@code gamma}, {@code theta}, {@code vega}, {@code rho}, {@code underlying_price}. Empty cells
 * are absent values. Rows that cannot be parsed are reported with their line number and skipped;
 * the import never stops halfway.
 */
public final class ChainCsv {
  /** The columns {@link #write} emits, in order. */
  public static final List<String> COLUMNS =
      List.of(
          "symbol",
          "type",
          "strike",
          "expiry",
          "bid",
          "ask",
          "mid",
          "volume",
          "open_interest",
          "iv",
          "delta",
          "gamma",
          "theta",
          "vega",
          "source",
          "greeks_source");

  private ChainCsv() {}

  /**
   * One row the import skipped.
   *
   * @param line the 1-based line number
   * @param message why
   */
  public record RowError(int line, String message) {}

  /**
   * The result of an import.
   *
   * @param chain the chain built from the good rows
   * @param errors the rows skipped
   */
  public record Result(OptionChain chain, List<RowError> errors) {
    /** Copies the error list. */
    public Result {
      Objects.requireNonNull(chain, "chain");
      errors = List.copyOf(errors);
    }
  }

  /**
   * Reads a chain.
   *
   * @param in the CSV text
   * @param underlying the underlying symbol
   * @param asOf the snapshot time (quote timestamps)
   * @param source the source name to put in the chain
   * @throws IllegalArgumentException when the header lacks the columns identifying contracts
   * @throws UncheckedIOException on read failure
   */
  public static Result read(Reader in, String underlying, Instant asOf, String source) {
    List<OptionSnapshot> out = new ArrayList<>();
    List<RowError> errors = new ArrayList<>();
    OptionalDouble spot = OptionalDouble.empty();
    try (BufferedReader r = new BufferedReader(in)) {
      String header = r.readLine();
      if (header == null) {
        throw new IllegalArgumentException("CSV is empty: expected a header row");
      }
      Map<String, Integer> col = new HashMap<>();
      List<String> names = split(header);
      for (int i = 0; i < names.size(); i++) {
        col.put(names.get(i).trim().toLowerCase(Locale.ROOT), i);
      }
      col.putIfAbsent("expiry", col.getOrDefault("expiration", -1));
      boolean bySymbol = col.containsKey("symbol");
      if (!bySymbol
          && !(col.get("expiry") >= 0 && col.containsKey("type") && col.containsKey("strike"))) {
        throw new IllegalArgumentException(
            "CSV header needs 'symbol' or 'expiry','type','strike'; was: " + header);
      }
      String line;
      int no = 1;
      while ((line = r.readLine()) != null) {
        no++;
        if (line.isBlank()) {
          continue;
        }
        List<String> cells = split(line);
        try {
          OptionContract c;
          if (bySymbol && !cell(cells, col, "symbol").isEmpty()) {
            c = OptionContract.parse(cell(cells, col, "symbol"));
            if (!c.underlying().equals(underlying)) {
              c = new OptionContract(c.root(), underlying, c.expiration(), c.type(), c.strike());
            }
          } else {
            String t = cell(cells, col, "type").toUpperCase(Locale.ROOT);
            OptionType type =
                t.startsWith("C") ? OptionType.CALL : t.startsWith("P") ? OptionType.PUT : null;
            if (type == null) {
              throw new IllegalArgumentException("type must be call or put, was '" + t + "'");
            }
            c =
                OptionContract.of(
                    underlying,
                    LocalDate.parse(cell(cells, col, "expiry")),
                    type,
                    Double.parseDouble(cell(cells, col, "strike")));
          }
          double bid = num(cells, col, "bid");
          double ask = num(cells, col, "ask");
          Optional<Quote> q =
              Double.isNaN(bid) && Double.isNaN(ask)
                  ? Optional.empty()
                  : Optional.of(
                      new Quote(
                          c.symbol(),
                          Double.isNaN(bid) ? 0 : bid,
                          Double.isNaN(ask) ? 0 : ask,
                          (long) orZero(num(cells, col, "bid_size")),
                          (long) orZero(num(cells, col, "ask_size")),
                          asOf));
          double last = num(cells, col, "last");
          Optional<Trade> trade =
              last > 0 ? Optional.of(new Trade(c.symbol(), last, 0, asOf)) : Optional.empty();
          double iv = num(cells, col, "iv");
          double delta = num(cells, col, "delta");
          Optional<ProviderGreeks> greeks =
              Double.isNaN(delta)
                  ? Optional.empty()
                  : Optional.of(
                      new ProviderGreeks(
                          delta,
                          num(cells, col, "gamma"),
                          num(cells, col, "theta"),
                          num(cells, col, "vega"),
                          num(cells, col, "rho")));
          double oi = num(cells, col, "open_interest");
          double vol = num(cells, col, "volume");
          double px = num(cells, col, "underlying_price");
          if (px > 0) {
            spot = OptionalDouble.of(px);
          }
          out.add(
              new OptionSnapshot(
                  c,
                  q,
                  trade,
                  Double.isNaN(iv) ? OptionalDouble.empty() : OptionalDouble.of(iv),
                  greeks,
                  (long) orZero(vol),
                  Double.isNaN(oi) ? OptionalLong.empty() : OptionalLong.of((long) oi)));
        } catch (RuntimeException e) {
          errors.add(new RowError(no, e.getMessage()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.sort(
        Comparator.comparing((OptionSnapshot s) -> s.contract().expiration())
            .thenComparingDouble(s -> s.contract().strike())
            .thenComparing(s -> s.contract().type()));
    return new Result(new OptionChain(underlying, spot, asOf, out, source), errors);
  }

  /**
   * Writes enriched options as CSV with the {@link #COLUMNS} header. Absent numbers are empty
   * cells; theta is written per calendar day and vega per volatility point (as brokers show them).
   *
   * @param source the value of the {@code source} column
   * @throws UncheckedIOException on write failure
   */
  public static void write(List<EnrichedOption> options, String source, Writer out) {
    try {
      out.write(String.join(",", COLUMNS));
      out.write('\n');
      for (EnrichedOption o : options) {
        StringBuilder sb = new StringBuilder(160);
        OptionContract c = o.contract();
        sb.append(c.symbol()).append(',');
        sb.append(c.type() == OptionType.CALL ? "call" : "put").append(',');
        sb.append(fmt(c.strike())).append(',');
        sb.append(c.expiration()).append(',');
        sb.append(fmt(o.bid())).append(',');
        sb.append(fmt(o.ask())).append(',');
        sb.append(fmt(o.mid())).append(',');
        sb.append(o.volume()).append(',');
        sb.append(o.openInterest() < 0 ? "" : Long.toString(o.openInterest())).append(',');
        sb.append(fmt(o.impliedVolatility())).append(',');
        sb.append(fmt(o.delta())).append(',');
        sb.append(fmt(o.gamma())).append(',');
        sb.append(fmt(o.theta() / 365.0)).append(',');
        sb.append(fmt(o.vega() / 100.0)).append(',');
        sb.append(source).append(',');
        sb.append(o.greeksSource().name().toLowerCase(Locale.ROOT));
        sb.append('\n');
        out.write(sb.toString());
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String fmt(double v) {
    if (!Double.isFinite(v)) {
      return "";
    }
    String s = String.format(Locale.ROOT, "%.6f", v);
    int end = s.length();
    while (end > 0 && s.charAt(end - 1) == '0') {
      end--;
    }
    if (end > 0 && s.charAt(end - 1) == '.') {
      end--;
    }
    return s.substring(0, end);
  }

  private static double orZero(double v) {
    return Double.isNaN(v) ? 0 : v;
  }

  private static String cell(List<String> cells, Map<String, Integer> col, String name) {
    Integer i = col.get(name);
    if (i == null || i < 0 || i >= cells.size()) {
      return "";
    }
    return cells.get(i).trim();
  }

  private static double num(List<String> cells, Map<String, Integer> col, String name) {
    String s = cell(cells, col, name);
    if (s.isEmpty()) {
      return Double.NaN;
    }
    double v = Double.parseDouble(s);
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException(name + " must be finite, was '" + s + "'");
    }
    return v;
  }

  /** Splits one CSV line (RFC 4180 quoting). */
  static List<String> split(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder sb = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (quoted) {
        if (ch == '"') {
          if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
            sb.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          sb.append(ch);
        }
      } else if (ch == '"') {
        quoted = true;
      } else if (ch == ',') {
        out.add(sb.toString());
        sb.setLength(0);
      } else {
        sb.append(ch);
      }
    }
    out.add(sb.toString());
    return out;
  }
}
