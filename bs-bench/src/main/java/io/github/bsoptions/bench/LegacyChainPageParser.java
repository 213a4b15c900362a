package io.github.bsoptions.bench;

import io.github.bsoptions.data.internal.Timestamps;
import io.github.bsoptions.data.model.Bar;
import io.github.bsoptions.data.model.OptionContract;
import io.github.bsoptions.data.model.OptionSnapshot;
import io.github.bsoptions.data.model.ProviderGreeks;
import io.github.bsoptions.data.model.Quote;
import io.github.bsoptions.data.model.Trade;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * A frozen copy of bs-data's second-round {@code alpaca.ChainPageParser} (main at 03ebf4d), kept so
 * that {@code DataBench} compares the current parser with it in the same JMH run.
 *
 * <p>The original's description: a single-pass parser of Alpaca option chain snapshot pages ({@code
 * GET /v1beta1/options/snapshots/{underlying}}, market-apis.md section 1.2) working on the raw
 * UTF-8 bytes: it validates the whole document as strict JSON (RFC 8259, as Jackson's defaults do)
 * and builds the snapshot records directly, without token objects, intermediate maps or a string
 * per number.
 *
 * <p>Semantics are those of the documented schema: unknown fields (any JSON value) are skipped,
 * {@code null} members of a snapshot count as absent, missing greeks stay missing, the option
 * {@code c} condition is ignored whatever its type. Malformed input of any kind (truncated body,
 * bad token, number that is not finite, a negative zero or a negative value in a price or size
 * field, a fractional size, a number longer than {@value #MAX_NUMBER_LENGTH} characters, nesting
 * deeper than {@value #MAX_DEPTH}, content after the root object) is an {@link IOException} or
 * {@link IllegalArgumentException}, and nothing is added to the caller's map unless the whole page
 * parsed.
 */
public final class LegacyChainPageParser {
  /** The longest number accepted (Jackson's default {@code maxNumberLength}). */
  static final int MAX_NUMBER_LENGTH = 1000;

  /** The deepest nesting accepted (Jackson's default {@code maxNestingDepth}). */
  static final int MAX_DEPTH = 1000;

  private static final double[] POW10 = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22
  };

  private static final Name SNAPSHOTS = new Name("snapshots");
  private static final Name NEXT_PAGE_TOKEN = new Name("next_page_token");
  private static final Name LATEST_QUOTE = new Name("latestQuote");
  private static final Name LATEST_TRADE = new Name("latestTrade");
  private static final Name DAILY_BAR = new Name("dailyBar");
  private static final Name IMPLIED_VOLATILITY = new Name("impliedVolatility");
  private static final Name GREEKS = new Name("greeks");
  private static final Name DELTA = new Name("delta");
  private static final Name GAMMA = new Name("gamma");
  private static final Name THETA = new Name("theta");
  private static final Name VEGA = new Name("vega");
  private static final Name RHO = new Name("rho");
  private static final Name T = new Name("t");
  private static final Name BP = new Name("bp");
  private static final Name AP = new Name("ap");
  private static final Name BS = new Name("bs");
  private static final Name AS = new Name("as");
  private static final Name P = new Name("p");
  private static final Name S = new Name("s");
  private static final Name O = new Name("o");
  private static final Name H = new Name("h");
  private static final Name L = new Name("l");
  private static final Name C = new Name("c");
  private static final Name V = new Name("v");
  private static final Name N = new Name("n");
  private static final Name VW = new Name("vw");

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private static final long[] POW10L = new long[19];

  static {
    POW10L[0] = 1;
    for (int k = 1; k < POW10L.length; k++) {
      POW10L[k] = POW10L[k - 1] * 10;
    }
  }

  private final byte[] b;
  private final int end;
  private int i;

  // The last string read: its content's bounds and whether it needs decoding.
  private int strStart;
  private int strLen;
  private boolean strEscaped;
  private boolean strNonAscii;
  private long keyCode;
  private byte[] keyBytes;
  private int keyStart;
  private int keyLen;

  // The last number read.
  private int numStart;
  private boolean numIntegral;
  private boolean numNegative;
  private long numMantissa;
  private boolean numExact;

  private LegacyChainPageParser(byte[] body) {
    this.b = body;
    this.end = body.length;
  }

  /**
   * Parses one page into {@code into} (key: the OCC symbol) and returns the next page token, null
   * on the last page. On any failure {@code into} is left unchanged.
   */
  public static String parse(byte[] body, Map<String, OptionSnapshot> into) throws IOException {
    return new LegacyChainPageParser(body).page(into);
  }

  private String page(Map<String, OptionSnapshot> into) throws IOException {
    List<OptionSnapshot> staged = new ArrayList<>();
    List<String> symbols = new ArrayList<>();
    String next = null;
    boolean sawSnapshots = false;
    ws();
    expect('{');
    if (!endOfObject()) {
      do {
        key();
        if (keyIs(SNAPSHOTS)) {
          sawSnapshots = true;
          if (!tryNull()) {
            expect('{');
            if (!endOfObject()) {
              do {
                key();
                String sym = keyString();
                expect('{');
                symbols.add(sym);
                staged.add(snapshot(sym));
              } while (nextMember());
            }
          }
        } else if (keyIs(NEXT_PAGE_TOKEN)) {
          if (tryNull()) {
            next = null;
          } else if (at() == '"') {
            string();
            next = stringValue();
          } else {
            throw error("next_page_token must be a string or null");
          }
        } else {
          skipValue(1);
        }
      } while (nextMember());
    }
    ws();
    if (i != end) {
      throw error("content after the root object");
    }
    if (!sawSnapshots) {
      throw new IOException("no 'snapshots' in chain response");
    }
    for (int k = 0; k < staged.size(); k++) {
      into.put(symbols.get(k), staged.get(k));
    }
    return next == null || next.isEmpty() ? null : next;
  }

  /** A snapshot object; the opening brace is consumed. */
  private OptionSnapshot snapshot(String sym) throws IOException {
    OptionContract c = OptionContract.parse(sym);
    Quote q = null;
    Trade tr = null;
    long volume = 0;
    double iv = Double.NaN;
    ProviderGreeks g = null;
    if (!endOfObject()) {
      do {
        key();
        if (tryNull()) {
          continue;
        }
        if (keyIs(LATEST_QUOTE)) {
          q = quote(sym);
        } else if (keyIs(LATEST_TRADE)) {
          tr = trade(sym);
        } else if (keyIs(DAILY_BAR)) {
          volume = bar(sym).volume();
        } else if (keyIs(IMPLIED_VOLATILITY)) {
          iv = finite("impliedVolatility");
        } else if (keyIs(GREEKS)) {
          g = greeks();
        } else {
          skipValue(3);
        }
      } while (nextMember());
    }
    return new OptionSnapshot(
        c,
        Optional.ofNullable(q),
        Optional.ofNullable(tr),
        Double.isNaN(iv) ? OptionalDouble.empty() : OptionalDouble.of(iv),
        Optional.ofNullable(g),
        volume,
        OptionalLong.empty());
  }

  private ProviderGreeks greeks() throws IOException {
    expect('{');
    double d = Double.NaN;
    double ga = Double.NaN;
    double th = Double.NaN;
    double v = Double.NaN;
    double r = Double.NaN;
    if (!endOfObject()) {
      do {
        key();
        if (tryNull()) {
          continue;
        }
        if (keyIs(DELTA)) {
          d = finite("delta");
        } else if (keyIs(GAMMA)) {
          ga = finite("gamma");
        } else if (keyIs(THETA)) {
          th = finite("theta");
        } else if (keyIs(VEGA)) {
          v = finite("vega");
        } else if (keyIs(RHO)) {
          r = finite("rho");
        } else {
          skipValue(4);
        }
      } while (nextMember());
    }
    if (Double.isNaN(d)) {
      return null; // an empty greeks object is "no greeks", never zeros
    }
    return new ProviderGreeks(d, ga, th, v, r);
  }

  private Quote quote(String sym) throws IOException {
    expect('{');
    Instant t = null;
    double bp = 0;
    double ap = 0;
    long bs = 0;
    long as = 0;
    if (!endOfObject()) {
      do {
        key();
        if (keyIs(T)) {
          t = timestamp();
        } else if (keyIs(BP)) {
          bp = price("bp");
        } else if (keyIs(AP)) {
          ap = price("ap");
        } else if (keyIs(BS)) {
          bs = size("bs");
        } else if (keyIs(AS)) {
          as = size("as");
        } else {
          skipValue(4);
        }
      } while (nextMember());
    }
    if (t == null) {
      throw new IOException("quote without 't' for " + sym);
    }
    return new Quote(sym, bp, ap, bs, as, t);
  }

  private Trade trade(String sym) throws IOException {
    expect('{');
    Instant t = null;
    double px = Double.NaN;
    long s = 0;
    if (!endOfObject()) {
      do {
        key();
        if (keyIs(T)) {
          t = timestamp();
        } else if (keyIs(P)) {
          px = price("p");
        } else if (keyIs(S)) {
          s = size("s");
        } else {
          skipValue(4); // 'c' is a string for options, an array for stocks
        }
      } while (nextMember());
    }
    if (t == null || Double.isNaN(px)) {
      throw new IOException("trade without 't' or 'p' for " + sym);
    }
    return new Trade(sym, px, s, t);
  }

  private Bar bar(String sym) throws IOException {
    expect('{');
    Instant t = null;
    double o = Double.NaN;
    double h = Double.NaN;
    double l = Double.NaN;
    double c = Double.NaN;
    double vw = Double.NaN;
    long v = 0;
    long n = 0;
    if (!endOfObject()) {
      do {
        key();
        if (keyIs(T)) {
          t = timestamp();
        } else if (keyIs(O)) {
          o = price("o");
        } else if (keyIs(H)) {
          h = price("h");
        } else if (keyIs(L)) {
          l = price("l");
        } else if (keyIs(C)) {
          c = price("c");
        } else if (keyIs(V)) {
          v = size("v");
        } else if (keyIs(N)) {
          n = size("n");
        } else if (keyIs(VW)) {
          vw = price("vw");
        } else {
          skipValue(4);
        }
      } while (nextMember());
    }
    if (t == null) {
      throw new IOException("bar without 't' for " + sym);
    }
    return new Bar(sym, t, o, h, l, c, v, n, vw);
  }

  // ------------------------------------------------------------------ values

  private Instant timestamp() throws IOException {
    if (at() != '"') {
      throw error("'t' must be a string");
    }
    string();
    if (strEscaped || strNonAscii) {
      return Timestamps.parse(stringValue());
    }
    return Timestamps.parse(b, strStart, strLen);
  }

  /** A finite number; a greek may be negative (and negative zero). */
  private double finite(String field) throws IOException {
    double d = number(field);
    if (!Double.isFinite(d)) {
      throw error("'" + field + "' is not finite: " + numberText());
    }
    return d;
  }

  /** A price: finite, not negative, not a negative zero. */
  private double price(String field) throws IOException {
    double d = number(field);
    if (!(d >= 0 && d < Double.POSITIVE_INFINITY) || numNegative) {
      throw error("'" + field + "' must be a finite price >= 0, was " + numberText());
    }
    return d;
  }

  /** A size or count: a whole number {@code >= 0}, without a minus sign. */
  private long size(String field) throws IOException {
    double d = number(field);
    if (numNegative) {
      throw error("'" + field + "' must be >= 0, was " + numberText());
    }
    if (numIntegral) {
      if (numExact) {
        return numMantissa;
      }
      try {
        return Long.parseLong(numberText());
      } catch (NumberFormatException e) {
        throw error("'" + field + "' is out of range: " + numberText());
      }
    }
    if (d == Math.rint(d) && d <= 0x1p53) {
      return (long) d;
    }
    throw error("'" + field + "' must be a whole number, was " + numberText());
  }

  /**
   * Reads a JSON number and returns its value exactly as {@link Double#parseDouble} would: up to 18
   * significant digits below 2^53 with a decimal exponent within 22 take one correctly rounded
   * multiplication or division (Clinger's fast path); anything else goes to the JDK.
   */
  private double number(String field) throws IOException {
    final byte[] buf = b;
    final int e = end;
    int j = i;
    numStart = j;
    boolean negative = false;
    if (j < e && buf[j] == '-') {
      negative = true;
      j++;
    } else if (j >= e || buf[j] < '0' || buf[j] > '9') {
      throw error(j >= e ? "unexpected end of input" : "'" + field + "' must be a number");
    }
    int intStart = j;
    int d = digitRun(buf, j, e);
    if (d == j || (buf[j] == '0' && d > j + 1)) {
      throw badNumber(j);
    }
    j = d;
    int intLen = j - intStart;
    int fracStart = j;
    int fracLen = 0;
    boolean integral = true;
    if (j < e && buf[j] == '.') {
      integral = false;
      fracStart = j + 1;
      d = digitRun(buf, fracStart, e);
      if (d == fracStart) {
        throw badNumber(d);
      }
      fracLen = d - fracStart;
      j = d;
    }
    int exp = 0;
    if (j < e && (buf[j] == 'e' || buf[j] == 'E')) {
      integral = false;
      j++;
      boolean negExp = false;
      if (j < e && (buf[j] == '+' || buf[j] == '-')) {
        negExp = buf[j] == '-';
        j++;
      }
      d = skipDigits(buf, j, e);
      if (d == j) {
        throw badNumber(j);
      }
      for (int k = j; k < d && exp < 100_000_000; k++) {
        exp = exp * 10 + (buf[k] - '0');
      }
      j = d;
      if (negExp) {
        exp = -exp;
      }
    }
    i = j;
    if (j - numStart > MAX_NUMBER_LENGTH) {
      throw error("number longer than " + MAX_NUMBER_LENGTH + " characters");
    }
    numNegative = negative;
    numIntegral = integral;
    boolean exact = intLen + fracLen <= 18;
    long m = 0;
    if (exact) {
      m = decimal(buf, intStart, intLen);
      if (fracLen > 0) {
        m = m * POW10L[fracLen] + decimal(buf, fracStart, fracLen);
      }
    }
    numMantissa = m;
    numExact = exact;
    if (exact && m <= (1L << 53)) {
      if (m == 0) {
        return negative ? -0.0 : 0.0;
      }
      int e10 = exp - fracLen;
      double v;
      if (e10 == 0) {
        v = m;
      } else if (e10 > 0 && e10 <= 22) {
        v = m * POW10[e10];
      } else if (e10 < 0 && e10 >= -22) {
        v = m / POW10[-e10];
      } else {
        return Double.parseDouble(numberText());
      }
      return negative ? -v : v;
    }
    return Double.parseDouble(numberText());
  }

  /** The position after the run of ASCII digits starting at {@code j}. */
  private static int digitRun(byte[] buf, int j, int e) {
    if (j + 8 <= e) {
      int n = digitRun8((long) LONGS.get(buf, j));
      if (n < 8) {
        return j + n;
      }
      j += 8;
    }
    return skipDigits(buf, j, e);
  }

  /** How many of the 8 bytes of {@code v}, lowest first, are ASCII digits before another byte. */
  private static int digitRun8(long v) {
    long hi = v & 0xF0F0F0F0F0F0F0F0L;
    long lo = (v + 0x0606060606060606L) & 0xF0F0F0F0F0F0F0F0L;
    long nd = (hi ^ 0x3030303030303030L) | (lo ^ 0x3030303030303030L);
    long flags = (nd | ((nd & 0x7F7F7F7F7F7F7F7FL) + 0x7F7F7F7F7F7F7F7FL)) & 0x8080808080808080L;
    return flags == 0 ? 8 : Long.numberOfTrailingZeros(flags) >>> 3;
  }

  /** The value of {@code len <= 18} ASCII digits at {@code from}. */
  private static long decimal(byte[] buf, int from, int len) {
    if (len <= 8 && len > 0 && from + 8 <= buf.length) {
      long v = (long) LONGS.get(buf, from);
      int shift = 8 * (8 - len);
      // Keep the len digits, right-aligned as the low-order digits of an 8-digit number.
      v = shift == 0 ? v : (v << shift) | (0x3030303030303030L >>> (64 - shift));
      v -= 0x3030303030303030L;
      v = (v * 10) + (v >>> 8);
      v =
          (((v & 0x000000FF000000FFL) * (100 + (1000000L << 32)))
                  + (((v >>> 16) & 0x000000FF000000FFL) * (1 + (10000L << 32))))
              >>> 32;
      return v;
    }
    long m = 0;
    for (int k = from; k < from + len; k++) {
      m = m * 10 + (buf[k] - '0');
    }
    return m;
  }

  /** Validates a JSON number without computing its value. */
  private void skipNumber() throws IOException {
    final byte[] buf = b;
    final int e = end;
    int j = i;
    int start = j;
    if (j < e && buf[j] == '-') {
      j++;
    }
    int d = digitRun(buf, j, e);
    if (d == j || (buf[j] == '0' && d > j + 1)) {
      throw badNumber(j);
    }
    j = d;
    if (j < e && buf[j] == '.') {
      d = digitRun(buf, j + 1, e);
      if (d == j + 1) {
        throw badNumber(d);
      }
      j = d;
    }
    if (j < e && (buf[j] == 'e' || buf[j] == 'E')) {
      j++;
      if (j < e && (buf[j] == '+' || buf[j] == '-')) {
        j++;
      }
      d = skipDigits(buf, j, e);
      if (d == j) {
        throw badNumber(j);
      }
      j = d;
    }
    i = j;
    if (j - start > MAX_NUMBER_LENGTH) {
      throw error("number longer than " + MAX_NUMBER_LENGTH + " characters");
    }
  }

  private static int skipDigits(byte[] buf, int j, int e) {
    while (j < e && buf[j] >= '0' && buf[j] <= '9') {
      j++;
    }
    return j;
  }

  private IOException badNumber(int at) {
    i = at;
    return error(at >= end ? "unexpected end of input in a number" : "malformed number");
  }

  private String numberText() {
    return new String(b, numStart, i - numStart, StandardCharsets.ISO_8859_1);
  }

  // ------------------------------------------------------------------ structure

  /** Reads a member name and the colon after it (leading whitespace allowed). */
  private void key() throws IOException {
    ws();
    final byte[] buf = b;
    int j = i;
    if (j + 10 <= end && buf[j] == '"') {
      // Fast path: a plain ASCII name of at most 7 bytes directly followed by the colon.
      long v = (long) LONGS.get(buf, j + 1);
      long special = special8(v);
      if (special != 0) {
        int k = Long.numberOfTrailingZeros(special) >>> 3;
        if (buf[j + 1 + k] == '"' && buf[j + 2 + k] == ':') {
          keyBytes = buf;
          keyStart = j + 1;
          keyLen = k;
          keyCode = (k == 0 ? 0 : v & (-1L >>> (64 - 8 * k))) | ((long) k << 56);
          i = j + k + 3;
          ws();
          return;
        }
      }
    }
    keySlow();
  }

  private void keySlow() throws IOException {
    if (at() != '"') {
      throw error("expected a field name");
    }
    string();
    if (strEscaped) {
      String k = stringValue();
      keyBytes = k.getBytes(StandardCharsets.UTF_8);
      keyStart = 0;
      keyLen = keyBytes.length;
      keyCode = k.length() == keyLen ? Name.code(keyBytes, 0, keyLen) : -1; // non-ASCII: no name
    } else {
      keyBytes = b;
      keyStart = strStart;
      keyLen = strLen;
      keyCode = Name.code(b, strStart, strLen);
    }
    ws();
    expect(':');
    ws();
  }

  private boolean keyIs(Name name) {
    if (keyCode != name.code) {
      return false;
    }
    byte[] n = name.bytes;
    for (int k = Name.PACKED; k < n.length; k++) {
      if (keyBytes[keyStart + k] != n[k]) {
        return false;
      }
    }
    return true;
  }

  private String keyString() {
    return new String(keyBytes, keyStart, keyLen, StandardCharsets.UTF_8);
  }

  /** After a value: consumes {@code ,} (true: another member follows) or {@code '}'} (false). */
  private boolean nextMember() throws IOException {
    ws();
    int c = at();
    i++;
    if (c == ',') {
      return true;
    }
    if (c == '}') {
      return false;
    }
    i--;
    throw error("expected ',' or '}'");
  }

  /** After an opening brace: consumes the closing one of an empty object. */
  private boolean endOfObject() throws IOException {
    ws();
    if (at() == '}') {
      i++;
      return true;
    }
    return false;
  }

  private boolean tryNull() throws IOException {
    if (at() == 'n') {
      literal("null");
      return true;
    }
    return false;
  }

  private void literal(String word) throws IOException {
    int n = word.length();
    if (end - i < n) {
      throw error("unexpected end of input");
    }
    for (int k = 0; k < n; k++) {
      if (b[i + k] != word.charAt(k)) {
        throw error("unexpected token");
      }
    }
    i += n;
    int c = peek();
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_') {
      throw error("unexpected token");
    }
  }

  /** Skips any JSON value at the current position, validating it. */
  private void skipValue(int parentDepth) throws IOException {
    int c = at();
    int depth = parentDepth + 1;
    switch (c) {
      case '{' -> {
        if (depth > MAX_DEPTH) {
          throw error("nesting deeper than " + MAX_DEPTH);
        }
        i++;
        if (!endOfObject()) {
          do {
            key();
            skipValue(depth);
          } while (nextMember());
        }
      }
      case '[' -> {
        if (depth > MAX_DEPTH) {
          throw error("nesting deeper than " + MAX_DEPTH);
        }
        i++;
        ws();
        if (at() == ']') {
          i++;
          return;
        }
        while (true) {
          ws();
          skipValue(depth);
          ws();
          int d = at();
          i++;
          if (d == ']') {
            return;
          }
          if (d != ',') {
            i--;
            throw error("expected ',' or ']'");
          }
        }
      }
      case '"' -> string();
      case 't' -> literal("true");
      case 'f' -> literal("false");
      case 'n' -> literal("null");
      default -> skipNumber();
    }
  }

  /**
   * Reads a string at the current quote, validating escapes, control characters and UTF-8; leaves
   * its content's bounds in {@code strStart}/{@code strLen}.
   */
  private void string() throws IOException {
    final byte[] buf = b;
    final int e = end;
    int j = i + 1; // after the opening quote
    strStart = j;
    strEscaped = false;
    strNonAscii = false;
    while (j + 8 <= e) {
      long m = special8((long) LONGS.get(buf, j));
      if (m == 0) {
        j += 8;
        continue;
      }
      j += Long.numberOfTrailingZeros(m) >>> 3;
      if (buf[j] == '"') {
        strLen = j - strStart;
        i = j + 1;
        return;
      }
      break;
    }
    stringSlow(j);
  }

  /** The general string loop from {@code j}: escapes, UTF-8, control characters, end of input. */
  private void stringSlow(int j) throws IOException {
    final byte[] buf = b;
    final int e = end;
    while (true) {
      int c = 0;
      while (j < e && (c = buf[j]) >= 0x20 && c != '"' && c != '\\') {
        j++;
      }
      i = j;
      if (j >= e) {
        throw error("unexpected end of input in a string");
      }
      if (c == '"') {
        strLen = j - strStart;
        i = j + 1;
        return;
      }
      if (c == '\\') {
        strEscaped = true;
        if (j + 1 >= e) {
          throw error("unexpected end of input in a string");
        }
        int x = buf[j + 1];
        if (x == 'u') {
          if (j + 6 > e) {
            throw error("unexpected end of input in a string");
          }
          for (int k = j + 2; k < j + 6; k++) {
            if (Character.digit(buf[k], 16) < 0) {
              throw error("bad \\u escape");
            }
          }
          j += 6;
        } else if (x == '"' || x == '\\' || x == '/' || x == 'b' || x == 'f' || x == 'n' || x == 'r'
            || x == 't') {
          j += 2;
        } else {
          throw error("bad escape");
        }
        continue;
      }
      if (c >= 0) {
        throw error("unescaped control character in a string");
      }
      strNonAscii = true;
      j += utf8Length(c & 0xFF);
    }
  }

  /**
   * The high bit of each of the 8 bytes of {@code v} that may be a quote, a backslash, a control
   * character or non-ASCII; the lowest one set is exact (the first such byte).
   */
  private static long special8(long v) {
    long q = v ^ 0x2222222222222222L;
    long s = v ^ 0x5C5C5C5C5C5C5C5CL;
    long t = (q - 0x0101010101010101L) & ~q;
    t |= (s - 0x0101010101010101L) & ~s;
    t |= (v - 0x2020202020202020L) & ~v;
    t |= v;
    return t & 0x8080808080808080L;
  }

  /**
   * Validates one UTF-8 sequence at {@code i} whose lead byte is {@code lead}; returns its size.
   */
  private int utf8Length(int lead) throws IOException {
    int n;
    if (lead >= 0xC2 && lead <= 0xDF) {
      n = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      n = 3;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      n = 4;
    } else {
      throw error("invalid UTF-8");
    }
    if (i + n > end) {
      throw error("unexpected end of input in a string");
    }
    for (int k = 1; k < n; k++) {
      if ((b[i + k] & 0xC0) != 0x80) {
        throw error("invalid UTF-8");
      }
    }
    return n;
  }

  /** The decoded value of the last string read. */
  private String stringValue() {
    if (!strEscaped) {
      return new String(
          b, strStart, strLen, strNonAscii ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
    }
    StringBuilder sb = new StringBuilder(strLen);
    int k = strStart;
    int stop = strStart + strLen;
    while (k < stop) {
      int run = k;
      while (k < stop && b[k] != '\\') {
        k++;
      }
      if (k > run) {
        sb.append(new String(b, run, k - run, StandardCharsets.UTF_8));
      }
      if (k >= stop) {
        break;
      }
      int e = b[k + 1];
      switch (e) {
        case 'u' -> {
          sb.append(
              (char) Integer.parseInt(new String(b, k + 2, 4, StandardCharsets.ISO_8859_1), 16));
          k += 6;
          continue;
        }
        case 'b' -> sb.append('\b');
        case 'f' -> sb.append('\f');
        case 'n' -> sb.append('\n');
        case 'r' -> sb.append('\r');
        case 't' -> sb.append('\t');
        default -> sb.append((char) e); // '"', '\\' and '/'
      }
      k += 2;
    }
    return sb.toString();
  }

  private void ws() {
    int j = i;
    while (j < end) {
      byte c = b[j];
      if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
        break;
      }
      j++;
    }
    i = j;
  }

  private void expect(char c) throws IOException {
    if (at() != c) {
      throw error("expected '" + c + "'");
    }
    i++;
  }

  /** The byte at the position; end of input is an error. */
  private int at() throws IOException {
    if (i >= end) {
      throw error("unexpected end of input");
    }
    return b[i];
  }

  /** The byte at the position, or -1 at the end of input. */
  private int peek() {
    return i < end ? b[i] : -1;
  }

  private IOException error(String msg) {
    return new IOException("malformed option chain page at byte " + i + ": " + msg);
  }

  /** A known field name and its code: up to 7 leading bytes and the length, packed. */
  private static final class Name {
    static final int PACKED = 7;
    final byte[] bytes;
    final long code;

    Name(String s) {
      this.bytes = s.getBytes(StandardCharsets.ISO_8859_1);
      this.code = code(bytes, 0, bytes.length);
    }

    static long code(byte[] b, int off, int len) {
      long c = (long) Math.min(len, 255) << 56;
      int n = Math.min(len, PACKED);
      for (int k = 0; k < n; k++) {
        c |= (b[off + k] & 0xFFL) << (8 * k);
      }
      return c;
    }
  }
}
