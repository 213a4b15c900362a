package io.github.bsoptions.data.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bsoptions.data.enrich.ChainEnricher;
import io.github.bsoptions.data.failover.FailoverMarketData;
import io.github.bsoptions.data.model.EnrichedOption;
import io.github.bsoptions.data.model.OptionChain;
import io.github.bsoptions.data.model.OptionChainQuery;
import io.github.bsoptions.data.model.Quote;
import io.github.bsoptions.data.model.Trade;
import io.github.bsoptions.data.replay.RecordingMarketData;
import io.github.bsoptions.data.replay.ReplayProvider;
import io.github.bsoptions.data.sim.SimulatedMarket;
import io.github.bsoptions.data.sim.SimulationConfig;
import io.github.bsoptions.data.spi.StreamListener;
import io.github.bsoptions.data.spi.StreamRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bs-data README example, compiled and run. */
class ReadmeExampleTest {
  @TempDir Path dir;

  @Test
  void readmeExampleRuns() {
    // README example start
    SimulatedMarket market =
        SimulatedMarket.create(
            SimulationConfig.builder()
                .seed(7)
                .underlying("SPY", 500, 0.18)
                .underlying("AAPL", 190, 0.28)
                .historyDays(20)
                .build());

    // Stream quotes, record the session, advance the simulated clock (no sleeping).
    Path file = dir.resolve("session.jsonl");
    try (RecordingMarketData recorded = RecordingMarketData.wrap(market, file, market::now)) {
      recorded.subscribe(
          new StreamRequest(Set.of("SPY"), Set.of(), Set.of(), Set.of()),
          new StreamListener() {
            @Override
            public void onQuote(Quote q) {}

            @Override
            public void onTrade(Trade t) {}
          });
      market.advance(60); // one simulated hour of 1-minute steps
      OptionChain chain = recorded.optionChain(OptionChainQuery.all("SPY"));

      // Mid, spread, implied forward, IV and greeks (provider's, or computed with bs-pricing).
      List<EnrichedOption> enriched =
          ChainEnricher.withRate(0.04).enrich(chain, OptionalDouble.empty());
      assertThat(enriched).hasSize(chain.options().size());
    }

    // Replay the recording in recorded order, as fast as possible.
    ReplayProvider replay = ReplayProvider.open(file);
    replay.replayAll();
    OptionChain replayed = replay.optionChain(OptionChainQuery.all("SPY"));

    // Live use: Alpaca first, Massive as fallback, with caching and a circuit breaker:
    //   FailoverMarketData live = FailoverMarketData.builder()
    //       .add(new AlpacaMarketDataProvider(AlpacaConfig.fromEnv(System.getenv())))
    //       .add(new MassiveMarketDataProvider(MassiveConfig.fromEnv(System.getenv())))
    //       .build();
    FailoverMarketData offline = FailoverMarketData.builder().add(market).build();
    assertThat(offline.optionChain(OptionChainQuery.all("AAPL")).source()).isEqualTo("simulated");
    // README example end
    assertThat(replayed.options()).isNotEmpty();
  }
}
