package io.github.bsoptions.bench;

import io.github.bsoptions.pricing.batch.OptionBatch;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes the option chain of {@link PricingBench} (1,024 options, seed 42) as CSV lines {@code
 * call,spot,strike,expiry,rate,dividend,vol} ({@code call} 1 or 0, numbers that parse back to the
 * same doubles) for {@code bs-bench/quantlib/quantlib_bench.cpp}, so that QuantLib prices exactly
 * the options the Java benchmark prices. Usage: {@code java -cp benchmarks.jar
 * io.github.bsoptions.bench.QuantLibChain > chain.csv}.
 */
public final class QuantLibChain {
  private QuantLibChain() {}

  /**
   * Prints the chain to standard output.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    OptionBatch b = BackendBench.randomBatch(PricingBench.N, 42);
    PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
    for (int i = 0; i < PricingBench.N; i++) {
      out.println(
          (b.call()[i] ? "1" : "0")
              + ","
              + b.spot()[i]
              + ","
              + b.strike()[i]
              + ","
              + b.expiry()[i]
              + ","
              + b.rate()[i]
              + ","
              + b.dividendYield()[i]
              + ","
              + b.volatility()[i]);
    }
    out.flush();
  }
}
