/**
 * The market-data port: {@link io.github.bsoptions.data.spi.MarketDataProvider} and streaming
 * types.
 */
package io.github.bsoptions.data.spi;
