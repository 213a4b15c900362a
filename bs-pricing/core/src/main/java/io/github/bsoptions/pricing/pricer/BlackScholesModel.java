package io.github.bsoptions.pricing.pricer;

import io.github.bsoptions.pricing.formula.BlackScholesFormulas;
import io.github.bsoptions.pricing.formula.ImpliedVolResult;
import io.github.bsoptions.pricing.greeks.Greeks;
import io.github.bsoptions.pricing.product.OptionType;

/** The Black-Scholes-Merton model for European options (see {@link BlackScholesFormulas}). */
public final class BlackScholesModel implements PricingModel {
  /** The shared instance (stateless). */
  public static final BlackScholesModel INSTANCE = new BlackScholesModel();

  private BlackScholesModel() {}

  @Override
  public String name() {
    return "bsm";
  }

  @Override
  public double price(
      OptionType type,
      double spot,
      double strike,
      double expiry,
      double rate,
      double div,
      double vol) {
    return BlackScholesFormulas.price(type.isCall(), spot, strike, expiry, rate, div, vol);
  }

  @Override
  public Greeks greeks(
      OptionType type,
      double spot,
      double strike,
      double expiry,
      double rate,
      double div,
      double vol) {
    return BlackScholesFormulas.greeks(type.isCall(), spot, strike, expiry, rate, div, vol);
  }

  @Override
  public ImpliedVolResult impliedVolatility(
      OptionType type,
      double spot,
      double strike,
      double expiry,
      double rate,
      double div,
      double price) {
    return BlackScholesFormulas.impliedVolatility(
        type.isCall(), spot, strike, expiry, rate, div, price);
  }
}
