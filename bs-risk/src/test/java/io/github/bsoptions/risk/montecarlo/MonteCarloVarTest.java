package io.github.bsoptions.risk.montecarlo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.bsoptions.pricing.formula.BlackScholesFormulas;
import io.github.bsoptions.pricing.product.OptionType;
import io.github.bsoptions.risk.portfolio.MarketState;
import io.github.bsoptions.risk.portfolio.OptionInstrument;
import io.github.bsoptions.risk.portfolio.Portfolio;
import io.github.bsoptions.risk.portfolio.Position;
import io.github.bsoptions.risk.portfolio.StockInstrument;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MonteCarloVarTest {
  static final MarketState MARKET = new MarketState(Map.of("AAPL", 100.0, "MSFT", 400.0));
  static final List<UnderlyingModel> MODELS =
      List.of(new UnderlyingModel("AAPL", 0.0, 0.30), new UnderlyingModel("MSFT", 0.0, 0.25));
  static final double[][] CORR = {{1, 0.6}, {0.6, 1}};
  static final Portfolio LINEAR =
      Portfolio.of(
          Position.of("a", new StockInstrument("AAPL"), 300),
          Position.of("m", new StockInstrument("MSFT"), -40));

  /** Inverse standard normal CDF at 0.99 and 0.95. */
  static final double Z99 = 2.3263478740408408;

  static final double Z95 = 1.6448536269514722;

  static double phi(double z) {
    return Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
  }

  @Test
  void linearBookMatchesTheAnalyticNormalVarWithinTheInterval() {
    VarConfig cfg =
        VarConfig.of(200_000, 42).withHorizonDays(10).withReturnModel(ReturnModel.NORMAL);
    VarReport r = MonteCarloVar.withDefaults().run(LINEAR, MARKET, MODELS, CORR, cfg, 0.95, 0.99);
    // Loss = -(300 * 100 * 0.3 x1 - 40 * 400 * 0.25 x2) sqrt(h): normal with this sigma.
    double h = 10 / 365.0;
    double a = 300 * 100 * 0.30 * Math.sqrt(h);
    double b = -40 * 400 * 0.25 * Math.sqrt(h);
    double sigma = Math.sqrt(a * a + b * b + 2 * 0.6 * a * b);
    VarReport.Level l99 = r.at(0.99);
    VarReport.Level l95 = r.at(0.95);
    assertThat(l99.var().contains(Z99 * sigma)).as("%s vs %s", l99.var(), Z99 * sigma).isTrue();
    assertThat(l95.var().contains(Z95 * sigma)).as("%s vs %s", l95.var(), Z95 * sigma).isTrue();
    double es99 = sigma * phi(Z99) / 0.01;
    assertThat(l99.expectedShortfall().contains(es99))
        .as("%s vs %s", l99.expectedShortfall(), es99)
        .isTrue();
    // Antithetic pairs: the mean of a linear book is exactly its (zero) drift.
    assertThat(r.meanPnl().value()).isCloseTo(0, within(1e-6));
    // The interval is informative: under 2% of the value.
    assertThat(l99.var().halfWidth()).isLessThan(0.02 * Z99 * sigma);
    assertThat(r.correlationRidge()).isZero();
  }

  @Test
  void intervalsCoverTheTrueVarAtAboutTheirLevel() {
    double h = 1 / 365.0;
    double a = 300 * 100 * 0.30 * Math.sqrt(h);
    double b = -40 * 400 * 0.25 * Math.sqrt(h);
    double truth = Z99 * Math.sqrt(a * a + b * b + 2 * 0.6 * a * b);
    int covered = 0;
    for (long seed = 1; seed <= 40; seed++) {
      VarConfig cfg = new VarConfig(20_000, 1, seed, false, 20, 2, ReturnModel.NORMAL);
      VarReport r = MonteCarloVar.withDefaults().run(LINEAR, MARKET, MODELS, CORR, cfg, 0.99);
      covered += r.at(0.99).var().contains(truth) ? 1 : 0;
    }
    // 95% intervals: expect 38 of 40; fewer than 33 would mean the intervals are too narrow.
    assertThat(covered).isGreaterThanOrEqualTo(33);
  }

  @Test
  void singleStockGbmMatchesTheLognormalQuantile() {
    Portfolio one = Portfolio.of(Position.of("a", new StockInstrument("AAPL"), 100));
    VarConfig cfg = VarConfig.of(100_000, 7).withHorizonDays(5);
    VarReport r =
        MonteCarloVar.withDefaults()
            .run(
                one,
                MARKET,
                List.of(new UnderlyingModel("AAPL", 0.05, 0.4)),
                new double[][] {{1}},
                cfg,
                0.99);
    double h = 5 / 365.0;
    double exact = 100 * 100 * (1 - Math.exp((0.05 - 0.08) * h - 0.4 * Math.sqrt(h) * Z99));
    assertThat(r.at(0.99).var().contains(exact)).as("%s vs %s", r.at(0.99).var(), exact).isTrue();
  }

  @Test
  void sameSeedSameReportWhateverTheThreadCount() {
    Portfolio book =
        Portfolio.of(
            Position.of(
                "c", OptionInstrument.european("AAPL", OptionType.CALL, 100, 0.2, 0.3, 0.03, 0), 5),
            Position.of(
                "p",
                OptionInstrument.european("MSFT", OptionType.PUT, 390, 0.1, 0.25, 0.03, 0),
                -3),
            Position.of("s", new StockInstrument("MSFT"), 10));
    VarConfig cfg = VarConfig.of(20_000, 99);
    VarReport one =
        MonteCarloVar.withDefaults().run(book, MARKET, MODELS, CORR, cfg.withThreads(1), 0.99);
    VarReport four =
        MonteCarloVar.withDefaults().run(book, MARKET, MODELS, CORR, cfg.withThreads(4), 0.99);
    assertThat(four).isEqualTo(one);
    VarReport other =
        MonteCarloVar.withDefaults()
            .run(
                book,
                MARKET,
                MODELS,
                CORR,
                new VarConfig(20_000, 1, 100, true, 20, 2, ReturnModel.GBM),
                0.99);
    assertThat(other.at(0.99).var().value()).isNotEqualTo(one.at(0.99).var().value());
  }

  @Test
  void longCallLossesAreBoundedByThePremium() {
    OptionInstrument call =
        OptionInstrument.european("AAPL", OptionType.CALL, 100, 0.05, 0.3, 0.03, 0);
    Portfolio book = Portfolio.of(Position.of("c", call, 1));
    VarReport r =
        MonteCarloVar.withDefaults()
            .run(book, MARKET, MODELS, CORR, VarConfig.of(20_000, 5).withHorizonDays(30), 0.99);
    double premium = BlackScholesFormulas.price(true, 100, 100, 0.05, 0.03, 0, 0.3) * 100;
    assertThat(r.baseValue()).isCloseTo(premium, within(1e-9));
    // The option expires within the horizon: the worst loss is the whole premium.
    assertThat(r.at(0.99).var().value()).isCloseTo(premium, within(1e-9));
    assertThat(r.at(0.99).expectedShortfall().value()).isCloseTo(premium, within(1e-9));
  }

  @Test
  void antitheticPairsHalveTheMeanError() {
    VarConfig cfg = VarConfig.of(20_000, 3).withReturnModel(ReturnModel.NORMAL);
    VarReport anti = MonteCarloVar.withDefaults().run(LINEAR, MARKET, MODELS, CORR, cfg, 0.99);
    // With z and -z paired, a linear book's mean P&L is exactly the drift (0).
    assertThat(anti.meanPnl().value()).isCloseTo(0, within(1e-6));
    VarReport plain =
        MonteCarloVar.withDefaults()
            .run(LINEAR, MARKET, MODELS, CORR, cfg.withAntithetic(false), 0.99);
    assertThat(Math.abs(plain.meanPnl().value())).isGreaterThan(1e-6);
  }

  @Test
  void nonPositiveDefiniteCorrelationIsRegularizedAndReported() {
    double[][] singular = {{1, 1}, {1, 1}};
    VarReport r =
        MonteCarloVar.withDefaults()
            .run(LINEAR, MARKET, MODELS, singular, VarConfig.of(2_000, 1), 0.99);
    assertThat(r.correlationRidge()).isPositive();
    double[][] impossible = {{1, 0.9, -0.9}, {0.9, 1, 0.9}, {-0.9, 0.9, 1}};
    List<UnderlyingModel> three =
        List.of(MODELS.get(0), MODELS.get(1), new UnderlyingModel("X", 0, 0.2));
    assertThatThrownBy(
            () ->
                MonteCarloVar.withDefaults()
                    .run(LINEAR, MARKET, three, impossible, VarConfig.of(2_000, 1), 0.99))
        .hasMessageContaining("not positive semi-definite");
  }

  @Test
  void badInput() {
    MonteCarloVar mc = MonteCarloVar.withDefaults();
    VarConfig cfg = VarConfig.of(2_000, 1);
    assertThatThrownBy(() -> mc.run(Portfolio.EMPTY, MARKET, MODELS, CORR, cfg, 0.99))
        .hasMessageContaining("empty");
    assertThatThrownBy(() -> mc.run(LINEAR, MARKET, MODELS, CORR, cfg, 1.0))
        .hasMessageContaining("confidence");
    assertThatThrownBy(
            () -> mc.run(LINEAR, MARKET, MODELS.subList(0, 1), new double[][] {{1}}, cfg, 0.99))
        .hasMessageContaining("no UnderlyingModel for underlying MSFT");
    assertThatThrownBy(
            () -> mc.run(LINEAR, MARKET, MODELS, new double[][] {{1, 2}, {2, 1}}, cfg, 0.99))
        .hasMessageContaining("[-1, 1]");
    assertThatThrownBy(() -> new VarConfig(10, 1, 1, true, 20, 1, ReturnModel.GBM))
        .hasMessageContaining("paths");
    Portfolio options =
        Portfolio.of(
            Position.of(
                "c", OptionInstrument.european("AAPL", OptionType.CALL, 100, 0.2, 0.3, 0, 0), 1));
    assertThatThrownBy(
            () ->
                mc.run(
                    options, MARKET, MODELS, CORR, cfg.withReturnModel(ReturnModel.NORMAL), 0.99))
        .hasMessageContaining("NORMAL");
  }

  @Test
  void constantVarianceGarchOverOneDayEqualsGbm() {
    VarConfig gbm = VarConfig.of(20_000, 11);
    VarReport a = MonteCarloVar.withDefaults().run(LINEAR, MARKET, MODELS, CORR, gbm, 0.99);
    VarReport b =
        MonteCarloVar.withDefaults()
            .run(LINEAR, MARKET, MODELS, CORR, gbm.withReturnModel(ReturnModel.GARCH), 0.99);
    assertThat(b.at(0.99).var().value()).isCloseTo(a.at(0.99).var().value(), within(1e-6));
    assertThat(b.at(0.99).expectedShortfall().value())
        .isCloseTo(a.at(0.99).expectedShortfall().value(), within(1e-6));
  }

  @Test
  void garchVolatilityClusteringRaisesVarAfterAShock() {
    Portfolio one = Portfolio.of(Position.of("a", new StockInstrument("AAPL"), 100));
    double longRun = 0.25 * 0.25 / 365;
    GarchParams calm = new GarchParams(longRun * 0.05, 0.08, 0.87, longRun);
    GarchParams shocked = new GarchParams(longRun * 0.05, 0.08, 0.87, 4 * longRun);
    assertThat(calm.longRunVariance()).isCloseTo(longRun, within(1e-15));
    VarConfig cfg = VarConfig.of(40_000, 5).withHorizonDays(10).withReturnModel(ReturnModel.GARCH);
    double[][] c1 = {{1}};
    VarReport r1 =
        MonteCarloVar.withDefaults()
            .run(one, MARKET, List.of(new UnderlyingModel("AAPL", 0, 0.25, calm)), c1, cfg, 0.99);
    VarReport r2 =
        MonteCarloVar.withDefaults()
            .run(
                one, MARKET, List.of(new UnderlyingModel("AAPL", 0, 0.25, shocked)), c1, cfg, 0.99);
    // Starting at the long-run variance, 10-day VaR is close to the constant-vol lognormal one.
    double constant =
        100 * 100 * (1 - Math.exp(-0.5 * 10 * longRun - Math.sqrt(10 * longRun) * Z99));
    assertThat(r1.at(0.99).var().value()).isCloseTo(constant, within(0.05 * constant));
    // Four times the variance today, decaying at 0.95 a day: VaR well above the calm case.
    assertThat(r2.at(0.99).var().lower()).isGreaterThan(1.4 * r1.at(0.99).var().upper());
    assertThatThrownBy(() -> new GarchParams(1e-6, 0.2, 0.8, 1e-4)).hasMessageContaining("alpha");
  }

  @Test
  void studentQuantileIsAccurate() {
    assertThat(MonteCarloVar.studentT975(19)).isCloseTo(2.093024, within(2e-4));
    assertThat(MonteCarloVar.studentT975(9)).isCloseTo(2.262157, within(1e-3));
  }
}
