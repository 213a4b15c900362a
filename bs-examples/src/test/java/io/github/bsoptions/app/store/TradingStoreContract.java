package io.github.bsoptions.app.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link TradingStore} must have; subclasses supply a fresh store. */
abstract class TradingStoreContract {
  static final Instant T0 = Instant.parse("2026-03-02T14:30:00.123456Z");

  abstract TradingStore store();

  private static StoredOrder order(String id, String status, double limit) {
    return new StoredOrder(
        id, T0, T0, "SPY260320C00500000", "BUY", 2, "LIMIT", limit, status, "paper", "ntm");
  }

  @Test
  void ordersRoundTripAndStatusUpdates() {
    TradingStore s = store();
    s.saveOrder(order("c-1", "NEW", 3.25));
    s.saveOrder(order("c-2", "NEW", Double.NaN));
    s.updateOrderStatus("c-1", "FILLED", T0.plusSeconds(1));
    assertThat(s.order("c-1"))
        .get()
        .satisfies(
            o -> {
              assertThat(o.status()).isEqualTo("FILLED");
              assertThat(o.updatedAt()).isEqualTo(T0.plusSeconds(1));
              assertThat(o.createdAt()).isEqualTo(T0);
              assertThat(o.limitPrice()).isEqualTo(3.25);
            });
    assertThat(s.order("c-2")).get().satisfies(o -> assertThat(o.limitPrice()).isNaN());
    assertThat(s.order("nope")).isEmpty();
    assertThat(s.orders()).extracting(StoredOrder::clientOrderId).containsExactly("c-1", "c-2");
    s.saveOrder(order("c-2", "CANCELED", 1.5));
    assertThat(s.order("c-2")).get().satisfies(o -> assertThat(o.status()).isEqualTo("CANCELED"));
    assertThatThrownBy(() -> s.updateOrderStatus("missing", "FILLED", T0))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("missing");
  }

  @Test
  void fillsAreDeduplicatedByFillId() {
    TradingStore s = store();
    s.saveOrder(order("c-1", "NEW", 3.25));
    StoredFill f1 =
        new StoredFill("f-1", "c-1", T0.plusMillis(5), "SPY260320C00500000", "BUY", 1, 3.2, 0.65);
    StoredFill f2 =
        new StoredFill("f-2", "c-1", T0.plusMillis(9), "SPY260320C00500000", "BUY", 1, 3.25, 0.65);
    s.saveFill(f1);
    s.saveFill(f2);
    s.saveFill(f1);
    assertThat(s.fills("c-1")).containsExactly(f1, f2);
    assertThat(s.fills()).hasSize(2);
  }

  @Test
  void fillForUnknownOrderIsRefusedByTheDatabase() {
    TradingStore s = store();
    StoredFill f = new StoredFill("f-x", "ghost", T0, "SPY", "BUY", 1, 1, 0);
    assertThatThrownBy(() -> s.saveFill(f)).isInstanceOf(StoreException.class);
  }

  @Test
  void positionsUpsert() {
    TradingStore s = store();
    s.savePosition(new StoredPosition("SPY", 10, 500.5, 0, T0));
    s.savePosition(new StoredPosition("QQQ", -3, 400, 12.5, T0));
    s.savePosition(new StoredPosition("SPY", 4, 500.5, 30, T0.plusSeconds(60)));
    assertThat(s.positions())
        .containsExactly(
            new StoredPosition("QQQ", -3, 400, 12.5, T0),
            new StoredPosition("SPY", 4, 500.5, 30, T0.plusSeconds(60)));
  }

  @Test
  void signalsNewestFirstWithLimit() {
    TradingStore s = store();
    for (int i = 0; i < 5; i++) {
      s.saveSignal(
          new StoredSignal(
              T0.plusSeconds(i),
              "SPY",
              "ntm",
              i % 2 == 0 ? "LONG" : "SHORT",
              0.1 * i,
              i == 0 ? Double.NaN : 0.5,
              "score " + i));
    }
    List<StoredSignal> latest = s.latestSignals(3);
    assertThat(latest)
        .extracting(StoredSignal::details)
        .containsExactly("score 4", "score 3", "score 2");
    assertThat(s.latestSignals(10).get(4).probability()).isNaN();
  }

  @Test
  void forecastsKeepAbsentRealizedVol() {
    TradingStore s = store();
    StoredForecast a = new StoredForecast(T0, "SPY", "garch", "v3", 5, 0.18, Double.NaN);
    StoredForecast b =
        new StoredForecast(T0.plusSeconds(86400), "SPY", "garch", "v4", 5, 0.2, 0.17);
    s.saveForecast(a);
    s.saveForecast(b);
    List<StoredForecast> got = s.forecasts();
    assertThat(got.get(0).realizedVol()).isNaN();
    assertThat(got.get(1)).isEqualTo(b);
  }

  @Test
  void pnlAndQuoteSeriesByTimeRange() {
    TradingStore s = store();
    for (int i = 0; i < 4; i++) {
      s.writePnl(
          new PnlSnapshot(
              T0.plusSeconds(60L * i), 100_000 + i, 90_000, i, 0.5 * i, 10, 0.2, -5, -1));
    }
    assertThat(s.pnl(T0.plusSeconds(60), T0.plusSeconds(180)))
        .extracting(PnlSnapshot::equity)
        .containsExactly(100_001.0, 100_002.0);
    List<QuotePoint> pts = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      pts.add(
          new QuotePoint(
              T0.plus(i, ChronoUnit.MILLIS),
              "SPY C500",
              3.1,
              3.3,
              500 + i * 0.01,
              i == 7 ? Double.NaN : 0.2,
              0.5,
              0.01,
              0.3,
              -0.05));
    }
    s.writeQuotes(pts);
    List<QuotePoint> got = s.quotes("SPY C500", T0, T0.plusSeconds(1));
    assertThat(got).hasSize(100);
    assertThat(got.get(7).impliedVol()).isNaN();
    assertThat(got.get(99)).isEqualTo(pts.get(99));
    assertThat(s.quotes("OTHER", T0, T0.plusSeconds(1))).isEmpty();
  }

  @Test
  void aFailedBatchWritesNothing() {
    TradingStore s = store();
    QuotePoint p = new QuotePoint(T0, "DUP", 1, 2, 3, 0.2, 0.5, 0.1, 0.1, -0.1);
    assertThatThrownBy(() -> s.writeQuotes(List.of(p, p))).isInstanceOf(StoreException.class);
    assertThat(s.quotes("DUP", T0, T0.plusSeconds(1))).isEmpty();
    s.writeQuotes(List.of(p));
    assertThat(s.quotes("DUP", T0, T0.plusSeconds(1))).containsExactly(p);
  }

  @Test
  void badRecordsNameTheField() {
    assertThatThrownBy(() -> order("", "NEW", 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("clientOrderId");
    assertThatThrownBy(() -> new PnlSnapshot(T0, Double.NaN, 0, 0, 0, 0, 0, 0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("equity");
  }
}
