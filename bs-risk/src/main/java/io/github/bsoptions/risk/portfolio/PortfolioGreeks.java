package io.github.bsoptions.risk.portfolio;

import java.util.List;
import java.util.Map;

/**
 * An immutable snapshot of a portfolio's value and dollar greeks: per position (in portfolio
 * order), per underlying and in total.
 *
 * @param perPosition the exposure of each position, in portfolio order
 * @param perUnderlying the exposure summed per underlying symbol (sorted)
 * @param total the exposure of the whole portfolio
 */
public record PortfolioGreeks(
    List<GreekExposure> perPosition,
    Map<String, GreekExposure> perUnderlying,
    GreekExposure total) {

  /** Copies the collections. */
  public PortfolioGreeks {
    perPosition = List.copyOf(perPosition);
    perUnderlying = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(perUnderlying));
  }

  /**
   * Returns the exposure of {@code underlying}, or {@link GreekExposure#ZERO} when none is held.
   */
  public GreekExposure underlying(String underlying) {
    return perUnderlying.getOrDefault(underlying, GreekExposure.ZERO);
  }
}
