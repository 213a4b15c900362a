package io.github.bsoptions.data.alpaca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import io.github.bsoptions.data.model.OptionSnapshot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The chain page parser cut into parts on the fork-join pool (forced with tiny parts here) against
 * the same parser in one thread: the same snapshots in the same order, the same next page token,
 * and for a bad page the same exception with the same message, nothing added.
 */
class ChainPageParserSplitTest {

  /** The outcome of one parse: the token and snapshots in insertion order, or the error. */
  private record Outcome(String next, List<Map.Entry<String, OptionSnapshot>> rows, String error) {}

  private static Outcome parse(byte[] page, int parts, int minPartBytes) {
    Map<String, OptionSnapshot> into = new java.util.LinkedHashMap<>();
    try {
      String next = ChainPageParser.parse(page, into, parts, minPartBytes);
      return new Outcome(next, new ArrayList<>(into.entrySet()), null);
    } catch (IOException | IllegalArgumentException e) {
      assertThat(into).as("nothing added on failure").isEmpty();
      return new Outcome(null, List.of(), e.getClass().getName() + ": " + e.getMessage());
    }
  }

  @Test
  void benchmarkPageInPartsEqualsOneThread() {
    byte[] page = ChainPageParserTest.benchmarkPage(5000);
    Outcome one = parse(page, 1, 1);
    assertThat(one.error()).isNull();
    assertThat(one.rows()).hasSize(5000);
    for (int parts = 2; parts <= 6; parts++) {
      int from = "{\"snapshots\":{".length();
      assertThat(ChainPageParser.cuts(page, from, page.length, parts))
          .as("a cut per extra part")
          .hasSize(parts - 1);
      assertThat(parse(page, parts, 1)).as("%d parts", parts).isEqualTo(one);
    }
    assertThat(parse(page, ChainPageParser.MAX_PARTS, ChainPageParser.MIN_PART_BYTES))
        .isEqualTo(one);
  }

  @Test
  void consistentPagesInPartsEqualOneThread() {
    AtomicInteger split = new AtomicInteger();
    qt().withFixedSeed(20261206L)
        .withExamples(600)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              byte[] page = ChainPageParserTest.consistentPage(seed);
              int parts = 2 + (int) Math.floorMod(seed, 4L);
              if (ChainPageParser.cuts(page, 0, page.length, parts).length > 0) {
                split.incrementAndGet();
              }
              assertThat(parse(page, parts, 1)).as("seed %d", seed).isEqualTo(parse(page, 1, 1));
            });
    assertThat(split.get()).as("pages actually cut").isGreaterThan(300);
  }

  /** Corruptions anywhere, so also in later parts: the first error is the one-thread error. */
  @Test
  void corruptedPagesInPartsFailAsOneThread() {
    qt().withFixedSeed(20261207L)
        .withExamples(1_000)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              SplittableRandom r = new SplittableRandom(seed);
              byte[] page =
                  ChainPageParserTest.corrupt(ChainPageParserTest.consistentPage(seed), r);
              int parts = 2 + r.nextInt(4);
              assertThat(parse(page, parts, 1)).as("seed %d", seed).isEqualTo(parse(page, 1, 1));
            });
  }

  /** Corruptions of the big page in its second half, where a pool thread parses it. */
  @Test
  void errorsInALaterPartAreReportedAsOneThread() {
    byte[] clean = ChainPageParserTest.benchmarkPage(2000);
    SplittableRandom r = new SplittableRandom(11);
    for (int k = 0; k < 200; k++) {
      byte[] page = clean.clone();
      int at = clean.length / 2 + r.nextInt(clean.length / 2 - 30);
      page[at] = (byte) "{}[],:\"x0 -".charAt(r.nextInt(11));
      Outcome one = parse(page, 1, 1);
      assertThat(parse(page, 3, 1)).as("byte %d", at).isEqualTo(one);
    }
  }

  /**
   * Members inside a snapshot that look like a snapshot's start (an unknown member named like a
   * symbol, holding an object): the guessed cuts land inside snapshots, are disproven, and the
   * result is still the one-thread result.
   */
  @Test
  void cutsThatAreNotMemberBoundariesAreNotUsed() {
    StringBuilder sb = new StringBuilder("{\"snapshots\":{");
    for (int i = 0; i < 400; i++) {
      if (i > 0) {
        sb.append(", "); // not compact: the real boundaries are not taken for cuts
      }
      sb.append("\"SPY261218C")
          .append(String.format(java.util.Locale.ROOT, "%08d", (100 + i) * 1000))
          .append("\":{\"greeks\":{\"delta\":0.5},\"XTRA ")
          .append(i)
          .append("\":{\"v\":[1,{\"w\":2}]},\"impliedVolatility\":0.2}");
    }
    sb.append("},\"next_page_token\":\"abc\"}");
    byte[] page = sb.toString().getBytes(StandardCharsets.UTF_8);
    int[] cuts = ChainPageParser.cuts(page, 0, page.length, 5);
    String text = sb.toString();
    assertThat(cuts).isNotEmpty();
    for (int c : cuts) {
      assertThat(text.startsWith("\"XTRA", c)).as("cut at %d", c).isTrue();
    }
    Outcome one = parse(page, 1, 1);
    assertThat(one.rows()).hasSize(400);
    assertThat(one.next()).isEqualTo("abc");
    assertThat(parse(page, 5, 1)).isEqualTo(one);
  }
}
