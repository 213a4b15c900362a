package io.github.bsoptions.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

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

  @CommandLine.Mixin CsvModelOptions options;

  @Override
  public Integer call() throws Exception {
    return CliRun.run(
        spec,
        CsvPricing.Mode.IV,
        options.model,
        options.americanMethod,
        options.input,
        options.output);
  }
}
