package io.github.bsoptions.exec.spi;

import io.github.bsoptions.data.spi.MarketDataProvider;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * What a {@link BrokerFactory} may use to build a broker.
 *
 * @param settings broker settings (e.g. {@code baseUrl}, {@code confirmLive})
 * @param env environment variables (keys are read from here only)
 * @param marketData market data for simulated fills, or null
 * @param clock the clock
 */
public record BrokerContext(
    Map<String, String> settings,
    Map<String, String> env,
    MarketDataProvider marketData,
    Clock clock) {

  /** Validates the context. */
  public BrokerContext {
    settings = Map.copyOf(settings);
    env = Map.copyOf(env);
    Objects.requireNonNull(clock, "clock");
  }

  /** Returns a setting or the default. */
  public String setting(String key, String def) {
    return settings.getOrDefault(key, def);
  }

  /** Returns a context with settings only, the process environment and the UTC clock. */
  public static BrokerContext of(Map<String, String> settings, MarketDataProvider marketData) {
    return new BrokerContext(settings, System.getenv(), marketData, Clock.systemUTC());
  }

  /** Returns a readable summary that never includes environment values. */
  @Override
  public String toString() {
    return "BrokerContext[settings=" + settings.keySet() + ", env=<" + env.size() + " vars>]";
  }
}
