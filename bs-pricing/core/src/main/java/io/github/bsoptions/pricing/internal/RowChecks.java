package io.github.bsoptions.pricing.internal;

import io.github.bsoptions.pricing.PricingStatus;
import io.github.bsoptions.pricing.batch.BatchModel;

/**
 * Row validation shared by every backend so that all report identical statuses.
 *
 * <p>Internal API, unstable.
 */
public final class RowChecks {
  private static final byte OK = PricingStatus.OK.code();

  private RowChecks() {}

  /**
   * Returns {@link PricingStatus#OK}'s code when the row's market inputs are valid for {@code
   * model}, else the code of the first invalid field (spot, strike, expiry, rate, dividend yield,
   * volatility, in this order). Pass {@code 0} as volatility when it is not an input.
   */
  public static byte validate(
      BatchModel model,
      double spot,
      double strike,
      double expiry,
      double rate,
      double div,
      double vol) {
    boolean signedUnderlying = model == BatchModel.BACHELIER;
    if (signedUnderlying
        ? !Double.isFinite(spot)
        : !(spot >= 0 && spot < Double.POSITIVE_INFINITY)) {
      return PricingStatus.INVALID_SPOT.code();
    }
    if (signedUnderlying
        ? !Double.isFinite(strike)
        : !(strike >= 0 && strike < Double.POSITIVE_INFINITY)) {
      return PricingStatus.INVALID_STRIKE.code();
    }
    if (!(expiry >= 0 && expiry < Double.POSITIVE_INFINITY)) {
      return PricingStatus.INVALID_EXPIRY.code();
    }
    if (!Double.isFinite(rate)) {
      return PricingStatus.INVALID_RATE.code();
    }
    if (model != BatchModel.BLACK_76 && !Double.isFinite(div)) {
      return PricingStatus.INVALID_DIVIDEND_YIELD.code();
    }
    if (!(vol >= 0 && vol < Double.POSITIVE_INFINITY)) {
      return PricingStatus.INVALID_VOLATILITY.code();
    }
    return OK;
  }

  /** Throws {@link IllegalArgumentException} naming the field when {@code code} is not OK. */
  public static void throwIfInvalid(
      BatchModel model,
      byte code,
      double spot,
      double strike,
      double expiry,
      double rate,
      double div,
      double vol) {
    if (code == OK) {
      return;
    }
    PricingStatus status = PricingStatus.of(code);
    double value;
    switch (status) {
      case INVALID_SPOT:
        value = spot;
        break;
      case INVALID_STRIKE:
        value = strike;
        break;
      case INVALID_EXPIRY:
        value = expiry;
        break;
      case INVALID_RATE:
        value = rate;
        break;
      case INVALID_DIVIDEND_YIELD:
        value = div;
        break;
      default:
        value = vol;
        break;
    }
    throw new IllegalArgumentException(
        status.field() + " must be " + rule(model, status) + ", was " + value);
  }

  private static String rule(BatchModel model, PricingStatus status) {
    switch (status) {
      case INVALID_RATE:
      case INVALID_DIVIDEND_YIELD:
        return "finite";
      case INVALID_SPOT:
      case INVALID_STRIKE:
        return model == BatchModel.BACHELIER ? "finite" : "finite and >= 0";
      default:
        return "finite and >= 0";
    }
  }
}
