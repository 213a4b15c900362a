package io.github.bsoptions.examples;

import io.github.bsoptions.data.enrich.ChainEnricher;
import io.github.bsoptions.data.model.EnrichedOption;
import io.github.bsoptions.data.model.OptionChain;
import io.github.bsoptions.data.model.OptionChainQuery;
import io.github.bsoptions.data.sim.SimulatedMarket;
import io.github.bsoptions.data.sim.SimulationConfig;
import java.util.List;
import java.util.OptionalDouble;

/** bs-data alone: a seeded simulated market, one hour of quotes, an enriched option chain. */
public final class SimulatedChainExample {
  private SimulatedChainExample() {}

  /**
   * Runs the example.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    SimulatedMarket market =
        SimulatedMarket.create(
            SimulationConfig.builder().seed(7).underlying("SPY", 500, 0.18).build());
    market.advance(60); // one simulated hour of 1-minute steps; nothing sleeps
    OptionChain chain = market.optionChain(OptionChainQuery.all("SPY"));
    List<EnrichedOption> enriched =
        ChainEnricher.withRate(0.04).enrich(chain, OptionalDouble.empty());
    System.out.printf(
        "SPY at %s: %d contracts; spot %.2f%n", market.now(), enriched.size(), market.spot("SPY"));
    System.out.println("contract                 mid       iv      delta");
    enriched.stream()
        .filter(o -> Math.abs(o.contract().strike() - o.underlyingPrice()) <= 3)
        .limit(8)
        .forEach(
            o ->
                System.out.printf(
                    "%-22s  %8.4f  %6.4f  %7.4f%n",
                    o.contract().symbol(), o.mid(), o.impliedVolatility(), o.delta()));
  }
}
