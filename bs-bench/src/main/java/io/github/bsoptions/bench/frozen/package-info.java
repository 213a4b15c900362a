/**
 * Frozen copies of bs-pricing internals as of main c2ace6b (before the fifth scalar pass), so that
 * benchmarks can compare the old and new implied-volatility solver in one JMH run. Not used outside
 * bs-bench.
 */
package io.github.bsoptions.bench.frozen;
