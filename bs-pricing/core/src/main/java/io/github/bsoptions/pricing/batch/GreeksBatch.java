package io.github.bsoptions.pricing.batch;

import io.github.bsoptions.pricing.PricingStatus;

/**
 * Output columns for a batch of prices with first-order greeks, plus a status per row.
 *
 * <p>Units as in {@link io.github.bsoptions.pricing.greeks.Greeks}: vega per 1.00 vol, theta per
 * year of calendar time passing, rho per 1.00 rate. Allocate once and reuse across calls.
 */
public final class GreeksBatch {
  private final double[] price;
  private final double[] delta;
  private final double[] gamma;
  private final double[] vega;
  private final double[] theta;
  private final double[] rho;
  private final byte[] status;

  private GreeksBatch(int size) {
    this.price = new double[size];
    this.delta = new double[size];
    this.gamma = new double[size];
    this.vega = new double[size];
    this.theta = new double[size];
    this.rho = new double[size];
    this.status = new byte[size];
  }

  /** Returns output buffers for {@code size} rows. */
  public static GreeksBatch allocate(int size) {
    if (size < 0) {
      throw new IllegalArgumentException("size must be >= 0, was " + size);
    }
    return new GreeksBatch(size);
  }

  /** Returns the number of rows these buffers hold. */
  public int capacity() {
    return status.length;
  }

  /** Returns the status of row {@code i}. */
  public PricingStatus status(int i) {
    return PricingStatus.of(status[i]);
  }

  /** Returns the price column. */
  public double[] price() {
    return price;
  }

  /** Returns the delta column. */
  public double[] delta() {
    return delta;
  }

  /** Returns the gamma column. */
  public double[] gamma() {
    return gamma;
  }

  /** Returns the vega column (per 1.00 vol). */
  public double[] vega() {
    return vega;
  }

  /** Returns the theta column (per year). */
  public double[] theta() {
    return theta;
  }

  /** Returns the rho column (per 1.00 rate). */
  public double[] rho() {
    return rho;
  }

  /** Returns the raw status codes ({@link PricingStatus#code()}). */
  public byte[] statusCodes() {
    return status;
  }
}
