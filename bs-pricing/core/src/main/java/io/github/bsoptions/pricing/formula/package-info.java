/**
 * Pure formula classes on primitives: the allocation-free hot path.
 *
 * <p>Units, once for the whole package: times in years; rates and yields continuously compounded
 * per year; volatility per square root of a year (price units for Bachelier); greeks per 1.00 of
 * their input, theta per year of calendar time passing (see {@link
 * io.github.bsoptions.pricing.greeks.Greeks}).
 */
package io.github.bsoptions.pricing.formula;
