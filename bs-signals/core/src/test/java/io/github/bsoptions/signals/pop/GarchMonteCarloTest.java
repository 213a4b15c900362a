package io.github.bsoptions.signals.pop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.bsoptions.signals.vol.garch.GarchParameters;
import io.github.bsoptions.signals.vol.garch.GarchSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class GarchMonteCarloTest {
  private static final List<PayoffLeg> CONDOR =
      List.of(
          PayoffLeg.put(85, 1, 0.40),
          PayoffLeg.put(92, -1, 1.30),
          PayoffLeg.call(108, -1, 1.10),
          PayoffLeg.call(115, 1, 0.30));

  @Test
  void nearlyConstantVariance_matchesTheLognormalClosedForm() {
    // alpha = 0: the variance stays at omega / (1 - beta) = h, a lognormal with vol sqrt(252 h).
    double h = 0.25 * 0.25 / 252;
    GarchParameters p = new GarchParameters(0, h * 0.1, 0, 0, 0.9, Double.NaN);
    GarchMonteCarlo.Estimate mc =
        GarchMonteCarlo.analyze(CONDOR, 100, 25, 0.02, GarchSpec.garch(), p, h, 200_000, 7);
    PopResult exact = ProbabilityOfProfit.analyze(CONDOR, 100, 25 / 252.0, 0.02, 0.25);
    assertThat(mc.probabilityOfProfit())
        .isCloseTo(exact.probabilityOfProfit(), within(4 * mc.popStandardError()));
    assertThat(mc.expectedProfit())
        .isCloseTo(exact.expectedProfit(), within(4 * mc.expectedProfitStandardError()));
  }

  @Test
  void fatTailsAndClustering_lowerTheCondorsPop() {
    double h = 0.25 * 0.25 / 252;
    GarchParameters calm = new GarchParameters(0, h * 0.1, 0, 0, 0.9, Double.NaN);
    GarchParameters wild = new GarchParameters(0, h * 0.03, 0.12, 0.10, 0.78, 4.5);
    GarchSpec gjrT = GarchSpec.gjr().withInnovation(GarchSpec.Innovation.STUDENT_T);
    double a =
        GarchMonteCarlo.analyze(CONDOR, 100, 25, 0, GarchSpec.garch(), calm, h, 50_000, 1)
            .probabilityOfProfit();
    double b =
        GarchMonteCarlo.analyze(CONDOR, 100, 25, 0, gjrT, wild, 3 * h, 50_000, 1)
            .probabilityOfProfit();
    assertThat(b).isLessThan(a);
  }
}
