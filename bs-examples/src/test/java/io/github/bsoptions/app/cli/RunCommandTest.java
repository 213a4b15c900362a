package io.github.bsoptions.app.cli;

import static io.github.bsoptions.app.cli.ChainCommandTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.bsoptions.app.loop.DemoSystem;
import io.github.bsoptions.app.loop.PersistentPaperBroker;
import io.github.bsoptions.app.loop.RunState;
import io.github.bsoptions.exec.journal.EntryType;
import io.github.bsoptions.exec.journal.JournalRecord;
import io.github.bsoptions.exec.order.BrokerOrder;
import io.github.bsoptions.exec.order.Position;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bs run} on the simulated market with the in-process paper broker: stop and resume. */
class RunCommandTest {
  @TempDir Path dir;

  private String[] runCycles(int cycles, String... more) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "run",
                "--cycles",
                Integer.toString(cycles),
                "--interval",
                "0",
                "--no-ml",
                "--state-dir",
                dir.resolve("state").toString(),
                "--output",
                dir.resolve("out").toString()));
    args.addAll(List.of(more));
    return run(args.toArray(String[]::new));
  }

  /** The paper account as its log rebuilds it (no live quotes needed: the log holds them). */
  private static PersistentPaperBroker account(Path state) throws Exception {
    return PersistentPaperBroker.open(
        state.resolve("paper-broker.log"),
        "paper",
        symbol -> null,
        DemoSystem.DEMO_FILLS,
        () -> Instant.parse("2030-01-01T00:00:00Z"),
        1);
  }

  @Test
  void aSecondRunResumesTheFirstRunsOrdersPositionsAndBook() throws Exception {
    Path state = dir.resolve("state");
    String[] first = runCycles(3);
    assertThat(first[0]).as(first[2]).isEqualTo("0");
    assertThat(first[1]).contains("new run:").contains("stopped: --cycles 3 reached");
    RunState s1 = RunState.read(state.resolve("run-state.json")).orElseThrow();
    assertThat(s1.cycles()).isEqualTo(3);
    assertThat(s1.runs()).isEqualTo(1);
    // the demo's strategies open structures at the first step of a session
    assertThat(s1.book().open()).isNotEmpty();
    List<BrokerOrder> orders1;
    List<Position> positions1;
    double cash1;
    try (PersistentPaperBroker a = account(state)) {
      orders1 = a.orders(false);
      positions1 = a.positions();
      cash1 = a.account().cash();
    }
    assertThat(orders1).isNotEmpty();
    assertThat(positions1).isNotEmpty();
    assertThat(cash1).isLessThan(250_000); // the structures were paid for (fills and fees)

    String[] second = runCycles(3);
    assertThat(second[0]).as(second[2]).isEqualTo("0");
    assertThat(second[1])
        .contains("resumed (run 2)")
        .contains("after 3 cycle(s)")
        .contains("reconciled with paper (no discrepancies)")
        .contains("broker holds " + orders1.size() + " order(s)")
        .contains(s1.book().open().size() + " open structure(s) managed");
    RunState s2 = RunState.read(state.resolve("run-state.json")).orElseThrow();
    assertThat(s2.cycles()).isEqualTo(6);
    assertThat(s2.runs()).isEqualTo(2);
    assertThat(s2.firstStart()).isEqualTo(s1.firstStart());
    assertThat(s2.feedTime()).isEqualTo(s1.feedTime().plusSeconds(3 * 300));

    // every order of the first run is still at the broker, with the same status and fills
    try (PersistentPaperBroker a = account(state)) {
      List<BrokerOrder> orders2 = a.orders(false);
      assertThat(orders2).containsAll(orders1);
      for (Position p : positions1) {
        assertThat(a.positions()).anyMatch(q -> q.symbol().equals(p.symbol()));
      }
      // no duplicate orders: each client order id once, and every order sent was journalled
      Set<String> ids = new HashSet<>();
      for (BrokerOrder o : orders2) {
        assertThat(ids.add(o.clientOrderId())).as(o.clientOrderId()).isTrue();
      }
      List<JournalRecord> journal = runJournal(state, "paper");
      Set<String> intents = new HashSet<>();
      for (JournalRecord r : journal) {
        if (r.type() == EntryType.INTENT) {
          assertThat(intents.add(r.clientOrderId())).as(r.clientOrderId()).isTrue();
        }
      }
      assertThat(intents).isEqualTo(ids);
    }
  }

  /**
   * A real {@code bs run} process stopped by SIGINT: the shutdown hook stops the loop after its
   * cycle, the summary is printed and the state is saved. (Where the environment starts processes
   * with SIGINT ignored, as background jobs of a non-interactive shell are, the JVM installs no
   * SIGINT handler; SIGTERM then takes the same hook.)
   */
  @Test
  void sigintStopsTheLoopCleanlyAndSavesTheState() throws Exception {
    Path kill = Path.of("/bin/kill");
    org.junit.jupiter.api.Assumptions.assumeTrue(
        Files.isExecutable(kill) || Files.isExecutable(Path.of("/usr/bin/kill")),
        "no kill command on this machine");
    Path state = dir.resolve("state");
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb =
        new ProcessBuilder(
            javaBin,
            "-Dai.djl.offline=true",
            "-cp",
            System.getProperty("java.class.path"),
            "io.github.bsoptions.app.Main",
            "run",
            "--interval",
            "200ms",
            "--no-ml",
            "--state-dir",
            state.toString(),
            "--output",
            dir.resolve("out").toString());
    pb.redirectErrorStream(true);
    Process p = pb.start();
    List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
    java.util.concurrent.CountDownLatch twoCycles = new java.util.concurrent.CountDownLatch(1);
    Thread reader =
        new Thread(
            () -> {
              try (var in =
                  new java.io.BufferedReader(
                      new java.io.InputStreamReader(
                          p.getInputStream(), java.nio.charset.StandardCharsets.UTF_8))) {
                for (String l = in.readLine(); l != null; l = in.readLine()) {
                  lines.add(l);
                  if (l.startsWith("cycle 2 ")) {
                    twoCycles.countDown();
                  }
                }
              } catch (java.io.IOException e) {
                lines.add("read failed: " + e);
              }
            });
    reader.start();
    try {
      assertThat(twoCycles.await(120, java.util.concurrent.TimeUnit.SECONDS))
          .as(String.join("\n", lines))
          .isTrue();
      new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
      if (!p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
        new ProcessBuilder("kill", "-TERM", Long.toString(p.pid())).start().waitFor();
      }
      assertThat(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    } finally {
      p.destroyForcibly();
    }
    reader.join(10_000);
    String out = String.join("\n", lines);
    assertThat(out).contains("stopped: stop requested").contains("State saved");
    RunState s = RunState.read(state.resolve("run-state.json")).orElseThrow();
    assertThat(s.cycles()).isGreaterThanOrEqualTo(2);
    // the summary's count is the saved one: the loop stopped between cycles
    assertThat(out).contains("State saved (" + s.cycles() + " cycle(s)");
  }

  @Test
  void aReplayResumesWhereItStoppedAndEndsWithItsRecording() throws Exception {
    Path rec = dir.resolve("rec.jsonl");
    String[] demo =
        run(
            "demo",
            "--days",
            "1",
            "--step-minutes",
            "60",
            "--no-ml",
            "--record",
            rec.toString(),
            "--output",
            dir.resolve("demo").toString());
    assertThat(demo[0]).as(demo[2]).isEqualTo("0");
    String[] first = runCycles(2, "--source", "replay", "--replay", rec.toString());
    assertThat(first[0]).as(first[2]).isEqualTo("0");
    RunState s1 = RunState.read(dir.resolve("state/run-state.json")).orElseThrow();
    assertThat(s1.source()).isEqualTo("replay");
    assertThat(s1.cycles()).isEqualTo(2);
    // the second run continues from the third step and stops at the end of the recording
    String[] second = runCycles(100, "--source", "replay", "--replay", rec.toString());
    assertThat(second[0]).as(second[2]).isEqualTo("0");
    assertThat(second[1])
        .contains("resumed (run 2): feed at " + s1.feedTime())
        .contains("reconciled with paper (no discrepancies)")
        .contains("stopped: the recording has no more sessions");
    RunState s2 = RunState.read(dir.resolve("state/run-state.json")).orElseThrow();
    // 09:30 to 15:30 in 60-minute steps: the demo's 6 steps of its one session
    assertThat(s2.cycles()).isEqualTo(6);
  }

  @Test
  void liveTradingNeedsTheConfirmationFlag() {
    String[] r = runCycles(1, "--broker", "alpaca-live");
    assertThat(r[0]).isEqualTo("2");
    assertThat(r[2]).contains("--broker alpaca-live trades real money").contains("--confirm-live");
    assertThat(dir.resolve("state")).doesNotExist(); // nothing opened, nothing journalled
  }

  @Test
  void alpacaBrokersNeedKeys() {
    String[] r =
        runCycles(
            1,
            "--broker",
            "alpaca-paper",
            "--set",
            "APCA_API_KEY_ID=",
            "--set",
            "APCA_API_SECRET_KEY=");
    assertThat(r[0]).isEqualTo("2");
    assertThat(r[2]).contains("needs the environment variable APCA_API_KEY_ID");
  }

  @Test
  void aStateFolderIsNotResumedWithOtherSettings() {
    assertThat(runCycles(1)[0]).isEqualTo("0");
    String[] r = runCycles(1, "--seed", "7");
    assertThat(r[0]).isEqualTo("2");
    assertThat(r[2]).contains("use the same settings or another --state-dir");
    String[] step = runCycles(1, "--step-minutes", "10");
    assertThat(step[0]).isEqualTo("2");
  }

  @Test
  void badBoundsAreRefused() {
    assertThat(runCycles(1, "--duration", "soon")[2]).contains("--duration must be a duration");
    assertThat(runCycles(1, "--source", "nowhere")[2]).contains("--source must be");
    assertThat(runCycles(1, "--source", "replay")[2]).contains("--replay FILE");
    assertThat(RunCommand.parseDuration("90s", "--d", false)).hasSeconds(90);
    assertThat(RunCommand.parseDuration("2h", "--d", false)).hasHours(2);
    assertThat(RunCommand.parseDuration("PT1M", "--d", false)).hasSeconds(60);
    assertThat(Files.exists(dir.resolve("state/run-state.json"))).isFalse();
  }

  /** The records of the run's database journal for a broker in a state folder. */
  static List<JournalRecord> runJournal(java.nio.file.Path state, String broker) {
    try (io.github.bsoptions.exec.journal.JdbcJournal j =
        io.github.bsoptions.exec.journal.JdbcJournal.open(
            io.github.bsoptions.app.store.DataSources.of(
                io.github.bsoptions.app.store.JdbcTradingStore.embeddedJournalUrl(
                    TradingSession.embeddedJournal(state)),
                "",
                ""),
            RunCommand.journalName(broker),
            "run")) {
      return j.readAll();
    }
  }
}
