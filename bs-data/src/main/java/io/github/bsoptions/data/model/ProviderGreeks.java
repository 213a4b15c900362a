package io.github.bsoptions.data.model;

/**
 * Greeks as a data provider reports them, in the provider's own units (Alpaca: theta per calendar
 * day, vega per volatility point). Absent greeks are modelled as an absent {@code ProviderGreeks},
 * never as zeros.
 *
 * @param delta delta
 * @param gamma gamma
 * @param theta theta, in the provider's unit
 * @param vega vega, in the provider's unit
 * @param rho rho, in the provider's unit
 */
public record ProviderGreeks(double delta, double gamma, double theta, double vega, double rho) {}
