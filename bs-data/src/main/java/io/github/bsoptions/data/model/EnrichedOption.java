package io.github.bsoptions.data.model;

import java.time.Instant;
import java.util.Objects;

/**
 * One option contract near the money with the numbers analysis needs, flat and primitive for fast
 * scoring. Produced by the near-the-money analyzer; consumed by signals, risk and the dashboard.
 *
 * <p>Units follow bs-pricing's {@code Greeks}: vega per 1.00 volatility, theta per year of calendar
 * time passing, volatility as a fraction. A value that is not available is NaN (prices, greeks,
 * implied volatility) or -1 (open interest); {@link #greeksSource()} says where greeks came from.
 *
 * @param contract the contract
 * @param underlyingPrice the underlying price used
 * @param forward the forward used for implied volatility (implied from put-call parity when
 *     possible)
 * @param expiryYears time to expiry in years
 * @param bid bid (NaN when none)
 * @param ask ask (NaN when none)
 * @param mid mid (NaN unless two-sided)
 * @param spreadFraction (ask - bid) / mid (NaN unless two-sided)
 * @param volume today's volume
 * @param openInterest open interest, -1 when unknown
 * @param impliedVolatility implied volatility (NaN when unavailable)
 * @param delta delta (NaN when unavailable)
 * @param gamma gamma (NaN when unavailable)
 * @param theta theta per year (NaN when unavailable)
 * @param vega vega per 1.00 vol (NaN when unavailable)
 * @param greeksSource where implied volatility and greeks came from
 * @param quoteTime when the quote was made (the snapshot time when there is no quote)
 */
public record EnrichedOption(
    OptionContract contract,
    double underlyingPrice,
    double forward,
    double expiryYears,
    double bid,
    double ask,
    double mid,
    double spreadFraction,
    long volume,
    long openInterest,
    double impliedVolatility,
    double delta,
    double gamma,
    double theta,
    double vega,
    GreeksSource greeksSource,
    Instant quoteTime) {

  /** Validates the non-numeric components. */
  public EnrichedOption {
    Objects.requireNonNull(contract, "contract");
    Objects.requireNonNull(greeksSource, "greeksSource");
    Objects.requireNonNull(quoteTime, "quoteTime");
  }

  /** Returns the OCC symbol. */
  public String symbol() {
    return contract.symbol();
  }

  /** Returns log-moneyness {@code ln(K / F)}. */
  public double logMoneyness() {
    return Math.log(contract.strike() / forward);
  }
}
