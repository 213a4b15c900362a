package io.github.bsoptions.exec.order;

import java.util.Locale;

/** Time in force. Options at Alpaca accept {@code day} (and, per a 2026 changelog, {@code gtc}). */
public enum TimeInForce {
  /** Valid for the trading day. */
  DAY,
  /** Good until canceled. */
  GTC,
  /** Immediate or cancel: what does not fill at once is canceled. */
  IOC,
  /** Fill or kill: fills completely at once or is canceled. */
  FOK,
  /** At the open. */
  OPG,
  /** At the close. */
  CLS;

  /** Returns the wire name. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a wire name (case-insensitive).
   *
   * @throws IllegalArgumentException naming the value when unknown
   */
  public static TimeInForce parse(String s) {
    for (TimeInForce t : values()) {
      if (t.wire().equalsIgnoreCase(s)) {
        return t;
      }
    }
    throw new IllegalArgumentException("time_in_force not recognised: '" + s + "'");
  }
}
