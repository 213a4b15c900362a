package io.github.bsoptions.app.store;

import java.time.Instant;

/**
 * A trading signal as generated.
 *
 * @param createdAt when it was generated
 * @param symbol the instrument it concerns
 * @param strategy the strategy that produced it
 * @param direction {@code LONG}, {@code SHORT}, {@code FLAT}, ...
 * @param score its score
 * @param probability probability of profit, or NaN when the strategy gives none
 * @param details free text (at most 1000 characters)
 */
public record StoredSignal(
    Instant createdAt,
    String symbol,
    String strategy,
    String direction,
    double score,
    double probability,
    String details) {
  /** Validates every field. */
  public StoredSignal {
    Records.notNull(createdAt, "createdAt");
    Records.text(symbol, "symbol", 64);
    Records.text(strategy, "strategy", 64);
    Records.text(direction, "direction", 16);
    Records.finite(score, "score");
    Records.finiteOrNaN(probability, "probability");
    Records.notNull(details, "details");
    if (details.length() > 1000) {
      throw new IllegalArgumentException(
          "details must be at most 1000 characters, was " + details.length());
    }
  }
}
