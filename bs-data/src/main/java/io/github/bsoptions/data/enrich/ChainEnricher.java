package io.github.bsoptions.data.enrich;

import io.github.bsoptions.data.model.EnrichedOption;
import io.github.bsoptions.data.model.GreeksSource;
import io.github.bsoptions.data.model.OptionChain;
import io.github.bsoptions.data.model.OptionSnapshot;
import io.github.bsoptions.data.model.ProviderGreeks;
import io.github.bsoptions.data.model.Quote;
import io.github.bsoptions.pricing.formula.BlackScholesFormulas;
import io.github.bsoptions.pricing.formula.ImpliedVolResult;
import io.github.bsoptions.pricing.product.OptionType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Turns a chain snapshot into {@link EnrichedOption}s: mid, spread, volume, open interest, and
 * implied volatility with greeks, taken from the provider when it reports them ({@link
 * GreeksSource#PROVIDER}, converted to bs-pricing units) and otherwise computed with bs-pricing
 * from the mid price ({@link GreeksSource#COMPUTED}); {@link GreeksSource#NONE} when neither is
 * possible (one-sided quote, expired, price outside the no-arbitrage bounds).
 *
 * <p>Computed values use the implied forward of each expiry, solved from put-call parity on the
 * near-the-money call/put pairs ({@code F = K + e^{rT} (C - P)}, median of the {@code pairs} pairs
 * nearest the spot): the market's carry (dividends plus borrow) is then in the forward, as desks
 * do. With no usable pair the forward is {@code S e^{(r - q) T}} with the given dividend yield.
 * Options expire at 16:00 New York time; time to expiry is in years of 365 days. Provider units
 * assumed: theta per calendar day, vega per volatility point (Alpaca, Massive, the simulated
 * market).
 */
public final class ChainEnricher {
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final LocalTime EXPIRY_TIME = LocalTime.of(16, 0);
  private static final double SECONDS_PER_YEAR = 365.0 * 86400;

  private final double rate;
  private final double dividendYield;
  private final int pairs;
  private final boolean preferProvider;

  /**
   * Creates an enricher.
   *
   * @param rate the continuously compounded risk-free rate
   * @param dividendYield the dividend yield used when no implied forward can be solved
   * @param pairs how many near-the-money call/put pairs the forward uses ({@code >= 1})
   * @param preferProvider use provider greeks when present (false: always compute)
   */
  public ChainEnricher(double rate, double dividendYield, int pairs, boolean preferProvider) {
    if (!Double.isFinite(rate)) {
      throw new IllegalArgumentException("rate must be finite, was " + rate);
    }
    if (!Double.isFinite(dividendYield)) {
      throw new IllegalArgumentException("dividendYield must be finite, was " + dividendYield);
    }
    if (pairs < 1) {
      throw new IllegalArgumentException("pairs must be >= 1, was " + pairs);
    }
    this.rate = rate;
    this.dividendYield = dividendYield;
    this.pairs = pairs;
    this.preferProvider = preferProvider;
  }

  /** Returns an enricher with the given rate, no dividend, 3 pairs, provider greeks preferred. */
  public static ChainEnricher withRate(double rate) {
    return new ChainEnricher(rate, 0.0, 3, true);
  }

  /** Returns the years from {@code at} to the contract's expiry (16:00 New York), at least 0. */
  public static double yearsToExpiry(LocalDate expiry, Instant at) {
    Instant exp = expiry.atTime(EXPIRY_TIME).atZone(NEW_YORK).toInstant();
    return Math.max(0, (exp.toEpochMilli() - at.toEpochMilli()) / 1000.0 / SECONDS_PER_YEAR);
  }

  /**
   * Enriches every contract of the chain. The spot is {@code chain.underlyingPrice()} or, when
   * absent, {@code fallbackSpot}; never throws mid-chain: a contract that cannot be priced gets
   * {@link GreeksSource#NONE}.
   *
   * @throws IllegalArgumentException when no spot is available
   */
  public List<EnrichedOption> enrich(OptionChain chain, OptionalDouble fallbackSpot) {
    double spot = chain.underlyingPrice().orElse(fallbackSpot.orElse(Double.NaN));
    if (!(spot > 0 && Double.isFinite(spot))) {
      throw new IllegalArgumentException(
          "underlying price is needed: chain has none and no fallback spot was given");
    }
    Instant at = chain.asOf();
    Map<LocalDate, Double> forwards = impliedForwards(chain, spot);
    List<EnrichedOption> out = new ArrayList<>(chain.options().size());
    for (OptionSnapshot s : chain.options()) {
      double t = yearsToExpiry(s.contract().expiration(), at);
      double fwd =
          forwards.getOrDefault(
              s.contract().expiration(), spot * Math.exp((rate - dividendYield) * t));
      out.add(enrichOne(s, spot, fwd, t, at));
    }
    return out;
  }

  /**
   * Returns the implied forward per expiry from put-call parity on the near-the-money pairs with
   * two-sided quotes; expiries without such a pair are absent.
   */
  public Map<LocalDate, Double> impliedForwards(OptionChain chain, double spot) {
    Map<LocalDate, Map<Double, double[]>> byExpiry = new HashMap<>();
    for (OptionSnapshot s : chain.options()) {
      double mid = s.quote().map(Quote::mid).orElse(Double.NaN);
      if (Double.isNaN(mid)) {
        continue;
      }
      double[] cp =
          byExpiry
              .computeIfAbsent(s.contract().expiration(), k -> new HashMap<>())
              .computeIfAbsent(s.contract().strike(), k -> new double[] {Double.NaN, Double.NaN});
      cp[s.contract().type() == OptionType.CALL ? 0 : 1] = mid;
    }
    Map<LocalDate, Double> out = new HashMap<>();
    for (Map.Entry<LocalDate, Map<Double, double[]>> e : byExpiry.entrySet()) {
      double t = yearsToExpiry(e.getKey(), chain.asOf());
      if (t <= 0) {
        continue;
      }
      double growth = Math.exp(rate * t);
      List<double[]> candidates = new ArrayList<>(); // {distance, forward}
      for (Map.Entry<Double, double[]> k : e.getValue().entrySet()) {
        double[] cp = k.getValue();
        if (!Double.isNaN(cp[0]) && !Double.isNaN(cp[1])) {
          double f = k.getKey() + growth * (cp[0] - cp[1]);
          if (f > 0) {
            candidates.add(new double[] {Math.abs(k.getKey() - spot), f});
          }
        }
      }
      if (candidates.isEmpty()) {
        continue;
      }
      candidates.sort((x, y) -> Double.compare(x[0], y[0]));
      int n = Math.min(pairs, candidates.size());
      double[] fs = new double[n];
      for (int i = 0; i < n; i++) {
        fs[i] = candidates.get(i)[1];
      }
      Arrays.sort(fs);
      double median = n % 2 == 1 ? fs[n / 2] : 0.5 * (fs[n / 2 - 1] + fs[n / 2]);
      out.put(e.getKey(), median);
    }
    return out;
  }

  private EnrichedOption enrichOne(
      OptionSnapshot s, double spot, double fwd, double t, Instant at) {
    Quote q = s.quote().orElse(null);
    double bid = q == null || !q.hasBid() ? Double.NaN : q.bid();
    double ask = q == null || !q.hasAsk() ? Double.NaN : q.ask();
    double mid = q == null ? Double.NaN : q.mid();
    double spreadFraction = q == null ? Double.NaN : q.spreadFraction();
    long oi = s.openInterest().isPresent() ? s.openInterest().getAsLong() : -1;
    Instant quoteTime = q == null ? at : q.timestamp();
    double iv = Double.NaN;
    double delta = Double.NaN;
    double gamma = Double.NaN;
    double theta = Double.NaN;
    double vega = Double.NaN;
    GreeksSource source = GreeksSource.NONE;
    if (preferProvider && s.greeks().isPresent() && s.impliedVolatility().isPresent()) {
      ProviderGreeks g = s.greeks().get();
      iv = s.impliedVolatility().getAsDouble();
      delta = g.delta();
      gamma = g.gamma();
      theta = g.theta() * 365.0;
      vega = g.vega() * 100.0;
      source = GreeksSource.PROVIDER;
    } else if (t > 0 && mid > 0) {
      boolean call = s.contract().type() == OptionType.CALL;
      double q0 = rate - Math.log(fwd / spot) / t; // implied carry
      ImpliedVolResult r =
          BlackScholesFormulas.impliedVolatility(
              call, spot, s.contract().strike(), t, rate, q0, mid);
      if (r.isOk()) {
        double[] g = new double[6];
        BlackScholesFormulas.priceAndFirstOrderGreeks(
            call, spot, s.contract().strike(), t, rate, q0, r.volatility(), g, 0);
        iv = r.volatility();
        delta = g[1];
        gamma = g[2];
        vega = g[3];
        theta = g[4];
        source = GreeksSource.COMPUTED;
      }
    }
    return new EnrichedOption(
        s.contract(),
        spot,
        fwd,
        t,
        bid,
        ask,
        mid,
        spreadFraction,
        s.volume(),
        oi,
        iv,
        delta,
        gamma,
        theta,
        vega,
        source,
        quoteTime);
  }
}
