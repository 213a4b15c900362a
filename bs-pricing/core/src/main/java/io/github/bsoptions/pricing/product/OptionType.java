package io.github.bsoptions.pricing.product;

import java.util.Locale;

/** The right an option grants: to buy (call) or to sell (put) the underlying at the strike. */
public enum OptionType {
  /** The right to buy. */
  CALL,
  /** The right to sell. */
  PUT;

  /** Returns true for {@link #CALL}. */
  public boolean isCall() {
    return this == CALL;
  }

  /** Returns +1 for a call and -1 for a put (the payoff is {@code max(sign * (S - K), 0)}). */
  public double sign() {
    return this == CALL ? 1.0 : -1.0;
  }

  /** Returns {@link #CALL} for {@code true}, {@link #PUT} for {@code false}. */
  public static OptionType of(boolean isCall) {
    return isCall ? CALL : PUT;
  }

  /**
   * Parses {@code call}, {@code c}, {@code put} or {@code p}, ignoring case and surrounding blanks.
   *
   * @throws IllegalArgumentException naming the value when it is none of these
   */
  public static OptionType parse(String text) {
    if (text != null) {
      switch (text.strip().toLowerCase(Locale.ROOT)) {
        case "call":
        case "c":
          return CALL;
        case "put":
        case "p":
          return PUT;
        default:
          break;
      }
    }
    throw new IllegalArgumentException("type must be call or put, was " + text);
  }
}
