package io.github.bsoptions.app.web;

import io.github.bsoptions.pricing.formula.ImpliedVolResult;
import io.github.bsoptions.pricing.greeks.Greeks;
import io.github.bsoptions.pricing.pricer.BlackScholesModel;
import io.github.bsoptions.pricing.product.OptionType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Test data computed with bs-pricing: a chain priced with {@link BlackScholesModel} on a smile, its
 * implied volatilities solved back from the quoted mids, and greeks.
 */
final class SampleMarket {
  static final double SPOT = 500;
  static final double RATE = 0.04;
  static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
  static final int[] DAYS = {7, 30, 60, 120};

  private SampleMarket() {}

  static double smileVol(double strike, double years) {
    double m = Math.log(strike / SPOT);
    return 0.18 + 0.02 * Math.sqrt(years) + 0.8 * m * m - 0.1 * m;
  }

  static Views.Chain chain(long asOf) {
    List<Views.ChainRow> rows = new ArrayList<>();
    for (int d : DAYS) {
      double t = d / 365.0;
      for (double k = 480; k <= 520; k += 5) {
        for (OptionType type : OptionType.values()) {
          double vol = smileVol(k, t);
          double price = BlackScholesModel.INSTANCE.price(type, SPOT, k, t, RATE, 0, vol);
          double bid = Math.max(0.01, Math.round((price - 0.05) * 100) / 100.0);
          double ask = Math.round((price + 0.05) * 100) / 100.0;
          ImpliedVolResult iv =
              BlackScholesModel.INSTANCE.impliedVolatility(
                  type, SPOT, k, t, RATE, 0, (bid + ask) / 2);
          double ivv = iv.isOk() ? iv.volatility() : Double.NaN;
          Greeks g = BlackScholesModel.INSTANCE.greeks(type, SPOT, k, t, RATE, 0, vol);
          String exp = TODAY.plusDays(d).toString();
          String sym =
              String.format(
                  "SPY%s%s%08d",
                  exp.replace("-", "").substring(2), type.isCall() ? "C" : "P", (int) (k * 1000));
          double score = Math.exp(-Math.abs(Math.log(k / SPOT)) * 40) * (1 - (ask - bid) / ask);
          rows.add(
              new Views.ChainRow(
                  sym,
                  type.isCall() ? "C" : "P",
                  exp,
                  k,
                  bid,
                  ask,
                  ivv,
                  g.delta(),
                  g.gamma(),
                  g.vegaPerVolPoint(),
                  g.theta() / 365,
                  1000 + (long) (score * 5000),
                  20_000 + (long) (k * 3),
                  score));
        }
      }
    }
    rows.sort(Comparator.comparingDouble(Views.ChainRow::score).reversed());
    return new Views.Chain("SPY", SPOT, asOf, rows.subList(0, 24));
  }

  static Views.Surface surface(long asOf) {
    List<Views.Smile> smiles = new ArrayList<>();
    List<Views.TermPoint> term = new ArrayList<>();
    for (int d : DAYS) {
      double t = d / 365.0;
      List<Views.SmilePoint> pts = new ArrayList<>();
      for (double k = 450; k <= 550; k += 5) {
        OptionType type = k < SPOT ? OptionType.PUT : OptionType.CALL;
        double price = BlackScholesModel.INSTANCE.price(type, SPOT, k, t, RATE, 0, smileVol(k, t));
        ImpliedVolResult iv =
            BlackScholesModel.INSTANCE.impliedVolatility(type, SPOT, k, t, RATE, 0, price);
        pts.add(new Views.SmilePoint(k, iv.isOk() ? iv.volatility() : Double.NaN));
      }
      smiles.add(new Views.Smile(TODAY.plusDays(d).toString(), t, pts));
      term.add(new Views.TermPoint(TODAY.plusDays(d).toString(), t, smileVol(SPOT, t)));
    }
    return new Views.Surface("SPY", asOf, smiles, term);
  }

  static Views.Portfolio portfolio(long asOf, String symbol, double qty) {
    double t = 30 / 365.0;
    double vol = smileVol(505, t);
    Greeks g = BlackScholesModel.INSTANCE.greeks(OptionType.CALL, SPOT, 505, t, RATE, 0, vol);
    double mark = g.price();
    double m = 100 * qty;
    Views.Position p =
        new Views.Position(
            symbol,
            qty,
            mark - 0.4,
            mark,
            (0.4) * m,
            g.delta() * m,
            g.gamma() * m,
            g.vegaPerVolPoint() * m,
            g.theta() / 365 * m);
    return new Views.Portfolio(asOf, List.of(p), p.delta(), p.gamma(), p.vega(), p.theta());
  }
}
