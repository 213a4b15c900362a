package io.github.bsoptions.signals;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bsoptions.data.model.EnrichedOption;
import io.github.bsoptions.signals.ntm.ChainEnricher;
import io.github.bsoptions.signals.ntm.NearTheMoney;
import io.github.bsoptions.signals.ntm.NtmCriteria;
import io.github.bsoptions.signals.score.ChainScorer;
import io.github.bsoptions.signals.score.ContractScore;
import io.github.bsoptions.signals.score.ScoredChain;
import io.github.bsoptions.signals.score.ScoringContext;
import io.github.bsoptions.signals.strategy.MarketView;
import io.github.bsoptions.signals.strategy.Signal;
import io.github.bsoptions.signals.strategy.Strategies;
import io.github.bsoptions.signals.strategy.Strategy;
import io.github.bsoptions.signals.testing.ChainFixtures;
import io.github.bsoptions.signals.vol.ForecastInput;
import io.github.bsoptions.signals.vol.VolForecast;
import io.github.bsoptions.signals.vol.garch.GarchFit;
import io.github.bsoptions.signals.vol.garch.GarchModel;
import io.github.bsoptions.signals.vol.garch.GarchParameters;
import io.github.bsoptions.signals.vol.garch.GarchSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The README examples, compiled and run. */
class ReadmeExamplesTest {

  @Test
  void fitGarch() {
    double[] returns =
        GarchModel.simulate(
            GarchSpec.garch(),
            GarchParameters.of(0, 2e-6, 0.08, 0.9),
            2500,
            new SplittableRandom(1),
            null);
    // README: fit GARCH
    GarchSpec spec = GarchSpec.garch().withInnovation(GarchSpec.Innovation.STUDENT_T);
    GarchFit fit = GarchModel.fit(returns, spec);
    GarchParameters p = fit.parameters();
    System.out.printf(
        "omega=%.3g alpha=%.4f (se %.4f) beta=%.4f nu=%.1f loglik=%.2f persistence=%.4f%n",
        p.omega(),
        p.alpha(),
        fit.standardErrors().alpha(),
        p.beta(),
        p.nu(),
        fit.logLikelihood(),
        fit.persistence());
    VolForecast f = fit.forecast(30);
    System.out.printf(
        "vol next day %.3f, over 30 days %.3f%n", f.annualizedVol(1), f.annualizedVol(30));
    // end
    assertThat(f.annualizedVol(30)).isBetween(0.1, 0.5);
  }

  @Test
  void scoreChain() {
    var chain = ChainFixtures.chain(0.25);
    double[] returns =
        GarchModel.simulate(
            GarchSpec.garch(),
            GarchParameters.of(0, 2e-6, 0.08, 0.9),
            2500,
            new SplittableRandom(1),
            null);
    double[] ivHistory = {0.18, 0.2, 0.22, 0.3};
    // README: score a chain
    List<EnrichedOption> all =
        ChainEnricher.enrich(chain, 0.03, 0.0, chain.asOf()); // IV, forward, greeks
    List<EnrichedOption> ntm = NearTheMoney.select(all, NtmCriteria.DEFAULT);
    VolForecast forecast = GarchModel.fit(returns, GarchSpec.garch()).forecast(250);
    ScoringContext ctx = new ScoringContext(ivHistory, Optional.of(forecast), 0.30);
    ScoredChain scored = ChainScorer.withDefaults().score(ntm, ctx);
    for (ContractScore c : scored.top(5)) {
      System.out.println(c.option().symbol() + " " + c.score() + " " + c.explain());
    }
    MarketView view =
        new MarketView("XYZ", 100.0, 0.03, 0.0, chain.asOf(), all, scored, forecast, List.of());
    List<Signal> signals = new ArrayList<>();
    for (Strategy s : Strategies.discover()) {
      signals.addAll(s.evaluate(view));
    }
    // end
    assertThat(scored.ranked()).isNotEmpty();
    assertThat(ForecastInput.ofReturns(returns).size()).isEqualTo(2500);
    assertThat(signals).allMatch(s -> s.legs().size() >= 2);
  }
}
