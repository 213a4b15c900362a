package io.github.bsoptions.app.loop;

import io.github.bsoptions.data.model.EnrichedOption;
import io.github.bsoptions.data.model.OptionChain;
import io.github.bsoptions.data.model.OptionChainQuery;
import io.github.bsoptions.data.sim.SimulatedMarket;
import io.github.bsoptions.signals.ntm.ChainEnricher;
import io.github.bsoptions.signals.ntm.NearTheMoney;
import io.github.bsoptions.signals.ntm.NtmCriteria;
import io.github.bsoptions.signals.score.ChainScorer;
import io.github.bsoptions.signals.score.ScoredChain;
import io.github.bsoptions.signals.score.ScoringContext;
import io.github.bsoptions.signals.strategy.MarketView;
import io.github.bsoptions.signals.strategy.Position;
import io.github.bsoptions.signals.strategy.Strategy;
import io.github.bsoptions.signals.vol.VolForecast;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * JIT warm-up of the signal path, run before the first simulated session next to {@link
 * OrderPathWarmUp} (when that session is the run's reported warm-up day): fresh instances of the
 * demo's built-in strategies ({@link DemoSystem#demoStrategies} of no discovered ones, so the same
 * classes, held-period wrapper included) evaluate views built from a throwaway {@link
 * SimulatedMarket} of the run's settings (a separate instance: the run's market, clock and random
 * streams are not touched), with forecasts and trends chosen so that every strategy proposes a
 * structure: implied volatility rich against the forecast (iron condors), cheap (straddles), and a
 * strong trend up and down (call and put debit spreads); a third view with no edge, no trend and a
 * position at every expiry takes the early returns most of the run's cycles take, so the compiled
 * code is not specialised to proposing only. Nothing of it reaches the run's results, store,
 * metrics or latency table; the report says that it ran.
 *
 * <p>Why: a strategy's signal-making branch (the expiry's chain sorted by strike, ATM and delta
 * lookups, the probability-of-profit analysis, the rationale formatted with {@code String.format},
 * the signal records) runs only when it proposes a trade: about once per strategy and simulated
 * day, typically in the session's second cycle, after the first cycle closed the previous day's
 * structures. In a 20-day demo that is a few dozen calls per strategy class, so the branch ran in
 * the interpreter for the whole run: 200-500 µs per proposed structure against 15-60 µs once
 * compiled, and the few cycles a day that propose four or five structures made the signal stage's
 * p99 (1.2-1.8 ms on a quiet machine against a p50 of 200-280 µs).
 */
final class SignalPathWarmUp {
  /** Rounds of the default warm-up (each evaluates every strategy on three views). */
  static final int DEFAULT_ROUNDS = 400;

  private SignalPathWarmUp() {}

  /**
   * Runs the warm-up.
   *
   * @param settings the run's settings (underlyings, seed, step) for the throwaway market
   * @param rounds rounds (each evaluates every strategy on a rich-volatility, trend-up view, a
   *     cheap-volatility, trend-down view and a view with no edge, no trend and a position held at
   *     every expiry, of one underlying)
   * @return a one-line description for the report
   */
  static String run(DemoSystem.Settings settings, int rounds) {
    if (rounds < 1) {
      throw new IllegalArgumentException("rounds must be >= 1, was " + rounds);
    }
    long t0 = System.nanoTime();
    List<Strategy> strategies = DemoSystem.demoStrategies(List.of());
    List<MarketView[]> views = new ArrayList<>();
    SimulatedMarket market = DemoSystem.simulatedMarket(settings);
    try {
      ChainScorer scorer = ChainScorer.withDefaults();
      double rate = market.config().rate();
      Instant now = market.now();
      for (String u : new TreeMap<>(settings.underlyings()).keySet()) {
        OptionChain chain = market.optionChain(OptionChainQuery.all(u));
        List<EnrichedOption> enriched = ChainEnricher.enrich(chain, rate, 0, now);
        List<EnrichedOption> ntm = NearTheMoney.select(enriched, NtmCriteria.DEFAULT);
        double iv = medianIv(ntm);
        if (!(iv > 0)) {
          continue;
        }
        double spot = chain.underlyingPrice().orElseGet(() -> settings.underlyings().get(u)[0]);
        // rich: implied volatility twice the forecast (short premium, call spreads on a trend up);
        // cheap: half of it (long volatility, put spreads on a trend down); held: no edge, no
        // trend and a position at every expiry (the early returns most of the run's cycles take)
        MarketView[] three = new MarketView[3];
        int i = 0;
        for (double ratio : new double[] {0.5, 2.0, 1.0}) {
          VolForecast f = VolForecast.flat("warm-up", iv * ratio, 21);
          ScoredChain scored = scorer.score(ntm, ScoringContext.of(f));
          double trend = ratio < 1 ? 3 : ratio > 1 ? -3 : 0;
          List<Position> held = ratio == 1.0 ? onePerExpiry(enriched) : List.of();
          three[i++] = new MarketView(u, spot, rate, 0, now, enriched, scored, f, held, trend);
        }
        views.add(three);
      }
    } finally {
      market.close();
    }
    long evaluations = 0;
    long signals = 0;
    if (!views.isEmpty()) {
      for (int r = 0; r < rounds; r++) {
        for (MarketView v : views.get(r % views.size())) {
          for (Strategy s : strategies) {
            signals += s.evaluate(v).size();
            evaluations++;
          }
        }
      }
    }
    return String.format(
        java.util.Locale.ROOT,
        "signal path warmed up before day 1 (JIT): %d strategy evaluations (%d proposed"
            + " structures) on views of a separate simulated market in %.2f s; not in the results"
            + " or the latency table",
        evaluations,
        signals,
        (System.nanoTime() - t0) / 1e9);
  }

  private static List<Position> onePerExpiry(List<EnrichedOption> options) {
    Map<LocalDate, Position> byExpiry = new TreeMap<>();
    for (EnrichedOption o : options) {
      byExpiry.putIfAbsent(o.contract().expiration(), new Position(o.contract(), 1));
    }
    return List.copyOf(byExpiry.values());
  }

  private static double medianIv(List<EnrichedOption> options) {
    double[] iv =
        options.stream()
            .mapToDouble(EnrichedOption::impliedVolatility)
            .filter(x -> x > 0 && Double.isFinite(x))
            .sorted()
            .toArray();
    return iv.length == 0 ? Double.NaN : iv[iv.length / 2];
  }
}
