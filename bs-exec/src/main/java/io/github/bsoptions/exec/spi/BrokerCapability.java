package io.github.bsoptions.exec.spi;

/** What a broker supports. Routers only send orders a broker declares it can take. */
public enum BrokerCapability {
  /** Stock orders. */
  STOCKS,
  /** Single-leg option orders. */
  OPTIONS,
  /** Multi-leg ({@code mleg}) option orders. */
  MULTI_LEG,
  /** Stop and stop-limit orders on options. */
  OPTION_STOP_ORDERS,
  /** Replace (modify) of working orders. */
  REPLACE,
  /** A stream of order updates. */
  ORDER_STREAM,
  /** Fills/activities can be listed after the fact. */
  FILL_HISTORY
}
