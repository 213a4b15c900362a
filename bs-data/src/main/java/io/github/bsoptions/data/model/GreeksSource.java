package io.github.bsoptions.data.model;

/** Where an enriched option's implied volatility and greeks came from. */
public enum GreeksSource {
  /** Reported by the data provider (converted to bs-pricing units). */
  PROVIDER,
  /** Computed locally with bs-pricing from the quote (implied forward, mid price). */
  COMPUTED,
  /** Not available: no usable quote, or the implied volatility has no solution (see status). */
  NONE
}
