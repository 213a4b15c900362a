package io.github.bsoptions.app.obs;

import java.util.OptionalLong;

/**
 * Latency summary of one stage.
 *
 * @param stage the stage
 * @param count number of samples
 * @param p50Nanos median
 * @param p99Nanos 99th percentile
 * @param maxNanos maximum
 * @param target the seed's target, if any
 */
public record StageLatency(
    Stage stage, long count, long p50Nanos, long p99Nanos, long maxNanos, OptionalLong target) {
  /** Returns whether the p99 meets the target (true when there is no target or no sample). */
  public boolean meetsTarget() {
    return count == 0 || target.isEmpty() || p99Nanos <= target.getAsLong();
  }
}
