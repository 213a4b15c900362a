package io.github.bsoptions.signals.score;

import io.github.bsoptions.data.model.EnrichedOption;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * A contract's score with its explanation.
 *
 * @param option the contract
 * @param score the weighted score in [-1, 1]
 * @param contributions each factor's contribution {@code w_f n_f / sum |w|}, indexed by {@link
 *     Factor#ordinal()}; they sum to {@code score}
 * @param raw each factor's raw value (NaN when missing), indexed by {@link Factor#ordinal()}
 */
public record ContractScore(
    EnrichedOption option, double score, double[] contributions, double[] raw) {

  /** Validates and copies. */
  public ContractScore {
    Objects.requireNonNull(option, "option");
    contributions = contributions.clone();
    raw = raw.clone();
  }

  /** Returns the contribution of one factor. */
  public double contribution(Factor f) {
    return contributions[f.ordinal()];
  }

  /** Returns the raw value of one factor (NaN when missing). */
  public double raw(Factor f) {
    return raw[f.ordinal()];
  }

  /** Returns the contributions as a map. */
  public Map<Factor, Double> explain() {
    EnumMap<Factor, Double> m = new EnumMap<>(Factor.class);
    for (Factor f : Factor.values()) {
      m.put(f, contributions[f.ordinal()]);
    }
    return m;
  }

  @Override
  public double[] contributions() {
    return contributions.clone();
  }

  @Override
  public double[] raw() {
    return raw.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ContractScore c
        && c.option.equals(option)
        && Double.compare(c.score, score) == 0
        && Arrays.equals(c.contributions, contributions)
        && Arrays.equals(c.raw, raw);
  }

  @Override
  public int hashCode() {
    return option.hashCode() * 31 + Double.hashCode(score);
  }

  @Override
  public String toString() {
    return "ContractScore[" + option.symbol() + ", score=" + score + ", " + explain() + "]";
  }
}
