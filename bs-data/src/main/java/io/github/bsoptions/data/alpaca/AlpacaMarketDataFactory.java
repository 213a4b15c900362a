package io.github.bsoptions.data.alpaca;

import io.github.bsoptions.data.spi.MarketDataProvider;
import io.github.bsoptions.data.spi.MarketDataProviderFactory;
import java.util.Map;

/** Creates an {@link AlpacaMarketDataProvider} from {@link AlpacaConfig#fromEnv(Map)}. */
public final class AlpacaMarketDataFactory implements MarketDataProviderFactory {
  /** Creates the factory (ServiceLoader). */
  public AlpacaMarketDataFactory() {}

  @Override
  public String name() {
    return AlpacaMarketDataProvider.NAME;
  }

  @Override
  public MarketDataProvider create(Map<String, String> config) {
    return new AlpacaMarketDataProvider(AlpacaConfig.fromEnv(config));
  }
}
