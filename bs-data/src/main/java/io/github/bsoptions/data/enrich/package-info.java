/**
 * Chain enrichment: {@link io.github.bsoptions.data.enrich.ChainEnricher} adds mid, spread, implied
 * forward, implied volatility and greeks (provider's or computed with bs-pricing).
 */
package io.github.bsoptions.data.enrich;
