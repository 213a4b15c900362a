package io.github.bsoptions.data.model;

import java.time.Duration;

/** Bar intervals supported across providers. */
public enum Timeframe {
  /** One minute. */
  MINUTE_1(Duration.ofMinutes(1), "1Min"),
  /** Five minutes. */
  MINUTE_5(Duration.ofMinutes(5), "5Min"),
  /** Fifteen minutes. */
  MINUTE_15(Duration.ofMinutes(15), "15Min"),
  /** One hour. */
  HOUR_1(Duration.ofHours(1), "1Hour"),
  /** One trading day. */
  DAY_1(Duration.ofDays(1), "1Day");

  private final Duration duration;
  private final String alpacaName;

  Timeframe(Duration duration, String alpacaName) {
    this.duration = duration;
    this.alpacaName = alpacaName;
  }

  /** Returns the nominal length of one bar. */
  public Duration duration() {
    return duration;
  }

  /** Returns the name in Alpaca's {@code timeframe} parameter (e.g. {@code 1Day}). */
  public String alpacaName() {
    return alpacaName;
  }
}
