/**
 * Market data for options: Alpaca REST and WebSocket, the Massive fallback provider, failover with
 * caching, a simulated market and recorded-session replay. Providers are discovered by name through
 * {@link io.github.bsoptions.data.spi.MarketDataProviderFactory} services.
 */
module io.github.bsoptions.data {
  requires transitive io.github.bsoptions.pricing;
  requires org.slf4j;
  requires okhttp3;
  requires okio;
  requires retrofit2;
  // OkHttp 4 and okio are automatic modules that need the Kotlin runtime, an explicit module that
  // an automatic module's reads do not pull into the graph: require it so the module path resolves.
  requires kotlin.stdlib;
  requires msgpack.core;
  requires com.fasterxml.jackson.core;
  requires com.fasterxml.jackson.databind;
  requires com.github.benmanes.caffeine;
  requires io.github.resilience4j.circuitbreaker;

  exports io.github.bsoptions.data;
  exports io.github.bsoptions.data.spi;
  exports io.github.bsoptions.data.model;
  exports io.github.bsoptions.data.error;
  exports io.github.bsoptions.data.http;
  exports io.github.bsoptions.data.ratelimit;
  exports io.github.bsoptions.data.alpaca;
  exports io.github.bsoptions.data.massive;
  exports io.github.bsoptions.data.sim;
  exports io.github.bsoptions.data.replay;
  exports io.github.bsoptions.data.failover;
  exports io.github.bsoptions.data.enrich;

  uses io.github.bsoptions.data.spi.MarketDataProviderFactory;

  provides io.github.bsoptions.data.spi.MarketDataProviderFactory with
      io.github.bsoptions.data.sim.SimulatedMarketFactory,
      io.github.bsoptions.data.alpaca.AlpacaMarketDataFactory,
      io.github.bsoptions.data.massive.MassiveMarketDataFactory;
}
