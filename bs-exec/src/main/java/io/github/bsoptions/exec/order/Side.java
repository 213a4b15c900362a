package io.github.bsoptions.exec.order;

/** Order side. */
public enum Side {
  /** Buy. */
  BUY,
  /** Sell. */
  SELL;

  /** Returns +1 for buy, -1 for sell. */
  public int sign() {
    return this == BUY ? 1 : -1;
  }

  /** Returns the opposite side. */
  public Side opposite() {
    return this == BUY ? SELL : BUY;
  }

  /** Returns the wire name ({@code buy}, {@code sell}). */
  public String wire() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * Parses a wire name.
   *
   * @throws IllegalArgumentException naming the value when unknown
   */
  public static Side parse(String s) {
    if ("buy".equalsIgnoreCase(s)) {
      return BUY;
    }
    if ("sell".equalsIgnoreCase(s)) {
      return SELL;
    }
    throw new IllegalArgumentException("side must be buy or sell, was '" + s + "'");
  }
}
