/**
 * Execution algorithms: TWAP slicing and a limit-at-mid price walk toward the natural price, run
 * through the engine with a simulated clock, reporting slippage against the arrival mid.
 */
package io.github.bsoptions.exec.algo;
