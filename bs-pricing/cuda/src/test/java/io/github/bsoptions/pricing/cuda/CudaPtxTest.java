package io.github.bsoptions.pricing.cuda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class CudaPtxTest {
  private static String ptx() {
    byte[] z = JCudaKernels.ptx();
    assertThat(z[z.length - 1]).as("NUL terminator for cuModuleLoadData").isEqualTo((byte) 0);
    return new String(z, 0, z.length - 1, StandardCharsets.US_ASCII);
  }

  private static int params(String ptx, String entry) {
    Matcher m = Pattern.compile("\\.entry " + entry + "\\((.*?)\\)", Pattern.DOTALL).matcher(ptx);
    assertThat(m.find()).as("entry " + entry).isTrue();
    return (int) Pattern.compile("\\.param").matcher(m.group(1)).results().count();
  }

  @Test
  void ptxResourceIsPresentAndDeclaresTheThreeKernelsWithTheirSignatures() {
    String ptx = ptx();
    assertThat(ptx).containsPattern("\\.version \\d+\\.\\d+").contains(".target sm_75");
    assertThat(ptx).contains(".address_size 64");
    // Parameter counts must match the launches in JCudaKernels.
    assertThat(params(ptx, "bs_price")).isEqualTo(10);
    assertThat(params(ptx, "bs_greeks")).isEqualTo(15);
    assertThat(params(ptx, "bs_iv")).isEqualTo(8);
    // Double-precision arithmetic.
    assertThat(ptx).contains("div.rn.f64").contains("fma.rn.f64");
  }

  @Test
  void committedPtxMatchesTheSourceWhenNvccIsPresent() throws Exception {
    Path script = Path.of("src/main/cuda/build-ptx.sh");
    assumeTrue(Files.exists(script), "not run from the module directory");
    boolean nvcc;
    try {
      Process p = new ProcessBuilder("nvcc", "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      nvcc = p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      nvcc = false;
    }
    assumeTrue(nvcc, "nvcc not on PATH: PTX regeneration not checked");
    Path out = Files.createTempFile("bs_kernels", ".ptx");
    try {
      Process p =
          new ProcessBuilder("bash", script.toString(), out.toString())
              .redirectErrorStream(true)
              .start();
      String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).as(log).isZero();
      String fresh = Files.readString(out, StandardCharsets.US_ASCII);
      assertThat(body(fresh))
          .as("run src/main/cuda/build-ptx.sh and commit the PTX")
          .isEqualTo(body(ptx()));
    } finally {
      Files.deleteIfExists(out);
    }
  }

  /** The PTX without its comment header (which names the exact compiler build). */
  private static String body(String ptx) {
    return ptx.substring(ptx.indexOf(".version"));
  }
}
