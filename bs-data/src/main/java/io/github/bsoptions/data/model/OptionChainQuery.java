package io.github.bsoptions.data.model;

import io.github.bsoptions.pricing.product.OptionType;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Filters for option contracts and chain snapshots; every filter is optional (inclusive bounds).
 *
 * @param underlying the underlying symbol
 * @param expirationFrom earliest expiration
 * @param expirationTo latest expiration
 * @param strikeMin lowest strike
 * @param strikeMax highest strike
 * @param type calls or puts only
 */
public record OptionChainQuery(
    String underlying,
    Optional<LocalDate> expirationFrom,
    Optional<LocalDate> expirationTo,
    OptionalDouble strikeMin,
    OptionalDouble strikeMax,
    Optional<OptionType> type) {

  /** Validates the query. */
  public OptionChainQuery {
    Objects.requireNonNull(underlying, "underlying");
    Objects.requireNonNull(expirationFrom, "expirationFrom");
    Objects.requireNonNull(expirationTo, "expirationTo");
    Objects.requireNonNull(strikeMin, "strikeMin");
    Objects.requireNonNull(strikeMax, "strikeMax");
    Objects.requireNonNull(type, "type");
    if (underlying.isBlank()) {
      throw new IllegalArgumentException("underlying must not be blank");
    }
    if (expirationFrom.isPresent()
        && expirationTo.isPresent()
        && expirationFrom.get().isAfter(expirationTo.get())) {
      throw new IllegalArgumentException(
          "expirationFrom "
              + expirationFrom.get()
              + " is after expirationTo "
              + expirationTo.get());
    }
    if (strikeMin.isPresent()
        && strikeMax.isPresent()
        && strikeMin.getAsDouble() > strikeMax.getAsDouble()) {
      throw new IllegalArgumentException(
          "strikeMin "
              + strikeMin.getAsDouble()
              + " is above strikeMax "
              + strikeMax.getAsDouble());
    }
  }

  /** Returns a query for the whole chain of {@code underlying}. */
  public static OptionChainQuery all(String underlying) {
    return new OptionChainQuery(
        underlying,
        Optional.empty(),
        Optional.empty(),
        OptionalDouble.empty(),
        OptionalDouble.empty(),
        Optional.empty());
  }

  /** Returns a copy restricted to expirations in {@code [from, to]}. */
  public OptionChainQuery withExpirations(LocalDate from, LocalDate to) {
    return new OptionChainQuery(
        underlying, Optional.of(from), Optional.of(to), strikeMin, strikeMax, type);
  }

  /** Returns a copy restricted to strikes in {@code [min, max]}. */
  public OptionChainQuery withStrikes(double min, double max) {
    return new OptionChainQuery(
        underlying,
        expirationFrom,
        expirationTo,
        OptionalDouble.of(min),
        OptionalDouble.of(max),
        type);
  }

  /** Returns a copy restricted to one option type. */
  public OptionChainQuery withType(OptionType t) {
    return new OptionChainQuery(
        underlying, expirationFrom, expirationTo, strikeMin, strikeMax, Optional.of(t));
  }
}
