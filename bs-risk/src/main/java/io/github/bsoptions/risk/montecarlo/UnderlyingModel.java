package io.github.bsoptions.risk.montecarlo;

import io.github.bsoptions.risk.internal.Checks;

/**
 * The dynamics of one underlying over the VaR horizon.
 *
 * @param symbol the underlying symbol
 * @param drift expected return per year (real-world; 0 is the usual risk-management choice)
 * @param volatility volatility per square root of a year ({@code >= 0})
 * @param garch GARCH(1,1) dynamics for {@link ReturnModel#GARCH}, or null for constant variance
 *     {@code volatility^2 / 365} per day
 */
public record UnderlyingModel(String symbol, double drift, double volatility, GarchParams garch) {

  /** Validates the model. */
  public UnderlyingModel {
    symbol = Checks.symbol(symbol, "symbol");
    Checks.finite(drift, "drift");
    Checks.nonNegative(volatility, "volatility");
  }

  /** Returns a model without GARCH dynamics. */
  public UnderlyingModel(String symbol, double drift, double volatility) {
    this(symbol, drift, volatility, null);
  }

  /** Returns the GARCH dynamics used by {@link ReturnModel#GARCH}. */
  public GarchParams garchOrConstant() {
    return garch != null ? garch : GarchParams.constant(Math.max(volatility, 1e-12));
  }
}
