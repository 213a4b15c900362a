package io.github.bsoptions.signals.score;

import io.github.bsoptions.signals.internal.Checks;
import java.util.EnumMap;
import java.util.Map;

/**
 * Factor weights. Scores are {@code sum_f w_f n_f / sum_f |w_f|} with normalized factor values
 * {@code n_f} in [0, 1], so a score lies in [-1, 1] and weights need not sum to one.
 */
public final class ScoreWeights {
  /** Liquidity-first defaults for a premium seller. */
  public static final ScoreWeights DEFAULT =
      new ScoreWeights(
          Map.of(
              Factor.VOLUME, 1.0,
              Factor.OPEN_INTEREST, 1.0,
              Factor.SPREAD, 2.0,
              Factor.DELTA, 1.0,
              Factor.IV_RANK, 1.0,
              Factor.IV_EDGE, 2.0,
              Factor.SMILE, 0.5,
              Factor.THETA_YIELD, 0.5));

  private final double[] w;
  private final double norm;

  private ScoreWeights(Map<Factor, Double> weights) {
    w = new double[Factor.values().length];
    double s = 0;
    for (Map.Entry<Factor, Double> e : weights.entrySet()) {
      w[e.getKey().ordinal()] = Checks.finite(e.getValue(), "weight of " + e.getKey());
      s += Math.abs(e.getValue());
    }
    if (!(s > 0)) {
      throw new IllegalArgumentException("weights must not all be 0");
    }
    norm = s;
  }

  /** Returns weights from a map; factors not in the map weigh 0. */
  public static ScoreWeights of(Map<Factor, Double> weights) {
    return new ScoreWeights(weights);
  }

  /** Returns a copy with one weight changed. */
  public ScoreWeights with(Factor f, double weight) {
    Map<Factor, Double> m = asMap();
    m.put(f, weight);
    return new ScoreWeights(m);
  }

  /** Returns the weight of a factor. */
  public double weight(Factor f) {
    return w[f.ordinal()];
  }

  /** Returns the sum of absolute weights. */
  public double norm() {
    return norm;
  }

  /** Returns the weights as a new mutable map. */
  public Map<Factor, Double> asMap() {
    EnumMap<Factor, Double> m = new EnumMap<>(Factor.class);
    for (Factor f : Factor.values()) {
      m.put(f, w[f.ordinal()]);
    }
    return m;
  }

  @Override
  public String toString() {
    return "ScoreWeights" + asMap();
  }
}
