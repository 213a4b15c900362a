package io.github.bsoptions.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs every example program and checks what it prints. */
class ExamplesTest {
  @TempDir Path dir;

  private interface Program {
    void run() throws Exception;
  }

  private static String capture(Program program) throws Exception {
    PrintStream original = System.out;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    try {
      program.run();
    } finally {
      System.setOut(original);
    }
    return buffer.toString(StandardCharsets.UTF_8);
  }

  @Test
  void priceChain() throws Exception {
    String out = capture(() -> PriceChainExample.main(new String[0]));
    // Five strikes; the solved IV reproduces the 25% the prices were made with.
    assertThat(out.lines().filter(l -> l.contains("0.250000"))).hasSize(5);
  }

  @Test
  void simulatedChain() throws Exception {
    String out = capture(() -> SimulatedChainExample.main(new String[0]));
    assertThat(out).contains("SPY at ").contains("contracts").contains("SPY2601").contains(" 0.18");
  }

  @Test
  void fitGarch() throws Exception {
    String out = capture(() -> FitGarchExample.main(new String[0]));
    assertThat(out).contains("fitted omega=").contains("annualised vol");
  }

  @Test
  void sizeTrade() throws Exception {
    String out = capture(() -> SizeTradeExample.main(new String[0]));
    assertThat(out).contains("Kelly: ").contains("DENIED").contains("APPROVED");
  }

  @Test
  void paperOrder() throws Exception {
    String out = capture(() -> PaperOrderExample.main(new String[] {dir.toString()}));
    assertThat(out).contains("FILLED").contains("AAPL261016C00250000=2");
  }
}
