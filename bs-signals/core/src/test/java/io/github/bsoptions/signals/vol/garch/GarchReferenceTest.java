package io.github.bsoptions.signals.vol.garch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fits against reference values from an independent implementation (scipy SLSQP + Nelder-Mead on
 * arch's likelihood conventions; see {@code reference/garch_reference.py}): log-likelihood within
 * 1e-6 relative, parameters within a tenth of their standard errors.
 */
class GarchReferenceTest {

  static List<org.junit.jupiter.params.provider.Arguments> rows() throws IOException {
    List<org.junit.jupiter.params.provider.Arguments> out = new ArrayList<>();
    try (BufferedReader r = reader("garch-reference.csv")) {
      r.readLine();
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        out.add(org.junit.jupiter.params.provider.Arguments.of((Object) line.split(",")));
      }
    }
    return out;
  }

  @ParameterizedTest
  @MethodSource("rows")
  void fit_matchesIndependentReference(String[] row) throws IOException {
    double[] returns = returns();
    GarchSpec spec =
        GarchSpec.garch()
            .withInnovation(
                row[0].equals("t") ? GarchSpec.Innovation.STUDENT_T : GarchSpec.Innovation.NORMAL)
            .withMean(
                row[1].equals("zero") ? GarchSpec.MeanModel.ZERO : GarchSpec.MeanModel.CONSTANT);
    GarchFit fit = GarchModel.fit(returns, spec);
    double refLl = Double.parseDouble(row[2]);
    assertThat(Math.abs(fit.logLikelihood() - refLl) / Math.abs(refLl)).isLessThan(1e-6);
    assertThat(fit.logLikelihood()).isGreaterThan(refLl - 1e-4);
    GarchParameters p = fit.parameters();
    GarchFit.StandardErrors se = fit.standardErrors();
    near(p.omega(), row[5], row[6]);
    near(p.alpha(), row[7], row[8]);
    near(p.beta(), row[9], row[10]);
    assertThat(se.alpha())
        .isCloseTo(
            Double.parseDouble(row[8]), org.assertj.core.api.Assertions.withinPercentage(10));
    assertThat(se.beta())
        .isCloseTo(
            Double.parseDouble(row[10]), org.assertj.core.api.Assertions.withinPercentage(10));
    if (spec.mean() == GarchSpec.MeanModel.CONSTANT) {
      near(p.mu(), row[3], row[4]);
    }
    if (spec.innovation() == GarchSpec.Innovation.STUDENT_T) {
      near(p.nu(), row[11], row[12]);
    }
  }

  static List<org.junit.jupiter.params.provider.Arguments> archRows() throws IOException {
    List<org.junit.jupiter.params.provider.Arguments> out = new ArrayList<>();
    try (BufferedReader r = reader("garch-reference-arch.csv")) {
      r.readLine();
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        out.add(org.junit.jupiter.params.provider.Arguments.of((Object) line.split(",")));
      }
    }
    return out;
  }

  /**
   * Against Python's arch package itself (8.0.0, {@code reference/garch_reference_arch.py}), GARCH
   * and GJR-GARCH with normal and Student-t shocks, constant and zero mean: the criteria,
   * log-likelihood within 1e-4 relative (and never worse than arch's by more than that) and every
   * parameter within arch's standard error.
   */
  @ParameterizedTest
  @MethodSource("archRows")
  void fit_matchesPythonArch(String[] row) throws IOException {
    GarchSpec spec =
        (row[0].equals("gjr") ? GarchSpec.gjr() : GarchSpec.garch())
            .withInnovation(
                row[1].equals("t") ? GarchSpec.Innovation.STUDENT_T : GarchSpec.Innovation.NORMAL)
            .withMean(
                row[2].equals("zero") ? GarchSpec.MeanModel.ZERO : GarchSpec.MeanModel.CONSTANT);
    GarchFit fit = GarchModel.fit(returns(), spec);
    double refLl = Double.parseDouble(row[3]);
    assertThat(Math.abs(fit.logLikelihood() - refLl) / Math.abs(refLl)).isLessThan(1e-4);
    assertThat(fit.logLikelihood()).isGreaterThan(refLl - 1e-4 * Math.abs(refLl));
    GarchParameters p = fit.parameters();
    withinSe(p.omega(), row[6], row[7]);
    withinSe(p.alpha(), row[8], row[9]);
    withinSe(p.beta(), row[12], row[13]);
    if (spec.mean() == GarchSpec.MeanModel.CONSTANT) {
      withinSe(p.mu(), row[4], row[5]);
    }
    if (row[0].equals("gjr")) {
      withinSe(p.gamma(), row[10], row[11]);
    }
    if (spec.innovation() == GarchSpec.Innovation.STUDENT_T) {
      withinSe(p.nu(), row[14], row[15]);
    }
  }

  private static void withinSe(double actual, String ref, String se) {
    assertThat(Math.abs(actual - Double.parseDouble(ref))).isLessThan(Double.parseDouble(se));
  }

  private static void near(double actual, String ref, String se) {
    assertThat(Math.abs(actual - Double.parseDouble(ref))).isLessThan(0.1 * Double.parseDouble(se));
  }

  private static double[] returns() throws IOException {
    List<Double> v = new ArrayList<>();
    try (BufferedReader r = reader("garch-returns.csv")) {
      r.readLine();
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        v.add(Double.parseDouble(line.trim()));
      }
    }
    return v.stream().mapToDouble(Double::doubleValue).toArray();
  }

  private static BufferedReader reader(String name) {
    InputStream in = GarchReferenceTest.class.getResourceAsStream("/reference/" + name);
    return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
  }
}
