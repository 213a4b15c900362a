package io.github.bsoptions.exec.engine;

import static io.github.bsoptions.exec.engine.Rig.C1;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.bsoptions.exec.engine.FaultyBroker.Fault;
import io.github.bsoptions.exec.journal.JournalBackend.Kind;
import io.github.bsoptions.exec.journal.Resolution;
import io.github.bsoptions.exec.journal.TrackedOrder;
import io.github.bsoptions.exec.order.OrderRequest;
import io.github.bsoptions.exec.order.Position;
import io.github.bsoptions.exec.order.Side;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Randomised fault sequences (O-2, J-1, J-5): lost responses, timeouts, broker down, kills before
 * and after send, restarts. Invariants after each run: no client order id accepted twice by any
 * broker, every broker order was journalled as an intent, positions equal the brokers', every
 * intent ends definitive. Each run replays from its seed (printed on failure).
 */
class FaultSweepTest {
  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(Kind.class)
  void shortSweep(Kind kind) throws IOException {
    sweep(kind, 1, kind == Kind.FILE ? 40 : kind == Kind.H2 ? 8 : 15);
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  @Tag("long")
  void longSweep(Kind kind) throws IOException {
    sweep(kind, 1000, 1000);
  }

  private void sweep(Kind kind, long firstSeed, int runs) throws IOException {
    for (long seed = firstSeed; seed < firstSeed + runs; seed++) {
      Path d = dir.resolve("run" + seed);
      Files.createDirectories(d);
      try {
        run(seed, d, kind);
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError(kind + " seed " + seed + " failed: " + e.getMessage(), e);
      }
      try (Stream<Path> s = Files.walk(d)) {
        for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }

  static void run(long seed, Path dir, Kind kind) {
    Random rnd = new Random(seed);
    Rig rig = new Rig(dir, kind);
    rig.quote(C1, 1.00, 1.10, 5);
    ExecutionEngine e = rig.start();
    Fault[] faults = Fault.values();
    for (int step = 0; step < 30; step++) {
      int action = rnd.nextInt(10);
      try {
        if (action < 5) {
          Fault f = rnd.nextInt(3) == 0 ? faults[rnd.nextInt(faults.length)] : Fault.NONE;
          rig.a.script.add(f);
          if (f == Fault.DOWN) {
            rig.b.script.add(rnd.nextBoolean() ? Fault.NONE : Fault.LOST_RESPONSE);
          }
          Side side = rnd.nextBoolean() ? Side.BUY : Side.SELL;
          double px = 1.00 + rnd.nextInt(12) * 0.01;
          e.submit("s" + rnd.nextInt(3), OrderRequest.limit("d", C1, side, 1 + rnd.nextInt(4), px));
          rig.a.script.clear();
          rig.b.script.clear();
        } else if (action < 8) {
          double bid = 0.95 + rnd.nextInt(10) * 0.01;
          rig.quote(C1, bid, bid + 0.02 + rnd.nextInt(5) * 0.01, 1 + rnd.nextInt(5));
        } else if (action == 8) {
          e.resolveUnknowns();
        } else {
          e = rig.restart();
        }
      } catch (FaultyBroker.Crash crash) {
        rig.a.script.clear();
        rig.b.script.clear();
        e = rig.restart();
      }
    }
    for (int i = 0; i < 3; i++) {
      e.resolveUnknowns();
    }
    e = rig.restart();
    // every intent definitive
    for (TrackedOrder o : e.openOrders()) {
      assertThat(o.resolution()).isIn(Resolution.CONFIRMED);
    }
    for (TrackedOrder o : List.copyOf(e.openOrders())) {
      assertThat(o.resolution()).isNotEqualTo(Resolution.UNKNOWN);
    }
    // no duplicates at the brokers and intents in = orders out
    Set<String> ids = new HashSet<>();
    rig.paperA.orders(false).forEach(o -> assertThat(ids.add(o.clientOrderId())).isTrue());
    rig.paperB.orders(false).forEach(o -> assertThat(ids.add(o.clientOrderId())).isTrue());
    assertThat(e.auditOrdersOut()).isEmpty();
    // positions equal the brokers'
    Map<String, Long> broker = new TreeMap<>();
    for (Position p : rig.paperA.positions()) {
      broker.merge(p.symbol(), p.qty(), Long::sum);
    }
    for (Position p : rig.paperB.positions()) {
      broker.merge(p.symbol(), p.qty(), Long::sum);
    }
    broker.values().removeIf(v -> v == 0);
    assertThat(e.positions()).isEqualTo(broker);
    assertThat(e.killSwitch()).isEqualTo(KillSwitch.ACTIVE);
    rig.crash();
  }
}
