/** Risk: sizing, limits, pre-trade checks, stress tests and Monte Carlo. */
package io.github.bsoptions.risk;
