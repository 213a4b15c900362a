/**
 * Position sizing with the Kelly criterion: closed forms for binary and Gaussian bets, the
 * discrete-outcome growth-rate maximizer for option payoffs, multi-asset Kelly, and {@link
 * io.github.bsoptions.risk.sizing.KellySizer}, which turns a fraction into whole contracts under
 * account, buying-power and max-loss caps with the reasoning attached.
 */
package io.github.bsoptions.risk.sizing;
