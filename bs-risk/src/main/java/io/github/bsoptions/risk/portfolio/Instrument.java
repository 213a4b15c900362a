package io.github.bsoptions.risk.portfolio;

/** Something a position can hold: an option or its underlying stock. Immutable. */
public sealed interface Instrument permits OptionInstrument, StockInstrument {

  /** Returns the underlying symbol (the stock itself for a stock). */
  String underlying();

  /** Returns the number of underlying units one unit of the instrument controls. */
  double multiplier();
}
