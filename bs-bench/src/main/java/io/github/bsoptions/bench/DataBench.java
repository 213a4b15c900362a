package io.github.bsoptions.bench;

import io.github.bsoptions.data.alpaca.AlpacaMarketDataProvider;
import io.github.bsoptions.data.failover.CachePolicy;
import io.github.bsoptions.data.failover.FailoverMarketData;
import io.github.bsoptions.data.model.OptionChain;
import io.github.bsoptions.data.model.OptionChainQuery;
import io.github.bsoptions.data.model.OptionSnapshot;
import io.github.bsoptions.data.sim.SimulatedMarket;
import io.github.bsoptions.data.sim.SimulationConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * bs-data hot paths: a simulated 2,002-contract chain tick, a cached chain lookup through the
 * failover client, parsing a 5,000-contract Alpaca chain snapshot page, and decoding a MessagePack
 * option-stream frame of 100 quotes.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DataBench {
  private SimulatedMarket market;
  private FailoverMarketData cached;
  private OptionChainQuery query;
  private byte[] chainPage;
  private byte[] streamFrame;

  /** Builds the market (7 expiries x 143 strikes x 2 types = 2,002 contracts) and the payloads. */
  @Setup(Level.Trial)
  public void setUp() throws IOException {
    market =
        SimulatedMarket.create(
            SimulationConfig.builder()
                .seed(1)
                .underlying("SPY", 500, 0.18)
                .strikesPerExpiry(143)
                .build());
    query = OptionChainQuery.all("SPY");
    cached =
        FailoverMarketData.builder()
            .add(market)
            .cache(
                new CachePolicy(
                    Duration.ofHours(1),
                    Duration.ofHours(1),
                    Duration.ofHours(1),
                    Duration.ofHours(1),
                    1000))
            .build();
    cached.optionChain(query);
    chainPage = alpacaPage(5000);
    streamFrame = msgpackFrame(100);
  }

  /** Closes the market. */
  @TearDown(Level.Trial)
  public void tearDown() {
    market.close();
  }

  /** One simulated step plus a full 2,002-contract chain snapshot (quotes, greeks, OI). */
  @Benchmark
  public OptionChain simulatedChainTick() {
    market.advance();
    return market.optionChain(query);
  }

  /** A chain lookup answered from the failover client's cache. */
  @Benchmark
  public OptionChain cachedChainLookup() {
    return cached.optionChain(query);
  }

  /**
   * Parses a 5,000-contract Alpaca chain snapshot page (about 3.3 MB of JSON), in parts on the
   * common pool as the parser does by default (one part per processor, here two).
   */
  @Benchmark
  public Map<String, OptionSnapshot> parseAlpacaChainPage5000() throws IOException {
    Map<String, OptionSnapshot> out = new HashMap<>(8192);
    AlpacaMarketDataProvider.parseChainPage(chainPage, out);
    return out;
  }

  /** As {@link #parseAlpacaChainPage5000} in the calling thread only. */
  @Benchmark
  @Fork(jvmArgsAppend = "-Dbsoptions.data.parseThreads=1")
  public Map<String, OptionSnapshot> parseAlpacaChainPage5000OneThread() throws IOException {
    Map<String, OptionSnapshot> out = new HashMap<>(8192);
    AlpacaMarketDataProvider.parseChainPage(chainPage, out);
    return out;
  }

  /**
   * The same page through the Jackson-token parser bs-data used before (baseline for the ratio;
   * compare within one run).
   */
  @Benchmark
  public Map<String, OptionSnapshot> parseAlpacaChainPage5000JacksonBaseline() throws IOException {
    Map<String, OptionSnapshot> out = new HashMap<>(8192);
    JacksonChainPageBaseline.chainPage(chainPage, out);
    return out;
  }

  /** Decodes a 100-quote MessagePack frame of the option stream. */
  @Benchmark
  public List<Object> decodeMsgpackFrame100() throws IOException {
    return AlpacaMarketDataProvider.decodeOptionStreamFrame(streamFrame);
  }

  static byte[] alpacaPage(int n) {
    StringBuilder sb = new StringBuilder(n * 500);
    sb.append("{\"snapshots\":{");
    LocalDate exp = LocalDate.of(2026, 12, 18);
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        sb.append(',');
      }
      String sym =
          String.format(
              "SPY%02d%02d%02d%s%08d",
              exp.getYear() % 100,
              exp.getMonthValue(),
              exp.getDayOfMonth(),
              i % 2 == 0 ? "C" : "P",
              (100 + i / 2) * 1000);
      sb.append('"')
          .append(sym)
          .append("\":{")
          .append(
              "\"latestTrade\":{\"t\":\"2026-09-14T15:42:07.118204416Z\",\"x\":\"C\",\"p\":41.85,\"s\":2,\"c\":\"I\"},")
          .append(
              "\"latestQuote\":{\"t\":\"2026-09-14T15:45:59.904512768Z\",\"bx\":\"N\",\"bp\":41.60,\"bs\":35,\"ax\":\"C\",\"ap\":42.05,\"as\":28,\"c\":\"A\"},")
          .append(
              "\"minuteBar\":{\"t\":\"2026-09-14T15:42:00Z\",\"o\":41.85,\"h\":41.85,\"l\":41.85,\"c\":41.85,\"v\":2,\"n\":1,\"vw\":41.85},")
          .append(
              "\"dailyBar\":{\"t\":\"2026-09-14T04:00:00Z\",\"o\":40.90,\"h\":42.30,\"l\":40.10,\"c\":41.85,\"v\":312,\"n\":57,\"vw\":41.2231},")
          .append(
              "\"prevDailyBar\":{\"t\":\"2026-09-11T04:00:00Z\",\"o\":39.75,\"h\":41.02,\"l\":39.30,\"c\":40.66,\"v\":280,\"n\":49,\"vw\":40.1187},")
          .append("\"impliedVolatility\":0.1874,")
          .append(
              "\"greeks\":{\"delta\":0.7312,\"gamma\":0.0046,\"theta\":-0.0921,\"vega\":1.0187,\"rho\":2.4415}}");
    }
    sb.append("},\"next_page_token\":null}");
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  static byte[] msgpackFrame(int n) throws IOException {
    try (MessageBufferPacker p = MessagePack.newDefaultBufferPacker()) {
      p.packArrayHeader(n);
      for (int i = 0; i < n; i++) {
        p.packMapHeader(10);
        p.packString("T").packString("q");
        p.packString("S").packString(String.format("AAPL261016C%08d", (200 + i) * 1000));
        p.packString("t").packTimestamp(java.time.Instant.parse("2026-09-14T15:45:59.904512768Z"));
        p.packString("bx").packString("C");
        p.packString("bp").packDouble(3.35);
        p.packString("bs").packInt(12);
        p.packString("ax").packString("X");
        p.packString("ap").packDouble(3.45);
        p.packString("as").packInt(20);
        p.packString("c").packString("A");
      }
      return p.toByteArray();
    }
  }
}
