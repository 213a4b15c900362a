package io.github.bsoptions.pricing.cuda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.bsoptions.pricing.spi.Availability;
import io.github.bsoptions.pricing.spi.PricingBackend;
import io.github.bsoptions.pricing.testkit.BackendConformance;
import io.github.bsoptions.pricing.testkit.ConformanceReport;
import io.github.bsoptions.pricing.testkit.Tolerances;
import org.junit.jupiter.api.Test;

/** The conformance suite on a real GPU; skipped, with the reason, where there is none. */
class CudaGpuConformanceTest {

  @Test
  void gpuBackendPassesTheConformanceSuite() {
    CudaBackendProvider provider = new CudaBackendProvider();
    Availability a = provider.probe();
    if (!a.available()) {
      System.out.println("GPU conformance skipped: " + a.reason());
    }
    assumeTrue(a.available(), () -> "no GPU: " + a.reason());
    PricingBackend gpu = provider.create();
    ConformanceReport report = BackendConformance.check(gpu);
    assertThat(report.passed()).as(report.toString()).isTrue();
    ConformanceReport big = BackendConformance.check(gpu, Tolerances.DOUBLE, 11, 1_500_001);
    assertThat(big.passed()).as(big.toString()).isTrue();
  }
}
