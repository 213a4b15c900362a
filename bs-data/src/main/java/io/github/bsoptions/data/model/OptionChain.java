package io.github.bsoptions.data.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A snapshot of (part of) the option chain of one underlying, complete for the query that produced
 * it (never a partially parsed page).
 *
 * @param underlying the underlying symbol
 * @param underlyingPrice the underlying's price (trade or mid) when the provider supplied it
 * @param asOf when the snapshot was taken
 * @param options the contracts, sorted by expiry, then strike, then calls before puts
 * @param source the name of the provider that produced it
 */
public record OptionChain(
    String underlying,
    OptionalDouble underlyingPrice,
    Instant asOf,
    List<OptionSnapshot> options,
    String source) {

  /** Validates the chain and copies the list. */
  public OptionChain {
    Objects.requireNonNull(underlying, "underlying");
    Objects.requireNonNull(underlyingPrice, "underlyingPrice");
    Objects.requireNonNull(asOf, "asOf");
    Objects.requireNonNull(source, "source");
    options = List.copyOf(options);
  }
}
