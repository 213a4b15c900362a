package io.github.bsoptions.app.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.bsoptions.data.model.Quote;
import io.github.bsoptions.exec.order.OrderRequest;
import io.github.bsoptions.exec.order.OrderStatus;
import io.github.bsoptions.exec.order.Side;
import io.github.bsoptions.exec.paper.FillModel;
import io.github.bsoptions.exec.spi.BrokerException;
import io.github.bsoptions.exec.spi.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The paper account rebuilt from its log is the account that wrote it. */
public class PersistentPaperBrokerTest {
  @TempDir Path dir;

  static final String CALL = "SPY260220C00505000";
  static final String PUT = "SPY260220P00495000";

  final Map<String, Quote> quotes = new HashMap<>();
  final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-05T14:30:00Z"));

  void quote(String symbol, double bid, double ask, long size) {
    quotes.put(symbol, new Quote(symbol, bid, ask, size, size, now.get()));
  }

  PersistentPaperBroker open(double cash) throws Exception {
    return PersistentPaperBroker.open(
        dir.resolve("paper-broker.log"),
        "paper",
        quotes::get,
        new FillModel(0.01, 0.65, 1.0, true, 100),
        now::get,
        cash);
  }

  @Test
  void reopeningRebuildsOrdersFillsPositionsAndCash() throws Exception {
    String before;
    try (PersistentPaperBroker b = open(100_000)) {
      quote(CALL, 4.00, 4.20, 3);
      quote(PUT, 2.00, 2.10, 10);
      // partly filled by displayed size (3 of 5), the rest rests
      Outcome o = b.submit(OrderRequest.limit("c-1", CALL, Side.BUY, 5, 4.25));
      assertThat(o).isInstanceOf(Outcome.Confirmed.class);
      // rests: not marketable
      b.submit(OrderRequest.limit("c-2", PUT, Side.SELL, 4, 2.50));
      // refused: the same client order id again (logged, replayed to the same refusal)
      assertThat(b.submit(OrderRequest.limit("c-1", PUT, Side.BUY, 1, 2.2)))
          .isInstanceOf(Outcome.Refused.class);
      now.set(now.get().plusSeconds(300));
      quote(CALL, 4.05, 4.15, 10); // a new quote: the rest of c-1 fills on matchAll
      quote(PUT, 2.55, 2.60, 2); // c-2 becomes marketable for 2
      b.matchAll();
      now.set(now.get().plusSeconds(300));
      b.cancel(b.findByClientOrderId("c-2").orElseThrow().brokerOrderId());
      b.submit(OrderRequest.limit("c-3", CALL, Side.SELL, 1, 5.00)); // rests
      b.endOfDay(); // c-3 (DAY) expires
      before = describe(b);
      assertThat(b.findByClientOrderId("c-1").orElseThrow().status()).isEqualTo(OrderStatus.FILLED);
      assertThat(b.findByClientOrderId("c-3").orElseThrow().status())
          .isEqualTo(OrderStatus.EXPIRED);
      assertThat(b.positions()).hasSize(2);
    }
    // other live quotes and cash now: the log's own are used
    quotes.clear();
    now.set(Instant.parse("2026-01-09T15:00:00Z"));
    try (PersistentPaperBroker b = open(1)) {
      assertThat(b.replayedOperations()).isEqualTo(7);
      assertThat(describe(b)).isEqualTo(before);
      // new work continues the broker's id sequence and is logged too
      quote(PUT, 2.40, 2.45, 10);
      Outcome o = b.submit(OrderRequest.limit("c-4", PUT, Side.BUY, 1, 2.50));
      assertThat(((Outcome.Confirmed) o).order().brokerOrderId()).isEqualTo("paper-4");
      before = describe(b);
    }
    quotes.clear();
    try (PersistentPaperBroker b = open(1)) {
      assertThat(describe(b)).isEqualTo(before);
    }
    assertThat(Files.readAllLines(dir.resolve("paper-broker.log"))).hasSize(9);
  }

  @Test
  void aTornLastLineIsIgnored() throws Exception {
    try (PersistentPaperBroker b = open(100_000)) {
      quote(CALL, 4.00, 4.20, 10);
      b.submit(OrderRequest.limit("c-1", CALL, Side.BUY, 2, 4.25));
    }
    Files.writeString(
        dir.resolve("paper-broker.log"),
        "{\"op\":\"submit\",\"at\":\"2026-",
        java.nio.file.StandardOpenOption.APPEND);
    try (PersistentPaperBroker b = open(100_000)) {
      assertThat(b.replayedOperations()).isEqualTo(1);
      assertThat(b.positions()).singleElement().extracting(p -> p.qty()).isEqualTo(2L);
    }
  }

  @Test
  void unlimitedCashSurvivesTheHeader() throws Exception {
    try (PersistentPaperBroker b = open(Double.POSITIVE_INFINITY)) {
      quote(CALL, 4.00, 4.20, 10);
      b.submit(OrderRequest.limit("c-1", CALL, Side.BUY, 2, 4.25));
    }
    try (PersistentPaperBroker b = open(1)) {
      assertThat(b.account().cash()).isInfinite();
      quote(CALL, 4.00, 4.20, 10);
      assertThat(b.submit(OrderRequest.limit("c-2", CALL, Side.BUY, 1_000, 4.25)))
          .isInstanceOf(Outcome.Confirmed.class);
    }
  }

  @Test
  void updatesReachSubscribersOnlyOnceTheOperationIsLogged() throws Exception {
    Path log = dir.resolve("paper-broker.log");
    List<String> seen = new ArrayList<>();
    try (PersistentPaperBroker b = open(100_000)) {
      quote(CALL, 4.00, 4.20, 10);
      b.subscribe(
          u -> {
            try {
              List<String> lines = Files.readAllLines(log);
              seen.add(u.order().clientOrderId() + " " + lines.get(lines.size() - 1));
            } catch (java.io.IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          });
      b.submit(OrderRequest.limit("c-1", CALL, Side.BUY, 2, 4.25));
      b.submit(OrderRequest.limit("c-2", CALL, Side.BUY, 2, 3.00));
      b.cancel(b.findByClientOrderId("c-2").orElseThrow().brokerOrderId());
    }
    // each update found its own operation's line already written: the fill and acceptance of c-1
    // after the c-1 line, c-2's acceptance after its line, its cancellation after the cancel line
    assertThat(seen).isNotEmpty();
    assertThat(seen.get(0)).startsWith("c-1 ").contains("\"op\":\"submit\"", "\"c-1\"");
    assertThat(seen.get(seen.size() - 1)).startsWith("c-2 ").contains("\"op\":\"cancel\"");
    for (String s : seen) {
      String cid = s.substring(0, s.indexOf(' '));
      assertThat(s.contains("\"clientOrderId\":\"" + cid + "\"") || s.contains("\"op\":\"cancel\""))
          .as(s)
          .isTrue();
    }
  }

  @Test
  void aMalformedCompleteLineIsRefusedNamingTheFile() throws Exception {
    try (PersistentPaperBroker b = open(100_000)) {
      quote(CALL, 4.00, 4.20, 10);
      b.submit(OrderRequest.limit("c-1", CALL, Side.BUY, 2, 4.25));
    }
    Path log = dir.resolve("paper-broker.log");
    Files.writeString(log, "{\"op\":\"sub\n", java.nio.file.StandardOpenOption.APPEND);
    assertThatThrownBy(() -> open(100_000))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(log.toString())
        .hasMessageContaining("line 3");
  }

  /** What the trading commands' request log (before it became this class) held. */
  @Test
  void anEarlierRequestOnlyLogIsConvertedOnce() throws Exception {
    Path log = dir.resolve("paper-broker.log");
    quote(CALL, 4.00, 4.20, 10);
    quote(PUT, 2.00, 2.10, 10);
    try (PersistentPaperBroker b = open(100_000)) {
      b.submit(OrderRequest.limit("c-1", CALL, Side.BUY, 2, 4.25));
      b.submit(OrderRequest.limit("c-2", PUT, Side.SELL, 3, 2.50));
      b.cancel("paper-2");
      assertThatThrownBy(() -> b.cancel("paper-2")).isInstanceOf(BrokerException.class);
      b.submit(OrderRequest.limit("c-3", PUT, Side.BUY, 1, 1.00));
    }
    String old = toEarlierFormat(log);
    String before;
    try (PersistentPaperBroker b = open(100_000)) {
      assertThat(b.replayedOperations()).isEqualTo(5);
      assertThat(b.findByClientOrderId("c-1").orElseThrow().status()).isEqualTo(OrderStatus.FILLED);
      assertThat(b.findByClientOrderId("c-2").orElseThrow().status())
          .isEqualTo(OrderStatus.CANCELED);
      assertThat(b.findByClientOrderId("c-3").orElseThrow().status()).isEqualTo(OrderStatus.NEW);
      assertThat(b.fills(Instant.EPOCH))
          .singleElement()
          .extracting(f -> f.executionId())
          .isEqualTo("paper-x1");
      before = describe(b);
    }
    assertThat(Files.readString(dir.resolve("paper-broker.log.legacy"))).isEqualTo(old);
    assertThat(Files.readAllLines(log).get(0)).contains("\"op\":\"open\"");
    assertThat(Files.exists(dir.resolve("paper-broker.log.converting"))).isFalse();
    // now in this class's format: replayed with its own quotes and times, not converted again
    quotes.clear();
    now.set(now.get().plusSeconds(3_600));
    try (PersistentPaperBroker b = open(1)) {
      assertThat(describe(b)).isEqualTo(before);
    }
  }

  /**
   * Rewrites a log of this class into the format the trading commands' request log had before they
   * used this class: the same request lines without the header, times and quotes.
   *
   * @return the rewritten content
   */
  public static String toEarlierFormat(Path log) throws java.io.IOException {
    ObjectMapper json = new ObjectMapper();
    StringBuilder old = new StringBuilder();
    for (String line : Files.readAllLines(log)) {
      ObjectNode n = (ObjectNode) json.readTree(line);
      if (!n.path("op").asText().equals("open")) {
        n.remove(List.of("at", "quotes"));
        old.append(n).append('\n');
      }
    }
    Files.writeString(log, old);
    return old.toString();
  }

  private static String describe(PersistentPaperBroker b) {
    return b.orders(false)
        + "\n"
        + b.fills(Instant.EPOCH)
        + "\n"
        + b.positions()
        + "\n"
        + b.account();
  }
}
