/**
 * The Alpaca trading API client (REST over OkHttp, the {@code trade_updates} WebSocket stream).
 * Order placement is never retried by any layer: OkHttp's connection-failure retries are off and
 * order bodies are one-shot; ambiguous failures are reported as unknown outcomes to be resolved by
 * client order id. Keys come from the environment and never reach a log, {@code toString} or
 * exception message.
 */
package io.github.bsoptions.exec.alpaca;
