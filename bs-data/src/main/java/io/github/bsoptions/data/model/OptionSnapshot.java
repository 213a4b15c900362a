package io.github.bsoptions.data.model;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The latest market state of one option contract.
 *
 * @param contract the contract
 * @param quote the latest quote, if any
 * @param lastTrade the latest trade, if any
 * @param impliedVolatility the provider's implied volatility (a fraction, 0.25 = 25%), if given
 * @param greeks the provider's greeks, if given (missing greeks stay missing, never 0)
 * @param volume today's traded volume (0 when none traded or unknown)
 * @param openInterest open interest, if known
 */
public record OptionSnapshot(
    OptionContract contract,
    Optional<Quote> quote,
    Optional<Trade> lastTrade,
    OptionalDouble impliedVolatility,
    Optional<ProviderGreeks> greeks,
    long volume,
    OptionalLong openInterest) {

  /** Validates that no component is null. */
  public OptionSnapshot {
    Objects.requireNonNull(contract, "contract");
    Objects.requireNonNull(quote, "quote");
    Objects.requireNonNull(lastTrade, "lastTrade");
    Objects.requireNonNull(impliedVolatility, "impliedVolatility");
    Objects.requireNonNull(greeks, "greeks");
    Objects.requireNonNull(openInterest, "openInterest");
    if (volume < 0) {
      throw new IllegalArgumentException("volume must be >= 0, was " + volume);
    }
  }

  /** Returns the OCC symbol. */
  public String symbol() {
    return contract.symbol();
  }
}
