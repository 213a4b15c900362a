package io.github.bsoptions.signals.vol.garch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.bsoptions.signals.vol.VolForecast;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GarchModelTest {

  private static final GarchParameters TRUE =
      new GarchParameters(3e-4, 2e-6, 0.08, 0, 0.90, Double.NaN);

  @Test
  void logLikelihood_matchesHandComputedValue() {
    double[] r = {0.01, -0.02, 0.005};
    GarchParameters p = GarchParameters.of(0.001, 1e-5, 0.1, 0.85);
    GarchSpec spec = GarchSpec.garch();
    // backcast over 3 residuals with weights 1, 0.94, 0.94^2
    double e0 = 0.009;
    double e1 = -0.021;
    double e2 = 0.004;
    double w2 = 0.94 * 0.94;
    double bc = (e0 * e0 + 0.94 * e1 * e1 + w2 * e2 * e2) / (1 + 0.94 + w2);
    double h0 = 1e-5 + 0.95 * bc;
    double h1 = 1e-5 + 0.1 * e0 * e0 + 0.85 * h0;
    double h2 = 1e-5 + 0.1 * e1 * e1 + 0.85 * h1;
    double expected =
        -0.5
            * (3 * Math.log(2 * Math.PI)
                + Math.log(h0)
                + Math.log(h1)
                + Math.log(h2)
                + e0 * e0 / h0
                + e1 * e1 / h1
                + e2 * e2 / h2);
    assertThat(GarchModel.logLikelihood(r, spec, p)).isCloseTo(expected, within(1e-12));
  }

  @Test
  void studentTLogLikelihood_matchesHandComputedValue() {
    double[] r = {0.01, -0.02};
    GarchParameters p = new GarchParameters(0, 1e-5, 0.1, 0, 0.85, 6);
    GarchSpec spec =
        GarchSpec.garch()
            .withInnovation(GarchSpec.Innovation.STUDENT_T)
            .withMean(GarchSpec.MeanModel.ZERO);
    double bc = (1e-4 + 0.94 * 4e-4) / 1.94;
    double h0 = 1e-5 + 0.95 * bc;
    double h1 = 1e-5 + 0.1 * 1e-4 + 0.85 * h0;
    double nu = 6;
    double c =
        org.apache.commons.math3.special.Gamma.logGamma(3.5)
            - org.apache.commons.math3.special.Gamma.logGamma(3)
            - 0.5 * Math.log(Math.PI * 4);
    double expected =
        2 * c
            - 0.5 * Math.log(h0)
            - 0.5 * Math.log(h1)
            - 0.5 * (nu + 1) * (Math.log(1 + 1e-4 / (h0 * 4)) + Math.log(1 + 4e-4 / (h1 * 4)));
    assertThat(GarchModel.logLikelihood(r, spec, p)).isCloseTo(expected, within(1e-12));
  }

  @Test
  void fit_recoversKnownParameters_fromSimulatedGarch() {
    GarchSpec spec = GarchSpec.garch();
    double[] r = GarchModel.simulate(spec, TRUE, 5000, new SplittableRandom(42), null);
    GarchFit fit = GarchModel.fit(r, spec);
    GarchParameters p = fit.parameters();
    GarchFit.StandardErrors se = fit.standardErrors();
    assertThat(fit.converged()).isTrue();
    assertThat(Math.abs(p.alpha() - 0.08)).isLessThan(3 * se.alpha());
    assertThat(Math.abs(p.beta() - 0.90)).isLessThan(3 * se.beta());
    assertThat(Math.abs(p.omega() - 2e-6)).isLessThan(3 * se.omega());
    assertThat(Math.abs(p.mu() - 3e-4)).isLessThan(3 * se.mu());
    assertThat(se.alpha()).isBetween(0.003, 0.03);
    // the optimum beats the true parameters' likelihood
    assertThat(fit.logLikelihood()).isGreaterThanOrEqualTo(GarchModel.logLikelihood(r, spec, TRUE));
  }

  @Test
  void fit_isALocalMaximum() {
    GarchSpec spec = GarchSpec.garch();
    double[] r = GarchModel.simulate(spec, TRUE, 2500, new SplittableRandom(7), null);
    GarchFit fit = GarchModel.fit(r, spec);
    GarchParameters p = fit.parameters();
    double ll = fit.logLikelihood();
    for (double d : new double[] {-1e-3, 1e-3}) {
      assertThat(
              GarchModel.logLikelihood(
                  r, spec, GarchParameters.of(p.mu(), p.omega(), p.alpha() + d, p.beta())))
          .isLessThanOrEqualTo(ll);
      assertThat(
              GarchModel.logLikelihood(
                  r, spec, GarchParameters.of(p.mu(), p.omega(), p.alpha(), p.beta() + d)))
          .isLessThanOrEqualTo(ll);
      assertThat(
              GarchModel.logLikelihood(
                  r, spec, GarchParameters.of(p.mu(), p.omega() * (1 + d), p.alpha(), p.beta())))
          .isLessThanOrEqualTo(ll);
    }
  }

  @Test
  void gjrStudentT_recoversLeverageAndTails() {
    GarchSpec spec =
        GarchSpec.gjr()
            .withInnovation(GarchSpec.Innovation.STUDENT_T)
            .withMean(GarchSpec.MeanModel.ZERO);
    GarchParameters truth = new GarchParameters(0, 2e-6, 0.03, 0.10, 0.88, 7);
    double[] r = GarchModel.simulate(spec, truth, 6000, new SplittableRandom(11), null);
    GarchFit fit = GarchModel.fit(r, spec);
    GarchParameters p = fit.parameters();
    GarchFit.StandardErrors se = fit.standardErrors();
    assertThat(Math.abs(p.gamma() - 0.10)).isLessThan(3 * se.gamma());
    assertThat(Math.abs(p.beta() - 0.88)).isLessThan(3 * se.beta());
    assertThat(Math.abs(p.nu() - 7)).isLessThan(3 * se.nu());
    assertThat(p.gamma()).isGreaterThan(p.alpha());
  }

  @Test
  void varianceTargeting_tiesOmegaToSampleVariance() {
    GarchSpec spec = GarchSpec.garch().withVarianceTargeting(true);
    double[] r = GarchModel.simulate(spec, TRUE, 3000, new SplittableRandom(3), null);
    GarchFit fit = GarchModel.fit(r, spec);
    GarchParameters p = fit.parameters();
    assertThat(p.unconditionalVariance()).isCloseTo(fit.sampleVariance(), within(1e-12));
    assertThat(fit.standardErrors().omega()).isNaN();
    assertThat(p.persistence()).isBetween(0.9, 1.0);
  }

  @Test
  void forecast_meanRevertsToUnconditionalVariance() {
    GarchParameters p = GarchParameters.of(0, 1e-6, 0.1, 0.85);
    VolForecast f = GarchModel.forecast(p, 4e-4, 300);
    double uv = 1e-6 / 0.05;
    assertThat(f.variance(1)).isEqualTo(4e-4);
    assertThat(f.variance(2)).isCloseTo(uv + 0.95 * (4e-4 - uv), within(1e-15));
    assertThat(f.variance(300)).isCloseTo(uv, within(1e-9));
    double[] term = f.annualizedTerm();
    for (int i = 1; i < term.length; i++) {
      assertThat(term[i]).isLessThan(term[i - 1]);
    }
    assertThat(f.annualizedVol(1)).isCloseTo(Math.sqrt(252 * 4e-4), within(1e-12));
  }

  @Test
  void fit_rejectsBadInput() {
    assertThatThrownBy(() -> GarchModel.fit(new double[10], GarchSpec.garch()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("returns");
    double[] flat = new double[100];
    assertThatThrownBy(() -> GarchModel.fit(flat, GarchSpec.garch()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sample variance");
  }
}
