package io.github.bsoptions.pricing.batch;

import java.util.Arrays;

/**
 * A batch of European options in struct-of-arrays form: one {@code double[]} column per input.
 *
 * <p>The arrays are used as given (not copied): the batch is a view for high-throughput
 * computation, and callers may refill the columns between calls. Rows are validated during
 * computation, not here: a bad value in a row produces that row's invalid-input {@link
 * io.github.bsoptions.pricing.PricingStatus}. The volatility column may be null for
 * implied-volatility solves.
 */
public final class OptionBatch {
  private final boolean[] call;
  private final double[] spot;
  private final double[] strike;
  private final double[] expiry;
  private final double[] rate;
  private final double[] dividendYield;
  private final double[] volatility;
  private final int size;

  private OptionBatch(
      boolean[] call,
      double[] spot,
      double[] strike,
      double[] expiry,
      double[] rate,
      double[] dividendYield,
      double[] volatility) {
    this.size = call.length;
    requireLength(spot, "spot");
    requireLength(strike, "strike");
    requireLength(expiry, "expiry");
    requireLength(rate, "rate");
    requireLength(dividendYield, "dividendYield");
    if (volatility != null) {
      requireLength(volatility, "volatility");
    }
    this.call = call;
    this.spot = spot;
    this.strike = strike;
    this.expiry = expiry;
    this.rate = rate;
    this.dividendYield = dividendYield;
    this.volatility = volatility;
  }

  /**
   * Returns a batch over the given columns (all of the same length).
   *
   * @param call true for a call, false for a put
   * @param spot spot (forward for Black-76)
   * @param strike strike
   * @param expiry time to expiry in years
   * @param rate continuously compounded risk-free rate per year
   * @param dividendYield continuous dividend yield per year
   * @param volatility volatility per square root of a year, or null (implied-volatility solves)
   * @throws IllegalArgumentException if a column is null (other than volatility) or of another
   *     length
   */
  public static OptionBatch of(
      boolean[] call,
      double[] spot,
      double[] strike,
      double[] expiry,
      double[] rate,
      double[] dividendYield,
      double[] volatility) {
    if (call == null) {
      throw new IllegalArgumentException("call column must not be null");
    }
    return new OptionBatch(call, spot, strike, expiry, rate, dividendYield, volatility);
  }

  /** Returns a batch of {@code size} rows with freshly allocated zero columns (calls). */
  public static OptionBatch allocate(int size) {
    boolean[] call = new boolean[size];
    Arrays.fill(call, true);
    return new OptionBatch(
        call,
        new double[size],
        new double[size],
        new double[size],
        new double[size],
        new double[size],
        new double[size]);
  }

  private void requireLength(double[] column, String name) {
    if (column == null) {
      throw new IllegalArgumentException(name + " column must not be null");
    }
    if (column.length != size) {
      throw new IllegalArgumentException(
          name + " column has length " + column.length + ", expected " + size);
    }
  }

  /** Returns the number of rows. */
  public int size() {
    return size;
  }

  /** Returns the call/put column (true = call). */
  public boolean[] call() {
    return call;
  }

  /** Returns the spot column (forward for Black-76). */
  public double[] spot() {
    return spot;
  }

  /** Returns the strike column. */
  public double[] strike() {
    return strike;
  }

  /** Returns the expiry column, in years. */
  public double[] expiry() {
    return expiry;
  }

  /** Returns the rate column. */
  public double[] rate() {
    return rate;
  }

  /** Returns the dividend-yield column. */
  public double[] dividendYield() {
    return dividendYield;
  }

  /** Returns the volatility column, or null when the batch has none. */
  public double[] volatility() {
    return volatility;
  }
}
