package io.github.bsoptions.exec.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {
  @TempDir Path dir;

  private Path sample() {
    Path p = dir.resolve("j.log");
    try (Journal j = Journal.open(p, Journal.Durability.FSYNC, "ns1")) {
      Map<String, String> f = new LinkedHashMap<>();
      f.put("msg", "tab\there=eq\\back\nnewline|bar ünï");
      j.append(EntryType.INTENT, "ns1-s-1", f);
      j.append(EntryType.ACK, "ns1-s-1", Map.of("brokerOrderId", "b1"));
    }
    return p;
  }

  @Test
  void roundTripAndReopen() throws IOException {
    Path p = sample();
    try (Journal j = Journal.open(p, Journal.Durability.FSYNC, "other")) {
      assertThat(j.namespace()).isEqualTo("ns1");
      assertThat(j.durability()).isEqualTo(Journal.Durability.FSYNC); // J-6: synchronous commit
      assertThat(j.recovered()).hasSize(3);
      assertThat(j.recovered().get(1).get("msg")).isEqualTo("tab\there=eq\\back\nnewline|bar ünï");
      assertThat(j.append(EntryType.STATUS, "x", Map.of()).seq()).isEqualTo(3);
    }
    assertThat(Journal.read(p).records()).hasSize(4);
  }

  @Test
  void tornTailIsCutAndReported() throws IOException {
    Path p = sample();
    long len = Files.size(p);
    Files.write(
        p, "4\tFILL\tns1-s-1\texec=e".getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
    try (Journal j = Journal.open(p, Journal.Durability.FSYNC, "ns1")) {
      assertThat(j.tornTailBytes()).isPositive();
      assertThat(j.recovered()).hasSize(3);
      j.append(EntryType.STATUS, "x", Map.of());
    }
    assertThat(Files.size(p)).isGreaterThan(len);
    assertThat(Journal.read(p).records()).hasSize(4);
    assertThat(Journal.read(p).tornTailBytes()).isZero();
  }

  /** J-3: flipping any single byte is detected; truncating inside the tail is reported. */
  @Test
  void everyByteFlipIsDetected() throws IOException {
    Path p = sample();
    byte[] good = Files.readAllBytes(p);
    Path q = dir.resolve("flip.log");
    int headerEnd = new String(good, StandardCharsets.UTF_8).indexOf('\n') + 1;
    for (int i = 0; i < good.length; i++) {
      for (int mask : new int[] {0x01, 0x20}) {
        byte[] bad = good.clone();
        bad[i] = (byte) (bad[i] ^ mask);
        Files.write(q, bad);
        boolean detected;
        try {
          Journal.read(q);
          detected = false;
        } catch (JournalCorruptedException e) {
          detected = true;
        }
        assertThat(detected).as("flip at %d of %d, mask %x", i, good.length, mask).isTrue();
      }
    }
    for (int cut = headerEnd + 1; cut < good.length; cut++) {
      byte[] t = java.util.Arrays.copyOf(good, cut);
      Files.write(q, t);
      Journal.ReadResult rr = Journal.read(q);
      boolean atBoundary = good[cut - 1] == '\n';
      assertThat(rr.tornTailBytes() > 0 || atBoundary).as("cut at %d", cut).isTrue();
    }
  }

  @Test
  void sequenceGapIsCorruption() throws IOException {
    Path p = sample();
    String text = Files.readString(p);
    String[] lines = text.split("\n");
    Files.writeString(p, lines[0] + "\n" + lines[2] + "\n");
    assertThatThrownBy(() -> Journal.read(p)).hasMessageContaining("sequence 2, expected 1");
  }

  @Test
  void badNamespaceRefused() {
    assertThatThrownBy(() -> Journal.open(dir.resolve("x"), Journal.Durability.NONE, "a-b"))
        .hasMessageContaining("a-b");
  }
}
