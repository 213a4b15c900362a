package io.github.bsoptions.bench;

import io.github.bsoptions.data.model.Quote;
import io.github.bsoptions.pricing.backend.PricingBackends;
import io.github.bsoptions.pricing.pricer.BlackScholesModel;
import io.github.bsoptions.pricing.product.OptionType;
import io.github.bsoptions.risk.limits.KillSwitch;
import io.github.bsoptions.risk.limits.RiskLimits;
import io.github.bsoptions.risk.montecarlo.MonteCarloVar;
import io.github.bsoptions.risk.montecarlo.ReturnModel;
import io.github.bsoptions.risk.montecarlo.UnderlyingModel;
import io.github.bsoptions.risk.montecarlo.VarConfig;
import io.github.bsoptions.risk.montecarlo.VarReport;
import io.github.bsoptions.risk.portfolio.MarketState;
import io.github.bsoptions.risk.portfolio.OptionInstrument;
import io.github.bsoptions.risk.portfolio.Portfolio;
import io.github.bsoptions.risk.portfolio.PortfolioAnalyzer;
import io.github.bsoptions.risk.portfolio.PortfolioGreeks;
import io.github.bsoptions.risk.portfolio.Position;
import io.github.bsoptions.risk.portfolio.RiskPricers;
import io.github.bsoptions.risk.portfolio.StockInstrument;
import io.github.bsoptions.risk.pretrade.AccountState;
import io.github.bsoptions.risk.pretrade.Decision;
import io.github.bsoptions.risk.pretrade.OrderLeg;
import io.github.bsoptions.risk.pretrade.OrderProposal;
import io.github.bsoptions.risk.pretrade.PreTradeCheck;
import io.github.bsoptions.risk.pretrade.QuoteSource;
import io.github.bsoptions.risk.pretrade.RiskContext;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * bs-risk costs, in operations per second (BenchMain multiplies by {@code batch}):
 *
 * <ul>
 *   <li>{@code optionGreeks}: baseline, one option's value and greeks, to express the others in
 *       units of it on a noisy machine;
 *   <li>{@code preTradeCheck}: one 2-leg order against a 500-position book with 5 working orders
 *       (every rule evaluated; the book's greeks are precomputed, as the app does per book update);
 *       {@code batch} 1, so the score is checks per second and 1 / score the latency;
 *   <li>{@code portfolioGreeks}: value and dollar greeks of the 500-position book ({@code batch} =
 *       positions per run, so the score is positions per second);
 *   <li>{@code monteCarloVar}: one VaR run of 20,000 paths (antithetic, 5 correlated underlyings)
 *       over a 100-option book on one thread; x {@code batch} = paths per second, x 100 more =
 *       option revaluations per second per core.
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RiskBench {
  /** Pricing backend for Black-Scholes rows (BenchMain passes the available ones). */
  @Param({"scalar"})
  public String backend;

  private static final Instant NOW = Instant.parse("2026-01-05T15:00:00Z");
  private static final int UNDERLYINGS = 20;

  private PreTradeCheck check;
  private RiskContext context;
  private OrderProposal order;
  private Portfolio book500;
  private MarketState market;
  private PortfolioAnalyzer analyzer;
  private Portfolio book100;
  private MarketState market5;
  private List<UnderlyingModel> models;
  private double[][] correlation;
  private MonteCarloVar monteCarlo;
  private VarConfig varConfig;

  /** Builds the books (fixed seed). */
  @Setup(Level.Trial)
  public void setUp() {
    RiskPricers pricers =
        new RiskPricers(
            BlackScholesModel.INSTANCE, BlackScholesModel.INSTANCE, PricingBackends.named(backend));
    analyzer = new PortfolioAnalyzer(pricers);
    SplittableRandom rnd = new SplittableRandom(42);
    Map<String, Double> spots = new HashMap<>();
    for (int u = 0; u < UNDERLYINGS; u++) {
      spots.put("U" + u, 50 + 400 * rnd.nextDouble());
    }
    market = new MarketState(spots);
    book500 = randomBook(rnd, 500, UNDERLYINGS, market);
    PortfolioGreeks greeks = analyzer.greeks(book500, market);

    OptionInstrument c1 = option("U0", OptionType.CALL, 0.95 * market.spot("U0"));
    OptionInstrument c2 = option("U0", OptionType.CALL, 1.05 * market.spot("U0"));
    Map<String, Quote> quotes = new HashMap<>();
    double p1 =
        BlackScholesModel.INSTANCE.price(
            c1.type(), market.spot("U0"), c1.strike(), 0.25, 0.04, 0, 0.3);
    double p2 =
        BlackScholesModel.INSTANCE.price(
            c2.type(), market.spot("U0"), c2.strike(), 0.25, 0.04, 0, 0.3);
    quotes.put("C1", new Quote("C1", p1 - 0.05, p1 + 0.05, 10, 10, NOW));
    quotes.put("C2", new Quote("C2", p2 - 0.05, p2 + 0.05, 10, 10, NOW));
    List<OrderProposal> working = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      working.add(
          OrderProposal.single(
              "w" + i, "s", new OrderLeg("C1", c1, 1), 1, p1, NOW.minusSeconds(i)));
    }
    context =
        new RiskContext(
            book500, greeks, market, working, new AccountState(1e7, 1e7), QuoteSource.of(quotes));
    order =
        new OrderProposal(
            "o1",
            "s",
            List.of(new OrderLeg("C1", c1, 1), new OrderLeg("C2", c2, -1)),
            2,
            p1 - p2,
            NOW);
    RiskLimits limits =
        RiskLimits.builder()
            .maxOrderNotional(1e9)
            .maxGrossNotional(1e10)
            .maxPortfolioDollarDelta(1e10)
            .maxPortfolioDollarGamma(1e10)
            .maxPortfolioVega(1e10)
            .maxPortfolioTheta(1e10)
            .maxUnderlyingDollarDelta(1e9)
            .maxUnderlyingVega(1e9)
            .maxConcentration(1e3)
            .build();
    check = new PreTradeCheck(limits, pricers, InstantSource.fixed(NOW), new KillSwitch());
    Decision d = check.check(order, context);
    if (!d.approved()) {
      throw new IllegalStateException("benchmark order should pass: " + d.reason());
    }

    Map<String, Double> spots5 = new HashMap<>();
    models = new ArrayList<>();
    for (int u = 0; u < 5; u++) {
      spots5.put("U" + u, spots.get("U" + u));
      models.add(new UnderlyingModel("U" + u, 0, 0.2 + 0.05 * u));
    }
    market5 = new MarketState(spots5);
    book100 = randomBook(rnd, 100, 5, market5);
    correlation = new double[5][5];
    for (int i = 0; i < 5; i++) {
      for (int j = 0; j < 5; j++) {
        correlation[i][j] = i == j ? 1 : 0.4;
      }
    }
    monteCarlo = new MonteCarloVar(pricers);
    varConfig = new VarConfig(20_000, 1, 7, true, 20, 1, ReturnModel.GBM);
  }

  private static OptionInstrument option(String u, OptionType type, double strike) {
    return OptionInstrument.european(u, type, Math.rint(strike), 0.25, 0.3, 0.04, 0);
  }

  private static Portfolio randomBook(SplittableRandom rnd, int n, int unds, MarketState m) {
    List<Position> ps = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String u = "U" + (i % unds);
      double s = m.spot(u);
      if (i % 10 == 9 && n > 100) {
        ps.add(Position.of("p" + i, new StockInstrument(u), rnd.nextInt(-200, 200) + 0.5));
      } else {
        ps.add(
            Position.of(
                "p" + i,
                OptionInstrument.european(
                    u,
                    rnd.nextBoolean() ? OptionType.CALL : OptionType.PUT,
                    Math.rint(s * (0.8 + 0.4 * rnd.nextDouble())),
                    0.05 + rnd.nextDouble(),
                    0.15 + 0.4 * rnd.nextDouble(),
                    0.04,
                    0.01),
                rnd.nextInt(1, 20) * (rnd.nextBoolean() ? 1 : -1)));
      }
    }
    return new Portfolio(ps);
  }

  /** Baseline: value and every greek of one option (the unit of work the check repeats). */
  @Benchmark
  public Object optionGreeks() {
    return BlackScholesModel.INSTANCE.greeks(OptionType.CALL, 100, 105, 0.25, 0.04, 0, 0.3);
  }

  /** One pre-trade check of a 2-leg order against the 500-position book. */
  @Benchmark
  public Decision preTradeCheck() {
    return check.check(order, context);
  }

  /** Dollar greeks of the 500-position book; score x 500 = positions per second. */
  @Benchmark
  public PortfolioGreeks portfolioGreeks() {
    return analyzer.greeks(book500, market);
  }

  /** One Monte Carlo VaR run (20,000 paths x 100 options, one thread). */
  @Benchmark
  public VarReport monteCarloVar() {
    return monteCarlo.run(book100, market5, models, correlation, varConfig, 0.99);
  }
}
