package io.github.bsoptions.app.obs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class LatencyRecorderTest {
  @Test
  void percentilesAndTargets() {
    LatencyRecorder r = new LatencyRecorder();
    for (int i = 1; i <= 1000; i++) {
      r.record(Stage.DATA_ACQUISITION, i * 1_000L); // 1 µs .. 1 ms
    }
    r.record(Stage.END_TO_END, 20_000_000L);
    r.recordPerItem(Stage.PRICING_PER_OPTION, 1_000_000L, 100); // 10 µs each
    List<StageLatency> rows = r.snapshot();
    StageLatency data = rows.get(0);
    assertThat(data.count()).isEqualTo(1000);
    assertThat((double) data.p50Nanos()).isCloseTo(500_000, within(1_000.0));
    assertThat((double) data.p99Nanos()).isCloseTo(990_000, within(1_000.0));
    assertThat((double) data.maxNanos()).isCloseTo(1_000_000, within(1_000.0));
    assertThat(data.meetsTarget()).isTrue();
    assertThat(rows.get(1).count()).isEqualTo(100);
    assertThat((double) rows.get(1).p99Nanos()).isCloseTo(10_000, within(10.0));
    assertThat(rows.get(5).meetsTarget()).isFalse();
    String table = LatencyRecorder.table(rows);
    assertThat(table)
        .contains("data acquisition")
        .contains("5.00 ms")
        .contains("300.0 µs")
        .contains("OVER")
        .contains("no samples");
    assertThat(table.lines()).hasSize(7);
  }

  @Test
  void metricsExposeStageTimersAndCountersInPrometheusFormat() {
    AppMetrics m = new AppMetrics();
    m.latency().record(Stage.RISK_CHECK, 42_000);
    m.orderSubmitted("paper");
    m.riskRejection("PRICE_COLLAR");
    m.failover("alpaca", "polygon");
    m.cache("chain", true);
    String text = m.scrape();
    assertThat(text)
        .contains("bs_stage_latency_seconds_count{stage=\"risk_check\"} 1")
        .contains("bs_orders_total{broker=\"paper\"} 1.0")
        .contains("bs_risk_rejections_total{reason=\"PRICE_COLLAR\"} 1.0")
        .contains("bs_failovers_total{from=\"alpaca\",to=\"polygon\"} 1.0")
        .contains("bs_cache_requests_total{cache=\"chain\",result=\"hit\"} 1.0");
  }
}
