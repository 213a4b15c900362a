/**
 * The fallback options-data provider: Massive (formerly Polygon.io), {@link
 * io.github.bsoptions.data.massive.MassiveMarketDataProvider}, keyed by {@code MASSIVE_API_KEY}.
 */
package io.github.bsoptions.data.massive;
