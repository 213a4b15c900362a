package io.github.bsoptions.app.cli;

import io.github.bsoptions.risk.montecarlo.MonteCarloVar;
import io.github.bsoptions.risk.montecarlo.UnderlyingModel;
import io.github.bsoptions.risk.montecarlo.VarConfig;
import io.github.bsoptions.risk.montecarlo.VarReport;
import io.github.bsoptions.risk.portfolio.OptionInstrument;
import io.github.bsoptions.risk.portfolio.Position;
import io.github.bsoptions.risk.stress.StressResult;
import io.github.bsoptions.risk.stress.StressScenario;
import io.github.bsoptions.risk.stress.StressTester;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bs stress}: stress P&amp;L grid (full revaluation) and optional Monte Carlo VaR/ES of a
 * positions CSV (columns: see {@link PortfolioCsv}).
 */
@Command(
    name = "stress",
    description = {
      "Stress-test a portfolio by full revaluation: P&L per spot and vol shock, and optional"
          + " Monte Carlo VaR/ES.",
      "CSV header: underlying,type,spot,strike,expiry_years,rate,dividend_yield,volatility,"
          + "quantity[,multiplier][,style]; type call|put|stock (stock rows leave strike,"
          + " expiry_years and volatility empty); multiplier defaults to 100; style"
          + " european|american (american is priced by the configured American model)."
    })
public final class StressCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Output formats. */
  enum Format {
    TABLE,
    CSV
  }

  @Option(names = "--portfolio", required = true, description = "Positions CSV file.")
  Path portfolio;

  @Option(
      names = "--spot-shocks",
      split = ",",
      defaultValue = "-0.2,-0.1,0,0.1,0.2",
      description = "Relative spot shocks (-0.2 = spot x 0.8). Default: ${DEFAULT-VALUE}.")
  double[] spotShocks;

  @Option(
      names = "--vol-shocks",
      split = ",",
      defaultValue = "-0.1,0,0.1",
      description = "Absolute volatility shifts (0.1 = +10 vol points). Default: ${DEFAULT-VALUE}.")
  double[] volShocks;

  @Option(
      names = "--days",
      defaultValue = "0",
      description = "Calendar days to move time forward. Default: ${DEFAULT-VALUE}.")
  double days;

  @Option(
      names = "--format",
      defaultValue = "table",
      description = "table or csv (spot_shock,vol_shock,pnl). Default: ${DEFAULT-VALUE}.")
  Format format;

  @Option(
      names = "--per-position",
      description =
          "Also print P&L per position (CSV: one extra column per position id, lineN; table: the"
              + " worst scenario's P&L per position).")
  boolean perPosition;

  @Option(
      names = "--mc",
      defaultValue = "0",
      description = "Monte Carlo paths for VaR/ES (0 = none, e.g. 100000).")
  int paths;

  @Option(
      names = "--var",
      defaultValue = "0.99",
      description = "VaR/ES confidence level. Default: ${DEFAULT-VALUE}.")
  double confidence;

  @Option(
      names = "--horizon-days",
      defaultValue = "1",
      description = "VaR horizon in calendar days. Default: ${DEFAULT-VALUE}.")
  double horizonDays;

  @Option(
      names = "--seed",
      defaultValue = "1",
      description = "Random seed. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(
      names = "--correlation",
      defaultValue = "0",
      description = "Correlation between every pair of underlyings. Default: ${DEFAULT-VALUE}.")
  double correlation;

  @Option(
      names = "--underlying-vol",
      split = ",",
      description =
          "Volatility per underlying for Monte Carlo, SYMBOL=VOL (default: the mean volatility"
              + " of its options; required for underlyings held only as stock).")
  Map<String, Double> underlyingVol = new HashMap<>();

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    PortfolioCsv.Book book;
    try {
      book = PortfolioCsv.read(portfolio);
      if (book.portfolio().isEmpty()) {
        throw new IllegalArgumentException(portfolio + " holds no positions");
      }
      List<StressScenario> grid = StressTester.grid(spotShocks, volShocks, days);
      StressResult result = StressTester.DEFAULT.run(book.portfolio(), book.market(), grid);
      if (format == Format.CSV) {
        out.print("spot_shock,vol_shock,pnl");
        if (perPosition) {
          out.print("," + String.join(",", result.positionIds()));
        }
        out.println();
        for (StressResult.Row r : result.rows()) {
          out.printf(
              Locale.ROOT,
              "%s,%s,%.2f",
              num(r.scenario().spotShock()),
              num(r.scenario().volShift()),
              r.pnl());
          if (perPosition) {
            for (double x : r.positionPnl()) {
              out.printf(Locale.ROOT, ",%.2f", x);
            }
          }
          out.println();
        }
      } else {
        printTable(out, result);
      }
      if (paths > 0) {
        printVar(out, book);
      }
      out.flush();
      return 0;
    } catch (IllegalArgumentException e) {
      err.println("bs stress: " + e.getMessage());
      err.flush();
      return 2;
    }
  }

  private void printTable(PrintWriter out, StressResult result) {
    out.printf(
        Locale.ROOT,
        "Portfolio value %.2f; P&L by spot shock (rows) and vol shift (columns), %s days forward%n",
        result.baseValue(),
        num(days));
    StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%10s", "spot\\vol"));
    for (double v : volShocks) {
      header.append(
          String.format(Locale.ROOT, " %14s", String.format(Locale.ROOT, "%+.1f pt", v * 100)));
    }
    out.println(header);
    int k = 0;
    for (double s : spotShocks) {
      StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%+9.1f%%", s * 100));
      for (int j = 0; j < volShocks.length; j++) {
        line.append(String.format(Locale.ROOT, " %14.2f", result.rows().get(k++).pnl()));
      }
      out.println(line);
    }
    StressResult.Row worst = result.worst();
    out.printf(Locale.ROOT, "Worst: %s -> %.2f%n", worst.scenario().name(), worst.pnl());
    if (perPosition) {
      double[] pnl = worst.positionPnl();
      for (int i = 0; i < pnl.length; i++) {
        out.printf(Locale.ROOT, "  %-10s %14.2f%n", result.positionIds().get(i), pnl[i]);
      }
    }
  }

  private void printVar(PrintWriter out, PortfolioCsv.Book book) {
    Map<String, List<Double>> vols = new TreeMap<>();
    for (Position p : book.portfolio().positions()) {
      vols.computeIfAbsent(p.underlying(), u -> new ArrayList<>());
      if (p.instrument() instanceof OptionInstrument o) {
        vols.get(p.underlying()).add(o.volatility());
      }
    }
    List<UnderlyingModel> models = new ArrayList<>();
    for (Map.Entry<String, List<Double>> e : vols.entrySet()) {
      Double vol = underlyingVol.get(e.getKey());
      if (vol == null) {
        if (e.getValue().isEmpty()) {
          throw new IllegalArgumentException(
              e.getKey()
                  + " has no options to take a volatility from; pass --underlying-vol "
                  + e.getKey()
                  + "=VOL");
        }
        vol = e.getValue().stream().mapToDouble(Double::doubleValue).average().orElseThrow();
      }
      models.add(new UnderlyingModel(e.getKey(), 0.0, vol));
    }
    int n = models.size();
    double[][] corr = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        corr[i][j] = i == j ? 1 : correlation;
      }
    }
    VarConfig cfg = VarConfig.of(paths, seed).withHorizonDays(horizonDays);
    VarReport r =
        MonteCarloVar.withDefaults()
            .run(book.portfolio(), book.market(), models, corr, cfg, confidence);
    VarReport.Level l = r.levels().get(0);
    if (format == Format.CSV) {
      out.println();
      out.println("measure,confidence,horizon_days,paths,value,ci95_lower,ci95_upper");
      out.printf(
          Locale.ROOT,
          "var,%s,%s,%d,%.2f,%.2f,%.2f%n",
          num(confidence),
          num(horizonDays),
          r.paths(),
          l.var().value(),
          l.var().lower(),
          l.var().upper());
      out.printf(
          Locale.ROOT,
          "es,%s,%s,%d,%.2f,%.2f,%.2f%n",
          num(confidence),
          num(horizonDays),
          r.paths(),
          l.expectedShortfall().value(),
          l.expectedShortfall().lower(),
          l.expectedShortfall().upper());
    } else {
      out.printf(
          Locale.ROOT,
          "Monte Carlo (%d paths, %s-day horizon, seed %d, zero drift, correlation %s; vols %s)%n",
          r.paths(),
          num(horizonDays),
          seed,
          num(correlation),
          describe(models));
      out.printf(
          Locale.ROOT,
          "VaR %s%%: %.2f  (95%% CI %.2f .. %.2f)%n",
          num(confidence * 100),
          l.var().value(),
          l.var().lower(),
          l.var().upper());
      out.printf(
          Locale.ROOT,
          "ES  %s%%: %.2f  (95%% CI %.2f .. %.2f)%n",
          num(confidence * 100),
          l.expectedShortfall().value(),
          l.expectedShortfall().lower(),
          l.expectedShortfall().upper());
      if (r.correlationRidge() > 0) {
        out.printf(
            Locale.ROOT, "Note: correlation regularized with ridge %.1e%n", r.correlationRidge());
      }
    }
  }

  private static String describe(List<UnderlyingModel> models) {
    StringBuilder sb = new StringBuilder();
    for (UnderlyingModel m : models) {
      if (sb.length() > 0) {
        sb.append(' ');
      }
      sb.append(m.symbol()).append('=').append(String.format(Locale.ROOT, "%.4f", m.volatility()));
    }
    return sb.toString();
  }

  private static String num(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }
}
