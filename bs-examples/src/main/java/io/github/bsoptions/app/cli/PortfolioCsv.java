package io.github.bsoptions.app.cli;

import io.github.bsoptions.pricing.product.ExerciseStyle;
import io.github.bsoptions.pricing.product.OptionType;
import io.github.bsoptions.risk.portfolio.MarketState;
import io.github.bsoptions.risk.portfolio.OptionInstrument;
import io.github.bsoptions.risk.portfolio.Portfolio;
import io.github.bsoptions.risk.portfolio.Position;
import io.github.bsoptions.risk.portfolio.StockInstrument;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a positions CSV into a {@link Portfolio} and the {@link MarketState} of its spots.
 *
 * <p>The first line is a header naming the columns, in any order: {@code underlying, type, spot,
 * strike, expiry_years, rate, dividend_yield, volatility, quantity}, and optionally {@code
 * multiplier} (default 100 for options) and {@code style} ({@code european} or {@code american},
 * default european). {@code type} is {@code call}, {@code put} or {@code stock}; for stock rows
 * strike, expiry_years, volatility, rate and dividend_yield may be empty. {@code quantity} is
 * signed (negative = short) in contracts or shares. Rows of one underlying must agree on its spot.
 * Blank lines and lines starting with {@code #} are skipped. Errors name the line and column.
 */
public final class PortfolioCsv {
  /** The required columns. */
  public static final List<String> REQUIRED =
      List.of(
          "underlying",
          "type",
          "spot",
          "strike",
          "expiry_years",
          "rate",
          "dividend_yield",
          "volatility",
          "quantity");

  private PortfolioCsv() {}

  /** A parsed file: the positions and the spots they were marked at. */
  public record Book(Portfolio portfolio, MarketState market) {}

  /** Reads {@code file}. */
  public static Book read(Path file) throws IOException {
    return parse(Files.readAllLines(file, StandardCharsets.UTF_8));
  }

  /** Parses the lines of a positions CSV. */
  public static Book parse(List<String> lines) {
    Map<String, Integer> col = null;
    List<Position> positions = new ArrayList<>();
    Map<String, Double> spots = new HashMap<>();
    for (int n = 0; n < lines.size(); n++) {
      String line = lines.get(n).strip();
      int lineNo = n + 1;
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] cells = line.split(",", -1);
      if (col == null) {
        col = new HashMap<>();
        for (int i = 0; i < cells.length; i++) {
          col.put(cells[i].strip().toLowerCase(Locale.ROOT), i);
        }
        for (String required : REQUIRED) {
          if (!col.containsKey(required)) {
            throw new IllegalArgumentException(
                "line " + lineNo + ": header lacks column '" + required + "'");
          }
        }
        continue;
      }
      Row row = new Row(cells, col, lineNo);
      String underlying = row.text("underlying");
      double spot = row.number("spot");
      Double previous = spots.putIfAbsent(underlying, spot);
      if (previous != null && previous != spot) {
        throw new IllegalArgumentException(
            "line "
                + lineNo
                + ": spot "
                + spot
                + " of "
                + underlying
                + " differs from "
                + previous);
      }
      String type = row.text("type").toLowerCase(Locale.ROOT);
      double quantity = row.number("quantity");
      String id = "line" + lineNo;
      try {
        if (type.equals("stock")) {
          positions.add(Position.of(id, new StockInstrument(underlying), quantity));
        } else {
          OptionType optionType = OptionType.parse(type);
          ExerciseStyle style =
              row.has("style")
                  ? ExerciseStyle.valueOf(row.text("style").toUpperCase(Locale.ROOT))
                  : ExerciseStyle.EUROPEAN;
          double multiplier =
              row.has("multiplier")
                  ? row.number("multiplier")
                  : OptionInstrument.STANDARD_MULTIPLIER;
          positions.add(
              Position.of(
                  id,
                  new OptionInstrument(
                      underlying,
                      optionType,
                      style,
                      row.number("strike"),
                      row.number("expiry_years"),
                      row.number("volatility"),
                      row.number("rate"),
                      row.number("dividend_yield"),
                      multiplier),
                  quantity));
        }
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("line " + lineNo + ": " + e.getMessage(), e);
      }
    }
    if (col == null) {
      throw new IllegalArgumentException("the file is empty (no header)");
    }
    return new Book(new Portfolio(positions), new MarketState(spots));
  }

  private record Row(String[] cells, Map<String, Integer> col, int lineNo) {
    boolean has(String name) {
      Integer i = col.get(name);
      return i != null && i < cells.length && !cells[i].isBlank();
    }

    String text(String name) {
      if (!has(name)) {
        throw new IllegalArgumentException("line " + lineNo + ": column " + name + " is empty");
      }
      return cells[col.get(name)].strip();
    }

    double number(String name) {
      String t = text(name);
      try {
        double v = Double.parseDouble(t);
        if (!Double.isFinite(v)) {
          throw new NumberFormatException();
        }
        return v;
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "line " + lineNo + ": column " + name + " is not a finite number: '" + t + "'", e);
      }
    }
  }
}
