/** Near-the-money selection: chain enrichment (IV, greeks, forward) and liquidity filters. */
package io.github.bsoptions.signals.ntm;
