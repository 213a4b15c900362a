/**
 * Order execution: orders and their state machine ({@code order}), the broker port ({@code spi}), a
 * paper broker ({@code paper}), the Alpaca trading client ({@code alpaca}), routing with safe
 * fallback ({@code routing}), execution algorithms ({@code algo}), a durable journal and recovery
 * ({@code journal}), and the engine that ties them together ({@code engine}).
 */
package io.github.bsoptions.exec;
