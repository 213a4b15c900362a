package io.github.bsoptions.exec.engine;

import io.github.bsoptions.exec.order.Account;
import io.github.bsoptions.exec.order.BrokerOrder;
import io.github.bsoptions.exec.order.Fill;
import io.github.bsoptions.exec.order.OrderRequest;
import io.github.bsoptions.exec.order.Position;
import io.github.bsoptions.exec.spi.BrokerCapability;
import io.github.bsoptions.exec.spi.BrokerClient;
import io.github.bsoptions.exec.spi.BrokerException;
import io.github.bsoptions.exec.spi.Idempotency;
import io.github.bsoptions.exec.spi.OrderUpdateListener;
import io.github.bsoptions.exec.spi.Outcome;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Wraps a broker and injects faults on submit and queries; counts what reached the broker. */
final class FaultyBroker implements BrokerClient {
  enum Fault {
    NONE,
    /** Nothing reaches the broker; the caller sees a definitive "never reached". */
    DOWN,
    /** Nothing reaches the broker; the caller sees a timeout (unknown). */
    TIMEOUT_BEFORE,
    /** The broker gets the order; the response is lost (unknown). */
    LOST_RESPONSE,
    /** The process dies after the intent was journalled, before sending. */
    CRASH_BEFORE_SEND,
    /** The process dies after the broker accepted, before the outcome is journalled. */
    CRASH_AFTER_SEND
  }

  /** Thrown to simulate a process kill. */
  static final class Crash extends Error {
    private static final long serialVersionUID = 1L;

    Crash() {
      super("simulated crash");
    }
  }

  final BrokerClient inner;
  final Deque<Fault> script = new ArrayDeque<>();
  final List<String> submitted = new ArrayList<>();
  boolean queriesFail;
  boolean hidePositions;

  /** Fill history reports other execution ids than the stream did (as a broker may). */
  boolean renameHistoryIds;

  int calls;
  int submits;

  FaultyBroker(BrokerClient inner) {
    this.inner = inner;
  }

  @Override
  public String name() {
    return inner.name();
  }

  @Override
  public Set<BrokerCapability> capabilities() {
    return inner.capabilities();
  }

  @Override
  public Idempotency idempotency() {
    return inner.idempotency();
  }

  @Override
  public Outcome submit(OrderRequest order) {
    calls++;
    submits++;
    Fault f = script.isEmpty() ? Fault.NONE : script.poll();
    String cid = order.clientOrderId();
    switch (f) {
      case DOWN:
        return new Outcome.Refused(cid, name(), 0, "", "connection refused", false);
      case TIMEOUT_BEFORE:
        return new Outcome.Unknown(cid, name(), "timeout");
      case CRASH_BEFORE_SEND:
        throw new Crash();
      default:
        break;
    }
    submitted.add(cid);
    Outcome o = inner.submit(order);
    if (f == Fault.LOST_RESPONSE) {
      return new Outcome.Unknown(cid, name(), "response lost");
    }
    if (f == Fault.CRASH_AFTER_SEND) {
      throw new Crash();
    }
    return o;
  }

  private void query() {
    calls++;
    if (queriesFail) {
      throw new BrokerException.Unavailable("broker down", null);
    }
  }

  @Override
  public BrokerOrder cancel(String brokerOrderId) {
    query();
    return inner.cancel(brokerOrderId);
  }

  @Override
  public Outcome replace(String brokerOrderId, OrderRequest replacement) {
    calls++;
    return inner.replace(brokerOrderId, replacement);
  }

  @Override
  public BrokerOrder order(String brokerOrderId) {
    query();
    return inner.order(brokerOrderId);
  }

  @Override
  public Optional<BrokerOrder> findByClientOrderId(String clientOrderId) {
    query();
    return inner.findByClientOrderId(clientOrderId);
  }

  @Override
  public List<BrokerOrder> orders(boolean openOnly) {
    query();
    return inner.orders(openOnly);
  }

  @Override
  public List<Position> positions() {
    query();
    return hidePositions ? List.of() : inner.positions();
  }

  @Override
  public Account account() {
    query();
    return inner.account();
  }

  @Override
  public List<Fill> fills(Instant since) {
    query();
    if (!renameHistoryIds) {
      return inner.fills(since);
    }
    List<Fill> out = new java.util.ArrayList<>();
    for (Fill f : inner.fills(since)) {
      out.add(
          new Fill(
              "history-" + f.executionId(),
              f.clientOrderId(),
              f.brokerOrderId(),
              f.symbol(),
              f.side(),
              f.qty(),
              f.price(),
              f.fee(),
              f.timestamp()));
    }
    return out;
  }

  @Override
  public AutoCloseable subscribe(OrderUpdateListener listener) {
    return inner.subscribe(listener);
  }

  @Override
  public void close() {
    inner.close();
  }
}
