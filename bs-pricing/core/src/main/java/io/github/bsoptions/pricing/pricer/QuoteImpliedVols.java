package io.github.bsoptions.pricing.pricer;

import io.github.bsoptions.pricing.PricingStatus;
import io.github.bsoptions.pricing.formula.ImpliedVolResult;
import io.github.bsoptions.pricing.internal.Checks;
import io.github.bsoptions.pricing.product.OptionType;

/**
 * Implied volatilities of a two-sided quote: bid, ask and mid (the mean of bid and ask), each with
 * its own status, so a one-sided or crossed quote still yields what it can.
 *
 * <p>A bid of 0 (no bid) typically gets {@code NO_TIME_VALUE} for an out-of-the-money option while
 * the ask and mid solve; a crossed quote ({@code bid > ask}) gets {@code INVALID_INPUT(price)} on
 * the mid, and each side is solved on its own.
 *
 * @param bid the bid's implied volatility
 * @param ask the ask's implied volatility
 * @param mid the mid's implied volatility
 */
public record QuoteImpliedVols(ImpliedVolResult bid, ImpliedVolResult ask, ImpliedVolResult mid) {

  /** Validates that no component is null. */
  public QuoteImpliedVols {
    Checks.notNull(bid, "bid");
    Checks.notNull(ask, "ask");
    Checks.notNull(mid, "mid");
  }

  /**
   * Solves the bid, ask and mid implied volatilities with {@code model}.
   *
   * @throws IllegalArgumentException never for a bad price (statuses instead); the model's own
   *     input checks apply to the market inputs only through the statuses
   */
  public static QuoteImpliedVols of(
      PricingModel model,
      OptionType type,
      double spot,
      double strike,
      double expiry,
      double rate,
      double dividendYield,
      double bidPrice,
      double askPrice) {
    Checks.notNull(model, "model");
    Checks.notNull(type, "type");
    ImpliedVolResult bid =
        model.impliedVolatility(type, spot, strike, expiry, rate, dividendYield, bidPrice);
    ImpliedVolResult ask =
        model.impliedVolatility(type, spot, strike, expiry, rate, dividendYield, askPrice);
    ImpliedVolResult mid =
        bidPrice <= askPrice
            ? model.impliedVolatility(
                type, spot, strike, expiry, rate, dividendYield, 0.5 * (bidPrice + askPrice))
            : ImpliedVolResult.failed(PricingStatus.INVALID_PRICE);
    return new QuoteImpliedVols(bid, ask, mid);
  }

  /** Returns the bid volatility (NaN unless its status is OK). */
  public double bidVol() {
    return bid.volatility();
  }

  /** Returns the ask volatility (NaN unless its status is OK). */
  public double askVol() {
    return ask.volatility();
  }

  /** Returns the mid volatility (NaN unless its status is OK). */
  public double midVol() {
    return mid.volatility();
  }
}
