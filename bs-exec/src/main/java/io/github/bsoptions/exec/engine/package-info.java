/**
 * The execution engine: pre-trade gate, write-ahead journal, routing, unknown-outcome resolution,
 * order-update intake with fill deduplication, kill switch, and recovery before trading.
 */
package io.github.bsoptions.exec.engine;
