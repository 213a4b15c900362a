package io.github.bsoptions.app.cli;

import io.github.bsoptions.data.MarketDataProviders;
import io.github.bsoptions.data.model.Quote;
import io.github.bsoptions.data.model.StockSnapshot;
import io.github.bsoptions.data.model.Trade;
import io.github.bsoptions.data.replay.ReplayProvider;
import io.github.bsoptions.data.spi.MarketDataProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;

/** Opens the market data source a command names, and finds an underlying's spot in it. */
final class MarketSources {
  private MarketSources() {}

  /**
   * Opens {@code source}: {@code replay} reads {@code replayFile} whole; any other name goes to
   * {@link MarketDataProviders#create} with the environment overridden by {@code settings}.
   *
   * @throws IllegalArgumentException for a missing or unreadable replay file or an unknown source
   */
  static MarketDataProvider open(String source, Path replayFile, Map<String, String> settings) {
    if (source.equals(ReplayProvider.NAME)) {
      if (replayFile == null) {
        throw new IllegalArgumentException("--source replay needs --replay-file");
      }
      if (!Files.isRegularFile(replayFile)) {
        throw new IllegalArgumentException("--replay-file: no such file: " + replayFile);
      }
      ReplayProvider p = ReplayProvider.open(replayFile);
      p.replayAll();
      return p;
    }
    Map<String, String> config = new HashMap<>(System.getenv());
    config.putAll(settings);
    return MarketDataProviders.create(source, config);
  }

  /**
   * The underlying's price from the provider: the snapshot's last trade or two-sided quote mid,
   * else the latest trade, else the latest quote mid; empty when none is available.
   */
  static OptionalDouble spotOf(MarketDataProvider p, String underlying) {
    try {
      StockSnapshot s = p.stockSnapshot(underlying);
      if (s.latestTrade().isPresent()) {
        return OptionalDouble.of(s.latestTrade().get().price());
      }
      if (s.latestQuote().isPresent() && s.latestQuote().get().isTwoSided()) {
        return OptionalDouble.of(s.latestQuote().get().mid());
      }
    } catch (RuntimeException e) {
      // fall through to the latest trade / quote
    }
    try {
      Trade t = p.latestStockTrade(underlying);
      return OptionalDouble.of(t.price());
    } catch (RuntimeException e) {
      // fall through
    }
    try {
      Quote q = p.latestStockQuote(underlying);
      if (q.isTwoSided()) {
        return OptionalDouble.of(q.mid());
      }
    } catch (RuntimeException e) {
      // no spot available
    }
    return OptionalDouble.empty();
  }
}
