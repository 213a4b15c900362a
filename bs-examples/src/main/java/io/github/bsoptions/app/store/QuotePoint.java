package io.github.bsoptions.app.store;

import java.time.Instant;

/**
 * One point of an option's quote and greek time series. Greeks and implied volatility are NaN when
 * they could not be computed (no time value, crossed quote, ...).
 *
 * @param observedAt when the quote was observed
 * @param symbol the option symbol
 * @param bid bid price
 * @param ask ask price
 * @param underlyingPrice the underlying's price at that instant
 * @param impliedVol implied volatility of the mid, or NaN
 * @param delta delta, or NaN
 * @param gamma gamma, or NaN
 * @param vega vega per vol point, or NaN
 * @param theta theta per day, or NaN
 */
public record QuotePoint(
    Instant observedAt,
    String symbol,
    double bid,
    double ask,
    double underlyingPrice,
    double impliedVol,
    double delta,
    double gamma,
    double vega,
    double theta) {
  /** Validates every field. */
  public QuotePoint {
    Records.notNull(observedAt, "observedAt");
    Records.text(symbol, "symbol", 64);
    Records.finite(bid, "bid");
    Records.finite(ask, "ask");
    Records.finite(underlyingPrice, "underlyingPrice");
    Records.finiteOrNaN(impliedVol, "impliedVol");
    Records.finiteOrNaN(delta, "delta");
    Records.finiteOrNaN(gamma, "gamma");
    Records.finiteOrNaN(vega, "vega");
    Records.finiteOrNaN(theta, "theta");
  }
}
