package io.github.bsoptions.data.replay;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.bsoptions.data.model.Bar;
import io.github.bsoptions.data.model.OptionChain;
import io.github.bsoptions.data.model.OptionContract;
import io.github.bsoptions.data.model.OptionSnapshot;
import io.github.bsoptions.data.model.ProviderGreeks;
import io.github.bsoptions.data.model.Quote;
import io.github.bsoptions.data.model.StockSnapshot;
import io.github.bsoptions.data.model.Timeframe;
import io.github.bsoptions.data.model.Trade;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The recording format: JSON lines, UTF-8. The first line is a header {@code
 * {"format":"bs-data-recording","version":1}}; every other line is one {@link RecordedEvent}:
 *
 * <pre>{@code
 * {"at":"2026-01-05T14:31:00Z","type":"quote","streamed":true,"data":{"symbol":"SPY",
 *  "bid":500.01,"ask":500.03,"bidSize":300,"askSize":200,"t":"2026-01-05T14:31:00Z"}}
 * }</pre>
 *
 * <p>Types: {@code chain}, {@code quote}, {@code trade}, {@code stock_snapshot}, {@code bars},
 * {@code contracts}. Non-finite numbers are written as {@code null}. Unknown fields are ignored, so
 * later versions can add fields.
 */
public final class RecordingFormat {
  /** The header line's {@code format} value. */
  public static final String FORMAT = "bs-data-recording";

  /** The format version written. */
  public static final int VERSION = 1;

  private static final JsonFactory FACTORY = new JsonFactory();
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private RecordingFormat() {}

  /** Returns the header line (without line terminator). */
  public static String header() {
    return "{\"format\":\"" + FORMAT + "\",\"version\":" + VERSION + "}";
  }

  /** Encodes one event as a single JSON line (without line terminator). */
  public static String encode(RecordedEvent event) {
    StringWriter sw = new StringWriter(256);
    try (JsonGenerator g = FACTORY.createGenerator(sw)) {
      g.writeStartObject();
      g.writeStringField("at", event.at().toString());
      if (event instanceof RecordedEvent.ChainEvent e) {
        g.writeStringField("type", "chain");
        g.writeFieldName("data");
        writeChain(g, e.chain());
      } else if (event instanceof RecordedEvent.QuoteEvent e) {
        g.writeStringField("type", "quote");
        g.writeBooleanField("streamed", e.streamed());
        g.writeFieldName("data");
        writeQuote(g, e.quote());
      } else if (event instanceof RecordedEvent.TradeEvent e) {
        g.writeStringField("type", "trade");
        g.writeBooleanField("streamed", e.streamed());
        g.writeFieldName("data");
        writeTrade(g, e.trade());
      } else if (event instanceof RecordedEvent.StockSnapshotEvent e) {
        g.writeStringField("type", "stock_snapshot");
        g.writeFieldName("data");
        writeStockSnapshot(g, e.snapshot());
      } else if (event instanceof RecordedEvent.BarsEvent e) {
        g.writeStringField("type", "bars");
        g.writeStringField("symbol", e.symbol());
        g.writeStringField("timeframe", e.timeframe().name());
        g.writeArrayFieldStart("data");
        for (Bar b : e.bars()) {
          writeBar(g, b);
        }
        g.writeEndArray();
      } else if (event instanceof RecordedEvent.ContractsEvent e) {
        g.writeStringField("type", "contracts");
        g.writeStringField("underlying", e.underlying());
        g.writeArrayFieldStart("data");
        for (OptionContract c : e.contracts()) {
          writeContract(g, c);
        }
        g.writeEndArray();
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return sw.toString();
  }

  /**
   * Decodes one event line.
   *
   * @throws IllegalArgumentException when the line is not a valid event
   */
  public static RecordedEvent decode(String line) {
    JsonNode n;
    try {
      n = MAPPER.readTree(line);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("malformed JSON: " + e.getOriginalMessage(), e);
    }
    if (n == null || !n.isObject()) {
      throw new IllegalArgumentException("event must be a JSON object");
    }
    try {
      Instant at = Instant.parse(text(n, "at"));
      String type = text(n, "type");
      JsonNode d = n.path("data");
      boolean streamed = n.path("streamed").asBoolean(false);
      switch (type) {
        case "chain":
          return new RecordedEvent.ChainEvent(at, readChain(d));
        case "quote":
          return new RecordedEvent.QuoteEvent(at, readQuote(d), streamed);
        case "trade":
          return new RecordedEvent.TradeEvent(at, readTrade(d), streamed);
        case "stock_snapshot":
          return new RecordedEvent.StockSnapshotEvent(at, readStockSnapshot(d));
        case "bars":
          {
            List<Bar> bars = new ArrayList<>();
            for (JsonNode b : array(n, "data")) {
              bars.add(readBar(b));
            }
            return new RecordedEvent.BarsEvent(
                at, text(n, "symbol"), Timeframe.valueOf(text(n, "timeframe")), bars);
          }
        case "contracts":
          {
            List<OptionContract> cs = new ArrayList<>();
            for (JsonNode c : array(n, "data")) {
              cs.add(readContract(c));
            }
            return new RecordedEvent.ContractsEvent(at, text(n, "underlying"), cs);
          }
        default:
          throw new IllegalArgumentException("unknown event type '" + type + "'");
      }
    } catch (RuntimeException e) {
      if (e instanceof IllegalArgumentException) {
        throw e;
      }
      throw new IllegalArgumentException("invalid event: " + e, e);
    }
  }

  /**
   * Reads a whole recording. A truncated last line (a crash while writing) is skipped; any other
   * bad line fails with its line number.
   *
   * @throws IllegalArgumentException naming the line when the file is not a valid recording
   * @throws UncheckedIOException when the file cannot be read
   */
  public static List<RecordedEvent> read(Path file) {
    List<RecordedEvent> out = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String header = r.readLine();
      if (header == null) {
        throw new IllegalArgumentException(file + ": empty file, expected a recording header");
      }
      JsonNode h;
      try {
        h = MAPPER.readTree(header);
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException(file + ": line 1 is not a recording header", e);
      }
      if (h == null
          || !FORMAT.equals(h.path("format").asText())
          || h.path("version").asInt() != 1) {
        throw new IllegalArgumentException(
            file + ": line 1 must be " + header() + ", was " + abbreviate(header));
      }
      String line = r.readLine();
      int no = 1;
      while (line != null) {
        no++;
        String next = r.readLine();
        if (!line.isBlank()) {
          try {
            out.add(decode(line));
          } catch (IllegalArgumentException e) {
            if (next != null) {
              throw new IllegalArgumentException(file + ": line " + no + ": " + e.getMessage(), e);
            }
            // a truncated final line: the recorder died mid-write; everything before is intact
          }
        }
        line = next;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  // ------------------------------------------------------------------ writers

  static void writeQuote(JsonGenerator g, Quote q) throws IOException {
    g.writeStartObject();
    g.writeStringField("symbol", q.symbol());
    g.writeNumberField("bid", q.bid());
    g.writeNumberField("ask", q.ask());
    g.writeNumberField("bidSize", q.bidSize());
    g.writeNumberField("askSize", q.askSize());
    g.writeStringField("t", q.timestamp().toString());
    g.writeEndObject();
  }

  static void writeTrade(JsonGenerator g, Trade t) throws IOException {
    g.writeStartObject();
    g.writeStringField("symbol", t.symbol());
    g.writeNumberField("price", t.price());
    g.writeNumberField("size", t.size());
    g.writeStringField("t", t.timestamp().toString());
    g.writeEndObject();
  }

  static void writeBar(JsonGenerator g, Bar b) throws IOException {
    g.writeStartObject();
    g.writeStringField("symbol", b.symbol());
    g.writeStringField("t", b.start().toString());
    g.writeNumberField("o", b.open());
    g.writeNumberField("h", b.high());
    g.writeNumberField("l", b.low());
    g.writeNumberField("c", b.close());
    g.writeNumberField("v", b.volume());
    g.writeNumberField("n", b.tradeCount());
    number(g, "vw", b.vwap());
    g.writeEndObject();
  }

  static void writeContract(JsonGenerator g, OptionContract c) throws IOException {
    g.writeStartObject();
    g.writeStringField("symbol", c.symbol());
    if (!c.underlying().equals(c.root())) {
      g.writeStringField("underlying", c.underlying());
    }
    g.writeEndObject();
  }

  static void writeChain(JsonGenerator g, OptionChain c) throws IOException {
    g.writeStartObject();
    g.writeStringField("underlying", c.underlying());
    if (c.underlyingPrice().isPresent()) {
      number(g, "price", c.underlyingPrice().getAsDouble());
    }
    g.writeStringField("asOf", c.asOf().toString());
    g.writeStringField("source", c.source());
    g.writeArrayFieldStart("options");
    for (OptionSnapshot s : c.options()) {
      g.writeStartObject();
      g.writeStringField("symbol", s.symbol());
      if (!s.contract().underlying().equals(s.contract().root())) {
        g.writeStringField("underlying", s.contract().underlying());
      }
      if (s.quote().isPresent()) {
        g.writeFieldName("quote");
        writeQuote(g, s.quote().get());
      }
      if (s.lastTrade().isPresent()) {
        g.writeFieldName("trade");
        writeTrade(g, s.lastTrade().get());
      }
      if (s.impliedVolatility().isPresent()) {
        number(g, "iv", s.impliedVolatility().getAsDouble());
      }
      if (s.greeks().isPresent()) {
        ProviderGreeks pg = s.greeks().get();
        g.writeObjectFieldStart("greeks");
        number(g, "delta", pg.delta());
        number(g, "gamma", pg.gamma());
        number(g, "theta", pg.theta());
        number(g, "vega", pg.vega());
        number(g, "rho", pg.rho());
        g.writeEndObject();
      }
      g.writeNumberField("volume", s.volume());
      if (s.openInterest().isPresent()) {
        g.writeNumberField("oi", s.openInterest().getAsLong());
      }
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  static void writeStockSnapshot(JsonGenerator g, StockSnapshot s) throws IOException {
    g.writeStartObject();
    g.writeStringField("symbol", s.symbol());
    if (s.latestQuote().isPresent()) {
      g.writeFieldName("quote");
      writeQuote(g, s.latestQuote().get());
    }
    if (s.latestTrade().isPresent()) {
      g.writeFieldName("trade");
      writeTrade(g, s.latestTrade().get());
    }
    if (s.dailyBar().isPresent()) {
      g.writeFieldName("dailyBar");
      writeBar(g, s.dailyBar().get());
    }
    if (s.previousDailyBar().isPresent()) {
      g.writeFieldName("prevDailyBar");
      writeBar(g, s.previousDailyBar().get());
    }
    g.writeEndObject();
  }

  private static void number(JsonGenerator g, String name, double v) throws IOException {
    if (Double.isFinite(v)) {
      g.writeNumberField(name, v);
    } else {
      g.writeNullField(name);
    }
  }

  // ------------------------------------------------------------------ readers

  static Quote readQuote(JsonNode n) {
    return new Quote(
        text(n, "symbol"),
        num(n, "bid"),
        num(n, "ask"),
        n.path("bidSize").asLong(),
        n.path("askSize").asLong(),
        Instant.parse(text(n, "t")));
  }

  static Trade readTrade(JsonNode n) {
    return new Trade(
        text(n, "symbol"), num(n, "price"), n.path("size").asLong(), Instant.parse(text(n, "t")));
  }

  static Bar readBar(JsonNode n) {
    return new Bar(
        text(n, "symbol"),
        Instant.parse(text(n, "t")),
        num(n, "o"),
        num(n, "h"),
        num(n, "l"),
        num(n, "c"),
        n.path("v").asLong(),
        n.path("n").asLong(),
        num(n, "vw"));
  }

  static OptionContract readContract(JsonNode n) {
    OptionContract c = OptionContract.parse(text(n, "symbol"));
    JsonNode u = n.get("underlying");
    if (u != null && u.isTextual()) {
      c = new OptionContract(c.root(), u.asText(), c.expiration(), c.type(), c.strike());
    }
    return c;
  }

  static OptionChain readChain(JsonNode n) {
    List<OptionSnapshot> opts = new ArrayList<>();
    for (JsonNode o : array(n, "options")) {
      double iv = num(o, "iv");
      JsonNode gn = o.get("greeks");
      Optional<ProviderGreeks> greeks =
          gn == null || !gn.isObject()
              ? Optional.empty()
              : Optional.of(
                  new ProviderGreeks(
                      num(gn, "delta"),
                      num(gn, "gamma"),
                      num(gn, "theta"),
                      num(gn, "vega"),
                      num(gn, "rho")));
      JsonNode oi = o.get("oi");
      opts.add(
          new OptionSnapshot(
              readContract(o),
              o.has("quote") ? Optional.of(readQuote(o.get("quote"))) : Optional.empty(),
              o.has("trade") ? Optional.of(readTrade(o.get("trade"))) : Optional.empty(),
              Double.isNaN(iv) ? OptionalDouble.empty() : OptionalDouble.of(iv),
              greeks,
              o.path("volume").asLong(),
              oi == null || !oi.isNumber() ? OptionalLong.empty() : OptionalLong.of(oi.asLong())));
    }
    double price = num(n, "price");
    return new OptionChain(
        text(n, "underlying"),
        Double.isNaN(price) ? OptionalDouble.empty() : OptionalDouble.of(price),
        Instant.parse(text(n, "asOf")),
        opts,
        text(n, "source"));
  }

  static StockSnapshot readStockSnapshot(JsonNode n) {
    return new StockSnapshot(
        text(n, "symbol"),
        n.has("quote") ? Optional.of(readQuote(n.get("quote"))) : Optional.empty(),
        n.has("trade") ? Optional.of(readTrade(n.get("trade"))) : Optional.empty(),
        n.has("dailyBar") ? Optional.of(readBar(n.get("dailyBar"))) : Optional.empty(),
        n.has("prevDailyBar") ? Optional.of(readBar(n.get("prevDailyBar"))) : Optional.empty());
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || !v.isTextual()) {
      throw new IllegalArgumentException("missing text field '" + field + "'");
    }
    return v.asText();
  }

  private static double num(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || !v.isNumber() ? Double.NaN : v.asDouble();
  }

  private static Iterable<JsonNode> array(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || !v.isArray()) {
      throw new IllegalArgumentException("missing array field '" + field + "'");
    }
    return v;
  }

  private static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 80) + "...";
  }
}
