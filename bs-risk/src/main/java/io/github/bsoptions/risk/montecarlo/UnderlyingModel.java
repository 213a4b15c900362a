package io.github.bsoptions.risk.montecarlo;

import io.github.bsoptions.risk.internal.Checks;

/**
 * The dynamics of one underlying over the VaR horizon.
 *
 * @param symbol the underlying symbol
 * @param drift expected return per year (real-world; 0 is the usual risk-management choice)
 * @param volatility volatility per square root of a year ({@code >= 0})
 */
public record UnderlyingModel(String symbol, double drift, double volatility) {

  /** Validates the model. */
  public UnderlyingModel {
    symbol = Checks.symbol(symbol, "symbol");
    Checks.finite(drift, "drift");
    Checks.nonNegative(volatility, "volatility");
  }
}
