package io.github.bsoptions.app.web;

import io.github.bsoptions.app.store.PnlSnapshot;
import io.github.bsoptions.app.store.StoredPosition;
import io.github.bsoptions.app.store.StoredSignal;
import io.github.bsoptions.app.store.TradingStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Publishes what a {@link TradingStore} holds (positions, the P&amp;L curve, the latest signals) to
 * a {@link DashboardState}: the dashboard of a past or concurrent run. Positions carry no greeks
 * here (NaN): the store keeps quantities and prices, not market data.
 */
public final class StoreFeed {
  private final TradingStore store;
  private final DashboardState state;
  private Instant lastPnl = Instant.EPOCH;
  private PnlSnapshot last;

  /** Creates a feed from {@code store} into {@code state}. */
  public StoreFeed(TradingStore store, DashboardState state) {
    this.store = store;
    this.state = state;
  }

  /** Publishes everything new since the previous call; returns the number of new P&amp;L points. */
  public int refresh(Instant now) {
    List<Views.Position> pos = new ArrayList<>();
    for (StoredPosition p : store.positions()) {
      pos.add(
          new Views.Position(
              p.symbol(),
              p.quantity(),
              p.averagePrice(),
              Double.NaN,
              Double.NaN,
              Double.NaN,
              Double.NaN,
              Double.NaN,
              Double.NaN));
    }
    List<PnlSnapshot> pnl = store.pnl(lastPnl, now.plusMillis(1));
    if (!pnl.isEmpty()) {
      last = pnl.get(pnl.size() - 1);
    }
    state.publishPortfolio(
        new Views.Portfolio(
            now.toEpochMilli(),
            pos,
            last == null ? Double.NaN : last.netDelta(),
            last == null ? Double.NaN : last.netGamma(),
            last == null ? Double.NaN : last.netVega(),
            last == null ? Double.NaN : last.netTheta()));
    for (PnlSnapshot s : pnl) {
      state.appendEquity(
          new Views.EquityPoint(
              s.takenAt().toEpochMilli(), s.equity(), s.realized(), s.unrealized()));
    }
    if (!pnl.isEmpty()) {
      lastPnl = last.takenAt().plusNanos(1000);
    }
    List<Views.Signal> sig = new ArrayList<>();
    for (StoredSignal s : store.latestSignals(50)) {
      sig.add(
          new Views.Signal(
              s.createdAt().toEpochMilli(),
              s.symbol(),
              s.strategy(),
              s.direction(),
              s.score(),
              s.probability(),
              s.details()));
    }
    state.publishSignals(sig);
    return pnl.size();
  }
}
