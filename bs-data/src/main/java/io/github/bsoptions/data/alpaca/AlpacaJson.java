package io.github.bsoptions.data.alpaca;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.bsoptions.data.internal.Timestamps;
import io.github.bsoptions.data.model.Bar;
import io.github.bsoptions.data.model.OptionContract;
import io.github.bsoptions.data.model.OptionSnapshot;
import io.github.bsoptions.data.model.Quote;
import io.github.bsoptions.data.model.StockSnapshot;
import io.github.bsoptions.data.model.Trade;
import io.github.bsoptions.pricing.product.OptionType;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Streaming parsers for Alpaca's market-data JSON (short keys, see market-apis.md section 1.4).
 * Unknown fields are skipped; a missing required field or a wrong token is an {@link IOException}
 * or {@link IllegalArgumentException} (the caller treats both as a malformed body).
 */
final class AlpacaJson {
  static final JsonFactory FACTORY = new JsonFactory();

  private AlpacaJson() {}

  /**
   * A chain snapshot page: the next page token (null on the last page). See {@link
   * ChainPageParser}; nothing is added to {@code into} unless the whole page parsed.
   */
  static String chainPage(byte[] body, Map<String, OptionSnapshot> into) throws IOException {
    return ChainPageParser.parse(body, into);
  }

  /** Parses a quote object at the current START_OBJECT. */
  static Quote quote(JsonParser p, String sym) throws IOException {
    expect(p.currentToken(), JsonToken.START_OBJECT);
    Instant t = null;
    double bp = 0;
    double ap = 0;
    long bs = 0;
    long as = 0;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String f = p.currentName();
      p.nextToken();
      switch (f) {
        case "t" -> t = Timestamps.parse(p.getText());
        case "bp" -> bp = price(p, "bp");
        case "ap" -> ap = price(p, "ap");
        case "bs" -> bs = size(p, "bs");
        case "as" -> as = size(p, "as");
        default -> p.skipChildren();
      }
    }
    if (t == null) {
      throw new IOException("quote without 't' for " + sym);
    }
    return new Quote(sym, bp, ap, bs, as, t);
  }

  static Trade trade(JsonParser p, String sym) throws IOException {
    expect(p.currentToken(), JsonToken.START_OBJECT);
    Instant t = null;
    double px = Double.NaN;
    long s = 0;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String f = p.currentName();
      p.nextToken();
      switch (f) {
        case "t" -> t = Timestamps.parse(p.getText());
        case "p" -> px = price(p, "p");
        case "s" -> s = size(p, "s");
        default -> p.skipChildren(); // 'c' is a string for options, an array for stocks
      }
    }
    if (t == null || Double.isNaN(px)) {
      throw new IOException("trade without 't' or 'p' for " + sym);
    }
    return new Trade(sym, px, s, t);
  }

  static Bar bar(JsonParser p, String sym) throws IOException {
    expect(p.currentToken(), JsonToken.START_OBJECT);
    Instant t = null;
    double o = Double.NaN;
    double h = Double.NaN;
    double l = Double.NaN;
    double c = Double.NaN;
    double vw = Double.NaN;
    long v = 0;
    long n = 0;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String f = p.currentName();
      p.nextToken();
      switch (f) {
        case "t" -> t = Timestamps.parse(p.getText());
        case "o" -> o = price(p, "o");
        case "h" -> h = price(p, "h");
        case "l" -> l = price(p, "l");
        case "c" -> c = price(p, "c");
        case "v" -> v = size(p, "v");
        case "n" -> n = size(p, "n");
        case "vw" -> vw = price(p, "vw");
        default -> p.skipChildren();
      }
    }
    if (t == null) {
      throw new IOException("bar without 't' for " + sym);
    }
    return new Bar(sym, t, o, h, l, c, v, n, vw);
  }

  /** {@code {"<field>": Obj, "symbol": ...}} single-object responses. */
  static <T> T single(byte[] body, String field, String sym, ObjParser<T> parser)
      throws IOException {
    try (JsonParser p = FACTORY.createParser(body)) {
      expect(p.nextToken(), JsonToken.START_OBJECT);
      T out = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String f = p.currentName();
        JsonToken t = p.nextToken();
        if (f.equals(field) && t == JsonToken.START_OBJECT) {
          out = parser.parse(p, sym);
        } else {
          p.skipChildren();
        }
      }
      if (out == null) {
        throw new IOException("no '" + field + "' in response");
      }
      return out;
    }
  }

  /** Parses an object at the current START_OBJECT. */
  @FunctionalInterface
  interface ObjParser<T> {
    T parse(JsonParser p, String symbol) throws IOException;
  }

  static StockSnapshot stockSnapshot(byte[] body, String sym) throws IOException {
    try (JsonParser p = FACTORY.createParser(body)) {
      expect(p.nextToken(), JsonToken.START_OBJECT);
      Quote q = null;
      Trade tr = null;
      Bar d = null;
      Bar pd = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String f = p.currentName();
        JsonToken t = p.nextToken();
        if (t != JsonToken.START_OBJECT) {
          p.skipChildren();
          continue;
        }
        switch (f) {
          case "latestQuote" -> q = quote(p, sym);
          case "latestTrade" -> tr = trade(p, sym);
          case "dailyBar" -> d = bar(p, sym);
          case "prevDailyBar" -> pd = bar(p, sym);
          default -> p.skipChildren();
        }
      }
      return new StockSnapshot(
          sym,
          Optional.ofNullable(q),
          Optional.ofNullable(tr),
          Optional.ofNullable(d),
          Optional.ofNullable(pd));
    }
  }

  /**
   * A list page: {@code {"<field>": [..] | {SYM: [..]}, "next_page_token": ..}}. Items of every
   * symbol go to {@code sink}; returns the next token.
   */
  static <T> String listPage(
      byte[] body, String field, String defaultSymbol, ObjParser<T> parser, Consumer<T> sink)
      throws IOException {
    try (JsonParser p = FACTORY.createParser(body)) {
      expect(p.nextToken(), JsonToken.START_OBJECT);
      String next = null;
      boolean saw = false;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String f = p.currentName();
        JsonToken t = p.nextToken();
        if (f.equals(field)) {
          saw = true;
          if (t == JsonToken.START_ARRAY) {
            while (p.nextToken() == JsonToken.START_OBJECT) {
              sink.accept(parser.parse(p, defaultSymbol));
            }
          } else if (t == JsonToken.START_OBJECT) {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
              String sym = p.currentName();
              JsonToken inner = p.nextToken();
              if (inner == JsonToken.START_ARRAY) {
                while (p.nextToken() == JsonToken.START_OBJECT) {
                  sink.accept(parser.parse(p, sym));
                }
              } else if (inner == JsonToken.START_OBJECT) {
                sink.accept(parser.parse(p, sym));
              } else {
                p.skipChildren();
              }
            }
          } else if (t != JsonToken.VALUE_NULL) {
            throw new IOException("'" + field + "' is neither array nor object");
          }
        } else if (f.equals("next_page_token")) {
          next = t == JsonToken.VALUE_NULL ? null : p.getText();
        } else {
          p.skipChildren();
        }
      }
      if (!saw) {
        throw new IOException("no '" + field + "' in response");
      }
      return next == null || next.isEmpty() ? null : next;
    }
  }

  /** Parses {@code /v2/options/contracts} pages: {@code option_contracts} array. */
  static String contractsPage(byte[] body, List<OptionContract> into, Map<String, Long> oi)
      throws IOException {
    List<OptionContract> page = new ArrayList<>();
    String next =
        listPage(
            body,
            "option_contracts",
            "",
            (p, ignored) -> {
              String sym = null;
              String under = null;
              String root = null;
              String type = null;
              String exp = null;
              String strike = null;
              String openInterest = null;
              while (p.nextToken() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                JsonToken t = p.nextToken();
                String v =
                    t == JsonToken.VALUE_NULL ? null : t.isScalarValue() ? p.getText() : null;
                switch (f) {
                  case "symbol" -> sym = v;
                  case "underlying_symbol" -> under = v;
                  case "root_symbol" -> root = v;
                  case "type" -> type = v;
                  case "expiration_date" -> exp = v;
                  case "strike_price" -> strike = v;
                  case "open_interest" -> openInterest = v;
                  default -> p.skipChildren();
                }
              }
              if (sym == null) {
                throw new IOException("contract without 'symbol'");
              }
              OptionContract parsed = OptionContract.parse(sym);
              OptionContract c =
                  new OptionContract(
                      root == null || root.isEmpty() ? parsed.root() : root,
                      under == null || under.isEmpty() ? parsed.underlying() : under,
                      exp == null ? parsed.expiration() : LocalDate.parse(exp),
                      "put".equals(type)
                          ? OptionType.PUT
                          : "call".equals(type) ? OptionType.CALL : parsed.type(),
                      strike == null ? parsed.strike() : decimal("strike_price", strike));
              if (openInterest != null && !openInterest.isEmpty()) {
                if (!DIGITS.matcher(openInterest).matches()) {
                  throw new IOException(
                      "open_interest must be a whole number, was " + openInterest);
                }
                oi.put(c.symbol(), Long.parseLong(openInterest));
              }
              return c;
            },
            page::add);
    into.addAll(page);
    return next;
  }

  /**
   * A price field: a JSON number, finite, not negative and not a negative zero (F-2: {@code
   * "1e1000000"}, {@code "NaN"}, {@code "-0"} and over-long numbers are errors, never values).
   */
  static double price(JsonParser p, String field) throws IOException {
    JsonToken t = p.currentToken();
    if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
      throw new IOException("'" + field + "' must be a number, was " + t);
    }
    double d = p.getDoubleValue();
    if (!(d >= 0 && d < Double.POSITIVE_INFINITY) || p.getText().startsWith("-")) {
      throw new IOException("'" + field + "' must be a finite price >= 0, was " + p.getText());
    }
    return d;
  }

  /** A size or count field: a whole JSON number {@code >= 0} within {@code long}, no minus sign. */
  static long size(JsonParser p, String field) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NUMBER_INT) {
      if (p.getText().startsWith("-")) {
        throw new IOException("'" + field + "' must be >= 0, was " + p.getText());
      }
      return p.getLongValue(); // out of range: InputCoercionException (an IOException)
    }
    if (t == JsonToken.VALUE_NUMBER_FLOAT) {
      double d = p.getDoubleValue();
      if (d >= 0 && d <= 0x1p53 && d == Math.rint(d) && !p.getText().startsWith("-")) {
        return (long) d;
      }
      throw new IOException("'" + field + "' must be a whole number >= 0, was " + p.getText());
    }
    throw new IOException("'" + field + "' must be a number, was " + t);
  }

  private static final java.util.regex.Pattern DIGITS =
      java.util.regex.Pattern.compile("[0-9]{1,18}");
  private static final java.util.regex.Pattern DECIMAL =
      java.util.regex.Pattern.compile("[0-9]{1,18}(\\.[0-9]{1,18})?");

  /** A plain decimal string ({@code "162.5"}): no sign, exponent, hex or {@code NaN}. */
  static double decimal(String field, String text) throws IOException {
    if (!DECIMAL.matcher(text).matches()) {
      throw new IOException(field + " must be a plain decimal, was '" + text + "'");
    }
    return Double.parseDouble(text);
  }

  private static void expect(JsonToken actual, JsonToken wanted) throws IOException {
    if (actual != wanted) {
      throw new IOException("expected " + wanted + " but found " + actual);
    }
  }
}
