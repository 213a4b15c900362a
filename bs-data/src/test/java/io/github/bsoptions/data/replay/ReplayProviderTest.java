package io.github.bsoptions.data.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.bsoptions.data.error.DataException;
import io.github.bsoptions.data.model.Bar;
import io.github.bsoptions.data.model.OptionChain;
import io.github.bsoptions.data.model.OptionChainQuery;
import io.github.bsoptions.data.model.OptionContract;
import io.github.bsoptions.data.model.Quote;
import io.github.bsoptions.data.model.Timeframe;
import io.github.bsoptions.data.model.Trade;
import io.github.bsoptions.data.sim.SimulatedMarket;
import io.github.bsoptions.data.sim.SimulationConfig;
import io.github.bsoptions.data.spi.StreamListener;
import io.github.bsoptions.data.spi.StreamRequest;
import io.github.bsoptions.pricing.product.OptionType;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayProviderTest {
  @TempDir Path dir;

  private static final class Collect implements StreamListener {
    final List<Object> events = new ArrayList<>();

    @Override
    public void onQuote(Quote quote) {
      events.add(quote);
    }

    @Override
    public void onTrade(Trade trade) {
      events.add(trade);
    }
  }

  @Test
  void recordedSimulationReplaysIdentically() {
    Path file = dir.resolve("session.jsonl");
    SimulatedMarket sim =
        SimulatedMarket.create(
            SimulationConfig.builder()
                .seed(11)
                .underlying("SPY", 500, 0.18)
                .historyDays(2)
                .build());
    String occ =
        OptionContract.of("SPY", sim.listedExpiries().get(0), OptionType.CALL, 500).symbol();
    StreamRequest req = new StreamRequest(Set.of("SPY"), Set.of(), Set.of(occ), Set.of(occ));
    List<OptionChain> liveChains = new ArrayList<>();
    List<Instant> chainTimes = new ArrayList<>();
    Collect live = new Collect();
    List<Bar> liveBars;
    try (RecordingMarketData rec = RecordingMarketData.wrap(sim, file, sim::now)) {
      rec.subscribe(req, live);
      liveBars = rec.stockBars("SPY", Timeframe.DAY_1, Instant.EPOCH, sim.now());
      for (int i = 0; i < 5; i++) {
        sim.advance(10);
        chainTimes.add(sim.now());
        liveChains.add(rec.optionChain(OptionChainQuery.all("SPY")));
        rec.latestStockQuote("SPY");
      }
    }
    ReplayProvider replay = ReplayProvider.open(file);
    Collect replayed = new Collect();
    replay.subscribe(req, replayed);
    assertThatThrownBy(() -> replay.optionChain(OptionChainQuery.all("SPY")))
        .isInstanceOf(DataException.NotFound.class);
    for (int i = 0; i < 5; i++) {
      replay.advanceTo(chainTimes.get(i));
      assertThat(replay.optionChain(OptionChainQuery.all("SPY"))).isEqualTo(liveChains.get(i));
    }
    replay.replayAll();
    assertThat(replay.finished()).isTrue();
    assertThat(replayed.events).isEqualTo(live.events).isNotEmpty();
    assertThat(replay.stockBars("SPY", Timeframe.DAY_1, Instant.EPOCH, replay.now()))
        .isEqualTo(liveBars);
    assertThat(replay.latestStockQuote("SPY")).isEqualTo(sim.latestStockQuote("SPY"));
    OptionChain filtered =
        replay.optionChain(
            OptionChainQuery.all("SPY").withType(OptionType.PUT).withStrikes(495, 505));
    assertThat(filtered.options()).hasSize(3 * 7);
  }

  @Test
  void playWithSpeedFactorDeliversInRecordedOrder() throws InterruptedException {
    Instant t0 = Instant.parse("2026-01-05T14:30:00Z");
    List<RecordedEvent> events = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      Instant t = t0.plusMillis(i * 10L);
      events.add(
          new RecordedEvent.QuoteEvent(t, new Quote("SPY", 500 + i, 501 + i, 1, 1, t), true));
    }
    ReplayProvider r = ReplayProvider.of(events);
    Collect c = new Collect();
    r.subscribe(new StreamRequest(Set.of("SPY"), Set.of(), Set.of(), Set.of()), c);
    assertThat(r.play(1000.0)).isEqualTo(20);
    assertThat(c.events).hasSize(20);
    assertThat(((Quote) c.events.get(19)).bid()).isEqualTo(519.0);
    assertThatThrownBy(() -> r.play(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void truncatedLastLineIsSkippedButBadMiddleLineFailsWithLineNumber() throws IOException {
    Instant t = Instant.parse("2026-01-05T14:30:00Z");
    String good =
        RecordingFormat.encode(new RecordedEvent.TradeEvent(t, new Trade("SPY", 500, 10, t), true));
    Path f = dir.resolve("trunc.jsonl");
    Files.writeString(
        f,
        RecordingFormat.header() + "\n" + good + "\n" + good.substring(0, 20),
        StandardCharsets.UTF_8);
    assertThat(RecordingFormat.read(f)).hasSize(1);
    Path g = dir.resolve("bad.jsonl");
    Files.writeString(
        g,
        RecordingFormat.header() + "\n" + good + "\n{\"at\":\"x\"}\n" + good + "\n",
        StandardCharsets.UTF_8);
    assertThatThrownBy(() -> RecordingFormat.read(g)).hasMessageContaining("line 3");
    Path h = dir.resolve("nohdr.jsonl");
    Files.writeString(h, good + "\n", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> RecordingFormat.read(h)).hasMessageContaining("line 1");
  }

  @Test
  void chainCsvImportsGoodRowsAndReportsBadOnes() {
    String csv =
        "symbol,bid,ask,volume,open_interest,iv,delta,gamma,theta,vega,underlying_price\n"
            + "SPY260116C00500000,10.1,10.3,12,3400,0.18,0.52,0.01,-0.2,0.6,501.2\n"
            + "SPY260116P00500000,9.0,9.2,,,,,,,,\n"
            + "NOT_A_SYMBOL,1,2,,,,,,,,\n"
            + "SPY260116P00505000,abc,1,,,,,,,,\n";
    ChainCsv.Result r =
        ChainCsv.read(new StringReader(csv), "SPY", Instant.parse("2026-01-05T15:00:00Z"), "csv");
    assertThat(r.chain().options()).hasSize(2);
    assertThat(r.errors()).extracting(ChainCsv.RowError::line).containsExactly(4, 5);
    assertThat(r.chain().underlyingPrice().getAsDouble()).isEqualTo(501.2);
    assertThat(r.chain().options().get(0).greeks()).isPresent();
    assertThat(r.chain().options().get(1).greeks()).isEmpty();
    assertThat(r.chain().options().get(1).openInterest()).isEmpty();
    ReplayProvider rp =
        ReplayProvider.of(List.of(new RecordedEvent.ChainEvent(r.chain().asOf(), r.chain())));
    rp.replayAll();
    assertThat(rp.latestOptionQuotes(List.of("SPY260116P00500000")).get(0).ask()).isEqualTo(9.2);

    String byParts =
        "expiry,type,strike,bid,ask\n2026-01-16,put,480,1.1,1.2\n2026-01-16,X,480,1,2\n";
    ChainCsv.Result p = ChainCsv.read(new StringReader(byParts), "SPY", Instant.EPOCH, "csv");
    assertThat(p.chain().options()).hasSize(1);
    assertThat(p.chain().options().get(0).symbol()).isEqualTo("SPY260116P00480000");
    assertThat(p.errors()).hasSize(1);
    assertThatThrownBy(
            () -> ChainCsv.read(new StringReader("bid,ask\n"), "SPY", Instant.EPOCH, "x"))
        .hasMessageContaining("symbol");
  }

  @Test
  void barCsvImport() {
    String csv =
        "date,open,high,low,close,volume\n2026-01-02,10,11,9,10.5,100\n2026-01-03,10,9,11,10,1\n";
    BarCsv.Result r = BarCsv.read(new StringReader(csv), "SPY", ZoneOffset.UTC);
    assertThat(r.bars()).hasSize(1);
    assertThat(r.errors()).hasSize(1);
    assertThat(r.bars().get(0).start()).isEqualTo(Instant.parse("2026-01-02T00:00:00Z"));
  }

  @Test
  void speedIsDurationIndependentOfTheWallClock() {
    // advanceTo past the end moves the clock and applies everything.
    Instant t = Instant.parse("2026-01-05T14:30:00Z");
    ReplayProvider r =
        ReplayProvider.of(
            List.of(new RecordedEvent.TradeEvent(t, new Trade("SPY", 500, 1, t), false)));
    assertThat(r.advanceTo(t.plus(Duration.ofHours(1)))).isEqualTo(1);
    assertThat(r.now()).isEqualTo(t.plus(Duration.ofHours(1)));
    assertThat(r.latestStockTrade("SPY").price()).isEqualTo(500.0);
  }
}
