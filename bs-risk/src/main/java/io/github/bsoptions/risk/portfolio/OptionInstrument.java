package io.github.bsoptions.risk.portfolio;

import io.github.bsoptions.pricing.product.ExerciseStyle;
import io.github.bsoptions.pricing.product.OptionType;
import io.github.bsoptions.risk.internal.Checks;

/**
 * An option on an underlying, with the valuation inputs it is marked at (volatility, rate and
 * dividend yield). The spot comes from {@link MarketState}, so that every option on the same
 * underlying moves together in stress tests and simulations.
 *
 * @param underlying the underlying symbol
 * @param type call or put
 * @param style European or American exercise (selects the model in {@link RiskPricers})
 * @param strike the strike price ({@code > 0})
 * @param expiry time to expiry in years ({@code >= 0})
 * @param volatility the volatility the option is marked at, per square root of a year ({@code >=
 *     0})
 * @param rate the continuously compounded risk-free rate per year
 * @param dividendYield the continuous dividend yield per year
 * @param multiplier underlying units per contract ({@code > 0}, 100 for US equity options)
 */
public record OptionInstrument(
    String underlying,
    OptionType type,
    ExerciseStyle style,
    double strike,
    double expiry,
    double volatility,
    double rate,
    double dividendYield,
    double multiplier)
    implements Instrument {

  /** The multiplier of standard US equity options. */
  public static final double STANDARD_MULTIPLIER = 100.0;

  /** Validates every field. */
  public OptionInstrument {
    underlying = Checks.symbol(underlying, "underlying");
    Checks.notNull(type, "type");
    Checks.notNull(style, "style");
    Checks.positive(strike, "strike");
    Checks.nonNegative(expiry, "expiry_years");
    Checks.nonNegative(volatility, "volatility");
    Checks.finite(rate, "rate");
    Checks.finite(dividendYield, "dividend_yield");
    Checks.positive(multiplier, "multiplier");
  }

  /** Returns a European option with the standard multiplier of 100. */
  public static OptionInstrument european(
      String underlying,
      OptionType type,
      double strike,
      double expiry,
      double volatility,
      double rate,
      double dividendYield) {
    return new OptionInstrument(
        underlying,
        type,
        ExerciseStyle.EUROPEAN,
        strike,
        expiry,
        volatility,
        rate,
        dividendYield,
        STANDARD_MULTIPLIER);
  }

  /** Returns a copy with another style. */
  public OptionInstrument withStyle(ExerciseStyle newStyle) {
    return new OptionInstrument(
        underlying, type, newStyle, strike, expiry, volatility, rate, dividendYield, multiplier);
  }

  /**
   * Returns the payoff of one unit (not multiplied) at expiry for an underlying price {@code s}.
   */
  public double payoff(double s) {
    return Math.max(type.sign() * (s - strike), 0.0);
  }
}
