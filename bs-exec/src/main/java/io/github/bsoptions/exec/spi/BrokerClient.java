package io.github.bsoptions.exec.spi;

import io.github.bsoptions.exec.order.Account;
import io.github.bsoptions.exec.order.BrokerOrder;
import io.github.bsoptions.exec.order.Fill;
import io.github.bsoptions.exec.order.OrderRequest;
import io.github.bsoptions.exec.order.Position;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A broker: order entry, queries and the order-update stream.
 *
 * <p>Contract: {@link #submit} sends at most once and never retries by itself, at any layer; it
 * returns {@link Outcome.Confirmed}, {@link Outcome.Refused} or {@link Outcome.Unknown} and never
 * throws for broker or transport failures. Query methods throw {@link BrokerException}.
 */
public interface BrokerClient extends AutoCloseable {

  /** Returns the broker's name (e.g. {@code paper}, {@code alpaca-paper}). */
  String name();

  /** Returns what this broker supports. */
  Set<BrokerCapability> capabilities();

  /** Returns how the broker treats a repeated client order id. */
  Idempotency idempotency();

  /** Sends the order once. */
  Outcome submit(OrderRequest order);

  /**
   * Requests cancellation; safe to repeat. Returns the order as the broker reports it after the
   * request (usually {@code PENDING_CANCEL} or {@code CANCELED}).
   */
  BrokerOrder cancel(String brokerOrderId);

  /**
   * Replaces a working order with {@code replacement} (new client order id, new quantity and/or
   * limit). Same contract as {@link #submit}: sends once, ambiguous failures are {@link
   * Outcome.Unknown}.
   */
  Outcome replace(String brokerOrderId, OrderRequest replacement);

  /** Returns the order by broker id. */
  BrokerOrder order(String brokerOrderId);

  /**
   * Returns the order by client order id, or empty when the broker answers that it has none (proven
   * absent at the time of the query).
   */
  Optional<BrokerOrder> findByClientOrderId(String clientOrderId);

  /** Returns orders; {@code openOnly} limits to working orders. */
  List<BrokerOrder> orders(boolean openOnly);

  /** Returns every position. A symbol that is absent means the broker did not report it. */
  List<Position> positions();

  /** Returns account figures. */
  Account account();

  /** Returns fills at or after {@code since}, oldest first. */
  List<Fill> fills(Instant since);

  /** Subscribes to order updates; close the returned handle to stop. */
  AutoCloseable subscribe(OrderUpdateListener listener);

  /** Releases connections. */
  @Override
  void close();
}
