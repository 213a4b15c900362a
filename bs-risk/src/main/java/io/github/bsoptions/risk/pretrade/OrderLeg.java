package io.github.bsoptions.risk.pretrade;

import io.github.bsoptions.risk.internal.Checks;
import io.github.bsoptions.risk.portfolio.Instrument;

/**
 * One leg of an order proposal.
 *
 * @param symbol the traded symbol (OCC symbol for options, ticker for stock), used to find quotes
 * @param instrument what the leg trades
 * @param ratio signed units per order unit: positive buys, negative sells; not 0
 */
public record OrderLeg(String symbol, Instrument instrument, int ratio) {

  /** Validates the leg. */
  public OrderLeg {
    symbol = Checks.symbol(symbol, "symbol");
    Checks.notNull(instrument, "instrument");
    if (ratio == 0) {
      throw new IllegalArgumentException("ratio must not be 0 (leg " + symbol + ")");
    }
  }
}
