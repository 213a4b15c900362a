/**
 * Ports: the broker SPI ({@link io.github.bsoptions.exec.spi.BrokerClient}, discovered through
 * {@link io.github.bsoptions.exec.spi.BrokerFactory} with {@link java.util.ServiceLoader}), the
 * four-kind order {@link io.github.bsoptions.exec.spi.Outcome}, typed broker errors, and the {@link
 * io.github.bsoptions.exec.spi.PreTradeGate} that the application adapts its risk checks to.
 */
package io.github.bsoptions.exec.spi;
