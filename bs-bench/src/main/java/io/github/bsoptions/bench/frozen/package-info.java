/**
 * Frozen copies of bs-pricing code as of main ae0752a (before the seventh scalar price pass), so
 * that benchmarks can compare the old and new price path in one JMH run. Not used outside bs-bench.
 */
package io.github.bsoptions.bench.frozen;
