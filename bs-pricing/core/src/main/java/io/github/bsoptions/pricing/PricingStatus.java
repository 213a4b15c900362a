package io.github.bsoptions.pricing;

/**
 * The outcome of one pricing or implied-volatility computation: of a batch row, or of a scalar
 * implied-volatility solve. Batch APIs never throw mid-batch: every row gets a status, and the
 * row's outputs are meaningful only when the status is {@link #OK}; rows that are not OK have NaN
 * outputs. No output whose status is OK is NaN or infinite.
 *
 * <p>Invalid-input statuses name the offending field ({@link #field()}), as {@link #label()} shows:
 * {@code INVALID_INPUT(strike)}.
 */
public enum PricingStatus {
  /** The row was computed; its outputs are finite. */
  OK(null),
  /** Spot (or forward) is NaN, infinite, or negative where the model needs it non-negative. */
  INVALID_SPOT("spot"),
  /** Strike is NaN, infinite, or negative where the model needs it non-negative. */
  INVALID_STRIKE("strike"),
  /** Expiry is NaN, infinite or negative. */
  INVALID_EXPIRY("expiry_years"),
  /** Rate is NaN or infinite. */
  INVALID_RATE("rate"),
  /** Dividend yield is NaN or infinite. */
  INVALID_DIVIDEND_YIELD("dividend_yield"),
  /** Volatility is NaN, infinite or negative. */
  INVALID_VOLATILITY("volatility"),
  /** The option price given to an implied-volatility solve is NaN, infinite or negative. */
  INVALID_PRICE("price"),
  /** Implied volatility asked at expiry 0. */
  EXPIRED(null),
  /** The price is below the option's intrinsic value (no volatility reproduces it). */
  BELOW_INTRINSIC(null),
  /** The price is at or above the no-arbitrage upper bound (no volatility reproduces it). */
  ABOVE_UPPER_BOUND(null),
  /**
   * The price equals intrinsic value, or vega is too small for the volatility to be identifiable in
   * double precision.
   */
  NO_TIME_VALUE(null),
  /** The solver failed to converge (never expected; report it as a bug). */
  NOT_CONVERGED(null),
  /** The backend does not support this operation or model for this row. */
  UNSUPPORTED(null);

  private static final PricingStatus[] VALUES = values();

  private final String field;

  PricingStatus(String field) {
    this.field = field;
  }

  /** Returns the compact code stored in {@code byte[]} status columns. */
  public byte code() {
    return (byte) ordinal();
  }

  /** Returns the status with the given code. */
  public static PricingStatus of(byte code) {
    return VALUES[code];
  }

  /** Returns true for {@link #OK}. */
  public boolean isOk() {
    return this == OK;
  }

  /** Returns true when the row was refused because an input was invalid. */
  public boolean isInvalidInput() {
    return field != null;
  }

  /** Returns the name of the offending input field (as in CSV headers), or null. */
  public String field() {
    return field;
  }

  /**
   * Returns the status as printed in reports: {@code INVALID_INPUT(field)} for invalid inputs, the
   * constant name otherwise.
   */
  public String label() {
    return field == null ? name() : "INVALID_INPUT(" + field + ")";
  }
}
