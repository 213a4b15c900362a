package io.github.bsoptions.exec.engine;

import io.github.bsoptions.data.model.Quote;
import io.github.bsoptions.exec.journal.JournalBackend;
import io.github.bsoptions.exec.journal.JournalStore;
import io.github.bsoptions.exec.paper.FillModel;
import io.github.bsoptions.exec.paper.PaperBroker;
import io.github.bsoptions.exec.routing.SmartOrderRouter;
import io.github.bsoptions.exec.spi.PreTradeGate;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Two paper brokers behind fault injectors, a journal (file, H2 or PostgreSQL) and an engine;
 * restartable.
 */
final class Rig {
  static final String C1 = "SPY261016C00640000";
  static final String C2 = "SPY261016P00600000";
  static final Instant T0 = Instant.parse("2026-10-01T14:30:00Z");
  final Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
  final PaperBroker paperA =
      new PaperBroker("A", null, FillModel.DEFAULT, clock, Double.POSITIVE_INFINITY);
  final PaperBroker paperB =
      new PaperBroker("B", null, FillModel.DEFAULT, clock, Double.POSITIVE_INFINITY);
  final FaultyBroker a = new FaultyBroker(paperA);
  final FaultyBroker b = new FaultyBroker(paperB);
  final JournalBackend backend;
  PreTradeGate gate = PreTradeGate.ACCEPT_ALL;
  JournalStore journal;
  ExecutionEngine engine;
  int quoteSeq;

  Rig(Path dir) {
    this(dir, JournalBackend.Kind.FILE);
  }

  Rig(Path dir, JournalBackend.Kind kind) {
    this.backend = JournalBackend.create(kind, dir);
  }

  SmartOrderRouter router() {
    return new SmartOrderRouter(List.of(a, b), clock, 3, Duration.ofSeconds(30), null);
  }

  ExecutionEngine start() {
    journal = backend.open("rig");
    engine = ExecutionEngine.start(journal, router(), gate, Instant.EPOCH, 2);
    return engine;
  }

  /**
   * Simulates a kill: the engine stops listening and the journal is dropped as a kill -9 leaves it.
   * What survives is what a durable {@code append} returned and every record before it; deferred
   * records (acknowledgements, fills) appended after the last durable record are lost on a database
   * journal (the journal crash test kills a real process to prove both).
   */
  void crash() {
    if (engine != null) {
      engine.close();
    }
    engine = null;
    if (journal != null) {
      backend.crash(journal);
    }
    journal = null;
  }

  ExecutionEngine restart() {
    crash();
    return start();
  }

  void quote(String symbol, double bid, double ask, long size) {
    Quote q = new Quote(symbol, bid, ask, size, size, T0.plusMillis(++quoteSeq));
    paperA.onQuote(q);
    paperB.onQuote(q);
  }
}
