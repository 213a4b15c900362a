package io.github.bsoptions.bench;

import io.github.bsoptions.data.model.EnrichedOption;
import io.github.bsoptions.data.model.GreeksSource;
import io.github.bsoptions.data.model.OptionChain;
import io.github.bsoptions.data.model.OptionSnapshot;
import io.github.bsoptions.data.model.Quote;
import io.github.bsoptions.pricing.formula.Black76Formulas;
import io.github.bsoptions.pricing.formula.BlackScholesFormulas;
import io.github.bsoptions.pricing.formula.ImpliedVolResult;
import io.github.bsoptions.pricing.product.OptionType;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The enrichment path before its primitive-array rewrite (a copy of bs-signals' {@code
 * ChainEnricher} at 03ebf4d), kept as the baseline of {@link AppBench}: turns a raw {@link
 * OptionChain} into {@link EnrichedOption}s: mid, spread, time to expiry, forward implied from
 * put-call parity, implied volatility (Black-76 on that forward, from the mid) and spot greeks.
 *
 * <p>Expiry is 16:00 New York time on the expiration date; years are ACT/365. The forward of each
 * expiry comes from the strike whose call and put mids are closest, {@code F = K + e^{rT} (C - P)};
 * without such a pair it is {@code S e^{(r - q) T}}. Provider greeks are not used: every row is
 * computed here ({@link GreeksSource} is {@code COMPUTED}) so all rows share one convention.
 */
final class BaselineChainEnricher {
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final double YEAR_SECONDS = 365.0 * 86_400;

  private BaselineChainEnricher() {}

  /**
   * Enriches every contract of the chain that has not expired at {@code asOf}.
   *
   * @param chain the chain, with an underlying price
   * @param rate continuously compounded risk-free rate
   * @param dividendYield continuous dividend yield (used only when parity gives no forward)
   * @param asOf valuation time
   * @return one row per live contract, in chain order
   */
  static List<EnrichedOption> enrich(
      OptionChain chain, double rate, double dividendYield, Instant asOf) {
    if (chain.underlyingPrice().isEmpty()) {
      throw new IllegalArgumentException("chain.underlyingPrice must be present");
    }
    double spot = chain.underlyingPrice().getAsDouble();
    Map<LocalDate, Double> forwards = forwards(chain, spot, rate, dividendYield, asOf);
    List<EnrichedOption> out = new ArrayList<>(chain.options().size());
    Map<LocalDate, Double> yearsByExpiry = new HashMap<>();
    double[] g = new double[6];
    for (OptionSnapshot s : chain.options()) {
      double t = yearsByExpiry.computeIfAbsent(s.contract().expiration(), e -> years(e, asOf));
      if (!(t > 0)) {
        continue;
      }
      double f = forwards.get(s.contract().expiration());
      boolean call = s.contract().type() == OptionType.CALL;
      double k = s.contract().strike();
      double bid = Double.NaN;
      double ask = Double.NaN;
      double mid = Double.NaN;
      double spread = Double.NaN;
      Instant qt = chain.asOf();
      if (s.quote().isPresent()) {
        Quote q = s.quote().get();
        bid = q.hasBid() ? q.bid() : Double.NaN;
        ask = q.hasAsk() ? q.ask() : Double.NaN;
        mid = q.mid();
        spread = q.spreadFraction();
        qt = q.timestamp();
      }
      double iv = Double.NaN;
      double delta = Double.NaN;
      double gamma = Double.NaN;
      double theta = Double.NaN;
      double vega = Double.NaN;
      if (mid > 0) {
        ImpliedVolResult r = Black76Formulas.impliedVolatility(call, f, k, t, rate, mid);
        if (r.isOk()) {
          iv = verified(call, f, k, t, rate, mid, r.volatility());
        }
        if (iv > 0) {
          double q = rate - Math.log(f / spot) / t;
          // price, delta, gamma, vega, theta, rho without allocating
          BlackScholesFormulas.priceAndFirstOrderGreeks(call, spot, k, t, rate, q, iv, g, 0);
          delta = g[1];
          gamma = g[2];
          vega = g[3];
          theta = g[4];
        }
      }
      out.add(
          new EnrichedOption(
              s.contract(),
              spot,
              f,
              t,
              bid,
              ask,
              mid,
              spread,
              s.volume(),
              s.openInterest().orElse(-1),
              iv,
              delta,
              gamma,
              theta,
              vega,
              GreeksSource.COMPUTED,
              qt));
    }
    return out;
  }

  /**
   * Returns {@code iv} if it reprices {@code price} to 1e-10 relative; otherwise solves again by
   * safeguarded Newton on the Black-76 price (guards a near-the-money inaccuracy seen in the
   * solver, where |ln F/K| is below about 0.005).
   */
  static double verified(
      boolean call, double f, double k, double t, double rate, double price, double iv) {
    double tol = 1e-10 * Math.max(price, 1e-8);
    if (Math.abs(Black76Formulas.price(call, f, k, t, rate, iv) - price) <= tol) {
      return iv;
    }
    double lo = 1e-6;
    double hi = 10;
    if (Black76Formulas.price(call, f, k, t, rate, hi) < price
        || Black76Formulas.price(call, f, k, t, rate, lo) > price) {
      return Double.NaN;
    }
    double x = iv > lo && iv < hi ? iv : 0.3;
    for (int i = 0; i < 100; i++) {
      double v = Black76Formulas.price(call, f, k, t, rate, x) - price;
      if (Math.abs(v) <= tol) {
        return x;
      }
      if (v > 0) {
        hi = x;
      } else {
        lo = x;
      }
      double vega = Black76Formulas.greeks(call, f, k, t, rate, x).vega();
      double next = vega > 0 ? x - v / vega : Double.NaN;
      x = next > lo && next < hi ? next : 0.5 * (lo + hi);
    }
    return x;
  }

  /** Returns the time in years from {@code asOf} to 16:00 New York on {@code expiration}. */
  static double years(LocalDate expiration, Instant asOf) {
    Instant close = expiration.atTime(LocalTime.of(16, 0)).atZone(NEW_YORK).toInstant();
    return Duration.between(asOf, close).getSeconds() / YEAR_SECONDS;
  }

  private static Map<LocalDate, Double> forwards(
      OptionChain chain, double spot, double rate, double q, Instant asOf) {
    Map<LocalDate, Map<Double, double[]>> pairs = new HashMap<>();
    for (OptionSnapshot s : chain.options()) {
      double mid = s.quote().map(Quote::mid).orElse(Double.NaN);
      double[] cp =
          pairs
              .computeIfAbsent(s.contract().expiration(), e -> new HashMap<>())
              .computeIfAbsent(s.contract().strike(), k -> new double[] {Double.NaN, Double.NaN});
      cp[s.contract().type() == OptionType.CALL ? 0 : 1] = mid;
    }
    Map<LocalDate, Double> out = new HashMap<>();
    for (Map.Entry<LocalDate, Map<Double, double[]>> e : pairs.entrySet()) {
      double t = years(e.getKey(), asOf);
      double fallback = spot * Math.exp((rate - q) * Math.max(t, 0));
      double best = Double.POSITIVE_INFINITY;
      double fwd = fallback;
      for (Map.Entry<Double, double[]> kp : e.getValue().entrySet()) {
        double c = kp.getValue()[0];
        double p = kp.getValue()[1];
        if (c > 0 && p > 0 && Math.abs(c - p) < best) {
          best = Math.abs(c - p);
          fwd = kp.getKey() + Math.exp(rate * Math.max(t, 0)) * (c - p);
        }
      }
      out.put(e.getKey(), fwd > 0 ? fwd : fallback);
    }
    return out;
  }
}
