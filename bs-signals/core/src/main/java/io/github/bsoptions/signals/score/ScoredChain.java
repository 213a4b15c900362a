package io.github.bsoptions.signals.score;

import java.util.List;
import java.util.Objects;

/**
 * A scored chain: contracts best first, and the underlying-level metrics.
 *
 * @param ranked scored contracts, highest score first (ties by expiry, type, strike, root)
 * @param metrics underlying-level metrics
 */
public record ScoredChain(List<ContractScore> ranked, ChainMetrics metrics) {

  /** Copies the list. */
  public ScoredChain {
    ranked = List.copyOf(ranked);
    Objects.requireNonNull(metrics, "metrics");
  }

  /** Returns the best {@code n} contracts (fewer if the chain is smaller). */
  public List<ContractScore> top(int n) {
    return ranked.subList(0, Math.min(n, ranked.size()));
  }
}
