package io.github.bsoptions.examples;

import io.github.bsoptions.pricing.formula.ImpliedVolResult;
import io.github.bsoptions.pricing.greeks.DayBasis;
import io.github.bsoptions.pricing.greeks.Greeks;
import io.github.bsoptions.pricing.pricer.AmericanModel;
import io.github.bsoptions.pricing.pricer.BlackScholesModel;
import io.github.bsoptions.pricing.product.OptionType;

/** bs-pricing alone: prices a strike ladder, shows greeks in trader units, solves IVs back. */
public final class PriceChainExample {
  private PriceChainExample() {}

  /**
   * Runs the example.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    BlackScholesModel bsm = BlackScholesModel.INSTANCE;
    AmericanModel american = AmericanModel.create();
    double spot = 100;
    double expiry = 30 / 365.0;
    double rate = 0.04;
    double dividendYield = 0.01;
    double vol = 0.25;
    System.out.println("strike  call      put       delta   vega/pt  theta/day  iv(call)  am.put");
    for (double strike = 90; strike <= 110; strike += 5) {
      double call = bsm.price(OptionType.CALL, spot, strike, expiry, rate, dividendYield, vol);
      double put = bsm.price(OptionType.PUT, spot, strike, expiry, rate, dividendYield, vol);
      Greeks g = bsm.greeks(OptionType.CALL, spot, strike, expiry, rate, dividendYield, vol);
      ImpliedVolResult iv =
          bsm.impliedVolatility(OptionType.CALL, spot, strike, expiry, rate, dividendYield, call);
      double americanPut =
          american.price(OptionType.PUT, spot, strike, expiry, rate, dividendYield, vol);
      System.out.printf(
          "%6.1f  %-8.4f  %-8.4f  %6.4f  %7.4f  %9.4f  %-8.6f  %.4f%n",
          strike,
          call,
          put,
          g.delta(),
          g.vegaPerVolPoint(),
          g.thetaPerDay(DayBasis.CALENDAR_365),
          iv.volatility(),
          americanPut);
    }
  }
}
