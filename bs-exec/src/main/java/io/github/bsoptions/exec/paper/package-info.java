/**
 * The paper broker: an embedded, deterministic broker that fills against quotes (from a {@link
 * io.github.bsoptions.data.spi.MarketDataProvider} or supplied directly) with a configurable fill
 * model, the same state machine and the same events as a real broker.
 */
package io.github.bsoptions.exec.paper;
