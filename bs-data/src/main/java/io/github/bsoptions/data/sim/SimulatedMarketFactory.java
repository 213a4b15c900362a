package io.github.bsoptions.data.sim;

import io.github.bsoptions.data.spi.MarketDataProvider;
import io.github.bsoptions.data.spi.MarketDataProviderFactory;
import java.util.Map;

/**
 * Creates a {@link SimulatedMarket}. Config keys: {@code SIM_SEED} (default 42), {@code
 * SIM_SYMBOLS} (default {@code SPY:500:0.18,QQQ:430:0.22,AAPL:190:0.28}: symbol, spot, volatility),
 * {@code SIM_HISTORY_DAYS} (default 0).
 */
public final class SimulatedMarketFactory implements MarketDataProviderFactory {
  /** Creates the factory (ServiceLoader). */
  public SimulatedMarketFactory() {}

  @Override
  public String name() {
    return SimulatedMarket.NAME;
  }

  @Override
  public MarketDataProvider create(Map<String, String> config) {
    SimulationConfig.Builder b =
        SimulationConfig.builder()
            .seed(Long.parseLong(config.getOrDefault("SIM_SEED", "42")))
            .historyDays(Integer.parseInt(config.getOrDefault("SIM_HISTORY_DAYS", "0")));
    String symbols = config.getOrDefault("SIM_SYMBOLS", "SPY:500:0.18,QQQ:430:0.22,AAPL:190:0.28");
    for (String s : symbols.split(",")) {
      String[] p = s.trim().split(":");
      if (p.length != 3) {
        throw new IllegalArgumentException(
            "SIM_SYMBOLS entries must be SYMBOL:SPOT:VOL, was '" + s + "'");
      }
      b.underlying(p[0], Double.parseDouble(p[1]), Double.parseDouble(p[2]));
    }
    return SimulatedMarket.create(b.build());
  }
}
