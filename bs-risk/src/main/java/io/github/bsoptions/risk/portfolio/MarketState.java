package io.github.bsoptions.risk.portfolio;

import io.github.bsoptions.risk.internal.Checks;
import java.util.Map;
import java.util.TreeMap;

/**
 * Spot prices per underlying at one instant.
 *
 * @param spots spot price per underlying symbol (each finite and {@code > 0})
 */
public record MarketState(Map<String, Double> spots) {

  /** Validates and copies the map (sorted by symbol). */
  public MarketState {
    Checks.notNull(spots, "spots");
    TreeMap<String, Double> copy = new TreeMap<>();
    for (Map.Entry<String, Double> e : spots.entrySet()) {
      String symbol = Checks.symbol(e.getKey(), "spots key");
      Checks.notNull(e.getValue(), "spot of " + symbol);
      copy.put(symbol, Checks.positive(e.getValue(), "spot of " + symbol));
    }
    spots = java.util.Collections.unmodifiableMap(copy);
  }

  /** Returns a market with one spot. */
  public static MarketState of(String underlying, double spot) {
    return new MarketState(Map.of(underlying, spot));
  }

  /**
   * Returns the spot of {@code underlying}.
   *
   * @throws IllegalArgumentException when the market has no spot for it
   */
  public double spot(String underlying) {
    Double s = spots.get(underlying);
    if (s == null) {
      throw new IllegalArgumentException("no spot for underlying " + underlying);
    }
    return s;
  }

  /** Returns a copy with the spot of {@code underlying} set. */
  public MarketState with(String underlying, double spot) {
    TreeMap<String, Double> copy = new TreeMap<>(spots);
    copy.put(underlying, spot);
    return new MarketState(copy);
  }
}
