package io.github.bsoptions.pricing.pricer;

import io.github.bsoptions.pricing.formula.BachelierFormulas;
import io.github.bsoptions.pricing.formula.ImpliedVolResult;
import io.github.bsoptions.pricing.greeks.Greeks;
import io.github.bsoptions.pricing.product.OptionType;

/**
 * The Bachelier (normal) model on the forward {@code S e^{(r-q)T}}; volatility is a normal
 * volatility in price units per square root of a year, spot and strike may be negative (see {@link
 * BachelierFormulas}).
 */
public final class BachelierModel implements PricingModel {
  /** The shared instance (stateless). */
  public static final BachelierModel INSTANCE = new BachelierModel();

  private BachelierModel() {}

  @Override
  public String name() {
    return "bachelier";
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
    return BachelierFormulas.price(type.isCall(), spot, strike, expiry, rate, div, vol);
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
    return BachelierFormulas.greeks(type.isCall(), spot, strike, expiry, rate, div, vol);
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
    return BachelierFormulas.impliedVolatility(
        type.isCall(), spot, strike, expiry, rate, div, price);
  }
}
