package io.github.bsoptions.pricing.simd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.bsoptions.pricing.backend.BackendInfo;
import io.github.bsoptions.pricing.backend.PricingBackends;
import io.github.bsoptions.pricing.spi.Availability;
import io.github.bsoptions.pricing.spi.BackendCapability;
import io.github.bsoptions.pricing.spi.PricingBackend;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimdBackendProviderTest {

  @Test
  void availableWhenTheIncubatorModuleIsPresent() {
    Availability a = new SimdBackendProvider().probe();
    assertThat(a.available()).as(a.reason()).isTrue();
    assertThat(a.reason()).contains("doubles per vector");
  }

  @Test
  void selfCheckStepsAsideWhereTheJitCannotIntrinsifyTheVectorApi() {
    List<String> none = List.of();
    assertThat(SelfCheck.jitProblem()).isNull();
    assertThat(SelfCheck.jitProblem("mixed mode", "HotSpot 64-Bit Tiered Compilers", "4", "", none))
        .isNull();
    assertThat(SelfCheck.jitProblem("interpreted mode, sharing", null, "4", "", none))
        .contains("interpreted");
    assertThat(SelfCheck.jitProblem("mixed mode", "HotSpot 64-Bit Tiered Compilers", "1", "", none))
        .contains("C2 disabled (TieredStopAtLevel=1)");
    assertThat(
            SelfCheck.jitProblem(
                "mixed mode",
                "HotSpot 64-Bit Tiered Compilers",
                "4",
                "GraalVM CE 17.0.9+9.1",
                none))
        .contains("JVMCI (Graal)");
    assertThat(
            SelfCheck.jitProblem(
                "mixed mode",
                "HotSpot 64-Bit Tiered Compilers",
                "4",
                "GraalVM CE 17.0.9+9.1",
                List.of("-XX:-UseJVMCICompiler")))
        .isNull();
    assertThat(
            SelfCheck.jitProblem(
                "mixed mode",
                "HotSpot 64-Bit Tiered Compilers",
                "4",
                "",
                List.of("-XX:+UseJVMCICompiler")))
        .contains("JVMCI");
  }

  @Test
  void unavailableWithTheFlagToAddWhenTheModuleIsMissing() {
    Availability a = SimdBackendProvider.probeOnce(false);
    assertThat(a.available()).isFalse();
    assertThat(a.reason()).contains("--add-modules jdk.incubator.vector");
  }

  @Test
  void discoveredByServiceLoaderAboveScalar() {
    assertThat(PricingBackends.describe())
        .extracting(BackendInfo::name)
        .containsSubsequence("simd", "scalar");
    PricingBackend simd = PricingBackends.named("simd");
    assertThat(simd.name()).isEqualTo("simd");
    assertThat(simd.capabilities())
        .contains(BackendCapability.BATCH_IV, BackendCapability.BLACK_76);
    assertThat(new SimdBackendProvider().priority()).isGreaterThan(0);
  }

  @Test
  void autoRoutesBatchesToSimd() {
    PricingBackend auto = PricingBackends.auto();
    assertThat(auto.name()).isEqualTo("auto");
    io.github.bsoptions.pricing.batch.OptionBatch b =
        io.github.bsoptions.pricing.testkit.OptionRows.random(64, 1);
    double[] out = new double[64];
    byte[] st = new byte[64];
    auto.price(io.github.bsoptions.pricing.batch.BatchModel.BLACK_SCHOLES, b, out, st);
    assertThat(java.util.Arrays.stream(out).allMatch(Double::isFinite)).isTrue();
  }

  @Test
  void createRefusesWhenUnavailable() {
    assertThat(new SimdBackendProvider().create()).isNotNull();
    assertThatThrownBy(() -> PricingBackends.named("nonesuch"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("simd");
  }
}
