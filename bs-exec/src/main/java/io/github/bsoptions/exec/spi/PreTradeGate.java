package io.github.bsoptions.exec.spi;

import io.github.bsoptions.exec.order.OrderRequest;

/**
 * The pre-trade check port: the engine asks it before journalling an order as sent. The application
 * adapts its risk module's checks to it (bs-exec does not depend on bs-risk).
 */
@FunctionalInterface
public interface PreTradeGate {

  /** A gate that accepts everything (tests and tools only). */
  PreTradeGate ACCEPT_ALL = (strategy, order) -> GateDecision.accept();

  /** Checks the order for the strategy; reports every violated rule. */
  GateDecision check(String strategy, OrderRequest order);
}
