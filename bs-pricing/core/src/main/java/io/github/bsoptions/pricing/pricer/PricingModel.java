package io.github.bsoptions.pricing.pricer;

import io.github.bsoptions.pricing.formula.ImpliedVolResult;
import io.github.bsoptions.pricing.greeks.Greeks;
import io.github.bsoptions.pricing.product.OptionType;

/**
 * A pricing model for single options: price, greeks and implied volatility with one contract for
 * every model. Implement it to add a model of your own.
 *
 * <p>Inputs: {@code spot} (the forward for Black-76), {@code strike}, {@code expiry} in years,
 * continuously compounded {@code rate} and {@code dividendYield} per year, {@code volatility} per
 * square root of a year. Invalid inputs throw {@link IllegalArgumentException} naming the field and
 * value; implied volatility never throws for a bad price but returns a status.
 */
public interface PricingModel {

  /** Returns the model's short name as used on the command line (e.g. {@code bsm}). */
  String name();

  /** Returns the option value. */
  double price(
      OptionType type,
      double spot,
      double strike,
      double expiry,
      double rate,
      double dividendYield,
      double volatility);

  /** Returns the value with its greeks (analytic where the model has them, numerical otherwise). */
  Greeks greeks(
      OptionType type,
      double spot,
      double strike,
      double expiry,
      double rate,
      double dividendYield,
      double volatility);

  /** Returns the volatility that reproduces {@code price}, or a status saying why none does. */
  ImpliedVolResult impliedVolatility(
      OptionType type,
      double spot,
      double strike,
      double expiry,
      double rate,
      double dividendYield,
      double price);
}
