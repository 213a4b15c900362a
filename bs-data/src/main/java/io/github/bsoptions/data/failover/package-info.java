/**
 * Failover, health tracking and caching over several providers: {@link
 * io.github.bsoptions.data.failover.FailoverMarketData} with {@link
 * io.github.bsoptions.data.failover.CircuitBreaker}, {@link
 * io.github.bsoptions.data.failover.CachePolicy} and {@link
 * io.github.bsoptions.data.failover.DataMetrics} hooks.
 */
package io.github.bsoptions.data.failover;
