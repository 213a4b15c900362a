package io.github.bsoptions.data.replay;

import io.github.bsoptions.data.model.Bar;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Imports OHLCV bars from plain CSV. Columns (case-insensitive, any order): {@code timestamp} (or
 * {@code t}, {@code date}, {@code time}: an ISO instant, or a date meaning midnight in the given
 * zone), {@code open}, {@code high}, {@code low}, {@code close}, optional {@code volume}, {@code
 * trade_count}, {@code vwap}. Bad rows are reported with their line number and skipped.
 */
public final class BarCsv {
  private BarCsv() {}

  /**
   * The result of an import.
   *
   * @param bars the bars, oldest first
   * @param errors the rows skipped
   */
  public record Result(List<Bar> bars, List<ChainCsv.RowError> errors) {
    /** Copies the lists. */
    public Result {
      bars = List.copyOf(bars);
      errors = List.copyOf(errors);
    }
  }

  /**
   * Reads bars of {@code symbol}; dates without a time are midnight in {@code zone}.
   *
   * @throws IllegalArgumentException when the header lacks a required column
   * @throws UncheckedIOException on read failure
   */
  public static Result read(Reader in, String symbol, ZoneId zone) {
    List<Bar> bars = new ArrayList<>();
    List<ChainCsv.RowError> errors = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(in)) {
      String header = r.readLine();
      if (header == null) {
        throw new IllegalArgumentException("CSV is empty: expected a header row");
      }
      Map<String, Integer> col = new HashMap<>();
      List<String> names = ChainCsv.split(header);
      for (int i = 0; i < names.size(); i++) {
        col.put(names.get(i).trim().toLowerCase(Locale.ROOT), i);
      }
      int tcol = -1;
      for (String n : List.of("timestamp", "t", "date", "time")) {
        if (col.containsKey(n)) {
          tcol = col.get(n);
          break;
        }
      }
      for (String req : List.of("open", "high", "low", "close")) {
        if (!col.containsKey(req)) {
          throw new IllegalArgumentException(
              "CSV header needs column '" + req + "'; was: " + header);
        }
      }
      if (tcol < 0) {
        throw new IllegalArgumentException("CSV header needs a 'timestamp' or 'date' column");
      }
      String line;
      int no = 1;
      while ((line = r.readLine()) != null) {
        no++;
        if (line.isBlank()) {
          continue;
        }
        List<String> c = ChainCsv.split(line);
        try {
          String ts = c.get(tcol).trim();
          Instant t =
              ts.length() == 10
                  ? LocalDate.parse(ts).atStartOfDay(zone).toInstant()
                  : Instant.parse(ts);
          bars.add(
              new Bar(
                  symbol,
                  t,
                  d(c, col, "open"),
                  d(c, col, "high"),
                  d(c, col, "low"),
                  d(c, col, "close"),
                  (long) orZero(d(c, col, "volume")),
                  (long) orZero(d(c, col, "trade_count")),
                  d(c, col, "vwap")));
        } catch (RuntimeException e) {
          errors.add(new ChainCsv.RowError(no, e.getMessage()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    bars.sort(Comparator.comparing(Bar::start));
    return new Result(bars, errors);
  }

  private static double orZero(double v) {
    return Double.isNaN(v) ? 0 : v;
  }

  private static double d(List<String> c, Map<String, Integer> col, String name) {
    Integer i = col.get(name);
    if (i == null || i >= c.size() || c.get(i).isBlank()) {
      return Double.NaN;
    }
    return Double.parseDouble(c.get(i).trim());
  }
}
