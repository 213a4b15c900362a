package io.github.bsoptions.data.model;

import io.github.bsoptions.pricing.product.OptionType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A listed equity or index option, identified by its OCC (OSI) symbol.
 *
 * <p>The OCC symbol is the root (1 to 6 characters), the expiry as {@code YYMMDD}, {@code C} or
 * {@code P}, and the strike in thousandths on 8 digits: {@code AAPL240119C00100000} is the AAPL
 * call expiring 2024-01-19 struck at 100. The root usually equals the underlying but not always
 * ({@code SPXW} weeklies on {@code SPX}, adjusted series such as {@code AAPL1}).
 *
 * @param root the OCC root
 * @param underlying the underlying symbol
 * @param expiration the expiration date
 * @param type call or put
 * @param strike the strike price (at most 3 decimals, below 100,000)
 */
public record OptionContract(
    String root, String underlying, LocalDate expiration, OptionType type, double strike) {
  /** Validates every component. */
  public OptionContract {
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(underlying, "underlying");
    Objects.requireNonNull(expiration, "expiration");
    Objects.requireNonNull(type, "type");
    if (root.isEmpty() || root.length() > 6) {
      throw new IllegalArgumentException("root must have 1 to 6 characters, was '" + root + "'");
    }
    if (!(strike > 0 && strike < 100_000)) {
      throw new IllegalArgumentException("strike must be in (0, 100000), was " + strike);
    }
    double thousandths = strike * 1000.0;
    if (Math.abs(thousandths - Math.rint(thousandths)) > 1e-6
        && BigDecimal.valueOf(strike).movePointRight(3).stripTrailingZeros().scale() > 0) {
      throw new IllegalArgumentException("strike must have at most 3 decimals, was " + strike);
    }
  }

  /** Returns a contract whose root is the underlying symbol. */
  public static OptionContract of(
      String underlying, LocalDate expiration, OptionType type, double strike) {
    return new OptionContract(underlying, underlying, expiration, type, strike);
  }

  /**
   * Parses an OCC symbol: unpadded ({@code AAPL240119C00100000}), space-padded to 21 characters, or
   * with a vendor prefix ({@code O:AAPL240119C00100000}). The underlying is taken to be the root.
   *
   * @throws IllegalArgumentException naming the symbol when it is not a valid OCC symbol
   */
  public static OptionContract parse(String symbol) {
    if (symbol == null) {
      throw new IllegalArgumentException("OCC symbol must not be null");
    }
    String s = symbol;
    if (s.startsWith("O:")) {
      s = s.substring(2);
    }
    if (s.indexOf(' ') >= 0 || (!s.isEmpty() && Character.isWhitespace(s.charAt(s.length() - 1)))) {
      s = s.strip().replace(" ", "");
      if (s.startsWith("O:")) {
        s = s.substring(2);
      }
    }
    // Fixed width from the right: YYMMDD (6) + C/P (1) + strike in thousandths (8).
    int n = s.length();
    int rootLen = n - 15;
    if (rootLen < 1 || rootLen > 6) {
      throw bad(symbol);
    }
    for (int i = 0; i < rootLen; i++) {
      char c = s.charAt(i);
      if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
        throw bad(symbol);
      }
    }
    int yy = digits(s, rootLen, 2, symbol);
    int mm = digits(s, rootLen + 2, 2, symbol);
    int dd = digits(s, rootLen + 4, 2, symbol);
    char cp = s.charAt(rootLen + 6);
    if (cp != 'C' && cp != 'P') {
      throw bad(symbol);
    }
    long thousandths = 0;
    for (int i = rootLen + 7; i < n; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        throw bad(symbol);
      }
      thousandths = thousandths * 10 + (c - '0');
    }
    LocalDate expiry;
    try {
      expiry = LocalDate.of(2000 + yy, mm, dd);
    } catch (java.time.DateTimeException e) {
      throw new IllegalArgumentException("invalid expiry in OCC symbol '" + symbol + "'", e);
    }
    String root = s.substring(0, rootLen);
    return new OptionContract(
        root, root, expiry, cp == 'C' ? OptionType.CALL : OptionType.PUT, thousandths / 1000.0);
  }

  private static int digits(String s, int from, int len, String symbol) {
    int v = 0;
    for (int i = from; i < from + len; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        throw bad(symbol);
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  private static IllegalArgumentException bad(String symbol) {
    return new IllegalArgumentException("not an OCC option symbol: '" + symbol + "'");
  }

  /** Returns true when {@code symbol} parses as an OCC option symbol. */
  public static boolean isOccSymbol(String symbol) {
    try {
      parse(symbol);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** Returns the unpadded OCC symbol, e.g. {@code AAPL240119C00100000}. */
  public String symbol() {
    // Built by hand (no String.format): chains format thousands of symbols per tick.
    long thousandths = Math.round(strike * 1000.0);
    char[] out = new char[root.length() + 15];
    int i = 0;
    for (int k = 0; k < root.length(); k++) {
      out[i++] = root.charAt(k);
    }
    i = two(out, i, expiration.getYear() % 100);
    i = two(out, i, expiration.getMonthValue());
    i = two(out, i, expiration.getDayOfMonth());
    out[i++] = type == OptionType.CALL ? 'C' : 'P';
    for (int k = 7; k >= 0; k--) {
      out[i + k] = (char) ('0' + (thousandths % 10));
      thousandths /= 10;
    }
    return new String(out);
  }

  private static int two(char[] out, int i, int v) {
    out[i] = (char) ('0' + v / 10);
    out[i + 1] = (char) ('0' + v % 10);
    return i + 2;
  }

  /** Returns the OCC symbol. */
  @Override
  public String toString() {
    return symbol();
  }
}
