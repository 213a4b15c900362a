package io.github.bsoptions.app.cli;

import io.github.bsoptions.signals.vol.VolForecast;
import io.github.bsoptions.signals.vol.garch.GarchFit;
import io.github.bsoptions.signals.vol.garch.GarchModel;
import io.github.bsoptions.signals.vol.garch.GarchSpec;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bs garch}: fits a GARCH(1,1)-family model to a CSV column {@code ret} of per-period
 * returns and prints the estimates, their standard errors, persistence, the full log-likelihood and
 * the annualized volatility forecast.
 */
@Command(
    name = "garch",
    description = {
      "Fit GARCH(1,1) or GJR-GARCH to a CSV of returns (column ret, daily log returns as"
          + " fractions, oldest first; other columns ignored).",
      "Prints parameters, standard errors, persistence, the full log-likelihood (constants"
          + " included, as R fGarch and Python arch report it) and the annualized forecast."
    })
public final class GarchCommand implements Callable<Integer> {
  /** Columns of {@code --format csv}, in order. */
  static final List<String> CSV_COLUMNS =
      List.of(
          "model",
          "dist",
          "mean",
          "n",
          "mu",
          "omega",
          "alpha",
          "gamma",
          "beta",
          "nu",
          "se_mu",
          "se_omega",
          "se_alpha",
          "se_gamma",
          "se_beta",
          "se_nu",
          "persistence",
          "half_life",
          "loglik",
          "aic",
          "bic",
          "converged",
          "vol_1d",
          "vol_horizon",
          "horizon",
          "vol_unconditional");

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--input", required = true, description = "Input CSV file, or - for stdin.")
  String input;

  @Option(
      names = "--dist",
      defaultValue = "normal",
      description = "Innovations: normal or t (default ${DEFAULT-VALUE}).")
  String dist;

  @Option(
      names = "--model",
      defaultValue = "garch",
      description = "garch or gjr (default ${DEFAULT-VALUE}).")
  String model;

  @Option(
      names = "--mean",
      defaultValue = "constant",
      description = "Mean model: zero or constant (default ${DEFAULT-VALUE}).")
  String mean;

  @Option(
      names = "--format",
      defaultValue = "table",
      description = "table or csv (default ${DEFAULT-VALUE}).")
  String format;

  @Option(
      names = "--horizon",
      defaultValue = "21",
      description = "Forecast horizon in trading days (default ${DEFAULT-VALUE}).")
  int horizon;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      GarchSpec garchSpec = spec(model, dist, mean);
      if (!format.equals("table") && !format.equals("csv")) {
        throw new IllegalArgumentException("--format must be table or csv, was " + format);
      }
      if (horizon < 1) {
        throw new IllegalArgumentException("--horizon must be >= 1, was " + horizon);
      }
      double[] returns = readReturns(input);
      GarchFit fit = GarchModel.fit(returns, garchSpec);
      if (format.equals("csv")) {
        printCsv(out, fit, horizon);
      } else {
        printTable(out, fit, horizon);
      }
      out.flush();
      return 0;
    } catch (NoSuchFileException e) {
      err.println("bs garch: no such file: " + e.getFile());
    } catch (IllegalArgumentException | IOException e) {
      err.println("bs garch: " + e.getMessage());
    }
    err.flush();
    return 2;
  }

  static GarchSpec spec(String model, String dist, String mean) {
    GarchSpec s =
        switch (model.toLowerCase(Locale.ROOT)) {
          case "garch" -> GarchSpec.garch();
          case "gjr", "gjr-garch" -> GarchSpec.gjr();
          default ->
              throw new IllegalArgumentException("--model must be garch or gjr, was " + model);
        };
    s =
        s.withInnovation(
            switch (dist.toLowerCase(Locale.ROOT)) {
              case "normal" -> GarchSpec.Innovation.NORMAL;
              case "t", "student-t" -> GarchSpec.Innovation.STUDENT_T;
              default ->
                  throw new IllegalArgumentException("--dist must be normal or t, was " + dist);
            });
    return s.withMean(
        switch (mean.toLowerCase(Locale.ROOT)) {
          case "zero" -> GarchSpec.MeanModel.ZERO;
          case "constant" -> GarchSpec.MeanModel.CONSTANT;
          default ->
              throw new IllegalArgumentException("--mean must be zero or constant, was " + mean);
        });
  }

  /** Reads the {@code ret} column; errors name the line and the value. */
  static double[] readReturns(String input) throws IOException {
    BufferedReader in =
        input.equals("-")
            ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
            : Files.newBufferedReader(Path.of(input), StandardCharsets.UTF_8);
    try (in) {
      List<String> header = Csv.readRecord(in);
      if (header == null) {
        throw new IllegalArgumentException("empty input: expected a header with a column ret");
      }
      int col = -1;
      for (int i = 0; i < header.size(); i++) {
        if (header.get(i).strip().replace("\uFEFF", "").equalsIgnoreCase("ret")) {
          col = i;
        }
      }
      if (col < 0) {
        throw new IllegalArgumentException("line 1: no column ret in header " + header);
      }
      List<Double> values = new ArrayList<>();
      int line = 1;
      List<String> rec;
      while ((rec = Csv.readRecord(in)) != null) {
        line++;
        if (rec.size() == 1 && rec.get(0).isBlank()) {
          continue;
        }
        if (col >= rec.size()) {
          throw new IllegalArgumentException("line " + line + ": missing column ret");
        }
        String v = rec.get(col).strip();
        double d;
        try {
          d = Double.parseDouble(v);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(
              "line " + line + ": ret is not a number: '" + v + "'", e);
        }
        if (!Double.isFinite(d)) {
          throw new IllegalArgumentException("line " + line + ": ret is not finite: '" + v + "'");
        }
        values.add(d);
      }
      if (values.isEmpty()) {
        throw new IllegalArgumentException("empty input: no returns after the header");
      }
      return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
  }

  private static String num(double v) {
    return Double.isNaN(v) ? "" : Double.toString(v);
  }

  static void printCsv(PrintWriter out, GarchFit fit, int horizon) throws IOException {
    var p = fit.parameters();
    var se = fit.standardErrors();
    VolForecast f = fit.forecast(horizon);
    List<String> row =
        List.of(
            fit.spec().variant() == GarchSpec.Variant.GJR ? "gjr" : "garch",
            fit.spec().innovation() == GarchSpec.Innovation.STUDENT_T ? "t" : "normal",
            fit.spec().mean() == GarchSpec.MeanModel.ZERO ? "zero" : "constant",
            Integer.toString(fit.observations()),
            num(p.mu()),
            num(p.omega()),
            num(p.alpha()),
            num(p.gamma()),
            num(p.beta()),
            num(p.nu()),
            num(se.mu()),
            num(se.omega()),
            num(se.alpha()),
            num(se.gamma()),
            num(se.beta()),
            num(se.nu()),
            num(fit.persistence()),
            num(p.halfLife()),
            num(fit.logLikelihood()),
            num(fit.aic()),
            num(fit.bic()),
            Boolean.toString(fit.converged()),
            num(f.annualizedVol(1)),
            num(f.annualizedVol(horizon)),
            Integer.toString(horizon),
            num(Math.sqrt(p.unconditionalVariance() * f.periodsPerYear())));
    Csv.writeRecord(out, CSV_COLUMNS);
    Csv.writeRecord(out, row);
  }

  static void printTable(PrintWriter out, GarchFit fit, int horizon) {
    var p = fit.parameters();
    var se = fit.standardErrors();
    GarchSpec s = fit.spec();
    out.printf(
        Locale.ROOT,
        "%s(1,1)  innovations %s  mean %s  n %d  %s%n",
        s.variant() == GarchSpec.Variant.GJR ? "GJR-GARCH" : "GARCH",
        s.innovation() == GarchSpec.Innovation.STUDENT_T ? "student-t" : "normal",
        s.mean() == GarchSpec.MeanModel.ZERO ? "zero" : "constant",
        fit.observations(),
        fit.converged() ? "converged" : "NOT converged");
    out.printf(Locale.ROOT, "%-12s %14s %14s%n", "parameter", "estimate", "std.error");
    row(out, "mu", p.mu(), se.mu(), s.mean() == GarchSpec.MeanModel.CONSTANT);
    row(out, "omega", p.omega(), se.omega(), true);
    row(out, "alpha", p.alpha(), se.alpha(), true);
    row(out, "gamma", p.gamma(), se.gamma(), s.variant() == GarchSpec.Variant.GJR);
    row(out, "beta", p.beta(), se.beta(), true);
    row(out, "nu", p.nu(), se.nu(), s.innovation() == GarchSpec.Innovation.STUDENT_T);
    out.printf(
        Locale.ROOT,
        "persistence    %.6f  (half-life %.1f days)%n",
        fit.persistence(),
        p.halfLife());
    out.printf(
        Locale.ROOT,
        "log-likelihood %.4f  AIC %.4f  BIC %.4f%n",
        fit.logLikelihood(),
        fit.aic(),
        fit.bic());
    VolForecast f = fit.forecast(horizon);
    out.printf(
        Locale.ROOT,
        "forecast (annualized)  next day %.2f%%  next %d days %.2f%%  long run %s%n",
        100 * f.annualizedVol(1),
        horizon,
        100 * f.annualizedVol(horizon),
        p.isStationary()
            ? String.format(
                Locale.ROOT,
                "%.2f%%",
                100 * Math.sqrt(p.unconditionalVariance() * f.periodsPerYear()))
            : "n/a (not stationary)");
  }

  private static void row(PrintWriter out, String name, double v, double se, boolean shown) {
    if (shown) {
      out.printf(
          Locale.ROOT,
          "%-12s %14.6g %14s%n",
          name,
          v,
          Double.isNaN(se) ? "n/a" : String.format(Locale.ROOT, "%.6g", se));
    }
  }
}
