package io.github.bsoptions.data.failover;

import io.github.bsoptions.data.model.Bar;
import io.github.bsoptions.data.model.OptionChain;
import io.github.bsoptions.data.model.OptionChainQuery;
import io.github.bsoptions.data.model.OptionContract;
import io.github.bsoptions.data.model.OptionSnapshot;
import io.github.bsoptions.data.model.Quote;
import io.github.bsoptions.data.model.StockSnapshot;
import io.github.bsoptions.data.model.Timeframe;
import io.github.bsoptions.data.model.Trade;
import io.github.bsoptions.data.spi.MarketDataProvider;
import io.github.bsoptions.data.spi.ProviderCapability;
import io.github.bsoptions.data.spi.StreamListener;
import io.github.bsoptions.data.spi.StreamRequest;
import io.github.bsoptions.data.spi.Subscription;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** A provider whose behaviour per call is scripted by the test. */
class ScriptedProvider implements MarketDataProvider {
  final String name;
  final AtomicInteger calls = new AtomicInteger();
  volatile Supplier<RuntimeException> fault = () -> null;
  volatile Runnable beforeCall = () -> {};
  Set<ProviderCapability> caps = Set.copyOf(EnumSet.allOf(ProviderCapability.class));

  ScriptedProvider(String name) {
    this.name = name;
  }

  static OptionChain chain(String underlying, String source) {
    OptionContract c = OptionContract.parse(underlying + "261218C00100000");
    Instant t = Instant.parse("2026-09-14T15:00:00Z");
    return new OptionChain(
        underlying,
        OptionalDouble.of(100),
        t,
        List.of(
            new OptionSnapshot(
                c,
                Optional.of(new Quote(c.symbol(), 1.0, 1.1, 1, 1, t)),
                Optional.empty(),
                OptionalDouble.empty(),
                Optional.empty(),
                0,
                OptionalLong.empty())),
        source);
  }

  private void enter() {
    calls.incrementAndGet();
    beforeCall.run();
    RuntimeException e = fault.get();
    if (e != null) {
      throw e;
    }
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Set<ProviderCapability> capabilities() {
    return caps;
  }

  @Override
  public Quote latestStockQuote(String symbol) {
    enter();
    return new Quote(symbol, 99.9, 100.1, 1, 1, Instant.EPOCH);
  }

  @Override
  public Trade latestStockTrade(String symbol) {
    enter();
    return new Trade(symbol, 100, 1, Instant.EPOCH);
  }

  @Override
  public StockSnapshot stockSnapshot(String symbol) {
    throw new UnsupportedOperationException();
  }

  @Override
  public List<Bar> stockBars(String symbol, Timeframe timeframe, Instant start, Instant end) {
    throw new UnsupportedOperationException();
  }

  @Override
  public List<OptionContract> optionContracts(OptionChainQuery query) {
    throw new UnsupportedOperationException();
  }

  @Override
  public OptionChain optionChain(OptionChainQuery query) {
    enter();
    return chain(query.underlying(), name);
  }

  @Override
  public List<Bar> optionBars(String occSymbol, Timeframe timeframe, Instant start, Instant end) {
    throw new UnsupportedOperationException();
  }

  @Override
  public List<Trade> optionTrades(String occSymbol, Instant start, Instant end) {
    throw new UnsupportedOperationException();
  }

  @Override
  public List<Quote> latestOptionQuotes(List<String> occSymbols) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Subscription subscribe(StreamRequest request, StreamListener listener) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void close() {}
}
