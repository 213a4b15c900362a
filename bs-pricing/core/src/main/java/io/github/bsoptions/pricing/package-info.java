/**
 * bs-pricing: European (Black-Scholes-Merton, Black-76, Bachelier) and American option pricing,
 * greeks, implied volatility and batch APIs over pluggable backends.
 *
 * <p>Packages: {@code formula} (static primitive formulas, the hot path), {@code pricer} (models
 * behind one interface), {@code greeks} (sensitivities and units), {@code batch} (struct-of-arrays
 * inputs and outputs), {@code spi} and {@code backend} (batch engines and their selection).
 */
package io.github.bsoptions.pricing;
