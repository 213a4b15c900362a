package io.github.bsoptions.app.obs;

import java.util.OptionalLong;

/** The stages of the trading loop whose latency is measured, with the seed's targets. */
public enum Stage {
  /** Getting a chain or quote from the data source. Seed target: under 5 ms. */
  DATA_ACQUISITION("data acquisition", 5_000_000L),
  /** Pricing and analytics, per option. Seed target: under 0.3 ms. */
  PRICING_PER_OPTION("pricing per option", 300_000L),
  /** Scoring and signal generation. Seed target: under 1 ms. */
  SIGNAL_GENERATION("signal generation", 1_000_000L),
  /** Pre-trade risk checks and sizing. The seed sets no target. */
  RISK_CHECK("risk check", -1L),
  /** Submitting an order to the broker. Seed target: under 1 ms. */
  ORDER_SUBMISSION("order submission", 1_000_000L),
  /** From data in to order out. Seed target: under 10 ms. */
  END_TO_END("end-to-end", 10_000_000L);

  private final String label;
  private final long targetNanos;

  Stage(String label, long targetNanos) {
    this.label = label;
    this.targetNanos = targetNanos;
  }

  /** Returns the human label used in reports. */
  public String label() {
    return label;
  }

  /** Returns the seed's target in nanoseconds, or empty where the seed sets none. */
  public OptionalLong target() {
    return targetNanos < 0 ? OptionalLong.empty() : OptionalLong.of(targetNanos);
  }

  /** Returns the metric tag value ({@code data_acquisition}, ...). */
  public String tag() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
