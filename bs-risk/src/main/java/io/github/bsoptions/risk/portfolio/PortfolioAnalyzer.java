package io.github.bsoptions.risk.portfolio;

import io.github.bsoptions.pricing.PricingStatus;
import io.github.bsoptions.pricing.batch.BatchModel;
import io.github.bsoptions.pricing.batch.GreeksBatch;
import io.github.bsoptions.pricing.batch.OptionBatch;
import io.github.bsoptions.pricing.greeks.Greeks;
import io.github.bsoptions.risk.internal.Checks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Values a portfolio and aggregates its greeks in currency terms. Options priced by Black-Scholes
 * go through the batch backend of {@link RiskPricers} in one call; other models are called row by
 * row. Stateless and thread-safe.
 */
public final class PortfolioAnalyzer {
  /** The analyzer over {@link RiskPricers#DEFAULT}. */
  public static final PortfolioAnalyzer DEFAULT = new PortfolioAnalyzer(RiskPricers.DEFAULT);

  private static final double DAYS_PER_YEAR = 365.0;

  private final RiskPricers pricers;

  /** Returns an analyzer over {@code pricers}. */
  public PortfolioAnalyzer(RiskPricers pricers) {
    this.pricers = Checks.notNull(pricers, "pricers");
  }

  /** Returns the pricing models in use. */
  public RiskPricers pricers() {
    return pricers;
  }

  /**
   * Returns the value and dollar greeks of every position, per underlying and in total.
   *
   * @throws IllegalArgumentException when the market lacks a spot for a held underlying
   */
  public PortfolioGreeks greeks(Portfolio portfolio, MarketState market) {
    List<Position> ps = portfolio.positions();
    GreekExposure[] out = new GreekExposure[ps.size()];
    List<Integer> batchedIdx = new ArrayList<>();
    for (int i = 0; i < ps.size(); i++) {
      Position p = ps.get(i);
      if (p.instrument() instanceof OptionInstrument opt && pricers.batched(opt.style())) {
        batchedIdx.add(i);
      } else {
        out[i] = exposure(p, market);
      }
    }
    int m = batchedIdx.size();
    if (m > 0) {
      boolean[] call = new boolean[m];
      double[] spot = new double[m];
      double[] strike = new double[m];
      double[] expiry = new double[m];
      double[] rate = new double[m];
      double[] div = new double[m];
      double[] vol = new double[m];
      for (int b = 0; b < m; b++) {
        Position p = ps.get(batchedIdx.get(b));
        OptionInstrument opt = (OptionInstrument) p.instrument();
        call[b] = opt.type().isCall();
        spot[b] = market.spot(opt.underlying());
        strike[b] = opt.strike();
        expiry[b] = opt.expiry();
        rate[b] = opt.rate();
        div[b] = opt.dividendYield();
        vol[b] = opt.volatility();
      }
      GreeksBatch g = GreeksBatch.allocate(m);
      pricers
          .backend()
          .priceGreeks(
              BatchModel.BLACK_SCHOLES,
              OptionBatch.of(call, spot, strike, expiry, rate, div, vol),
              g);
      for (int b = 0; b < m; b++) {
        PricingStatus status = g.status(b);
        int i = batchedIdx.get(b);
        if (!status.isOk()) {
          throw new IllegalStateException(
              "position " + ps.get(i).id() + " could not be priced: " + status.label());
        }
        out[i] =
            scale(
                ps.get(i).units(),
                spot[b],
                g.price()[b],
                g.delta()[b],
                g.gamma()[b],
                g.vega()[b],
                g.theta()[b],
                g.rho()[b]);
      }
    }
    Map<String, GreekExposure> perUnderlying = new TreeMap<>();
    GreekExposure total = GreekExposure.ZERO;
    for (int i = 0; i < out.length; i++) {
      perUnderlying.merge(ps.get(i).underlying(), out[i], GreekExposure::plus);
      total = total.plus(out[i]);
    }
    return new PortfolioGreeks(Arrays.asList(out), perUnderlying, total);
  }

  /** Returns the market value of the portfolio. */
  public double value(Portfolio portfolio, MarketState market) {
    double v = 0;
    for (Position p : portfolio.positions()) {
      v += value(p, market);
    }
    return v;
  }

  /** Returns the market value of one position. */
  public double value(Position position, MarketState market) {
    double s = market.spot(position.underlying());
    if (position.instrument() instanceof OptionInstrument opt) {
      return position.units()
          * pricers
              .model(opt.style())
              .price(
                  opt.type(),
                  s,
                  opt.strike(),
                  opt.expiry(),
                  opt.rate(),
                  opt.dividendYield(),
                  opt.volatility());
    }
    return position.units() * s;
  }

  /** Returns the value and dollar greeks of one position, priced by its style's model. */
  public GreekExposure exposure(Position position, MarketState market) {
    double s = market.spot(position.underlying());
    if (position.instrument() instanceof OptionInstrument opt) {
      Greeks g =
          pricers
              .model(opt.style())
              .greeks(
                  opt.type(),
                  s,
                  opt.strike(),
                  opt.expiry(),
                  opt.rate(),
                  opt.dividendYield(),
                  opt.volatility());
      return scale(
          position.units(), s, g.price(), g.delta(), g.gamma(), g.vega(), g.theta(), g.rho());
    }
    return scale(position.units(), s, s, 1.0, 0, 0, 0, 0);
  }

  /**
   * Converts per-unit model greeks into the currency exposure of {@code units} underlying units.
   */
  static GreekExposure scale(
      double units,
      double spot,
      double price,
      double delta,
      double gamma,
      double vega,
      double theta,
      double rho) {
    double deltaUnits = delta * units;
    return new GreekExposure(
        price * units,
        deltaUnits,
        deltaUnits * spot,
        gamma * spot * spot / 100.0 * units,
        vega / 100.0 * units,
        theta / DAYS_PER_YEAR * units,
        rho / 100.0 * units,
        Math.abs(units) * spot);
  }
}
