package io.github.bsoptions.exec.order;

import java.util.Locale;

/** Order type. */
public enum OrderType {
  /** Fill at the best available price. */
  MARKET,
  /** Fill at the limit price or better. */
  LIMIT,
  /** Becomes a market order once the stop price trades or is quoted through. */
  STOP,
  /** Becomes a limit order once the stop price is reached. */
  STOP_LIMIT;

  /** Returns true when the type carries a limit price. */
  public boolean hasLimit() {
    return this == LIMIT || this == STOP_LIMIT;
  }

  /** Returns true when the type carries a stop price. */
  public boolean hasStop() {
    return this == STOP || this == STOP_LIMIT;
  }

  /** Returns the wire name ({@code market}, {@code stop_limit}, ...). */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a wire name (case-insensitive).
   *
   * @throws IllegalArgumentException naming the value when unknown
   */
  public static OrderType parse(String s) {
    for (OrderType t : values()) {
      if (t.wire().equalsIgnoreCase(s)) {
        return t;
      }
    }
    throw new IllegalArgumentException(
        "type must be market, limit, stop or stop_limit, was '" + s + "'");
  }
}
