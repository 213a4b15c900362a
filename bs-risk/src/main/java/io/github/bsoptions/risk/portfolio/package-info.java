/**
 * The book: instruments, positions, market state, the pricing models per exercise style, and
 * aggregated greeks in currency terms.
 *
 * <p>Dollar conventions used throughout bs-risk (per position, then summed per underlying and in
 * total): dollar delta {@code = delta * S * quantity * multiplier} (the stock-equivalent exposure);
 * dollar gamma per 1% {@code = gamma * S^2 / 100 * quantity * multiplier} (the change in dollar
 * delta for a 1% spot move); vega per vol point {@code = vega / 100 * quantity * multiplier}; theta
 * per calendar day {@code = theta / 365 * quantity * multiplier}; rho per 1% rate {@code = rho /
 * 100 * quantity * multiplier}.
 */
package io.github.bsoptions.risk.portfolio;
