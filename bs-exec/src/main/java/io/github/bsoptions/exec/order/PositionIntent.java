package io.github.bsoptions.exec.order;

import java.util.Locale;

/** Option position intent (recommended by Alpaca for option orders). */
public enum PositionIntent {
  /** Buy to open a long position. */
  BUY_TO_OPEN,
  /** Buy to close a short position. */
  BUY_TO_CLOSE,
  /** Sell to open a short position. */
  SELL_TO_OPEN,
  /** Sell to close a long position. */
  SELL_TO_CLOSE;

  /** Returns the side this intent implies. */
  public Side side() {
    return this == BUY_TO_OPEN || this == BUY_TO_CLOSE ? Side.BUY : Side.SELL;
  }

  /** Returns true when the intent closes (reduces) a position. */
  public boolean closes() {
    return this == BUY_TO_CLOSE || this == SELL_TO_CLOSE;
  }

  /** Returns the wire name. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a wire name (case-insensitive).
   *
   * @throws IllegalArgumentException naming the value when unknown
   */
  public static PositionIntent parse(String s) {
    for (PositionIntent t : values()) {
      if (t.wire().equalsIgnoreCase(s)) {
        return t;
      }
    }
    throw new IllegalArgumentException("position_intent not recognised: '" + s + "'");
  }
}
