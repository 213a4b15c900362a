package io.github.bsoptions.data.alpaca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import io.github.bsoptions.data.model.OptionSnapshot;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The byte-level chain page parser against the Jackson-token parser it replaced (differential, on
 * random documented-shape pages and on random corruptions of them), plus the F-2 numeric cases.
 */
class ChainPageParserTest {
  /** Messages of the rules where the byte parser is deliberately stricter than the reference. */
  private static final List<String> STRICTER =
      List.of(
          "content after the root object",
          "is not finite",
          "must be a finite price",
          "must be >= 0",
          "must be a whole number",
          "next_page_token must be",
          "invalid UTF-8");

  @Test
  void documentedPageParsesLikeTheReference() throws IOException {
    byte[] page = AlpacaRestTest.PAGE1.getBytes(StandardCharsets.UTF_8);
    Map<String, OptionSnapshot> ours = new HashMap<>();
    Map<String, OptionSnapshot> ref = new HashMap<>();
    assertThat(ChainPageParser.parse(page, ours)).isEqualTo("U1BZMjYxMjE4UDAwNDA1MDAw");
    JacksonChainPageReference.chainPage(page, ref);
    assertThat(ours).isEqualTo(ref).hasSize(2);
    OptionSnapshot put = ours.get("SPY261218P00400000");
    assertThat(put.greeks()).isEmpty();
    assertThat(put.impliedVolatility()).isEmpty();
    assertThat(put.quote().orElseThrow().bid()).isZero();
    OptionSnapshot call = ours.get("SPY261218C00600000");
    assertThat(call.volume()).isEqualTo(312);
    assertThat(call.greeks().orElseThrow().delta()).isEqualTo(0.7312);
    assertThat(call.quote().orElseThrow().timestamp())
        .isEqualTo(Instant.parse("2026-09-14T15:45:59.904512768Z"));
  }

  @Test
  void randomDocumentedPagesParseExactlyAsTheReference() {
    qt().withFixedSeed(20261202L)
        .withExamples(1_500)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              byte[] page = randomPage(new SplittableRandom(seed)).getBytes(StandardCharsets.UTF_8);
              Map<String, OptionSnapshot> ours = new HashMap<>();
              Map<String, OptionSnapshot> ref = new HashMap<>();
              String nextOurs;
              String nextRef;
              try {
                nextRef = JacksonChainPageReference.chainPage(page, ref);
                nextOurs = ChainPageParser.parse(page, ours);
              } catch (IOException | IllegalArgumentException e) {
                throw new AssertionError(
                    "seed " + seed + ": " + e + " on " + new String(page, StandardCharsets.UTF_8),
                    e);
              }
              assertThat(nextOurs).isEqualTo(nextRef);
              assertThat(ours).as("seed %d", seed).isEqualTo(ref);
            });
  }

  @Test
  void corruptedPagesAreErrorsNeverPartialAndAgreeWithTheReference() {
    qt().withFixedSeed(20261203L)
        .withExamples(3_000)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              SplittableRandom r = new SplittableRandom(seed);
              byte[] page = corrupt(randomPage(r).getBytes(StandardCharsets.UTF_8), r);
              Map<String, OptionSnapshot> ours = new HashMap<>(Map.of());
              Map<String, OptionSnapshot> ref = new HashMap<>();
              Exception ourError = null;
              Exception refError = null;
              String nextOurs = null;
              String nextRef = null;
              try {
                nextOurs = ChainPageParser.parse(page, ours);
              } catch (IOException | IllegalArgumentException e) {
                ourError = e;
              }
              try {
                nextRef = JacksonChainPageReference.chainPage(page, ref);
              } catch (IOException | RuntimeException e) {
                refError = e;
              }
              String text = new String(page, StandardCharsets.UTF_8);
              if (ourError != null) {
                assertThat(ours).as("nothing added on failure").isEmpty();
                if (refError == null) {
                  String m = String.valueOf(ourError.getMessage());
                  assertThat(STRICTER.stream().anyMatch(m::contains))
                      .as(
                          "only documented stricter rules reject what Jackson accepts: %s in %s",
                          m, text)
                      .isTrue();
                }
              } else {
                assertThat(refError).as("accepted only what Jackson accepts: %s", text).isNull();
                assertThat(ours).isEqualTo(ref);
                assertThat(nextOurs).isEqualTo(nextRef);
              }
            });
  }

  @Test
  void everyTruncationIsAnErrorAndAddsNothing() {
    byte[] page = AlpacaRestTest.PAGE1.strip().getBytes(StandardCharsets.UTF_8);
    for (int n = 0; n < page.length; n++) {
      byte[] cut = java.util.Arrays.copyOf(page, n);
      Map<String, OptionSnapshot> into = new HashMap<>();
      assertThatThrownBy(() -> ChainPageParser.parse(cut, into))
          .as("cut at %d", n)
          .isInstanceOfAny(IOException.class, IllegalArgumentException.class);
      assertThat(into).isEmpty();
    }
  }

  /** F-2: numeric strings in every price/size field are typed errors, never accepted values. */
  @Test
  void hostileNumbersInPriceAndSizeFieldsAreTypedErrors() {
    String huge = "1" + "0".repeat(10_000);
    List<String> hostile =
        List.of(
            "1e1000000",
            "-1e1000000",
            "NaN",
            "\"NaN\"",
            "-0",
            "-0.0",
            "-0e3",
            huge,
            "Infinity",
            "\"1.5\"",
            "1.5.5",
            "0x10",
            "+1",
            ".5",
            "01");
    String[][] fields = {
      {"latestQuote", "bp"}, {"latestQuote", "ap"}, {"latestQuote", "bs"}, {"latestQuote", "as"},
      {"latestTrade", "p"}, {"latestTrade", "s"}, {"dailyBar", "o"}, {"dailyBar", "h"},
      {"dailyBar", "l"}, {"dailyBar", "c"}, {"dailyBar", "v"}, {"dailyBar", "n"},
      {"dailyBar", "vw"}, {"greeks", "delta"}, {"greeks", "vega"}
    };
    for (String[] f : fields) {
      for (String v : hostile) {
        if (f[0].equals("greeks") && (v.equals("-0") || v.equals("-0.0") || v.equals("-0e3"))) {
          continue; // a greek may be (negative) zero
        }
        String page = pageWith(f[0], f[1], v);
        Map<String, OptionSnapshot> into = new HashMap<>();
        assertThatThrownBy(() -> ChainPageParser.parse(page.getBytes(StandardCharsets.UTF_8), into))
            .as("%s.%s = %s", f[0], f[1], v.length() > 20 ? v.substring(0, 20) + "..." : v)
            .isInstanceOfAny(IOException.class, IllegalArgumentException.class);
        assertThat(into).isEmpty();
      }
    }
    for (String v : List.of("1e1000000", "NaN", huge)) {
      String page = "{\"snapshots\":{\"SPY261218C00600000\":{\"impliedVolatility\":" + v + "}}}";
      assertThatThrownBy(
              () -> ChainPageParser.parse(page.getBytes(StandardCharsets.UTF_8), new HashMap<>()))
          .isInstanceOf(IOException.class);
    }
  }

  @Test
  void sizesAcceptWholeNumbersOnly() throws IOException {
    Map<String, OptionSnapshot> into = new HashMap<>();
    ChainPageParser.parse(
        pageWith("latestQuote", "bs", "3.0e1").getBytes(StandardCharsets.UTF_8), into);
    assertThat(into.get("SPY261218C00600000").quote().orElseThrow().bidSize()).isEqualTo(30);
    assertThatThrownBy(
            () ->
                ChainPageParser.parse(
                    pageWith("latestQuote", "bs", "2.5").getBytes(StandardCharsets.UTF_8),
                    new HashMap<>()))
        .hasMessageContaining("whole number");
    assertThatThrownBy(
            () ->
                ChainPageParser.parse(
                    pageWith("latestQuote", "bs", "99999999999999999999")
                        .getBytes(StandardCharsets.UTF_8),
                    new HashMap<>()))
        .hasMessageContaining("out of range");
  }

  @Test
  void numbersConvertExactlyAsTheJdk() {
    qt().withFixedSeed(7L)
        .withExamples(5_000)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              SplittableRandom r = new SplittableRandom(seed);
              String text = number(r, r.nextBoolean());
              String page =
                  "{\"snapshots\":{\"SPY261218C00600000\":{\"impliedVolatility\":" + text + "}}}";
              Map<String, OptionSnapshot> into = new HashMap<>();
              try {
                ChainPageParser.parse(page.getBytes(StandardCharsets.UTF_8), into);
              } catch (IOException e) {
                fail("'" + text + "': " + e.getMessage());
              }
              assertThat(into.get("SPY261218C00600000").impliedVolatility().getAsDouble())
                  .as(text)
                  .isEqualTo(Double.parseDouble(text));
            });
  }

  /** The benchmark's page (DataBench.alpacaPage): every snapshot equal to the reference's. */
  @Test
  void benchmarkPageParsesExactlyAsTheReference() throws IOException {
    byte[] page = benchmarkPage(5000);
    Map<String, OptionSnapshot> ours = new HashMap<>();
    Map<String, OptionSnapshot> ref = new HashMap<>();
    assertThat(ChainPageParser.parse(page, ours)).isNull();
    JacksonChainPageReference.chainPage(page, ref);
    assertThat(ours).hasSize(5000).isEqualTo(ref);
    OptionSnapshot s = ours.get("SPY261218P00100000");
    assertThat(s.quote().orElseThrow().timestamp())
        .isEqualTo(Instant.parse("2026-09-14T15:45:59.904512768Z"));
    assertThat(s.volume()).isEqualTo(312);
    assertThat(s.greeks().orElseThrow().theta()).isEqualTo(-0.0921);
  }

  /**
   * Compact pages whose objects keep one member order per kind (so the parser's order prediction
   * mostly hits, and misses where optional members come and go): equal to the reference.
   */
  @Test
  void consistentOrderPagesParseExactlyAsTheReference() {
    qt().withFixedSeed(20261204L)
        .withExamples(600)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              byte[] page = consistentPage(seed);
              Map<String, OptionSnapshot> ours = new HashMap<>();
              Map<String, OptionSnapshot> ref = new HashMap<>();
              try {
                assertThat(ChainPageParser.parse(page, ours))
                    .isEqualTo(JacksonChainPageReference.chainPage(page, ref));
              } catch (IOException | IllegalArgumentException e) {
                throw new AssertionError("seed " + seed + ": " + e, e);
              }
              assertThat(ours).as("seed %d", seed).isEqualTo(ref);
            });
  }

  /**
   * Corruptions of compact, consistently ordered pages: errors, never partial, as the reference.
   */
  @Test
  void corruptedConsistentOrderPagesAreErrorsNeverPartial() {
    qt().withFixedSeed(20261205L)
        .withExamples(3_000)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              SplittableRandom r = new SplittableRandom(seed ^ 0x5DEECE66DL);
              byte[] page = corrupt(consistentPage(seed), r);
              Map<String, OptionSnapshot> ours = new HashMap<>();
              Map<String, OptionSnapshot> ref = new HashMap<>();
              Exception ourError = null;
              Exception refError = null;
              try {
                ChainPageParser.parse(page, ours);
              } catch (IOException | IllegalArgumentException e) {
                ourError = e;
              }
              try {
                JacksonChainPageReference.chainPage(page, ref);
              } catch (IOException | RuntimeException e) {
                refError = e;
              }
              String text = new String(page, StandardCharsets.UTF_8);
              if (ourError != null) {
                assertThat(ours).as("nothing added on failure").isEmpty();
                if (refError == null) {
                  String m = String.valueOf(ourError.getMessage());
                  assertThat(STRICTER.stream().anyMatch(m::contains))
                      .as("only documented stricter rules: %s in %s", m, text)
                      .isTrue();
                }
              } else {
                assertThat(refError).as("accepted only what Jackson accepts: %s", text).isNull();
                assertThat(ours).isEqualTo(ref);
              }
            });
  }

  /** Every truncation of the benchmark page's first snapshots is an error that adds nothing. */
  @Test
  void everyTruncationOfACompactPageIsAnErrorAndAddsNothing() {
    byte[] full = benchmarkPage(3);
    for (int n = 0; n < full.length; n++) {
      byte[] cut = java.util.Arrays.copyOf(full, n);
      Map<String, OptionSnapshot> into = new HashMap<>();
      assertThatThrownBy(() -> ChainPageParser.parse(cut, into))
          .as("cut at %d", n)
          .isInstanceOfAny(IOException.class, IllegalArgumentException.class);
      assertThat(into).isEmpty();
    }
  }

  /**
   * Numbers where the 8-byte fast path reads them (another member follows): exactly {@link
   * Double#parseDouble}, and every malformed spelling still an error.
   */
  @Test
  void fastPathNumbersConvertExactlyAsTheJdk() {
    qt().withFixedSeed(11L)
        .withExamples(5_000)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              SplittableRandom r = new SplittableRandom(seed);
              String text =
                  switch (r.nextInt(3)) {
                    case 0 -> number(r, true);
                    case 1 ->
                        BigDecimal.valueOf(r.nextLong(100_000_000L), r.nextInt(8)).toPlainString();
                    default ->
                        (r.nextBoolean() ? "-" : "") + r.nextInt(1000) + "." + r.nextInt(10_000);
                  };
              String page =
                  "{\"snapshots\":{\"SPY261218C00600000\":{\"greeks\":{\"delta\":"
                      + text
                      + ",\"gamma\":0.5}}},\"next_page_token\":null}";
              Map<String, OptionSnapshot> into = new HashMap<>();
              try {
                ChainPageParser.parse(page.getBytes(StandardCharsets.UTF_8), into);
              } catch (IOException e) {
                fail("'" + text + "': " + e.getMessage());
              }
              assertThat(into.get("SPY261218C00600000").greeks().orElseThrow().delta())
                  .as(text)
                  .isEqualTo(Double.parseDouble(text));
            });
    for (String bad :
        List.of(
            "1.", ".5", "01", "00.5", "1..2", "1.2.3", "-", "--1", "1e", "1.5e", "1-2", "0x1")) {
      String page =
          "{\"snapshots\":{\"SPY261218C00600000\":{\"greeks\":{\"delta\":"
              + bad
              + ",\"gamma\":0.5}}},\"next_page_token\":null}";
      assertThatThrownBy(
              () -> ChainPageParser.parse(page.getBytes(StandardCharsets.UTF_8), new HashMap<>()))
          .as(bad)
          .isInstanceOf(IOException.class);
    }
  }

  /**
   * Timestamps where the byte fast path reads them: the same instant as {@link
   * io.github.bsoptions.data.internal.Timestamps#parse(String)}, and the same rejections.
   */
  @Test
  void fastPathTimestampsAgreeWithTimestampsParse() {
    List<String> texts = new ArrayList<>();
    SplittableRandom r = new SplittableRandom(5);
    for (int k = 0; k < 3000; k++) {
      Instant t =
          Instant.ofEpochSecond(
              -2_000_000_000L + r.nextLong(6_000_000_000L), r.nextInt(1_000_000_000));
      String base = t.toString().substring(0, 19);
      int digits = r.nextInt(11);
      String frac =
          digits == 0
              ? ""
              : "."
                  + String.format(Locale.ROOT, "%09d", t.getNano())
                      .substring(0, Math.min(9, digits))
                  + (digits == 10 ? "7" : "");
      texts.add(base + frac + "Z");
    }
    texts.addAll(
        List.of(
            "2026-02-29T10:00:00Z",
            "2024-02-29T10:00:00Z",
            "2026-13-01T10:00:00Z",
            "2026-04-31T10:00:00Z",
            "2026-00-10T10:00:00Z",
            "2026-09-14T24:00:00Z",
            "2026-09-14T23:60:00Z",
            "2026-09-14T23:59:60Z",
            "2026-09-14T23:59:61Z",
            "2026-09-14T23:59:5aZ",
            "2026-09-14T23-59:59Z",
            "2026-09-14 23:59:59Z",
            "2026-09-14T23:59:59.Z",
            "2026-09-14T23:59:59.1234567890Z",
            "2026-09-14T23:59:59.12x4Z",
            "2026-09-14T23:59:59z",
            "2026-09-14T23:59:59+00:00",
            "2026-09-14T19:59:59.5-04:00",
            "2026-09-14",
            "+2026-09-14T23:59:59Z"));
    for (String text : texts) {
      String page =
          "{\"snapshots\":{\"SPY261218C00600000\":{\"latestQuote\":{\"t\":\""
              + text
              + "\",\"bp\":1.5,\"bs\":1,\"ap\":1.6,\"as\":2}}},\"next_page_token\":null}";
      Instant expected;
      try {
        expected = io.github.bsoptions.data.internal.Timestamps.parse(text);
      } catch (IllegalArgumentException e) {
        expected = null;
      }
      Map<String, OptionSnapshot> into = new HashMap<>();
      if (expected == null) {
        assertThatThrownBy(() -> ChainPageParser.parse(page.getBytes(StandardCharsets.UTF_8), into))
            .as(text)
            .isInstanceOfAny(IOException.class, IllegalArgumentException.class);
      } else {
        try {
          ChainPageParser.parse(page.getBytes(StandardCharsets.UTF_8), into);
        } catch (IOException e) {
          throw new AssertionError(text, e);
        }
        assertThat(into.get("SPY261218C00600000").quote().orElseThrow().timestamp())
            .as(text)
            .isEqualTo(expected);
      }
    }
  }

  /** OCC symbols read from the bytes equal {@link OptionContract#parse}, valid or not. */
  @Test
  void symbolsFromBytesAgreeWithOptionContractParse() {
    List<String> symbols = new ArrayList<>();
    SplittableRandom r = new SplittableRandom(9);
    for (int k = 0; k < 2000; k++) {
      symbols.add(symbol(r));
    }
    symbols.addAll(
        List.of(
            "SPY260230C00100000",
            "SPY261318C00100000",
            "SPY261218X00100000",
            "SPY261218C0010000A",
            "SPY261218C00000000",
            "spy261218C00100000",
            "TOOLONG261218C00100000",
            "261218C00100000",
            "O:SPY261218C00100000",
            "SPY   261218C00100000",
            "SPY2612l8C00100000",
            "SPY261218C00100000 "));
    for (String sym : symbols) {
      String page = "{\"snapshots\":{\"" + sym + "\":{}},\"next_page_token\":null}";
      io.github.bsoptions.data.model.OptionContract expected;
      try {
        expected = io.github.bsoptions.data.model.OptionContract.parse(sym);
      } catch (IllegalArgumentException e) {
        expected = null;
      }
      Map<String, OptionSnapshot> into = new HashMap<>();
      if (expected == null) {
        assertThatThrownBy(() -> ChainPageParser.parse(page.getBytes(StandardCharsets.UTF_8), into))
            .as(sym)
            .isInstanceOf(IllegalArgumentException.class);
      } else {
        try {
          ChainPageParser.parse(page.getBytes(StandardCharsets.UTF_8), into);
        } catch (IOException e) {
          throw new AssertionError(sym, e);
        }
        assertThat(into.get(sym).contract()).as(sym).isEqualTo(expected);
      }
    }
  }

  /** A malformed member deep inside a skipped bar still fails the whole page. */
  @Test
  void skippedBarsAreStillValidated() {
    String good = new String(benchmarkPage(2), StandardCharsets.UTF_8);
    assertThat(good).contains("\"minuteBar\":{\"t\":\"2026-09-14T15:42:00Z\",\"o\":41.85,");
    for (String bad :
        List.of(
            "\"o\":41.85.1,",
            "\"o\":041.85,",
            "\"o\":41.85,,",
            "\"o\":\"41.85,",
            "\"o\":41.85}",
            "\"o\":tru,",
            "\"o\":41.85 \"x\",",
            "\"o\":-,")) {
      String page =
          good.replaceFirst(
              "\"minuteBar\":\\{\"t\":\"2026-09-14T15:42:00Z\",\"o\":41.85,",
              java.util.regex.Matcher.quoteReplacement(
                  "\"minuteBar\":{\"t\":\"2026-09-14T15:42:00Z\"," + bad));
      assertThat(page).isNotEqualTo(good);
      Map<String, OptionSnapshot> into = new HashMap<>();
      assertThatThrownBy(() -> ChainPageParser.parse(page.getBytes(StandardCharsets.UTF_8), into))
          .as(bad)
          .isInstanceOf(IOException.class);
      assertThat(into).isEmpty();
    }
  }

  // ------------------------------------------------------------------ generators

  /** DataBench.alpacaPage: {@code n} contracts, every field, compact, one member order. */
  static byte[] benchmarkPage(int n) {
    StringBuilder sb = new StringBuilder(n * 660);
    sb.append("{\"snapshots\":{");
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        sb.append(',');
      }
      String sym =
          String.format(
              Locale.ROOT, "SPY261218%s%08d", i % 2 == 0 ? "C" : "P", (100 + i / 2) * 1000);
      sb.append('"')
          .append(sym)
          .append("\":{")
          .append(
              "\"latestTrade\":{\"t\":\"2026-09-14T15:42:07.118204416Z\",\"x\":\"C\",\"p\":41.85,\"s\":2,\"c\":\"I\"},")
          .append(
              "\"latestQuote\":{\"t\":\"2026-09-14T15:45:59.904512768Z\",\"bx\":\"N\",\"bp\":41.60,\"bs\":35,\"ax\":\"C\",\"ap\":42.05,\"as\":28,\"c\":\"A\"},")
          .append(
              "\"minuteBar\":{\"t\":\"2026-09-14T15:42:00Z\",\"o\":41.85,\"h\":41.85,\"l\":41.85,\"c\":41.85,\"v\":2,\"n\":1,\"vw\":41.85},")
          .append(
              "\"dailyBar\":{\"t\":\"2026-09-14T04:00:00Z\",\"o\":40.90,\"h\":42.30,\"l\":40.10,\"c\":41.85,\"v\":312,\"n\":57,\"vw\":41.2231},")
          .append(
              "\"prevDailyBar\":{\"t\":\"2026-09-11T04:00:00Z\",\"o\":39.75,\"h\":41.02,\"l\":39.30,\"c\":40.66,\"v\":280,\"n\":49,\"vw\":40.1187},")
          .append("\"impliedVolatility\":0.1874,")
          .append(
              "\"greeks\":{\"delta\":0.7312,\"gamma\":0.0046,\"theta\":-0.0921,\"vega\":1.0187,\"rho\":2.4415}}");
    }
    sb.append("},\"next_page_token\":null}");
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** A compact page of 10 to 40 snapshots, one member order per object kind (from the seed). */
  static byte[] consistentPage(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    compact = true;
    orderSeed = r.nextLong();
    try {
      List<String> snaps = new ArrayList<>();
      int n = 10 + r.nextInt(31);
      for (int k = 0; k < n; k++) {
        snaps.add("\"" + symbol(r) + "\":" + snapshot(r));
      }
      return ("{\"snapshots\":" + object(snaps, r) + ",\"next_page_token\":null}")
          .getBytes(StandardCharsets.UTF_8);
    } finally {
      compact = false;
    }
  }

  private static String pageWith(String object, String field, String value) {
    Map<String, String> quote = new java.util.LinkedHashMap<>();
    quote.put("t", "\"2026-09-14T15:45:59.904512768Z\"");
    quote.put("bp", "41.6");
    quote.put("bs", "35");
    quote.put("ap", "42.05");
    quote.put("as", "28");
    Map<String, String> trade = new java.util.LinkedHashMap<>();
    trade.put("t", "\"2026-09-14T15:42:07Z\"");
    trade.put("p", "41.85");
    trade.put("s", "2");
    Map<String, String> bar = new java.util.LinkedHashMap<>();
    bar.put("t", "\"2026-09-14T04:00:00Z\"");
    for (String k : List.of("o", "h", "l", "c", "vw")) {
      bar.put(k, "41.85");
    }
    bar.put("v", "312");
    bar.put("n", "57");
    Map<String, String> greeks = new java.util.LinkedHashMap<>();
    greeks.put("delta", "0.7");
    greeks.put("vega", "1.0");
    Map<String, Map<String, String>> all =
        Map.of("latestQuote", quote, "latestTrade", trade, "dailyBar", bar, "greeks", greeks);
    all.get(object).put(field, value);
    StringBuilder sb = new StringBuilder("{\"snapshots\":{\"SPY261218C00600000\":{");
    boolean first = true;
    for (String o : List.of("latestQuote", "latestTrade", "dailyBar", "greeks")) {
      if (!first) {
        sb.append(',');
      }
      first = false;
      sb.append('"').append(o).append("\":{");
      boolean f1 = true;
      for (Map.Entry<String, String> e : all.get(o).entrySet()) {
        if (!f1) {
          sb.append(',');
        }
        f1 = false;
        sb.append('"').append(e.getKey()).append("\":").append(e.getValue());
      }
      sb.append('}');
    }
    return sb.append("}},\"next_page_token\":null}").toString();
  }

  /**
   * Generator mode for the prediction tests: no whitespace and one member order per object kind
   * (the shuffles below use {@code orderSeed} instead of a fresh seed), as Alpaca writes pages.
   */
  private static boolean compact;

  private static long orderSeed;

  private static java.util.Random order(SplittableRandom r) {
    long fresh = r.nextLong();
    return new java.util.Random(compact ? orderSeed : fresh);
  }

  static String randomPage(SplittableRandom r) {
    List<String> members = new ArrayList<>();
    if (r.nextInt(20) == 0) {
      members.add(key("snapshots", r) + ":" + ws(r) + "null");
    } else {
      List<String> snaps = new ArrayList<>();
      int n = r.nextInt(5);
      for (int k = 0; k < n; k++) {
        snaps.add(key(symbol(r), r) + ":" + ws(r) + snapshot(r));
      }
      members.add(key("snapshots", r) + ":" + ws(r) + object(snaps, r));
    }
    if (r.nextBoolean()) {
      members.add(
          key("next_page_token", r)
              + ":"
              + ws(r)
              + (r.nextBoolean()
                  ? "null"
                  : r.nextInt(5) == 0 ? "\"\"" : "\"tok" + r.nextInt(99) + "\""));
    }
    if (r.nextInt(3) == 0) {
      members.add(key("extra" + r.nextInt(3), r) + ":" + ws(r) + anyJson(r, 3));
    }
    Collections.shuffle(members, new java.util.Random(r.nextLong()));
    return ws(r) + object(members, r) + ws(r);
  }

  private static String snapshot(SplittableRandom r) {
    List<String> m = new ArrayList<>();
    if (r.nextInt(4) > 0) {
      m.add(key("latestQuote", r) + ":" + ws(r) + quote(r));
    }
    if (r.nextBoolean()) {
      m.add(key("latestTrade", r) + ":" + ws(r) + trade(r));
    }
    for (String b : List.of("minuteBar", "dailyBar", "prevDailyBar")) {
      if (r.nextBoolean()) {
        m.add(key(b, r) + ":" + ws(r) + bar(r));
      }
    }
    if (r.nextBoolean()) {
      m.add(key("impliedVolatility", r) + ":" + ws(r) + number(r, false));
    }
    if (r.nextBoolean()) {
      List<String> g = new ArrayList<>();
      for (String name : List.of("delta", "gamma", "theta", "vega", "rho")) {
        if (r.nextInt(5) > 0) {
          g.add(key(name, r) + ":" + ws(r) + (r.nextInt(15) == 0 ? "null" : number(r, true)));
        }
      }
      m.add(key("greeks", r) + ":" + ws(r) + object(g, r));
    }
    if (r.nextInt(4) == 0) {
      m.add(key(r.nextBoolean() ? "latestQuote" : "greeks", r) + ":" + ws(r) + "null");
    }
    if (r.nextInt(3) == 0) {
      m.add(key("someNewField", r) + ":" + ws(r) + anyJson(r, 3));
    }
    Collections.shuffle(m, order(r));
    return object(m, r);
  }

  private static String quote(SplittableRandom r) {
    List<String> m = new ArrayList<>();
    m.add(key("t", r) + ":" + ws(r) + timestamp(r));
    m.add(key("bp", r) + ":" + ws(r) + price(r));
    m.add(key("ap", r) + ":" + ws(r) + price(r));
    m.add(key("bs", r) + ":" + ws(r) + r.nextInt(1000));
    m.add(key("as", r) + ":" + ws(r) + r.nextInt(1000));
    m.add(key("bx", r) + ":" + ws(r) + "\"" + (char) ('A' + r.nextInt(26)) + "\"");
    m.add(key("c", r) + ":" + ws(r) + (r.nextBoolean() ? "\" \"" : "[\"A\",\"B\"]"));
    Collections.shuffle(m, order(r));
    return object(m, r);
  }

  private static String trade(SplittableRandom r) {
    List<String> m = new ArrayList<>();
    m.add(key("t", r) + ":" + ws(r) + timestamp(r));
    m.add(key("p", r) + ":" + ws(r) + (r.nextInt(10) + 1) + "." + r.nextInt(100));
    m.add(key("s", r) + ":" + ws(r) + r.nextInt(10_000));
    m.add(key("x", r) + ":" + ws(r) + "\"C\"");
    Collections.shuffle(m, order(r));
    return object(m, r);
  }

  private static String bar(SplittableRandom r) {
    double low = 1 + r.nextInt(100) / 4.0;
    double high = low + r.nextInt(100) / 8.0;
    double open = low + (high - low) * r.nextInt(5) / 4.0;
    double close = low + (high - low) * r.nextInt(5) / 4.0;
    List<String> m = new ArrayList<>();
    m.add(key("t", r) + ":" + ws(r) + timestamp(r));
    m.add(key("o", r) + ":" + ws(r) + open);
    m.add(key("h", r) + ":" + ws(r) + high);
    m.add(key("l", r) + ":" + ws(r) + low);
    m.add(key("c", r) + ":" + ws(r) + close);
    m.add(key("v", r) + ":" + ws(r) + r.nextLong(1_000_000_000_000L));
    m.add(key("n", r) + ":" + ws(r) + r.nextInt(1000));
    if (r.nextBoolean()) {
      m.add(key("vw", r) + ":" + ws(r) + price(r));
    }
    Collections.shuffle(m, order(r));
    return object(m, r);
  }

  private static String price(SplittableRandom r) {
    return switch (r.nextInt(4)) {
      case 0 -> "0";
      case 1 -> Integer.toString(r.nextInt(5000));
      case 2 -> BigDecimal.valueOf(r.nextInt(1_000_000), r.nextInt(7)).toPlainString();
      default -> number(r, false).replace("-", "");
    };
  }

  /** A JSON number in one of many spellings. */
  static String number(SplittableRandom r, boolean signed) {
    String sign = signed && r.nextBoolean() ? "-" : "";
    return sign
        + switch (r.nextInt(8)) {
          case 0 -> Integer.toString(r.nextInt(100_000));
          case 1 ->
              BigDecimal.valueOf(r.nextLong(1_000_000_000_000L), r.nextInt(16)).toPlainString();
          case 2 -> Double.toString(r.nextDouble() * Math.pow(10, r.nextInt(40) - 20)); // 1.0E-5
          case 3 -> String.format(Locale.ROOT, "%.17g", r.nextDouble()).replace("+", "");
          case 4 -> r.nextInt(10) + "." + r.nextInt(10_000) + "e" + (r.nextInt(60) - 30);
          case 5 -> r.nextInt(1, 10) + "E+" + r.nextInt(30);
          case 6 -> "0." + "0".repeat(r.nextInt(30)) + r.nextLong(1, Long.MAX_VALUE);
          default -> Long.toString(r.nextLong(1, Long.MAX_VALUE)) + "." + r.nextInt(1000);
        };
  }

  private static String timestamp(SplittableRandom r) {
    Instant t =
        Instant.ofEpochSecond(1_600_000_000L + r.nextLong(400_000_000L), r.nextInt(1_000_000_000));
    String s =
        switch (r.nextInt(4)) {
          case 0 -> t.toString();
          case 1 -> t.atOffset(ZoneOffset.ofHours(-4)).toString();
          case 2 -> LocalDate.ofInstant(t, ZoneOffset.UTC).toString();
          default -> {
            String base = t.toString();
            yield base.substring(0, 19) + "." + "123456789".substring(0, 1 + r.nextInt(9)) + "Z";
          }
        };
    return "\"" + s + "\"";
  }

  private static String symbol(SplittableRandom r) {
    String[] roots = {"SPY", "AAPL", "SPXW", "AAPL1", "A", "QQQ"};
    LocalDate d = LocalDate.of(2024, 1, 1).plusDays(r.nextInt(2000));
    return String.format(
        Locale.ROOT,
        "%s%02d%02d%02d%s%08d",
        roots[r.nextInt(roots.length)],
        d.getYear() % 100,
        d.getMonthValue(),
        d.getDayOfMonth(),
        r.nextBoolean() ? "C" : "P",
        1 + r.nextInt(99_999_999));
  }

  private static String anyJson(SplittableRandom r, int depth) {
    int k = r.nextInt(depth <= 0 ? 5 : 7);
    return switch (k) {
      case 0 -> "null";
      case 1 -> r.nextBoolean() ? "true" : "false";
      case 2 -> number(r, true);
      case 3 -> "\"s\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9 é €\"";
      case 4 -> "\"" + r.nextInt() + "\"";
      case 5 -> {
        List<String> items = new ArrayList<>();
        for (int i = r.nextInt(4); i > 0; i--) {
          items.add(ws(r) + anyJson(r, depth - 1) + ws(r));
        }
        yield "[" + String.join(",", items) + "]";
      }
      default -> {
        List<String> items = new ArrayList<>();
        for (int i = r.nextInt(4); i > 0; i--) {
          items.add(key("k" + i, r) + ":" + ws(r) + anyJson(r, depth - 1));
        }
        yield object(items, r);
      }
    };
  }

  /** A quoted field name, sometimes with an escaped character (same name after decoding). */
  private static String key(String name, SplittableRandom r) {
    if (r.nextInt(25) == 0) {
      int at = r.nextInt(name.length());
      return "\""
          + name.substring(0, at)
          + String.format(Locale.ROOT, "\\u%04x", (int) name.charAt(at))
          + name.substring(at + 1)
          + "\"";
    }
    return "\"" + name + "\"";
  }

  private static String object(List<String> members, SplittableRandom r) {
    StringBuilder sb = new StringBuilder("{").append(ws(r));
    for (int k = 0; k < members.size(); k++) {
      if (k > 0) {
        sb.append(',').append(ws(r));
      }
      sb.append(members.get(k)).append(ws(r));
    }
    return sb.append('}').toString();
  }

  private static String ws(SplittableRandom r) {
    int k = r.nextInt(12);
    if (compact) {
      return "";
    }
    return switch (k) {
      case 0 -> " ";
      case 1 -> "\n  ";
      case 2 -> "\t\r\n";
      default -> "";
    };
  }

  static byte[] corrupt(byte[] page, SplittableRandom r) {
    byte[] out = page.clone();
    if (out.length == 0) {
      return out;
    }
    int at = r.nextInt(out.length);
    String junk = "{}[]:,\"\\-+.eE0123456789ntfx \u0001";
    switch (r.nextInt(5)) {
      case 0 -> {
        return java.util.Arrays.copyOf(out, at);
      }
      case 1 -> out[at] = (byte) junk.charAt(r.nextInt(junk.length()));
      case 2 -> {
        byte[] shorter = new byte[out.length - 1];
        System.arraycopy(out, 0, shorter, 0, at);
        System.arraycopy(out, at + 1, shorter, at, out.length - at - 1);
        return shorter;
      }
      case 3 -> {
        byte[] longer = new byte[out.length + 1];
        System.arraycopy(out, 0, longer, 0, at);
        longer[at] = (byte) junk.charAt(r.nextInt(junk.length()));
        System.arraycopy(out, at, longer, at + 1, out.length - at);
        return longer;
      }
      default -> out[at] = (byte) r.nextInt(256);
    }
    return out;
  }
}
