package io.github.bsoptions.app.obs;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The app's Micrometer registry (Prometheus format) and its counters: orders, fills, risk
 * rejections, data-source failovers and cache hits/misses, plus the per-stage {@link
 * LatencyRecorder}. {@link #scrape()} is what {@code GET /metrics} serves.
 */
public final class AppMetrics {
  private final PrometheusMeterRegistry registry;
  private final LatencyRecorder latency;

  /** Creates a fresh registry. */
  public AppMetrics() {
    this.registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    this.latency = new LatencyRecorder(registry);
  }

  /** Returns the registry (for binding library metrics). */
  public MeterRegistry registry() {
    return registry;
  }

  /** Returns the per-stage latency recorder. */
  public LatencyRecorder latency() {
    return latency;
  }

  /** Counts an order submitted to a broker. */
  public void orderSubmitted(String broker) {
    counter("bs.orders", "orders submitted", "broker", broker).increment();
  }

  /** Counts a fill received. */
  public void fill(String broker) {
    counter("bs.fills", "fills received", "broker", broker).increment();
  }

  /** Counts an order denied by a pre-trade check, by reason. */
  public void riskRejection(String reason) {
    counter("bs.risk.rejections", "orders denied before sending", "reason", reason).increment();
  }

  /** Counts a switch from one data source or broker to another. */
  public void failover(String from, String to) {
    Counter.builder("bs.failovers")
        .description("switches between data sources or brokers")
        .tag("from", from)
        .tag("to", to)
        .register(registry)
        .increment();
  }

  /** Counts a cache lookup. */
  public void cache(String cache, boolean hit) {
    Counter.builder("bs.cache.requests")
        .description("cache lookups")
        .tag("cache", cache)
        .tag("result", hit ? "hit" : "miss")
        .register(registry)
        .increment();
  }

  private Counter counter(String name, String description, String tag, String value) {
    return Counter.builder(name).description(description).tag(tag, value).register(registry);
  }

  /** Returns the Prometheus text exposition of every metric. */
  public String scrape() {
    return registry.scrape();
  }
}
