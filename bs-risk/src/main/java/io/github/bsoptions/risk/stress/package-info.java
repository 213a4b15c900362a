/**
 * Stress tests by full revaluation: scenario grids of spot, volatility, time and rate shocks, named
 * historical-style shocks, and P&amp;L tables per scenario and per position.
 */
package io.github.bsoptions.risk.stress;
