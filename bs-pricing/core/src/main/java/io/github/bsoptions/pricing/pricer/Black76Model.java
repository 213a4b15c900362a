package io.github.bsoptions.pricing.pricer;

import io.github.bsoptions.pricing.formula.Black76Formulas;
import io.github.bsoptions.pricing.formula.ImpliedVolResult;
import io.github.bsoptions.pricing.greeks.Greeks;
import io.github.bsoptions.pricing.product.OptionType;

/**
 * The Black-76 model on forwards and futures: {@code spot} is the forward and the dividend yield is
 * ignored (see {@link Black76Formulas}).
 */
public final class Black76Model implements PricingModel {
  /** The shared instance (stateless). */
  public static final Black76Model INSTANCE = new Black76Model();

  private Black76Model() {}

  @Override
  public String name() {
    return "black76";
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
    return Black76Formulas.price(type.isCall(), spot, strike, expiry, rate, vol);
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
    return Black76Formulas.greeks(type.isCall(), spot, strike, expiry, rate, vol);
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
    return Black76Formulas.impliedVolatility(type.isCall(), spot, strike, expiry, rate, price);
  }
}
