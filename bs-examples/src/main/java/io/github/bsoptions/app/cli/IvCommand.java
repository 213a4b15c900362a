package io.github.bsoptions.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bs iv}: solves the implied volatility of every row of a CSV file. Input header (any order,
 * extra columns passed through): {@code type,spot,strike,expiry_years,rate,dividend_yield,price};
 * adds {@code implied_vol,iv_status}.
 */
@Command(
    name = "iv",
    description = {
      "Implied volatility from a CSV file: columns type,spot,strike,expiry_years,rate,"
          + "dividend_yield,price (any order; extra columns pass through).",
      "Adds implied_vol (per 1.00, annualised; price units for bachelier) and iv_status."
    })
public final class IvCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--input", required = true, description = "Input CSV file, or - for stdin.")
  String input;

  @Option(names = "--output", required = true, description = "Output CSV file, or - for stdout.")
  String output;

  @Option(
      names = "--model",
      defaultValue = "bsm",
      description = "bsm, black76, bachelier or american (default ${DEFAULT-VALUE}).")
  String model;

  @Option(names = "--american-method", description = "American pricing method (model american).")
  String americanMethod;

  @Override
  public Integer call() throws Exception {
    return CliRun.run(spec, CsvPricing.Mode.IV, model, americanMethod, input, output);
  }
}
