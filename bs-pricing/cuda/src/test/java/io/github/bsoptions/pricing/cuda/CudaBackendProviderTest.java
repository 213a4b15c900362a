package io.github.bsoptions.pricing.cuda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.bsoptions.pricing.backend.BackendInfo;
import io.github.bsoptions.pricing.backend.PricingBackends;
import io.github.bsoptions.pricing.spi.Availability;
import org.junit.jupiter.api.Test;

class CudaBackendProviderTest {

  @Test
  void withoutADriverTheProbeSaysWhy() {
    Availability a = CudaBackendProvider.probeOnce(null);
    assertThat(a.available()).isFalse();
    assertThat(a.reason()).startsWith("no NVIDIA driver").contains("not found");
  }

  @Test
  void loadingJCudaWithoutAWorkingDriverIsCaughtNotThrown() {
    assumeTrue(
        CudaBackendProvider.driverLibrary() == null,
        "a CUDA driver is installed here; the GPU tests cover this machine");
    // Forces the JCuda native load that the probe skips without a driver: it must not throw.
    Availability a = CudaBackendProvider.probeDevice();
    assertThat(a.available()).isFalse();
    assertThat(a.reason()).startsWith("CUDA driver unusable: ");
    System.out.println("cuda probeDevice on this machine: " + a.reason());
  }

  @Test
  void discoveryListsCudaWithItsReasonAndNeverFails() {
    BackendInfo cuda =
        PricingBackends.describe().stream()
            .filter(i -> i.name().equals("cuda"))
            .findFirst()
            .orElseThrow();
    assertThat(cuda.priority()).isEqualTo(CudaBackendProvider.PRIORITY);
    Availability probe = new CudaBackendProvider().probe();
    assertThat(cuda.availability()).isEqualTo(probe);
    System.out.println("cuda backend: " + probe);
    if (!probe.available()) {
      assertThatThrownBy(() -> PricingBackends.named("cuda"))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining(probe.reason());
      assertThatThrownBy(() -> new CudaBackendProvider().create())
          .isInstanceOf(IllegalStateException.class);
      assertThat(PricingBackends.auto().name()).isEqualTo("auto");
    }
  }
}
