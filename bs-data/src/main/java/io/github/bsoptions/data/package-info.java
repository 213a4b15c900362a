/**
 * Market data for options: {@link io.github.bsoptions.data.MarketDataProviders} creates providers
 * by name; see the {@code spi}, {@code model}, {@code sim}, {@code replay}, {@code alpaca}, {@code
 * massive}, {@code failover} and {@code enrich} packages.
 */
package io.github.bsoptions.data;
