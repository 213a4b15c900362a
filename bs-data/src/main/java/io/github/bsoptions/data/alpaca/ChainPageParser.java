package io.github.bsoptions.data.alpaca;

import io.github.bsoptions.data.internal.Timestamps;
import io.github.bsoptions.data.model.Bar;
import io.github.bsoptions.data.model.OptionContract;
import io.github.bsoptions.data.model.OptionSnapshot;
import io.github.bsoptions.data.model.ProviderGreeks;
import io.github.bsoptions.data.model.Quote;
import io.github.bsoptions.data.model.Trade;
import io.github.bsoptions.pricing.product.OptionType;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.FutureTask;

/**
 * A single-pass parser of Alpaca option chain snapshot pages ({@code GET
 * /v1beta1/options/snapshots/{underlying}}, market-apis.md section 1.2) working on the raw UTF-8
 * bytes: it validates the whole document as strict JSON (RFC 8259, as Jackson's defaults do) and
 * builds the snapshot records directly, without token objects, intermediate maps or a string per
 * number.
 *
 * <p>Semantics are those of the documented schema: unknown fields (any JSON value) are skipped,
 * {@code null} members of a snapshot count as absent, missing greeks stay missing, the option
 * {@code c} condition is ignored whatever its type. Malformed input of any kind (truncated body,
 * bad token, number that is not finite, a negative zero or a negative value in a price or size
 * field, a fractional size, a number longer than {@value #MAX_NUMBER_LENGTH} characters, nesting
 * deeper than {@value #MAX_DEPTH}, content after the root object) is an {@link IOException} or
 * {@link IllegalArgumentException}, and nothing is added to the caller's map unless the whole page
 * parsed.
 *
 * <p>Speed (third pass) comes from predicting rather than skipping: every object kind (snapshot,
 * quote, trade, bar, greeks) keeps the member order it saw last, so a member name is recognised by
 * comparing one to three 8-byte words with the expected {@code "name":} token; a number of up to 8
 * bytes ({@code ddd} or {@code ddd.ddd}) is validated and converted from one word (exactly, as
 * {@link Double#parseDouble}, by one division by a power of ten); a {@code ...Z} timestamp is read
 * from its quote with the date reused when it repeats; an OCC symbol is read from the bytes with
 * its root string and expiry date reused. Anything else takes the general path, so the accepted
 * language and the results are those of the second-round parser. Members the snapshot does not use
 * ({@code minuteBar}, {@code prevDailyBar}, exchange codes, conditions) are still validated token
 * by token, never skipped blindly.
 *
 * <p>A large page (at least two shares of {@value #MIN_PART_BYTES} bytes) is parsed in parts on the
 * common fork-join pool, one per processor at most (see {@link #MAX_PARTS}); a part counts only
 * once the part before it has proven where it starts, so the results and errors are those of the
 * one-thread parse.
 */
final class ChainPageParser {
  /** The longest number accepted (Jackson's default {@code maxNumberLength}). */
  static final int MAX_NUMBER_LENGTH = 1000;

  /** The deepest nesting accepted (Jackson's default {@code maxNestingDepth}). */
  static final int MAX_DEPTH = 1000;

  private static final double[] POW10 = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22
  };

  // Field ids: the index of each known member name in NAMES.
  private static final int F_SNAPSHOTS = 0;
  private static final int F_NEXT_PAGE_TOKEN = 1;
  private static final int F_LATEST_QUOTE = 2;
  private static final int F_LATEST_TRADE = 3;
  private static final int F_MINUTE_BAR = 4;
  private static final int F_DAILY_BAR = 5;
  private static final int F_PREV_DAILY_BAR = 6;
  private static final int F_IMPLIED_VOLATILITY = 7;
  private static final int F_GREEKS = 8;
  private static final int F_DELTA = 9;
  private static final int F_GAMMA = 10;
  private static final int F_THETA = 11;
  private static final int F_VEGA = 12;
  private static final int F_RHO = 13;
  private static final int F_T = 14;
  private static final int F_BX = 15;
  private static final int F_BP = 16;
  private static final int F_BS = 17;
  private static final int F_AX = 18;
  private static final int F_AP = 19;
  private static final int F_AS = 20;
  private static final int F_X = 21;
  private static final int F_P = 22;
  private static final int F_S = 23;
  private static final int F_O = 24;
  private static final int F_H = 25;
  private static final int F_L = 26;
  private static final int F_C = 27;
  private static final int F_V = 28;
  private static final int F_N = 29;
  private static final int F_VW = 30;

  /** Every known member name, by field id. */
  private static final Name[] NAMES = {
    new Name("snapshots", F_SNAPSHOTS),
    new Name("next_page_token", F_NEXT_PAGE_TOKEN),
    new Name("latestQuote", F_LATEST_QUOTE),
    new Name("latestTrade", F_LATEST_TRADE),
    new Name("minuteBar", F_MINUTE_BAR),
    new Name("dailyBar", F_DAILY_BAR),
    new Name("prevDailyBar", F_PREV_DAILY_BAR),
    new Name("impliedVolatility", F_IMPLIED_VOLATILITY),
    new Name("greeks", F_GREEKS),
    new Name("delta", F_DELTA),
    new Name("gamma", F_GAMMA),
    new Name("theta", F_THETA),
    new Name("vega", F_VEGA),
    new Name("rho", F_RHO),
    new Name("t", F_T),
    new Name("bx", F_BX),
    new Name("bp", F_BP),
    new Name("bs", F_BS),
    new Name("ax", F_AX),
    new Name("ap", F_AP),
    new Name("as", F_AS),
    new Name("x", F_X),
    new Name("p", F_P),
    new Name("s", F_S),
    new Name("o", F_O),
    new Name("h", F_H),
    new Name("l", F_L),
    new Name("c", F_C),
    new Name("v", F_V),
    new Name("n", F_N),
    new Name("vw", F_VW)
  };

  // Object kinds, each with its own table of predicted member order.
  private static final int K_ROOT = 0;
  private static final int K_SNAPSHOT = 1;
  private static final int K_QUOTE = 2;
  private static final int K_TRADE = 3;
  private static final int K_BAR = 4;
  private static final int K_GREEKS = 5;
  private static final int KINDS = 6;

  /** The id {@link #member} returns for a name that is not in {@link #NAMES}. */
  private static final int UNKNOWN = NAMES.length;

  /** Prediction slots per kind: after the opening brace, after each known name, after UNKNOWN. */
  private static final int STRIDE = NAMES.length + 2;

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private static final long[] POW10L = new long[19];

  /**
   * {@code NANO_SCALE[k]}: what {@code k} fraction digits are multiplied by to give nanoseconds.
   */
  private static final int[] NANO_SCALE = {
    1_000_000_000, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1
  };

  static {
    POW10L[0] = 1;
    for (int k = 1; k < POW10L.length; k++) {
      POW10L[k] = POW10L[k - 1] * 10;
    }
  }

  /**
   * The most parts a large page's snapshots are parsed in at once: the caller plus the common
   * pool's threads, at most the processor count; {@code -Dbsoptions.data.parseThreads=1} parses in
   * the caller's thread only.
   */
  static final int MAX_PARTS =
      Math.max(
          1,
          Integer.getInteger(
              "bsoptions.data.parseThreads",
              Math.min(
                  Runtime.getRuntime().availableProcessors(),
                  ForkJoinPool.getCommonPoolParallelism() + 1)));

  /** The smallest share of a page worth a part of its own (a few hundred contracts). */
  static final int MIN_PART_BYTES = 128 * 1024;

  /** How far from an equal share a cut is looked for before giving up on it. */
  private static final int CUT_SEARCH_BYTES = 64 * 1024;

  /** The longest member name taken for a snapshot's symbol when looking for a cut. */
  private static final int MAX_CUT_KEY = 32;

  private final byte[] b;
  private final int end;
  private int i;
  private int maxParts = 1;
  private int minPartBytes = MIN_PART_BYTES;

  // The last string read: its content's bounds and whether it needs decoding.
  private int strStart;
  private int strLen;
  private boolean strEscaped;
  private boolean strNonAscii;
  private long keyCode;
  private byte[] keyBytes;
  private int keyStart;
  private int keyLen;

  // The snapshot's symbol (the member name under "snapshots").
  private String sym;
  private int symStart;
  private int symLen;
  private boolean symPlain;

  /**
   * For each object kind and previous member, the name of the member that followed it last time
   * (null: none yet). Alpaca writes every object of a kind with its members in one order, so after
   * the first snapshot a member name is usually recognised by comparing one to three 8-byte words
   * with the predicted {@code "name":} token, without scanning it; any other order or spelling
   * takes the general path, which also updates the prediction.
   */
  private final Name[] next = new Name[KINDS * STRIDE];

  // One-entry caches for the OCC symbol parts and timestamp dates, which repeat along a chain.
  private int rootStart = -1;
  private int rootLen;
  private String root;
  private int expiryCode = -1;
  private LocalDate expiry;
  private long dateWord;
  private int dateTail = -1;
  private long dateDays;

  // The last number read.
  private int numStart;
  private boolean numIntegral;
  private boolean numNegative;
  private long numMantissa;
  private boolean numExact;

  private ChainPageParser(byte[] body) {
    this.b = body;
    this.end = body.length;
  }

  /**
   * Parses one page into {@code into} (key: the OCC symbol) and returns the next page token, null
   * on the last page. On any failure {@code into} is left unchanged.
   */
  static String parse(byte[] body, Map<String, OptionSnapshot> into) throws IOException {
    return parse(body, into, MAX_PARTS, MIN_PART_BYTES);
  }

  /**
   * As {@link #parse(byte[], Map)}, splitting the snapshots into at most {@code maxParts} parts of
   * at least {@code minPartBytes} bytes each (tests force small parts with this).
   */
  static String parse(byte[] body, Map<String, OptionSnapshot> into, int maxParts, int minPartBytes)
      throws IOException {
    ChainPageParser p = new ChainPageParser(body);
    p.maxParts = maxParts;
    p.minPartBytes = minPartBytes;
    return p.page(into);
  }

  private String page(Map<String, OptionSnapshot> into) throws IOException {
    int capacity = Math.min(1 << 16, Math.max(16, end / 400));
    List<OptionSnapshot> staged = new ArrayList<>(capacity);
    List<String> symbols = new ArrayList<>(capacity);
    String next = null;
    boolean sawSnapshots = false;
    ws();
    expect('{');
    if (!endOfObject()) {
      int prev = -1;
      do {
        int id = member(K_ROOT, prev);
        prev = id;
        if (id == F_SNAPSHOTS) {
          sawSnapshots = true;
          if (!tryNull()) {
            expect('{');
            if (!endOfObject()) {
              snapshots(symbols, staged);
            }
          }
        } else if (id == F_NEXT_PAGE_TOKEN) {
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

  /**
   * The members of the non-empty {@code snapshots} object, up to and including its closing brace. A
   * large object is cut into parts at likely member boundaries ({@link #cuts}) and the parts after
   * the first are parsed on the common fork-join pool while this thread parses the first. A part's
   * result is used only when the part before it, parsed strictly from a boundary already proven,
   * stopped exactly at the part's start, which proves that start a member boundary too; otherwise
   * this thread parses the rest itself. So the accepted language, the results, their order and the
   * first error reported are those of a parse in one thread.
   */
  private void snapshots(List<String> symbols, List<OptionSnapshot> staged) throws IOException {
    int parts = Math.min(maxParts, (end - i) / Math.max(1, minPartBytes));
    int[] cut = parts < 2 ? new int[0] : cuts(b, i, end, parts);
    if (cut.length == 0) {
      members(symbols, staged, Integer.MAX_VALUE);
      return;
    }
    List<FutureTask<Part>> tasks = new ArrayList<>(cut.length);
    for (int k = 0; k < cut.length; k++) {
      int from = cut[k];
      int stop = k + 1 < cut.length ? cut[k + 1] : Integer.MAX_VALUE;
      FutureTask<Part> task = new FutureTask<>(() -> Part.parse(b, from, stop));
      tasks.add(task);
      ForkJoinPool.commonPool().execute(task);
    }
    try {
      boolean closed = members(symbols, staged, cut[0]);
      int k = 0;
      while (!closed) {
        if (k < cut.length && i == cut[k]) {
          Part part = await(tasks.get(k));
          k++;
          if (part.failure instanceof IOException e) {
            throw e;
          }
          if (part.failure instanceof RuntimeException e) {
            throw e;
          }
          if (part.failure instanceof Error e) {
            throw e;
          }
          symbols.addAll(part.symbols);
          staged.addAll(part.staged);
          i = part.end;
          closed = part.closed;
        } else {
          // The cut was not a member boundary (or lies past the object): go on in this thread.
          closed = members(symbols, staged, Integer.MAX_VALUE);
        }
      }
    } finally {
      for (FutureTask<Part> t : tasks) {
        t.cancel(false);
      }
    }
  }

  /** A part's result: runs it here unless a pool thread has started it, then waits for it. */
  private static Part await(FutureTask<Part> task) throws IOException {
    task.run();
    try {
      return task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted while parsing a chain page");
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("chain page part failed unexpectedly", e.getCause());
    }
  }

  /**
   * Snapshot members from the position until the closing brace (consumed; returns true) or until a
   * member would start at or after {@code stopAt} (returns false, the position at that member).
   */
  private boolean members(List<String> symbols, List<OptionSnapshot> staged, int stopAt)
      throws IOException {
    do {
      ws();
      if (i >= stopAt) {
        return false;
      }
      symbolKey();
      expect('{');
      symbols.add(sym);
      staged.add(snapshot());
    } while (nextMember());
    return true;
  }

  /**
   * Up to {@code parts - 1} increasing positions after {@code from}, near equal shares of the rest
   * of the body, each the opening quote of what looks like a snapshot member in compact JSON: a
   * closing brace, a comma, a quote, 1 to {@value #MAX_CUT_KEY} capitals, digits or spaces, a
   * quote, a colon and an opening brace. Only a guess: {@link #snapshots} proves each one before
   * using it.
   */
  static int[] cuts(byte[] b, int from, int end, int parts) {
    int[] out = new int[parts - 1];
    int n = 0;
    int last = from;
    for (int k = 1; k < parts; k++) {
      int start = Math.max(last + 1, from + (int) ((long) (end - from) * k / parts));
      int limit = (int) Math.min(end, (long) start + CUT_SEARCH_BYTES);
      int c = -1;
      for (int j = Math.max(start, 2); j < limit - 3 && c < 0; j++) {
        if (b[j] == '"' && b[j - 1] == ',' && b[j - 2] == '}') {
          int q = j + 1;
          int keyEnd = Math.min(limit, q + MAX_CUT_KEY + 1);
          while (q < keyEnd && isKeyByte(b[q])) {
            q++;
          }
          if (q > j + 1 && q + 2 < limit && b[q] == '"' && b[q + 1] == ':' && b[q + 2] == '{') {
            c = j;
          }
        }
      }
      if (c < 0) {
        break;
      }
      out[n++] = c;
      last = c;
    }
    return java.util.Arrays.copyOf(out, n);
  }

  private static boolean isKeyByte(byte c) {
    return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == ' ';
  }

  /** One part of a split snapshots object, parsed by its own parser over the same bytes. */
  private static final class Part {
    final List<String> symbols = new ArrayList<>();
    final List<OptionSnapshot> staged = new ArrayList<>();
    boolean closed;
    int end;
    Throwable failure;

    static Part parse(byte[] body, int from, int stopAt) {
      Part part = new Part();
      ChainPageParser p = new ChainPageParser(body);
      p.i = from;
      try {
        part.closed = p.members(part.symbols, part.staged, stopAt);
        part.end = p.i;
      } catch (IOException | RuntimeException | StackOverflowError e) {
        part.failure = e;
      }
      return part;
    }
  }

  /** A snapshot object; the opening brace is consumed and its symbol is in {@code sym}. */
  private OptionSnapshot snapshot() throws IOException {
    String sym = this.sym;
    OptionContract c = symPlain ? occ(symStart, symLen) : null;
    if (c == null) {
      c = OptionContract.parse(sym);
    }
    Quote q = null;
    Trade tr = null;
    long volume = 0;
    double iv = Double.NaN;
    ProviderGreeks g = null;
    if (!endOfObject()) {
      int prev = -1;
      do {
        int id = member(K_SNAPSHOT, prev);
        prev = id;
        if (tryNull()) {
          continue;
        }
        switch (id) {
          case F_LATEST_QUOTE -> q = quote(sym);
          case F_LATEST_TRADE -> tr = trade(sym);
          case F_DAILY_BAR -> volume = dailyVolume(sym);
          case F_MINUTE_BAR, F_PREV_DAILY_BAR -> skipBar();
          case F_IMPLIED_VOLATILITY -> iv = finite("impliedVolatility");
          case F_GREEKS -> g = greeks();
          default -> skipValue(3);
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
      int prev = -1;
      do {
        int id = member(K_GREEKS, prev);
        prev = id;
        if (tryNull()) {
          continue;
        }
        switch (id) {
          case F_DELTA -> d = finite("delta");
          case F_GAMMA -> ga = finite("gamma");
          case F_THETA -> th = finite("theta");
          case F_VEGA -> v = finite("vega");
          case F_RHO -> r = finite("rho");
          default -> skipValue(4);
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
      int prev = -1;
      do {
        int id = member(K_QUOTE, prev);
        prev = id;
        switch (id) {
          case F_T -> t = timestamp();
          case F_BP -> bp = price("bp");
          case F_AP -> ap = price("ap");
          case F_BS -> bs = size("bs");
          case F_AS -> as = size("as");
          default -> skipValue(4);
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
      int prev = -1;
      do {
        int id = member(K_TRADE, prev);
        prev = id;
        switch (id) {
          case F_T -> t = timestamp();
          case F_P -> px = price("p");
          case F_S -> s = size("s");
          default -> skipValue(4); // 'c' is a string for options, an array for stocks
        }
      } while (nextMember());
    }
    if (t == null || Double.isNaN(px)) {
      throw new IOException("trade without 't' or 'p' for " + sym);
    }
    return new Trade(sym, px, s, t);
  }

  /**
   * The volume of a {@code dailyBar}, read and validated as the second-round parser read a whole
   * bar (every field, including the timestamp); the {@link Bar} itself is built only when its
   * checks fail, so that the page fails with the same exception.
   */
  private long dailyVolume(String sym) throws IOException {
    expect('{');
    boolean hasT = false;
    double o = Double.NaN;
    double h = Double.NaN;
    double l = Double.NaN;
    double c = Double.NaN;
    long v = 0;
    long n = 0;
    if (!endOfObject()) {
      int prev = -1;
      do {
        int id = member(K_BAR, prev);
        prev = id;
        switch (id) {
          case F_T -> {
            timestamp();
            hasT = true;
          }
          case F_O -> o = price("o");
          case F_H -> h = price("h");
          case F_L -> l = price("l");
          case F_C -> c = price("c");
          case F_V -> v = size("v");
          case F_N -> n = size("n");
          case F_VW -> price("vw");
          default -> skipValue(4);
        }
      } while (nextMember());
    }
    if (!hasT) {
      throw new IOException("bar without 't' for " + sym);
    }
    // Bar's own checks (prices already finite and >= 0 here; sizes >= 0).
    if (!(o > 0 && h > 0 && l > 0 && c > 0) || l > h || o < l || o > h || c < l || c > h) {
      new Bar(sym, Instant.EPOCH, o, h, l, c, v, n, Double.NaN); // throws Bar's exception
      throw new IllegalStateException("unreachable: Bar accepted o=" + o);
    }
    return v;
  }

  /**
   * Skips a member the snapshot does not use ({@code minuteBar}, {@code prevDailyBar}) while
   * validating it as strictly as {@link #skipValue}: an object has its member names read through
   * the bar's order prediction, and each value is checked as well-formed JSON without being
   * converted.
   */
  private void skipBar() throws IOException {
    if (at() != '{') {
      skipValue(3);
      return;
    }
    i++;
    if (!endOfObject()) {
      int prev = -1;
      do {
        prev = member(K_BAR, prev);
        int c = at();
        if (c == '"') {
          string();
        } else if (c == '-' || (c >= '0' && c <= '9')) {
          skipNumber();
        } else {
          skipValue(4);
        }
      } while (nextMember());
    }
  }

  // ------------------------------------------------------------------ values

  private Instant timestamp() throws IOException {
    int j = i;
    if (j + 32 <= end && b[j] == '"') {
      Instant t = quotedInstant(j + 1);
      if (t != null) {
        return t;
      }
    }
    if (at() != '"') {
      throw error("'t' must be a string");
    }
    string();
    if (strEscaped || strNonAscii) {
      return Timestamps.parse(stringValue());
    }
    Instant t = instant(strStart, strLen);
    return t != null ? t : Timestamps.parse(b, strStart, strLen);
  }

  /**
   * The common UTC form {@code YYYY-MM-DDThh:mm:ss[.f{1,9}]Z} read from the bytes, computed as
   * {@link Timestamps#parse(byte[], int, int)} does (same validation, same instant), with the day
   * reused from the previous timestamp when the date repeats; null for any other form, which the
   * caller hands to {@code Timestamps}.
   */
  private Instant instant(int off, int n) {
    final byte[] buf = b;
    if (n < 20 || n > 30 || buf[off + n - 1] != 'Z') {
      return null;
    }
    long days = day(off);
    if (days == Long.MIN_VALUE) {
      return null;
    }
    if (buf[off + 10] != 'T' || buf[off + 13] != ':' || buf[off + 16] != ':') {
      return null;
    }
    int hour = digits(buf, off + 11, 2);
    int min = digits(buf, off + 14, 2);
    int sec = digits(buf, off + 17, 2);
    if (hour < 0 || hour > 23 || min < 0 || min > 59 || sec < 0 || sec > 60) {
      return null;
    }
    int nanos = 0;
    if (n > 20) {
      int fl = n - 21;
      if (buf[off + 19] != '.' || fl < 1) {
        return null;
      }
      if (fl == 9) {
        if (digitRun8((long) LONGS.get(buf, off + 20)) != 8) {
          return null;
        }
        int last = buf[off + 28] - '0';
        if (last < 0 || last > 9) {
          return null;
        }
        nanos = (int) decimal(buf, off + 20, 8) * 10 + last;
      } else {
        int f = digits(buf, off + 20, fl);
        if (f < 0) {
          return null;
        }
        for (int k = fl; k < 9; k++) {
          f *= 10;
        }
        nanos = f;
      }
    }
    return Instant.ofEpochSecond(days * 86400 + hour * 3600L + min * 60L + sec, nanos);
  }

  /**
   * The string at {@code off} (just after its opening quote) when it is exactly {@code
   * YYYY-MM-DDThh:mm:ss[.f{1,9}]Z} and its closing quote: the instant as {@link
   * Timestamps#parse(byte[], int, int)} computes it, the position moved past the closing quote;
   * null (position unchanged) for anything else. Such a string has no escape, control or non-ASCII
   * byte, so it is a valid JSON string. Needs {@code off + 31 <= end}.
   */
  private Instant quotedInstant(int off) {
    final byte[] buf = b;
    long days = day(off);
    if (days == Long.MIN_VALUE || buf[off + 10] != 'T') {
      return null;
    }
    // "hh:mm:ss" in one word: the digits minus '0' and the colons zeroed, every byte <= 9.
    long x = (long) LONGS.get(buf, off + 11) ^ 0x30303A30303A3030L;
    if ((((x + 0x7676767676767676L) | x) & 0x8080808080808080L) != 0
        || (x & 0x0000FF0000FF0000L) != 0) {
      return null;
    }
    int hour = (int) (x & 0xFF) * 10 + (int) ((x >>> 8) & 0xFF);
    int min = (int) ((x >>> 24) & 0xFF) * 10 + (int) ((x >>> 32) & 0xFF);
    int sec = (int) ((x >>> 48) & 0xFF) * 10 + (int) ((x >>> 56) & 0xFF);
    if (hour > 23 || min > 59 || sec > 60) {
      return null;
    }
    int nanos;
    int close;
    int c19 = buf[off + 19];
    if (c19 == 'Z') {
      nanos = 0;
      close = off + 20;
    } else if (c19 == '.') {
      long y = (long) LONGS.get(buf, off + 20);
      int fl = Long.numberOfTrailingZeros(nonDigits8(y)) >>> 3;
      if (fl == 8) {
        int last = buf[off + 28] - '0';
        if (last < 0 || last > 9 || buf[off + 29] != 'Z') {
          return null;
        }
        nanos = (int) swar8(y, 8) * 10 + last;
        close = off + 30;
      } else if (fl >= 1 && buf[off + 20 + fl] == 'Z') {
        nanos = (int) swar8(y & ((1L << (8 * fl)) - 1), fl) * NANO_SCALE[fl];
        close = off + 21 + fl;
      } else {
        return null;
      }
    } else {
      return null;
    }
    if (buf[close] != '"') {
      return null;
    }
    i = close + 1;
    return Instant.ofEpochSecond(days * 86400 + hour * 3600L + min * 60L + sec, nanos);
  }

  /**
   * The epoch day of the {@code YYYY-MM-DD} at {@code off}, reusing the previous one when the 10
   * bytes repeat; {@link Long#MIN_VALUE} when they are not a valid date in that form.
   */
  private long day(int off) {
    final byte[] buf = b;
    long word = (long) LONGS.get(buf, off);
    int tail = (buf[off + 8] & 0xFF) | (buf[off + 9] & 0xFF) << 8;
    if (word == dateWord && tail == dateTail) {
      return dateDays;
    }
    if (buf[off + 4] != '-' || buf[off + 7] != '-') {
      return Long.MIN_VALUE;
    }
    int year = digits(buf, off, 4);
    int month = digits(buf, off + 5, 2);
    int dd = digits(buf, off + 8, 2);
    if (year < 0 || month < 1 || month > 12 || dd < 1 || dd > monthLength(year, month)) {
      return Long.MIN_VALUE;
    }
    long days = epochDay(year, month, dd);
    dateWord = word;
    dateTail = tail;
    dateDays = days;
    return days;
  }

  /** The decimal value of {@code len <= 9} ASCII digits, or -1 when one is not a digit. */
  private static int digits(byte[] buf, int from, int len) {
    int v = 0;
    for (int k = from; k < from + len; k++) {
      int c = buf[k] - '0';
      if (c < 0 || c > 9) {
        return -1;
      }
      v = v * 10 + c;
    }
    return v;
  }

  private static int monthLength(int y, int m) {
    if (m == 2) {
      return (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28;
    }
    return m == 4 || m == 6 || m == 9 || m == 11 ? 30 : 31;
  }

  /** Days since 1970-01-01 (proleptic Gregorian), as {@code LocalDate.toEpochDay}. */
  private static long epochDay(int y, int m, int d) {
    long yy = m <= 2 ? y - 1 : y;
    long era = Math.floorDiv(yy, 400);
    long yoe = yy - era * 400;
    long mp = (m + 9) % 12;
    long doy = (153 * mp + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
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
    if (j + 9 <= e) {
      // Both candidate words are loaded at once, so the sign does not delay the load.
      long v0 = (long) LONGS.get(buf, j);
      long v1 = (long) LONGS.get(buf, j + 1);
      boolean neg = (v0 & 0xFF) == '-';
      long v = neg ? v1 : v0;
      int f = neg ? j + 1 : j;
      int sh = shape(v);
      if (sh != 0) {
        int p = sh & 0xF;
        int q = (sh >>> 4) & 0xF;
        boolean frac = sh > 0xFF;
        long intDigits = v & ((1L << (8 * p)) - 1);
        long m =
            frac
                ? swar8(
                    intDigits
                        | (((v >>> (8 * p + 8)) & ((1L << (8 * (q - p - 1))) - 1)) << (8 * p)),
                    q - 1)
                : swar8(intDigits, p);
        i = f + q;
        numNegative = neg;
        numIntegral = !frac;
        numMantissa = m;
        numExact = true;
        double d = frac ? m / POW10[q - p - 1] : m;
        return neg ? -d : d;
      }
    }
    return numberSlow(field);
  }

  /**
   * The fast path's view of the 8 bytes at a number (after any minus sign): {@code p} digits (no
   * leading zero unless alone) ended at byte {@code q = p < 8} by a byte other than a digit, {@code
   * '.'}, {@code 'e'} or {@code 'E'}; or {@code p >= 1} digits, a dot and {@code q - p - 1 >= 1}
   * digits ended at byte {@code q < 8} the same way. Returns {@code p | q << 4} for the former,
   * {@code p | q << 4 | 0x100} for the latter, 0 when the number needs the general path.
   */
  private static int shape(long v) {
    long dots = zeroBytes(v ^ 0x2E2E2E2E2E2E2E2EL);
    // The run of digits and dots: its length depends on one load and a few ALU operations, so the
    // next token's position is known early; the checks below are predicted branches.
    int len = Long.numberOfTrailingZeros(nonDigits8(v) & ~dots) >>> 3;
    if (len == 0 || len == 8) {
      return 0;
    }
    int stop = (int) (v >>> (8 * len)) & 0xFF;
    long inRun = dots & ((1L << (8 * len)) - 1);
    if (stop == 'e' || stop == 'E' || (v & 0xFF) == '.') {
      return 0;
    }
    if (inRun == 0) {
      return (len > 1 && (v & 0xFF) == '0') ? 0 : len | len << 4;
    }
    int p = Long.numberOfTrailingZeros(inRun) >>> 3;
    if ((inRun & (inRun - 1)) != 0 || p == len - 1 || (p > 1 && (v & 0xFF) == '0')) {
      return 0;
    }
    return p | len << 4 | 0x100;
  }

  /** High bit set in exactly the zero bytes of {@code x}. */
  private static long zeroBytes(long x) {
    return ~(((x & 0x7F7F7F7F7F7F7F7FL) + 0x7F7F7F7F7F7F7F7FL) | x | 0x7F7F7F7F7F7F7F7FL);
  }

  /** High bit set in each of the 8 bytes of {@code v} that is not an ASCII digit. */
  private static long nonDigits8(long v) {
    long hi = v & 0xF0F0F0F0F0F0F0F0L;
    long lo = (v + 0x0606060606060606L) & 0xF0F0F0F0F0F0F0F0L;
    long nd = (hi ^ 0x3030303030303030L) | (lo ^ 0x3030303030303030L);
    return (nd | ((nd & 0x7F7F7F7F7F7F7F7FL) + 0x7F7F7F7F7F7F7F7FL)) & 0x8080808080808080L;
  }

  /** The value of the {@code 1 <= len <= 8} ASCII digits in the low bytes of {@code v}. */
  private static long swar8(long v, int len) {
    int shift = 8 * (8 - len);
    v = shift == 0 ? v : (v << shift) | (0x3030303030303030L >>> (64 - shift));
    v -= 0x3030303030303030L;
    v = (v * 10) + (v >>> 8);
    return (((v & 0x000000FF000000FFL) * (100 + (1000000L << 32)))
            + (((v >>> 16) & 0x000000FF000000FFL) * (1 + (10000L << 32))))
        >>> 32;
  }

  /** {@link #number} for every form the fast path does not take. */
  private double numberSlow(String field) throws IOException {
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
    if (j + 9 <= e) {
      long v0 = (long) LONGS.get(buf, j);
      long v1 = (long) LONGS.get(buf, j + 1);
      boolean neg = (v0 & 0xFF) == '-';
      int f = neg ? j + 1 : j;
      int sh = shape(neg ? v1 : v0);
      if (sh != 0) {
        i = f + ((sh >>> 4) & 0xF);
        return;
      }
    }
    skipNumberSlow();
  }

  /** {@link #skipNumber} for every form its fast path does not take. */
  private void skipNumberSlow() throws IOException {
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

  /**
   * Reads a member name of an object of {@code kind} whose previous member had id {@code prev} (-1
   * for the first) and returns its id, {@link #UNKNOWN} for a name not in {@link #NAMES}.
   */
  private int member(int kind, int prev) throws IOException {
    int slot = kind * STRIDE + prev + 1;
    Name n = next[slot];
    if (n != null) {
      int j = i;
      if (j + n.span <= end && n.matches(b, j)) {
        j += n.tokenLen;
        i = j;
        if (j < end && b[j] <= ' ') {
          ws();
        }
        return n.id;
      }
    }
    key();
    int id = lookup();
    next[slot] = id == UNKNOWN ? null : NAMES[id];
    return id;
  }

  /** The id of the last member name read by {@link #key}. */
  private int lookup() {
    long code = keyCode;
    for (Name n : NAMES) {
      if (n.code == code && rest(n)) {
        return n.id;
      }
    }
    return UNKNOWN;
  }

  /** Whether the last name read matches {@code name} past the bytes packed in its code. */
  private boolean rest(Name name) {
    byte[] n = name.bytes;
    for (int k = Name.PACKED; k < n.length; k++) {
      if (keyBytes[keyStart + k] != n[k]) {
        return false;
      }
    }
    return true;
  }

  /** Reads a snapshot's member name (its OCC symbol) and the colon after it. */
  private void symbolKey() throws IOException {
    ws();
    if (at() != '"') {
      throw error("expected a field name");
    }
    string();
    symPlain = !strEscaped && !strNonAscii;
    symStart = strStart;
    symLen = strLen;
    sym = symPlain ? new String(b, strStart, strLen, StandardCharsets.ISO_8859_1) : stringValue();
    ws();
    expect(':');
    ws();
  }

  /**
   * The contract of a plain OCC symbol ({@code ROOT} of 1 to 6 capitals or digits, {@code YYMMDD},
   * {@code C} or {@code P}, 8 digits of thousandths) read from the bytes, with the root string and
   * the expiry date reused from the previous symbol when they repeat; null for any other form,
   * which {@link OptionContract#parse} then reads (or rejects). Equal to what {@code parse}
   * returns.
   */
  private OptionContract occ(int off, int len) {
    final byte[] buf = b;
    int rl = len - 15;
    if (rl < 1 || rl > 6) {
      return null;
    }
    for (int k = off; k < off + rl; k++) {
      int ch = buf[k];
      if (!((ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9'))) {
        return null;
      }
    }
    int d = off + rl;
    int y0 = buf[d] - '0';
    int y1 = buf[d + 1] - '0';
    int m0 = buf[d + 2] - '0';
    int m1 = buf[d + 3] - '0';
    int d0 = buf[d + 4] - '0';
    int d1 = buf[d + 5] - '0';
    if (((y0 | y1 | m0 | m1 | d0 | d1) & ~0xF) != 0
        || y0 > 9
        || y1 > 9
        || m0 > 9
        || m1 > 9
        || d0 > 9
        || d1 > 9) {
      return null;
    }
    int cp = buf[d + 6];
    if ((cp != 'C' && cp != 'P') || digitRun8((long) LONGS.get(buf, d + 7)) != 8) {
      return null;
    }
    long thousandths = decimal(buf, d + 7, 8);
    int code = ((y0 * 10 + y1) * 100 + m0 * 10 + m1) * 100 + d0 * 10 + d1;
    if (code != expiryCode) {
      try {
        expiry = LocalDate.of(2000 + y0 * 10 + y1, m0 * 10 + m1, d0 * 10 + d1);
      } catch (java.time.DateTimeException e) {
        return null;
      }
      expiryCode = code;
    }
    if (!sameRoot(off, rl)) {
      root = new String(buf, off, rl, StandardCharsets.ISO_8859_1);
      rootStart = off;
      rootLen = rl;
    }
    return new OptionContract(
        root, root, expiry, cp == 'C' ? OptionType.CALL : OptionType.PUT, thousandths / 1000.0);
  }

  private boolean sameRoot(int off, int rl) {
    if (rl != rootLen || rootStart < 0) {
      return false;
    }
    for (int k = 0; k < rl; k++) {
      if (b[rootStart + k] != b[off + k]) {
        return false;
      }
    }
    return true;
  }

  /** After a value: consumes {@code ,} (true: another member follows) or {@code '}'} (false). */
  private boolean nextMember() throws IOException {
    int j = i;
    if (j < end) {
      int c = b[j];
      if (c == ',') {
        i = j + 1;
        return true;
      }
      if (c == '}') {
        i = j + 1;
        return false;
      }
    }
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
    if (j < end && b[j] > ' ') {
      return; // the usual case: compact JSON
    }
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

  /**
   * A known member name: its id, its code (up to 7 leading bytes and the length, packed) and its
   * {@code "name":} token as little-endian words and masks for the predicted-name comparison.
   */
  private static final class Name {
    static final int PACKED = 7;
    final byte[] bytes;
    final long code;
    final int id;
    final int tokenLen;
    final int words;
    final int span;
    final long w0;
    final long m0;
    final long w1;
    final long m1;
    final long w2;
    final long m2;

    Name(String s, int id) {
      this.bytes = s.getBytes(StandardCharsets.ISO_8859_1);
      this.code = code(bytes, 0, bytes.length);
      this.id = id;
      byte[] token = ("\"" + s + "\":").getBytes(StandardCharsets.ISO_8859_1);
      if (token.length > 24) {
        throw new IllegalStateException("name too long: " + s);
      }
      this.tokenLen = token.length;
      this.words = (token.length + 7) / 8;
      this.span = words * 8;
      long[] w = new long[3];
      long[] m = new long[3];
      for (int k = 0; k < token.length; k++) {
        w[k / 8] |= (token[k] & 0xFFL) << (8 * (k % 8));
        m[k / 8] |= 0xFFL << (8 * (k % 8));
      }
      this.w0 = w[0];
      this.m0 = m[0];
      this.w1 = w[1];
      this.m1 = m[1];
      this.w2 = w[2];
      this.m2 = m[2];
    }

    /** Whether the token is at {@code j} ({@code j + span <= b.length}). */
    boolean matches(byte[] b, int j) {
      if (((long) LONGS.get(b, j) & m0) != w0) {
        return false;
      }
      if (words == 1) {
        return true;
      }
      if (((long) LONGS.get(b, j + 8) & m1) != w1) {
        return false;
      }
      return words == 2 || ((long) LONGS.get(b, j + 16) & m2) == w2;
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
