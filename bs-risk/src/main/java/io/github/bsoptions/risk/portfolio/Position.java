package io.github.bsoptions.risk.portfolio;

import io.github.bsoptions.risk.internal.Checks;

/**
 * A holding of an instrument.
 *
 * @param id an identifier unique within the portfolio (leg name, broker position id, ...)
 * @param instrument what is held
 * @param quantity signed number of contracts or shares (negative = short), not zero
 * @param group the multi-leg structure this position belongs to (e.g. {@code "AAPL-condor-1"}), or
 *     the id when it stands alone
 */
public record Position(String id, Instrument instrument, double quantity, String group) {

  /** Validates the position. */
  public Position {
    id = Checks.symbol(id, "id");
    Checks.notNull(instrument, "instrument");
    Checks.finite(quantity, "quantity");
    if (quantity == 0) {
      throw new IllegalArgumentException("quantity must not be 0 (position " + id + ")");
    }
    group = group == null || group.isBlank() ? id : group.strip();
  }

  /** Returns a stand-alone position (its own group). */
  public static Position of(String id, Instrument instrument, double quantity) {
    return new Position(id, instrument, quantity, id);
  }

  /** Returns the underlying symbol. */
  public String underlying() {
    return instrument.underlying();
  }

  /** Returns {@code quantity * multiplier}: the underlying units the position moves with. */
  public double units() {
    return quantity * instrument.multiplier();
  }

  /** Returns a copy with another quantity. */
  public Position withQuantity(double newQuantity) {
    return new Position(id, instrument, newQuantity, group);
  }
}
