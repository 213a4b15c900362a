/**
 * Frozen copies of bs-pricing internals as of main ae0752a (before the seventh IV pass), so that
 * benchmarks can compare the old and new implied-volatility solver in one JMH run. Not used outside
 * bs-bench.
 */
package io.github.bsoptions.bench.frozen;
