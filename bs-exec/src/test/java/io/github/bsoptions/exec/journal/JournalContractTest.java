package io.github.bsoptions.exec.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.bsoptions.exec.journal.JournalBackend.Kind;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The {@link JournalStore} contract, run against the file journal, embedded H2 and a real
 * PostgreSQL on loopback: round trip, reopen and continue, integrity refusals (J-3), durable commit
 * (J-6) and records surviving a kill -9 of the writing process (J-1).
 */
class JournalContractTest {
  @TempDir Path dir;

  private static final String MSG = "tab\there=eq\\back\nnewline|bar ünï 'q' \"dq\"";

  private JournalBackend sample(Kind kind) {
    JournalBackend b = JournalBackend.create(kind, dir);
    try (JournalStore j = b.open("ns1")) {
      Map<String, String> f = new LinkedHashMap<>();
      f.put("msg", MSG);
      f.put("empty", "");
      j.append(EntryType.INTENT, "ns1-s-1", f);
      j.append(EntryType.ACK, "ns1-s-1", Map.of("brokerOrderId", "b1"));
    }
    return b;
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void roundTripReopenAndContinue(Kind kind) {
    JournalBackend b = sample(kind);
    try (JournalStore j = b.open("other")) {
      assertThat(j.namespace()).isEqualTo("ns1");
      List<JournalRecord> rec = j.recovered();
      assertThat(rec).hasSize(3);
      assertThat(rec.get(0).type()).isEqualTo(EntryType.HEADER);
      assertThat(rec.get(1).get("msg")).isEqualTo(MSG);
      assertThat(rec.get(1).get("empty")).isEmpty();
      assertThat(List.copyOf(rec.get(1).fields().keySet())).containsExactly("msg", "empty");
      assertThat(rec.get(2).get("brokerOrderId")).isEqualTo("b1");
      assertThat(j.nextSeq()).isEqualTo(3);
      JournalRecord r = j.append(EntryType.STATUS, "x", Map.of("status", "FILLED"));
      assertThat(r.seq()).isEqualTo(3);
      List<JournalRecord> all = j.readAll();
      assertThat(all).hasSize(4);
      assertThat(all.subList(0, 3)).isEqualTo(rec);
      assertThat(all.get(3)).isEqualTo(r);
    }
    try (JournalStore j = b.open("ns1")) {
      assertThat(j.recovered()).extracting(JournalRecord::seq).containsExactly(0L, 1L, 2L, 3L);
    }
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void sequenceGapIsRefused(Kind kind) {
    JournalBackend b = sample(kind);
    b.delete(1);
    assertThatThrownBy(() -> b.open("ns1"))
        .isInstanceOf(JournalCorruptedException.class)
        .hasMessageContaining("sequence 2, expected 1");
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void alteredRecordIsRefused(Kind kind) {
    JournalBackend b = sample(kind);
    b.alterLine(2, s -> s.replace("b1", "b2"));
    assertThatThrownBy(() -> b.open("ns1"))
        .isInstanceOf(JournalCorruptedException.class)
        .hasMessageContaining("checksum mismatch");
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void unparsableRecordIsRefused(Kind kind) {
    JournalBackend b = sample(kind);
    b.alterLine(1, s -> "not a record");
    assertThatThrownBy(() -> b.open("ns1"))
        .isInstanceOf(JournalCorruptedException.class)
        .hasMessageContaining("no checksum");
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void missingHeaderIsRefused(Kind kind) {
    JournalBackend b = sample(kind);
    b.alterLine(
        0, s -> Journal.encode(new JournalRecord(0, EntryType.STATUS, "", Map.of())).strip());
    // the database journal notices first that the type column disagrees with the record
    assertThatThrownBy(() -> b.open("ns1"))
        .isInstanceOf(JournalCorruptedException.class)
        .hasMessageMatching(".*(first record is not a header|columns disagree).*");
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void badNamespaceIsRefused(Kind kind) {
    JournalBackend b = JournalBackend.create(kind, dir);
    assertThatThrownBy(() -> b.open("a-b")).hasMessageContaining("a-b");
  }

  /** J-6: the default commit path is synchronous, and says so. */
  @ParameterizedTest
  @EnumSource(Kind.class)
  void durabilityIsSynchronous(Kind kind) {
    JournalBackend b = JournalBackend.create(kind, dir);
    try (JournalStore j = b.open("ns1")) {
      switch (kind) {
        case FILE -> {
          // the backend opens files without fsync for speed; the engine's default is FSYNC
          try (Journal f = Journal.open(dir.resolve("f.journal"), Journal.Durability.FSYNC, "n")) {
            assertThat(f.describe()).contains("forced to the device");
          }
        }
        case H2 -> {
          assertThat(j.describe()).contains("CHECKPOINT after each commit");
          try (JournalStore d = JdbcJournal.open(((JournalBackend.JdbcBackend) b).ds, "d", "n")) {
            assertThat(d.describe()).contains("CHECKPOINT SYNC after each commit");
          }
        }
        case HSQLDB -> {
          // HSQLDB forces every commit for both durability levels; the setting is checked in the
          // database itself, not only in the description
          try (JournalStore d = JdbcJournal.open(((JournalBackend.JdbcBackend) b).ds, "d", "n")) {
            assertThat(d.describe()).contains("write delay FALSE").contains("forced to the device");
            assertThat(j.describe()).contains("write delay FALSE");
            assertThat(hsqldbWriteDelay((JournalBackend.JdbcBackend) b)).isEqualTo("false");
          }
        }
        case POSTGRES -> {
          assertThat(j.describe()).contains("synchronous_commit=off");
          try (JournalStore d = JdbcJournal.open(((JournalBackend.JdbcBackend) b).ds, "d", "n")) {
            assertThat(d.describe()).contains("synchronous_commit=on");
          }
        }
      }
    }
  }

  /** J-6: an in-memory HSQLDB database is not described as durable. */
  @Test
  void inMemoryHsqldbSaysNothingSurvives() {
    String url = "jdbc:hsqldb:mem:j" + ProcessHandle.current().pid() + ";shutdown=true";
    try (JdbcJournal j = JdbcJournal.open(JournalBackend.hsqldb(url), "m", "n")) {
      assertThat(j.describe()).contains("nothing survives").doesNotContain("forced");
    }
  }

  /** A failed insert writes nothing and leaves the journal usable with the same sequence number. */
  @ParameterizedTest
  @EnumSource(
      value = Kind.class,
      names = {"H2", "HSQLDB", "POSTGRES"})
  void failedAppendWritesNothingAndStaysUsable(Kind kind) {
    JournalBackend b = sample(kind);
    try (JournalStore j = b.open("ns1")) {
      String tooLong = "x".repeat(200); // client_order_id is VARCHAR(128)
      assertThatThrownBy(() -> j.append(EntryType.INTENT, tooLong, Map.of()))
          .isInstanceOf(JournalWriteException.class)
          .hasMessageContaining("nothing was written");
      assertThat(j.nextSeq()).isEqualTo(3);
      assertThat(j.append(EntryType.STATUS, "ok", Map.of()).seq()).isEqualTo(3);
      assertThat(j.readAll()).hasSize(4);
    }
  }

  /** Two writers on one journal: the second to append finds the row taken and stops. */
  @ParameterizedTest
  @EnumSource(
      value = Kind.class,
      names = {"H2", "HSQLDB", "POSTGRES"})
  void secondWriterIsStopped(Kind kind) {
    JournalBackend b = sample(kind);
    try (JournalStore first = b.open("ns1");
        JournalStore second = b.open("ns1")) {
      first.append(EntryType.STATUS, "a", Map.of());
      assertThatThrownBy(() -> second.append(EntryType.STATUS, "b", Map.of()))
          .isInstanceOf(JournalWriteException.class)
          .hasMessageContaining("another writer");
      assertThatThrownBy(() -> second.append(EntryType.STATUS, "c", Map.of()))
          .hasMessageContaining("in doubt");
      assertThat(first.readAll()).extracting(JournalRecord::clientOrderId).contains("a");
      assertThat(first.readAll()).extracting(JournalRecord::clientOrderId).doesNotContain("b");
    }
  }

  /**
   * Group commit: deferred records are numbered at once, become durable with the next durable
   * append (in order), and a crash before that loses only them (database journals; a file journal's
   * deferred records are in the operating system at once).
   */
  @ParameterizedTest
  @EnumSource(Kind.class)
  void deferredRecordsBecomeDurableWithTheNextAppend(Kind kind) {
    JournalBackend b = sample(kind);
    JournalStore j = b.open("ns1");
    assertThat(j.appendDeferred(EntryType.ACK, "d1", Map.of("n", "1")).seq()).isEqualTo(3);
    assertThat(j.appendDeferred(EntryType.FILL, "d1", Map.of("n", "2")).seq()).isEqualTo(4);
    assertThat(j.nextSeq()).isEqualTo(5);
    b.crash(j);
    j = b.open("ns1");
    assertThat(j.recovered()).hasSize(kind == Kind.FILE ? 5 : 3);
    long s = j.nextSeq();
    j.appendDeferred(EntryType.ACK, "d2", Map.of("n", "3"));
    j.appendDeferred(EntryType.FILL, "d2", Map.of("n", "4"));
    assertThat(j.append(EntryType.INTENT, "d3", Map.of("n", "5")).seq()).isEqualTo(s + 2);
    j.appendDeferred(EntryType.FILL, "d3", Map.of("n", "6"));
    b.crash(j);
    try (JournalStore k = b.open("ns1")) {
      List<JournalRecord> all = k.recovered();
      assertThat(all.subList((int) s, (int) s + 3))
          .extracting(r -> r.get("n"))
          .containsExactly("3", "4", "5");
      assertThat(all).hasSize((int) s + (kind == Kind.FILE ? 4 : 3));
      // flush and close make deferred records durable too
      k.appendDeferred(EntryType.STATUS, "d3", Map.of("n", "7"));
      k.flush();
      k.appendDeferred(EntryType.STATUS, "d3", Map.of("n", "8"));
    }
    try (JournalStore k = b.open("ns1")) {
      List<JournalRecord> all = k.recovered();
      assertThat(all.subList(all.size() - 2, all.size()))
          .extracting(r -> r.get("n"))
          .containsExactly("7", "8");
      // readAll returns the deferred records as well, committed first
      k.appendDeferred(EntryType.STATUS, "d3", Map.of("n", "9"));
      assertThat(k.readAll()).hasSize(all.size() + 1);
    }
  }

  /** The flusher thread commits deferred records on its own once they are older than the delay. */
  @ParameterizedTest
  @EnumSource(
      value = Kind.class,
      names = {"H2", "HSQLDB", "POSTGRES"})
  void flusherCommitsDeferredRecords(Kind kind) throws Exception {
    JournalBackend.JdbcBackend b = (JournalBackend.JdbcBackend) sample(kind);
    try (JdbcJournal j =
        JdbcJournal.open(b.ds, b.name, "ns1", Journal.Durability.NONE, Duration.ofMillis(5))) {
      j.appendDeferred(EntryType.FILL, "f1", Map.of("exec", "e1"));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (j.pendingRecords() > 0 && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      assertThat(j.pendingRecords()).isZero();
      b.crash(j);
    }
    try (JournalStore k = b.open("ns1")) {
      assertThat(k.recovered()).extracting(JournalRecord::clientOrderId).endsWith("f1");
    }
  }

  /**
   * A durable append whose transaction fails because of its own record still commits the deferred
   * records before it and refuses only itself; a deferred record that cannot be stored puts the
   * journal in doubt.
   */
  @ParameterizedTest
  @EnumSource(
      value = Kind.class,
      names = {"H2", "HSQLDB", "POSTGRES"})
  void failedAppendAfterDeferredRecords(Kind kind) {
    JournalBackend b = sample(kind);
    String tooLong = "x".repeat(200); // client_order_id is VARCHAR(128)
    try (JournalStore j = b.open("ns1")) {
      j.appendDeferred(EntryType.FILL, "ok1", Map.of());
      assertThatThrownBy(() -> j.append(EntryType.INTENT, tooLong, Map.of()))
          .isInstanceOf(JournalWriteException.class)
          .hasMessageContaining("nothing was written");
      assertThat(j.append(EntryType.INTENT, "ok2", Map.of()).seq()).isEqualTo(4);
      assertThat(j.readAll())
          .extracting(JournalRecord::clientOrderId)
          .endsWith("ok1", "ok2")
          .hasSize(5);
      j.appendDeferred(EntryType.FILL, tooLong, Map.of());
      assertThatThrownBy(() -> j.append(EntryType.INTENT, "ok3", Map.of()))
          .isInstanceOf(JournalWriteException.class)
          .hasMessageContaining("deferred records");
      assertThatThrownBy(() -> j.append(EntryType.INTENT, "ok4", Map.of()))
          .hasMessageContaining("in doubt");
    }
    try (JournalStore j = b.open("ns1")) {
      assertThat(j.recovered()).hasSize(5);
    }
  }

  /** J-1: kill -9 of a process appending as fast as it can; every acknowledged record survives. */
  @ParameterizedTest
  @EnumSource(Kind.class)
  void acknowledgedRecordsSurviveKill(Kind kind) throws Exception {
    JournalBackend b = JournalBackend.create(kind, dir);
    killAndCheck(b, 30);
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  @Tag("long")
  void manyKills(Kind kind) throws Exception {
    JournalBackend b = JournalBackend.create(kind, dir);
    for (int i = 0; i < 10; i++) {
      killAndCheck(b, 5 + i * 17);
    }
  }

  private void killAndCheck(JournalBackend b, int acksBeforeKill) throws Exception {
    long before;
    try (JournalStore j = b.open("crash")) {
      before = j.nextSeq();
    }
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(JournalCrashChild.class.getName());
    cmd.addAll(b.childArgs());
    Path errFile = Files.createTempFile(dir, "child", ".err");
    Process p = new ProcessBuilder(cmd).redirectError(errFile.toFile()).start();
    long lastAck = -1;
    int acks = 0;
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while (acks < acksBeforeKill && (line = r.readLine()) != null) {
        if (line.startsWith("ack ")) {
          lastAck = Long.parseLong(line.substring(4));
          acks++;
        }
      }
      p.destroyForcibly(); // SIGKILL: no shutdown hooks, no close
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(acks).as("child stderr: %s", Files.readString(errFile)).isEqualTo(acksBeforeKill);
    try (JournalStore j = b.open("crash")) {
      List<JournalRecord> all = j.readAll();
      assertThat(all.size() - 1L).isGreaterThanOrEqualTo(lastAck);
      for (long s = before; s <= lastAck; s++) {
        JournalRecord r = all.get((int) s);
        assertThat(r.seq()).isEqualTo(s);
        assertThat(r.get("exec")).isEqualTo("e" + s);
      }
      // the journal continues where the killed writer stopped
      assertThat(j.append(EntryType.STATUS, "after", Map.of()).seq()).isEqualTo(all.size());
    }
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void describeNamesTheStore(Kind kind) throws IOException {
    JournalBackend b = JournalBackend.create(kind, dir);
    try (JournalStore j = b.open("ns1")) {
      assertThat(j.describe()).isNotBlank().doesNotContain("password");
    }
  }

  private static String hsqldbWriteDelay(JournalBackend.JdbcBackend b) {
    try (java.sql.Connection c = b.ds.getConnection();
        java.sql.Statement st = c.createStatement();
        java.sql.ResultSet rs =
            st.executeQuery(
                "SELECT PROPERTY_VALUE FROM INFORMATION_SCHEMA.SYSTEM_PROPERTIES"
                    + " WHERE PROPERTY_NAME = 'hsqldb.write_delay'")) {
      return rs.next() ? rs.getString(1) : null;
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
