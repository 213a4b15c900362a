package io.github.bsoptions.app.cli;

import static io.github.bsoptions.app.cli.ChainCommandTest.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.bsoptions.app.loop.PersistentPaperBrokerTest;
import io.github.bsoptions.app.store.JdbcTradingStore;
import io.github.bsoptions.data.MarketDataProviders;
import io.github.bsoptions.data.model.OptionChainQuery;
import io.github.bsoptions.data.model.OptionSnapshot;
import io.github.bsoptions.data.model.Quote;
import io.github.bsoptions.data.spi.MarketDataProvider;
import io.github.bsoptions.exec.journal.EntryType;
import io.github.bsoptions.exec.journal.JdbcJournal;
import io.github.bsoptions.exec.journal.Journal;
import io.github.bsoptions.exec.journal.JournalRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrderCommandsTest {
  @TempDir Path dir;

  /** A near-the-money SPY call with a two-sided quote in the default simulated market. */
  static Quote nearTheMoneyCall() throws Exception {
    try (MarketDataProvider m = MarketDataProviders.create("simulated", Map.of())) {
      double spot = m.latestStockTrade("SPY").price();
      return m.optionChain(OptionChainQuery.all("SPY")).options().stream()
          .filter(s -> s.symbol().contains("C"))
          .filter(s -> s.quote().isPresent() && s.quote().get().isTwoSided())
          .filter(s -> s.quote().get().askSize() > 0)
          .min(
              java.util.Comparator.comparingDouble(
                  (OptionSnapshot s) -> Math.abs(s.contract().strike() - spot)))
          .orElseThrow()
          .quote()
          .get();
    }
  }

  private String[] trade(String... args) {
    String[] all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--state-dir";
    all[args.length + 1] = dir.toString();
    return run(all);
  }

  /** Buys one of {@code symbol} with a limit order ({@code extra}: more order options). */
  private String[] limitBuy(String symbol, String limitPrice, String... extra) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "order",
                "--symbol",
                symbol,
                "--side",
                "buy",
                "--qty",
                "1",
                "--type",
                "limit",
                "--limit-price",
                limitPrice));
    args.addAll(List.of(extra));
    return trade(args.toArray(String[]::new));
  }

  private static String clientId(String output) {
    List<String> lines = output.lines().toList();
    assertThat(lines).hasSizeGreaterThanOrEqualTo(2);
    return lines.get(1).trim().split("\\s+")[1];
  }

  @Test
  void paperOrdersFillPersistAndCancelAcrossInvocations() throws Exception {
    Quote q = nearTheMoneyCall();
    String sym = q.symbol();
    String[] filled = limitBuy(sym, String.valueOf(Math.round((q.ask() + 0.05) * 100) / 100.0));
    assertThat(filled[0]).as(filled[2]).isEqualTo("0");
    assertThat(filled[1].lines().toList().get(1).trim().split("\\s+")).contains(sym, "filled");
    String filledId = clientId(filled[1]);
    assertThat(Files.isDirectory(dir.resolve("journal-db"))).isTrue();
    assertThat(Files.exists(dir.resolve("paper-broker.log"))).isTrue();

    // a second process: the broker state is recovered and the engine reconciles cleanly
    String[] positions = trade("positions");
    assertThat(positions[0]).as(positions[2]).isEqualTo("0");
    assertThat(positions[1].lines().toList()).hasSize(2);
    assertThat(positions[1].lines().toList().get(1).trim().split("\\s+")).startsWith(sym, "1");
    String[] orders = trade("orders");
    assertThat(orders[0]).as(orders[2]).isEqualTo("0");
    assertThat(orders[1]).contains(filledId).contains("filled");

    // a resting order, cancelled by a later invocation
    String[] resting = limitBuy(sym, "0.01", "--tif", "gtc");
    assertThat(resting[0]).as(resting[2]).isEqualTo("0");
    String restingId = clientId(resting[1]);
    assertThat(restingId).isNotEqualTo(filledId);
    assertThat(resting[1].lines().toList().get(1).trim().split("\\s+")[3])
        .isIn("new", "accepted", "pending_new");
    String[] open = trade("orders", "--open");
    assertThat(open[1]).contains(restingId).doesNotContain(filledId);
    String[] cancel = trade("cancel", restingId);
    assertThat(cancel[0]).as(cancel[2]).isEqualTo("0");
    assertThat(cancel[1]).contains(restingId).contains("cancel");
    String[] after = trade("orders", "--open");
    assertThat(after[0]).as(after[2]).isEqualTo("0");
    assertThat(after[1].lines().toList()).hasSize(1);
    assertThat(trade("positions")[1]).contains(sym);
    String[] again = trade("cancel", restingId);
    assertThat(again[0]).isNotEqualTo("0");
  }

  @Test
  void stockMarketOrderAndBadInput() {
    String[] r = trade("order", "--symbol", "SPY", "--side", "buy", "--qty", "10");
    assertThat(r[0]).as(r[2]).isEqualTo("0");
    assertThat(r[1]).contains("SPY").contains("filled");
    assertThat(trade("positions")[1]).contains("SPY");
    String[] noPrice =
        trade("order", "--symbol", "SPY", "--side", "buy", "--qty", "1", "--type", "limit");
    assertThat(noPrice[0]).isEqualTo("2");
    assertThat(noPrice[2]).contains("--limit-price");
    String[] badSide = trade("order", "--symbol", "SPY", "--side", "hold", "--qty", "1");
    assertThat(badSide[0]).isEqualTo("2");
    String[] unknownId = trade("cancel", "nosuch");
    assertThat(unknownId[0]).isEqualTo("2");
  }

  @Test
  void liveBrokerNeedsTheConfirmationFlag() {
    String[] r =
        trade(
            "order",
            "--broker",
            "alpaca-live",
            "--symbol",
            "SPY",
            "--side",
            "buy",
            "--qty",
            "1",
            "--set",
            "APCA_API_KEY_ID=PKTEST",
            "--set",
            "APCA_API_SECRET_KEY=secret");
    assertThat(r[0]).isEqualTo("2");
    assertThat(r[2]).contains("--confirm-live");
    assertThat(Files.exists(dir.resolve("journal-db"))).isFalse();
  }

  @Test
  void alpacaWithoutKeysNamesTheVariable() {
    assumeTrue(System.getenv("APCA_API_KEY_ID") == null);
    String[] r = trade("orders", "--broker", "alpaca-paper");
    assertThat(r[0]).isEqualTo("2");
    assertThat(r[2]).contains("APCA_API_KEY_ID");
  }

  /** A file journal of an earlier version is imported once into the database journal. */
  @Test
  void legacyFileJournalIsImported() throws Exception {
    String[] r = trade("order", "--symbol", "SPY", "--side", "buy", "--qty", "7");
    assertThat(r[0]).as(r[2]).isEqualTo("0");
    String id = clientId(r[1]);
    // turn the state into what the file-journal version left behind
    try (Journal file =
        Journal.open(dir.resolve("paper.journal"), Journal.Durability.FSYNC, "cli")) {
      moveJournalInto(file);
    }
    String[] orders = trade("orders");
    assertThat(orders[0]).as(orders[2]).isEqualTo("0");
    assertThat(orders[1]).contains(id).contains("filled");
    assertThat(Files.exists(dir.resolve("paper.journal"))).isFalse();
    assertThat(Files.exists(dir.resolve("paper.journal.imported"))).isTrue();
    String[] positions = trade("positions");
    assertThat(positions[0]).as(positions[2]).isEqualTo("0");
    assertThat(positions[1]).contains("SPY");
    // the next order continues the imported id sequence
    String[] next = trade("order", "--symbol", "SPY", "--side", "sell", "--qty", "2");
    assertThat(next[0]).as(next[2]).isEqualTo("0");
    assertThat(clientId(next[1])).isNotEqualTo(id);
  }

  /** The embedded H2 journal of an earlier version is copied once into the HSQLDB journal. */
  @Test
  void h2JournalOfEarlierVersionIsImported() throws Exception {
    String[] r = trade("order", "--symbol", "SPY", "--side", "buy", "--qty", "3");
    assertThat(r[0]).as(r[2]).isEqualTo("0");
    String id = clientId(r[1]);
    // turn the state into what the H2-journal version left behind
    try (JdbcJournal h2 =
        JdbcJournal.open(
            io.github.bsoptions.app.store.DataSources.of(
                JdbcTradingStore.embeddedUrl(dir.resolve("journal")), "", ""),
            "paper",
            "cli")) {
      moveJournalInto(h2);
    }
    String[] orders = trade("orders");
    assertThat(orders[0]).as(orders[2]).isEqualTo("0");
    assertThat(orders[1]).contains(id).contains("filled");
    assertThat(Files.exists(dir.resolve("journal.mv.db"))).isTrue();
    // the next order continues the imported id sequence, and the copy is not made twice
    String[] next = trade("order", "--symbol", "SPY", "--side", "sell", "--qty", "1");
    assertThat(next[0]).as(next[2]).isEqualTo("0");
    assertThat(clientId(next[1])).isNotEqualTo(id);
    String[] again = trade("orders");
    assertThat(again[0]).as(again[2]).isEqualTo("0");
    assertThat(again[1].lines().filter(l -> l.contains(id)).count()).isEqualTo(1);
  }

  /**
   * Moves the paper journal's records out of the embedded HSQLDB journal into {@code older}, an
   * earlier version's journal, and deletes the HSQLDB database.
   */
  private void moveJournalInto(io.github.bsoptions.exec.journal.JournalStore older)
      throws java.io.IOException {
    String url = JdbcTradingStore.embeddedJournalUrl(TradingSession.embeddedJournal(dir));
    try (JdbcJournal db =
        JdbcJournal.open(
            io.github.bsoptions.app.store.DataSources.of(url, "", ""), "paper", "cli")) {
      for (JournalRecord rec : db.readAll()) {
        if (rec.type() != EntryType.HEADER) {
          older.append(rec.type(), rec.clientOrderId(), rec.fields());
        }
      }
    }
    deleteTree(dir.resolve("journal-db"));
  }

  private static void deleteTree(java.nio.file.Path root) throws java.io.IOException {
    try (java.util.stream.Stream<java.nio.file.Path> s = Files.walk(root)) {
      for (java.nio.file.Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /**
   * A paper account log of the earlier request-only format (no header, times or quotes) is
   * converted once into the event log that bs run also keeps; the engine reconciles cleanly.
   */
  @Test
  void earlierPaperBrokerLogIsConverted() throws Exception {
    String[] r = trade("order", "--symbol", "SPY", "--side", "buy", "--qty", "7");
    assertThat(r[0]).as(r[2]).isEqualTo("0");
    String[] resting = limitBuy("SPY", "1", "--tif", "gtc");
    assertThat(resting[0]).as(resting[2]).isEqualTo("0");
    String restingId = clientId(resting[1]);
    // turn the log into what the earlier version wrote: requests only
    Path log = dir.resolve("paper-broker.log");
    PersistentPaperBrokerTest.toEarlierFormat(log);
    String[] positions = trade("positions");
    assertThat(positions[0]).as(positions[2]).isEqualTo("0");
    assertThat(positions[1]).contains("SPY");
    assertThat(Files.readAllLines(dir.resolve("paper-broker.log.legacy"))).hasSize(2);
    assertThat(Files.readAllLines(log).get(0)).contains("\"op\":\"open\"");
    String[] cancel = trade("cancel", restingId);
    assertThat(cancel[0]).as(cancel[2]).isEqualTo("0");
    String[] open = trade("orders", "--open");
    assertThat(open[0]).as(open[2]).isEqualTo("0");
    assertThat(open[1].lines().toList()).hasSize(1);
  }
}
