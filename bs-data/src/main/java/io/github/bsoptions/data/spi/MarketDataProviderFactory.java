package io.github.bsoptions.data.spi;

import java.util.Map;

/**
 * Creates a {@link MarketDataProvider} by name, discovered with {@link java.util.ServiceLoader}
 * (see {@link io.github.bsoptions.data.MarketDataProviders}). Built in: {@code simulated}, {@code
 * alpaca}, {@code massive}.
 */
public interface MarketDataProviderFactory {

  /** Returns the provider name this factory creates (e.g. {@code alpaca}). */
  String name();

  /**
   * Creates the provider from configuration values (environment variables and the like). Secrets
   * are read from these values only and never logged.
   *
   * @throws io.github.bsoptions.data.error.DataException.Authentication when credentials are
   *     missing
   */
  MarketDataProvider create(Map<String, String> config);
}
