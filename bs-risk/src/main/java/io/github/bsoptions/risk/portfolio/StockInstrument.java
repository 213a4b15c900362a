package io.github.bsoptions.risk.portfolio;

import io.github.bsoptions.risk.internal.Checks;

/**
 * A share of an underlying (stock, ETF or index proxy); its value is the spot.
 *
 * @param underlying the symbol
 */
public record StockInstrument(String underlying) implements Instrument {

  /** Validates the symbol. */
  public StockInstrument {
    underlying = Checks.symbol(underlying, "underlying");
  }

  /** Returns 1: one share is one unit of the underlying. */
  @Override
  public double multiplier() {
    return 1.0;
  }
}
