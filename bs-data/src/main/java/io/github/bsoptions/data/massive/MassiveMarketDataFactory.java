package io.github.bsoptions.data.massive;

import io.github.bsoptions.data.spi.MarketDataProvider;
import io.github.bsoptions.data.spi.MarketDataProviderFactory;
import java.util.Map;

/** Creates a {@link MassiveMarketDataProvider} from {@link MassiveConfig#fromEnv(Map)}. */
public final class MassiveMarketDataFactory implements MarketDataProviderFactory {
  /** Creates the factory (ServiceLoader). */
  public MassiveMarketDataFactory() {}

  @Override
  public String name() {
    return MassiveMarketDataProvider.NAME;
  }

  @Override
  public MarketDataProvider create(Map<String, String> config) {
    return new MassiveMarketDataProvider(MassiveConfig.fromEnv(config));
  }
}
