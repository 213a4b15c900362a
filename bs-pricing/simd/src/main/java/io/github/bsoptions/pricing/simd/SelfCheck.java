package io.github.bsoptions.pricing.simd;

import com.sun.management.HotSpotDiagnosticMXBean;
import io.github.bsoptions.pricing.backend.ScalarPricingBackend;
import io.github.bsoptions.pricing.batch.BatchModel;
import io.github.bsoptions.pricing.batch.OptionBatch;
import io.github.bsoptions.pricing.spi.Availability;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;

/**
 * The start-up self-check: vector shape, the JIT configuration, and one small batch against the
 * scalar reference.
 *
 * <p>Vector API code is fast only where the JIT compiles it to vector instructions (HotSpot's C2);
 * the interpreter, C1 and JVMCI compilers without Vector API intrinsics (GraalVM CE 17 ran it about
 * 4x slower than scalar) box every vector on the heap. A timing made at start-up cannot tell the
 * two apart, because even on C2 the kernels run interpreted or under C1 until they have been called
 * thousands of times; the check therefore reads the JIT the JVM actually runs (compilation bean,
 * {@code -Xint}, {@code TieredStopAtLevel}, a JVMCI compiler) and steps aside with that reason.
 */
final class SelfCheck {
  private static final int ROWS = 64;

  private SelfCheck() {}

  static Availability run() {
    int lanes = SimdPricingBackend.lanes();
    if (lanes < 2) {
      return Availability.unavailable(
          "no SIMD: DoubleVector.SPECIES_PREFERRED holds " + lanes + " double");
    }
    String jit = jitProblem();
    if (jit != null) {
      return Availability.unavailable("Vector API not intrinsified: " + jit);
    }
    OptionBatch b = OptionBatch.allocate(ROWS);
    for (int i = 0; i < ROWS; i++) {
      b.call()[i] = (i & 1) == 0;
      b.spot()[i] = 100;
      b.strike()[i] = 60 + i;
      b.expiry()[i] = 0.05 + i * 0.03;
      b.rate()[i] = 0.03;
      b.dividendYield()[i] = 0.01;
      b.volatility()[i] = 0.1 + i * 0.01;
    }
    double[] expected = new double[ROWS];
    double[] actual = new double[ROWS];
    byte[] st = new byte[ROWS];
    new ScalarPricingBackend().price(BatchModel.BLACK_SCHOLES, b, expected, st);
    SimdKernels.priceRange(BatchModel.BLACK_SCHOLES, b, actual, st, 0, ROWS);
    for (int i = 0; i < ROWS; i++) {
      if (!(Math.abs(actual[i] - expected[i]) <= 1e-12 * (1 + Math.abs(expected[i])))) {
        return Availability.unavailable(
            "self-check failed: row " + i + " price " + actual[i] + " vs scalar " + expected[i]);
      }
    }
    return Availability.available(
        "Vector API, "
            + lanes
            + " doubles per vector ("
            + VectorMath.SPECIES.vectorBitSize()
            + " bits)");
  }

  /** Returns why this JVM's JIT will not intrinsify the Vector API, or null when it should. */
  static String jitProblem() {
    CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    String tiered = "4";
    try {
      HotSpotDiagnosticMXBean hotspot =
          ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
      if (hotspot != null) {
        tiered = hotspot.getVMOption("TieredStopAtLevel").getValue();
      }
    } catch (RuntimeException | LinkageError e) {
      // Not HotSpot, or jdk.management absent: the other signals decide.
    }
    return jitProblem(
        System.getProperty("java.vm.info", ""),
        jit == null ? null : jit.getName(),
        tiered,
        System.getProperty("java.vendor.version", ""),
        ManagementFactory.getRuntimeMXBean().getInputArguments());
  }

  /**
   * Returns why a JVM with these properties will not intrinsify the Vector API, or null.
   *
   * @param vmInfo {@code java.vm.info} ("interpreted mode" under {@code -Xint})
   * @param compiler the JIT's name from the compilation bean, null when there is none
   * @param tieredStopAtLevel HotSpot's {@code TieredStopAtLevel} (below 4: no C2)
   * @param vendorVersion {@code java.vendor.version}
   * @param jvmArgs the JVM's input arguments
   */
  static String jitProblem(
      String vmInfo,
      String compiler,
      String tieredStopAtLevel,
      String vendorVersion,
      List<String> jvmArgs) {
    if (compiler == null || vmInfo.contains("interpreted mode")) {
      return "no JIT compiler (interpreted mode)";
    }
    String lowerCompiler = compiler.toLowerCase(Locale.ROOT);
    if (lowerCompiler.contains("jvmci") || lowerCompiler.contains("graal")) {
      return "JIT is " + compiler;
    }
    if (jvmArgs.contains("-XX:+UseJVMCICompiler")
        || (vendorVersion.contains("GraalVM CE") && !jvmArgs.contains("-XX:-UseJVMCICompiler"))) {
      return "JVMCI (Graal) JIT compiler on " + vendorVersion;
    }
    try {
      if (Integer.parseInt(tieredStopAtLevel.trim()) < 4) {
        return "C2 disabled (TieredStopAtLevel=" + tieredStopAtLevel.trim() + ")";
      }
    } catch (NumberFormatException e) {
      // Unknown value: assume C2.
    }
    return null;
  }
}
