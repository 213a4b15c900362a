package io.github.bsoptions.data;

import io.github.bsoptions.data.spi.MarketDataProvider;
import io.github.bsoptions.data.spi.MarketDataProviderFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/** Finds {@link MarketDataProviderFactory} implementations and creates providers by name. */
public final class MarketDataProviders {
  private MarketDataProviders() {}

  /** Returns the names of every provider factory on the class or module path. */
  public static List<String> names() {
    List<String> out = new ArrayList<>();
    for (MarketDataProviderFactory f : ServiceLoader.load(MarketDataProviderFactory.class)) {
      out.add(f.name());
    }
    return out;
  }

  /**
   * Creates the named provider (e.g. {@code simulated}, {@code alpaca}, {@code massive}).
   *
   * @throws IllegalArgumentException naming the known providers when none has that name
   */
  public static MarketDataProvider create(String name, Map<String, String> config) {
    for (MarketDataProviderFactory f : ServiceLoader.load(MarketDataProviderFactory.class)) {
      if (f.name().equals(name)) {
        return f.create(config);
      }
    }
    throw new IllegalArgumentException(
        "unknown market data provider '" + name + "'; known: " + names());
  }
}
