package io.github.bsoptions.app.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The app's repository layer: orders, fills, positions, signals, forecasts, P&amp;L snapshots and
 * quote/greek time series. Every write is durable when the method returns (auto-commit, or one
 * transaction per batch). Implementations are thread-safe.
 */
public interface TradingStore extends TimeSeriesSink {
  /** Inserts an order or replaces the one with the same client order id. */
  void saveOrder(StoredOrder order);

  /**
   * Sets an order's status.
   *
   * @throws StoreException when no order has that id
   */
  void updateOrderStatus(String clientOrderId, String status, Instant at);

  /** Returns the order with that client order id. */
  Optional<StoredOrder> order(String clientOrderId);

  /** Returns every order, oldest first. */
  List<StoredOrder> orders();

  /** Inserts a fill; a fill id seen before is ignored (fills may be reported twice). */
  void saveFill(StoredFill fill);

  /** Returns the fills of one order, oldest first. */
  List<StoredFill> fills(String clientOrderId);

  /** Returns every fill, oldest first. */
  List<StoredFill> fills();

  /** Inserts or replaces the position of its symbol. */
  void savePosition(StoredPosition position);

  /** Returns every position, by symbol. */
  List<StoredPosition> positions();

  /** Appends a signal. */
  void saveSignal(StoredSignal signal);

  /** Returns the latest signals, newest first, at most {@code limit}. */
  List<StoredSignal> latestSignals(int limit);

  /** Appends a forecast. */
  void saveForecast(StoredForecast forecast);

  /** Returns every forecast, oldest first. */
  List<StoredForecast> forecasts();

  /** Returns P&amp;L snapshots in {@code [from, to)}, oldest first. */
  List<PnlSnapshot> pnl(Instant from, Instant to);

  /** Returns the quote series of one symbol in {@code [from, to)}, oldest first. */
  List<QuotePoint> quotes(String symbol, Instant from, Instant to);

  /** Returns a short description of the database (product and URL without credentials). */
  String describe();

  /** Closes the connection. */
  @Override
  void close();
}
