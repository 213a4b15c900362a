package io.github.bsoptions.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.bsoptions.app.store.JdbcTradingStore;
import io.github.bsoptions.app.store.PnlSnapshot;
import io.github.bsoptions.app.store.StoredPosition;
import io.github.bsoptions.app.store.StoredSignal;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreFeedTest {
  @TempDir Path dir;

  @Test
  void publishesPositionsTheNewPnlPointsAndSignals() throws Exception {
    Instant t0 = Instant.parse("2026-03-02T15:00:00Z");
    try (JdbcTradingStore store =
        JdbcTradingStore.open(JdbcTradingStore.embeddedUrl(dir.resolve("f")), "", "")) {
      LiveDashboardState state = new LiveDashboardState();
      StoreFeed feed = new StoreFeed(store, state);
      store.savePosition(new StoredPosition("SPY", 5, 3.2, 0, t0));
      store.writePnl(new PnlSnapshot(t0, 100_000, 99_000, 0, 0, 50, 1, -20, -5));
      store.writePnl(new PnlSnapshot(t0.plusSeconds(60), 100_050, 99_000, 0, 50, 55, 1, -20, -5));
      store.saveSignal(new StoredSignal(t0, "SPY", "ntm", "LONG", 0.9, 0.6, "x"));
      assertThat(feed.refresh(t0.plusSeconds(120))).isEqualTo(2);
      store.writePnl(new PnlSnapshot(t0.plusSeconds(180), 100_080, 99_000, 0, 80, 55, 1, -20, -5));
      assertThat(feed.refresh(t0.plusSeconds(240))).isEqualTo(1);
      assertThat(feed.refresh(t0.plusSeconds(300))).isZero();
      JsonNode eq = LiveDashboardState.mapper().readTree(state.current("equity"));
      assertThat(eq).hasSize(3);
      assertThat(eq.get(2).get("equity").asDouble()).isEqualTo(100_080.0);
      JsonNode pf = LiveDashboardState.mapper().readTree(state.current("portfolio"));
      assertThat(pf.get("positions").get(0).get("symbol").asText()).isEqualTo("SPY");
      assertThat(pf.get("positions").get(0).get("delta").isNull()).isTrue();
      assertThat(pf.get("netDelta").asDouble()).isEqualTo(55.0);
      assertThat(LiveDashboardState.mapper().readTree(state.current("signals"))).hasSize(1);
    }
  }
}
