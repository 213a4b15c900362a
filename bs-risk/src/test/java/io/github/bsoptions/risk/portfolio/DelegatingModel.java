package io.github.bsoptions.risk.portfolio;

import io.github.bsoptions.pricing.formula.ImpliedVolResult;
import io.github.bsoptions.pricing.greeks.Greeks;
import io.github.bsoptions.pricing.pricer.PricingModel;
import io.github.bsoptions.pricing.product.OptionType;

/** A model that delegates to another; being a different instance, it takes the row-by-row path. */
public final class DelegatingModel implements PricingModel {
  private final PricingModel inner;

  /** Wraps {@code inner}. */
  public DelegatingModel(PricingModel inner) {
    this.inner = inner;
  }

  @Override
  public String name() {
    return "delegating-" + inner.name();
  }

  @Override
  public double price(OptionType type, double s, double k, double t, double r, double q, double v) {
    return inner.price(type, s, k, t, r, q, v);
  }

  @Override
  public Greeks greeks(
      OptionType type, double s, double k, double t, double r, double q, double v) {
    return inner.greeks(type, s, k, t, r, q, v);
  }

  @Override
  public ImpliedVolResult impliedVolatility(
      OptionType type, double s, double k, double t, double r, double q, double price) {
    return inner.impliedVolatility(type, s, k, t, r, q, price);
  }
}
