package io.github.bsoptions.app.cli;

import io.github.bsoptions.data.model.Bar;
import io.github.bsoptions.data.model.EnrichedOption;
import io.github.bsoptions.data.model.OptionChain;
import io.github.bsoptions.data.model.OptionChainQuery;
import io.github.bsoptions.data.model.Timeframe;
import io.github.bsoptions.data.sim.SimulatedMarket;
import io.github.bsoptions.data.sim.SimulationConfig;
import io.github.bsoptions.signals.ntm.ChainEnricher;
import io.github.bsoptions.signals.ntm.NearTheMoney;
import io.github.bsoptions.signals.ntm.NtmCriteria;
import io.github.bsoptions.signals.score.ChainMetrics;
import io.github.bsoptions.signals.score.ChainScorer;
import io.github.bsoptions.signals.score.ContractScore;
import io.github.bsoptions.signals.score.ScoredChain;
import io.github.bsoptions.signals.score.ScoringContext;
import io.github.bsoptions.signals.strategy.MarketView;
import io.github.bsoptions.signals.strategy.Signal;
import io.github.bsoptions.signals.strategy.SignalLeg;
import io.github.bsoptions.signals.strategy.Strategies;
import io.github.bsoptions.signals.strategy.Strategy;
import io.github.bsoptions.signals.vol.VolForecast;
import io.github.bsoptions.signals.vol.garch.GarchFit;
import io.github.bsoptions.signals.vol.garch.GarchModel;
import io.github.bsoptions.signals.vol.garch.GarchSpec;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bs signals}: the current scored near-the-money contracts and every discovered strategy's
 * signals for one underlying, wired as the demo loop does: chain, {@link ChainEnricher}, {@link
 * NearTheMoney}, {@link ChainScorer} with a GARCH(1,1) forecast fitted to the daily history, then
 * {@link Strategies#discover()} on a {@link MarketView}.
 */
@Command(
    name = "signals",
    description = {
      "Score the near-the-money contracts of one underlying and print every strategy's signals.",
      "Source: simulated (offline, deterministic for a seed; 300 days of daily history feed the"
          + " GARCH(1,1) forecast)."
    })
public final class SignalsCommand implements Callable<Integer> {
  private static final int HISTORY_DAYS = 300;
  private static final int HORIZON = 21;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--source",
      defaultValue = "simulated",
      description = "Market data source: simulated (default ${DEFAULT-VALUE}).")
  String source;

  @Option(
      names = "--symbol",
      defaultValue = "SPY",
      description = "Underlying (default ${DEFAULT-VALUE}).")
  String symbol;

  @Option(
      names = "--spot",
      description = "Simulated starting spot (default: 500 SPY, 430 QQQ, else 100).")
  Double spot;

  @Option(
      names = "--vol",
      description = "Simulated volatility (default: 0.18 SPY, 0.24 QQQ, else 0.25).")
  Double vol;

  @Option(
      names = "--seed",
      defaultValue = "42",
      description = "Simulation seed (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--top",
      defaultValue = "10",
      description = "Scored contracts to print (default ${DEFAULT-VALUE}).")
  int top;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      if (!source.equals(SimulatedMarket.NAME)) {
        throw new IllegalArgumentException(
            "--source must be simulated (live sources: use bs chain), was " + source);
      }
      if (top < 1) {
        throw new IllegalArgumentException("--top must be >= 1, was " + top);
      }
      String u = symbol.toUpperCase(Locale.ROOT);
      double s0 = spot != null ? spot : u.equals("SPY") ? 500 : u.equals("QQQ") ? 430 : 100;
      double v0 = vol != null ? vol : u.equals("SPY") ? 0.18 : u.equals("QQQ") ? 0.24 : 0.25;
      SimulationConfig config =
          SimulationConfig.builder()
              .seed(seed)
              .step(Duration.ofMinutes(5))
              .historyDays(HISTORY_DAYS)
              .underlying(u, s0, v0)
              .build();
      try (SimulatedMarket market = SimulatedMarket.create(config)) {
        print(out, market, u, top);
      }
      out.flush();
      return 0;
    } catch (IllegalArgumentException e) {
      err.println("bs signals: " + e.getMessage());
      err.flush();
      return 2;
    }
  }

  private static void print(PrintWriter out, SimulatedMarket market, String u, int top) {
    Instant now = market.now();
    double rate = market.config().rate();
    List<Bar> bars = market.stockBars(u, Timeframe.DAY_1, now.minus(Duration.ofDays(500)), now);
    double[] r = new double[Math.max(0, bars.size() - 1)];
    for (int i = 1; i < bars.size(); i++) {
      r[i - 1] = Math.log(bars.get(i).close() / bars.get(i - 1).close());
    }
    GarchFit fit = GarchModel.fit(r, GarchSpec.garch());
    VolForecast forecast = fit.forecast(HORIZON);
    OptionChain chain = market.optionChain(OptionChainQuery.all(u));
    List<EnrichedOption> enriched = ChainEnricher.enrich(chain, rate, 0, now);
    double spot = chain.underlyingPrice().orElse(market.spot(u));
    List<EnrichedOption> ntm = NearTheMoney.select(enriched, NtmCriteria.DEFAULT);
    ScoredChain scored = ChainScorer.withDefaults().score(ntm, ScoringContext.of(forecast));
    MarketView view = new MarketView(u, spot, rate, 0, now, enriched, scored, forecast, List.of());
    List<Signal> signals = new ArrayList<>();
    List<Strategy> strategies = Strategies.discover();
    for (Strategy s : strategies) {
      signals.addAll(s.evaluate(view));
    }

    ChainMetrics m = scored.metrics();
    out.printf(
        Locale.ROOT,
        "%s  spot %.2f  as of %s  source %s  %d contracts, %d near the money%n",
        u,
        spot,
        now,
        chain.source(),
        enriched.size(),
        ntm.size());
    out.printf(
        Locale.ROOT,
        "GARCH(1,1) on %d daily returns: forecast %.2f%% (next %d days)  persistence %.4f%n",
        r.length,
        100 * forecast.annualizedVol(HORIZON),
        HORIZON,
        fit.persistence());
    out.printf(
        Locale.ROOT,
        "ATM IV %s  IV rank %s  skew %s  term slope %s  forecast vol to front %s%n",
        pct(m.atmIv()),
        fmt(m.ivRank()),
        pct(m.skew()),
        fmt(m.termSlope()),
        pct(m.forecastVol()));
    out.println();
    List<ContractScore> best = scored.top(top);
    out.printf(
        Locale.ROOT,
        "Top %d scored contracts%n%-22s %7s %8s %8s %7s %7s %7s%n",
        best.size(),
        "contract",
        "score",
        "bid",
        "ask",
        "iv",
        "delta",
        "spread");
    for (ContractScore c : best) {
      EnrichedOption o = c.option();
      out.printf(
          Locale.ROOT,
          "%-22s %7.3f %8.2f %8.2f %6.1f%% %7.3f %6.1f%%%n",
          o.symbol(),
          c.score(),
          o.bid(),
          o.ask(),
          100 * o.impliedVolatility(),
          o.delta(),
          100 * o.spreadFraction());
    }
    out.println();
    out.printf(
        Locale.ROOT,
        "Signals (%d strategies, %d signal%s)%n",
        strategies.size(),
        signals.size(),
        signals.size() == 1 ? "" : "s");
    if (signals.isEmpty()) {
      out.println("  none: no strategy's entry conditions hold now");
    }
    for (Signal s : signals) {
      out.printf(
          Locale.ROOT,
          "  %s: %s  net %s %.2f  P(profit) %.2f  E[profit] %.2f  max loss %s  confidence %.2f%n",
          s.strategy(),
          s.structure(),
          s.netPrice() >= 0 ? "debit" : "credit",
          Math.abs(s.netPrice()),
          s.probabilityOfProfit(),
          s.expectedProfit(),
          Double.isInfinite(s.maxLoss())
              ? "unbounded"
              : String.format(Locale.ROOT, "%.2f", s.maxLoss()),
          s.confidence());
      for (SignalLeg l : s.legs()) {
        out.printf(
            Locale.ROOT, "      %+d %s @ %.2f%n", l.quantity(), l.contract().symbol(), l.price());
      }
      out.println("      " + s.rationale());
    }
  }

  private static String pct(double v) {
    return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.2f%%", 100 * v);
  }

  private static String fmt(double v) {
    return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.3f", v);
  }
}
