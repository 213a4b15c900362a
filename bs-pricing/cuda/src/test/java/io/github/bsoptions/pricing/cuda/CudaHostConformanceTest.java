package io.github.bsoptions.pricing.cuda;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bsoptions.pricing.batch.BatchModel;
import io.github.bsoptions.pricing.testkit.BackendConformance;
import io.github.bsoptions.pricing.testkit.ConformanceReport;
import io.github.bsoptions.pricing.testkit.OptionRows;
import io.github.bsoptions.pricing.testkit.Tolerances;
import org.junit.jupiter.api.Test;

/** The host-side marshalling against the CPU reference, through the device seam (no GPU). */
class CudaHostConformanceTest {

  @Test
  void hostSideWithCpuDevicePassesTheConformanceSuiteAcrossChunkBoundaries() {
    CpuDeviceKernels device = new CpuDeviceKernels(1_000);
    ConformanceReport report = BackendConformance.check(new CudaPricingBackend(device, 0));
    assertThat(report.passed()).as(report.toString()).isTrue();
    // 40_003 rows in chunks of 1_000 must take many device calls.
    assertThat(device.calls).isGreaterThan(100);
  }

  @Test
  void chunkOfOneRowStillConforms() {
    ConformanceReport report =
        BackendConformance.checkBatch(
            new CudaPricingBackend(new CpuDeviceKernels(1), 0),
            Tolerances.DOUBLE,
            BatchModel.BLACK_SCHOLES,
            OptionRows.mixed(200, 3, 0.1),
            3);
    assertThat(report.passed()).as(report.toString()).isTrue();
  }

  @Test
  void advertisesItsMinimumBatchForAuto() {
    assertThat(new CudaPricingBackend(new CpuDeviceKernels(8), 65_536).minimumEfficientBatch())
        .isEqualTo(65_536);
  }
}
