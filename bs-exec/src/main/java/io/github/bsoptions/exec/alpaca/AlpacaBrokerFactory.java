package io.github.bsoptions.exec.alpaca;

import io.github.bsoptions.exec.spi.BrokerClient;
import io.github.bsoptions.exec.spi.BrokerContext;
import io.github.bsoptions.exec.spi.BrokerFactory;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Creates {@code alpaca-paper} (paper host unless {@code baseUrl} says otherwise) and {@code
 * alpaca-live} (live host; needs setting {@code confirmLive=true}). Keys come from the context's
 * environment.
 */
public final class AlpacaBrokerFactory implements BrokerFactory {

  /** Creates the factory (ServiceLoader). */
  public AlpacaBrokerFactory() {}

  @Override
  public List<String> names() {
    return List.of("alpaca-paper", "alpaca-live");
  }

  @Override
  public BrokerClient create(String name, BrokerContext c) {
    Map<String, String> settings = new HashMap<>(c.settings());
    Map<String, String> env = new HashMap<>(c.env());
    if (name.equals("alpaca-live")) {
      settings.putIfAbsent("baseUrl", AlpacaConfig.LIVE_URL);
    } else {
      env.remove("APCA_API_BASE_URL");
      settings.putIfAbsent("baseUrl", AlpacaConfig.PAPER_URL);
      if (settings.get("baseUrl").contains("://api.alpaca.markets")) {
        throw new IllegalArgumentException("alpaca-paper cannot use the live URL");
      }
    }
    return new AlpacaBrokerClient(name, AlpacaConfig.fromEnv(env, settings), c.clock());
  }
}
