package io.github.bsoptions.app.cli;

import io.github.bsoptions.data.error.DataException;
import io.github.bsoptions.data.model.Bar;
import io.github.bsoptions.data.model.EnrichedOption;
import io.github.bsoptions.data.model.OptionChain;
import io.github.bsoptions.data.model.OptionChainQuery;
import io.github.bsoptions.data.model.Timeframe;
import io.github.bsoptions.data.sim.SimulatedMarket;
import io.github.bsoptions.data.sim.SimulationConfig;
import io.github.bsoptions.data.spi.MarketDataProvider;
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
import io.github.bsoptions.signals.strategy.Trend;
import io.github.bsoptions.signals.vol.VolForecast;
import io.github.bsoptions.signals.vol.garch.GarchFit;
import io.github.bsoptions.signals.vol.garch.GarchModel;
import io.github.bsoptions.signals.vol.garch.GarchSpec;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bs signals}: the current scored near-the-money contracts and every discovered strategy's
 * signals for one underlying, wired as the demo loop does: chain, {@link ChainEnricher}, {@link
 * NearTheMoney}, {@link ChainScorer} with a GARCH(1,1) forecast fitted to the daily history, the
 * {@link Trend} statistic of the last closes, then {@link Strategies#discover()} on a {@link
 * MarketView}. Any market data source: the simulated market (default), a replay, Alpaca or the
 * fallback provider.
 */
@Command(
    name = "signals",
    description = {
      "Score the near-the-money contracts of one underlying and print every strategy's signals.",
      "Sources: simulated (offline default, deterministic for a seed), replay (--replay-file),"
          + " alpaca (APCA_API_KEY_ID, APCA_API_SECRET_KEY), massive (MASSIVE_API_KEY); up to 500"
          + " days of daily bars feed the GARCH(1,1) forecast and the trend statistic."
    })
public final class SignalsCommand implements Callable<Integer> {
  private static final int HISTORY_DAYS = 300;
  private static final int HORIZON = 21;
  private static final int MIN_BARS = 60;
  private static final double DEFAULT_RATE = 0.04;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--source",
      defaultValue = "simulated",
      description = "simulated, replay, alpaca or massive (default ${DEFAULT-VALUE}).")
  String source;

  @Option(names = "--replay-file", description = "Recording to replay (with --source replay).")
  Path replayFile;

  @Option(
      names = "--rate",
      description = "Risk-free rate (default: the simulation's rate; 0.04 for other sources).")
  Double rate;

  @Option(
      names = "--trend-days",
      defaultValue = "20",
      description = "Daily returns in the trend statistic (default ${DEFAULT-VALUE}).")
  int trendDays;

  @Option(
      names = "--set",
      description =
          "Provider setting KEY=VALUE overriding the environment (e.g. APCA_API_DATA_URL).")
  Map<String, String> settings = new HashMap<>();

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
      if (top < 1) {
        throw new IllegalArgumentException("--top must be >= 1, was " + top);
      }
      if (trendDays < 2) {
        throw new IllegalArgumentException("--trend-days must be >= 2, was " + trendDays);
      }
      String u = symbol.toUpperCase(Locale.ROOT);
      if (source.equals(SimulatedMarket.NAME)) {
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
          double r = rate != null ? rate : market.config().rate();
          print(out, market, u, market.now(), r);
        }
      } else {
        try (MarketDataProvider p = MarketSources.open(source, replayFile, settings)) {
          print(out, p, u, null, rate != null ? rate : DEFAULT_RATE);
        }
      }
      out.flush();
      return 0;
    } catch (DataException.Authentication | IllegalArgumentException e) {
      err.println("bs signals: " + e.getMessage());
      err.flush();
      return 2;
    } catch (RuntimeException e) {
      err.println("bs signals: " + e.getMessage());
      err.flush();
      return 1;
    }
  }

  /**
   * Fetches the chain and the daily history from {@code p}, scores and runs the strategies, and
   * prints the result; {@code asOf} null means the chain's own time stamp.
   */
  private void print(PrintWriter out, MarketDataProvider p, String u, Instant asOf, double rate) {
    OptionChain raw = p.optionChain(OptionChainQuery.all(u));
    Instant now = asOf != null ? asOf : raw.asOf();
    OptionalDouble spotPrice = raw.underlyingPrice();
    if (spotPrice.isEmpty()) {
      spotPrice = MarketSources.spotOf(p, u);
    }
    if (spotPrice.isEmpty()) {
      throw new IllegalStateException("no price for " + u + " from source " + raw.source());
    }
    double spot = spotPrice.getAsDouble();
    OptionChain chain =
        new OptionChain(u, OptionalDouble.of(spot), raw.asOf(), raw.options(), raw.source());
    List<Bar> bars = p.stockBars(u, Timeframe.DAY_1, now.minus(Duration.ofDays(500)), now);
    if (bars.size() < MIN_BARS) {
      throw new IllegalStateException(
          "needs at least "
              + MIN_BARS
              + " daily bars of "
              + u
              + " for the forecast, source "
              + raw.source()
              + " gave "
              + bars.size());
    }
    double[] closes = new double[bars.size()];
    for (int i = 0; i < closes.length; i++) {
      closes[i] = bars.get(i).close();
    }
    double[] r = new double[closes.length - 1];
    for (int i = 1; i < closes.length; i++) {
      r[i - 1] = Math.log(closes[i] / closes[i - 1]);
    }
    double trend = Trend.tStatistic(closes, trendDays);
    GarchFit fit = GarchModel.fit(r, GarchSpec.garch());
    VolForecast forecast = fit.forecast(HORIZON);
    List<EnrichedOption> enriched = ChainEnricher.enrich(chain, rate, 0, now);
    List<EnrichedOption> ntm = NearTheMoney.select(enriched, NtmCriteria.DEFAULT);
    ScoredChain scored = ChainScorer.withDefaults().score(ntm, ScoringContext.of(forecast));
    MarketView view =
        new MarketView(u, spot, rate, 0, now, enriched, scored, forecast, List.of(), trend);
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
        "GARCH(1,1) on %d daily returns: forecast %.2f%% (next %d days)  persistence %.4f"
            + "  trend %s (%d days)%n",
        r.length,
        100 * forecast.annualizedVol(HORIZON),
        HORIZON,
        fit.persistence(),
        Double.isNaN(trend) ? "n/a" : String.format(Locale.ROOT, "%+.2f", trend),
        trendDays);
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
