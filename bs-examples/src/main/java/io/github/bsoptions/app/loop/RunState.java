package io.github.bsoptions.app.loop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.bsoptions.data.model.OptionContract;
import io.github.bsoptions.signals.strategy.ExitRules;
import io.github.bsoptions.signals.strategy.Signal;
import io.github.bsoptions.signals.strategy.SignalLeg;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code bs run} keeps between runs besides the engine's journal and the paper account: where
 * the feed was, and the strategy book the loop manages (the open structures with their exit rules,
 * realized P&amp;L). Written atomically (temporary file, then rename) after every cycle.
 *
 * @param source the market data source ({@code simulated}, {@code replay}, {@code alpaca})
 * @param broker the broker name
 * @param seed the simulated market's seed (0 for other sources)
 * @param stepSeconds the simulated step in seconds (0 for a live source)
 * @param firstStart the feed's time when the first run started (fills are reconciled from here)
 * @param feedTime the feed's time after the last completed cycle
 * @param cycles cycles completed over all runs
 * @param runs runs so far, this one included
 * @param book the strategy book
 */
public record RunState(
    String source,
    String broker,
    long seed,
    long stepSeconds,
    Instant firstStart,
    Instant feedTime,
    long cycles,
    int runs,
    Book book) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Checks for nulls. */
  public RunState {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(broker, "broker");
    Objects.requireNonNull(firstStart, "firstStart");
    Objects.requireNonNull(feedTime, "feedTime");
    Objects.requireNonNull(book, "book");
  }

  /**
   * One structure the loop opened and still manages.
   *
   * @param signal the signal it was opened on (legs, exit rules)
   * @param units strategy units (contracts per leg ratio)
   * @param entryNet net price per share at entry (positive debit, negative credit)
   * @param strategy strategy name
   * @param entryOrder the client order id of the entry order
   */
  public record Trade(
      Signal signal, long units, double entryNet, String strategy, String entryOrder) {
    /** Checks the fields. */
    public Trade {
      Objects.requireNonNull(signal, "signal");
      Objects.requireNonNull(strategy, "strategy");
      Objects.requireNonNull(entryOrder, "entryOrder");
      if (units <= 0) {
        throw new IllegalArgumentException("units must be > 0, was " + units);
      }
    }
  }

  /**
   * The strategy book.
   *
   * @param realized realized P&amp;L of closed structures, in currency
   * @param closedPnl the P&amp;L of each closed structure, in order
   * @param open the open structures
   */
  public record Book(double realized, List<Double> closedPnl, List<Trade> open) {
    /** Copies the lists. */
    public Book {
      closedPnl = List.copyOf(closedPnl);
      open = List.copyOf(open);
    }

    /** An empty book. */
    public static Book empty() {
      return new Book(0, List.of(), List.of());
    }
  }

  /** Reads the state file, empty when it does not exist. */
  public static Optional<RunState> read(Path file) {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(fromJson(JSON.readTree(file.toFile())));
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("cannot read the run state " + file + ": " + e, e);
    }
  }

  /** Writes the state atomically (a temporary file renamed over the old one). */
  public void write(Path file) {
    try {
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      Files.writeString(
          tmp,
          JSON.writerWithDefaultPrettyPrinter().writeValueAsString(toJson()),
          StandardCharsets.UTF_8);
      try (var ch =
          java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
        ch.force(true);
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the run state " + file, e);
    }
  }

  ObjectNode toJson() {
    ObjectNode n = JSON.createObjectNode();
    n.put("format", 1);
    n.put("source", source);
    n.put("broker", broker);
    n.put("seed", seed);
    n.put("stepSeconds", stepSeconds);
    n.put("firstStart", firstStart.toString());
    n.put("feedTime", feedTime.toString());
    n.put("cycles", cycles);
    n.put("runs", runs);
    ObjectNode b = n.putObject("book");
    b.put("realized", book.realized());
    ArrayNode closed = b.putArray("closedPnl");
    book.closedPnl().forEach(closed::add);
    ArrayNode open = b.putArray("open");
    for (Trade t : book.open()) {
      ObjectNode o = open.addObject();
      o.put("strategy", t.strategy());
      o.put("units", t.units());
      o.put("entryNet", t.entryNet());
      o.put("entryOrder", t.entryOrder());
      Signal s = t.signal();
      ObjectNode sn = o.putObject("signal");
      sn.put("strategy", s.strategy());
      sn.put("underlying", s.underlying());
      sn.put("structure", s.structure());
      ArrayNode legs = sn.putArray("legs");
      for (SignalLeg l : s.legs()) {
        legs.addObject()
            .put("symbol", l.contract().symbol())
            .put("quantity", l.quantity())
            .put("price", text(l.price()));
      }
      sn.put("netPrice", s.netPrice());
      sn.put("profitTarget", text(s.exit().profitTarget()));
      sn.put("stopLoss", text(s.exit().stopLoss()));
      sn.put("exitBy", s.exit().exitBy().toString());
      sn.put("confidence", s.confidence());
      sn.put("probabilityOfProfit", s.probabilityOfProfit());
      sn.put("expectedProfit", text(s.expectedProfit()));
      sn.put("maxLoss", text(s.maxLoss()));
      sn.put("rationale", s.rationale());
      sn.put("asOf", s.asOf().toString());
    }
    return n;
  }

  static RunState fromJson(JsonNode n) {
    if (n.path("format").asInt() != 1) {
      throw new IllegalArgumentException("unknown run state format " + n.path("format"));
    }
    JsonNode b = n.path("book");
    List<Double> closed = new ArrayList<>();
    b.path("closedPnl").forEach(x -> closed.add(x.asDouble()));
    List<Trade> open = new ArrayList<>();
    for (JsonNode o : b.path("open")) {
      JsonNode sn = o.path("signal");
      List<SignalLeg> legs = new ArrayList<>();
      for (JsonNode l : sn.path("legs")) {
        legs.add(
            new SignalLeg(
                OptionContract.parse(l.path("symbol").asText()),
                l.path("quantity").asInt(),
                number(l.path("price"))));
      }
      Signal s =
          new Signal(
              sn.path("strategy").asText(),
              sn.path("underlying").asText(),
              sn.path("structure").asText(),
              legs,
              sn.path("netPrice").asDouble(),
              new ExitRules(
                  number(sn.path("profitTarget")),
                  number(sn.path("stopLoss")),
                  LocalDate.parse(sn.path("exitBy").asText())),
              sn.path("confidence").asDouble(),
              sn.path("probabilityOfProfit").asDouble(),
              number(sn.path("expectedProfit")),
              number(sn.path("maxLoss")),
              sn.path("rationale").asText(),
              Instant.parse(sn.path("asOf").asText()));
      open.add(
          new Trade(
              s,
              o.path("units").asLong(),
              o.path("entryNet").asDouble(),
              o.path("strategy").asText(),
              o.path("entryOrder").asText()));
    }
    return new RunState(
        n.path("source").asText(),
        n.path("broker").asText(),
        n.path("seed").asLong(),
        n.path("stepSeconds").asLong(),
        Instant.parse(n.path("firstStart").asText()),
        Instant.parse(n.path("feedTime").asText()),
        n.path("cycles").asLong(),
        n.path("runs").asInt(),
        new Book(b.path("realized").asDouble(), closed, open));
  }

  /** Doubles as text, so that infinities and NaN survive JSON. */
  private static String text(double v) {
    return Double.toString(v);
  }

  private static double number(JsonNode v) {
    return v.isNumber() ? v.asDouble() : Double.parseDouble(v.asText());
  }
}
