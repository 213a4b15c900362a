package io.github.bsoptions.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code bs price}: prices every row of a CSV file with greeks. Input header (any order, extra
 * columns passed through): {@code type,spot,strike,expiry_years,rate,dividend_yield,volatility}.
 */
@Command(
    name = "price",
    description = {
      "Price options from a CSV file: columns type,spot,strike,expiry_years,rate,dividend_yield,"
          + "volatility (any order; extra columns pass through; for black76 spot is the forward).",
      "Adds price,delta,gamma,vega,theta,rho,dividend_rho,vanna,volga,charm,status. Units: vega"
          + " per 1.00 vol, theta per year, rho per 1.00 rate."
    })
public final class PriceCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin CsvModelOptions options;

  @Override
  public Integer call() throws Exception {
    return CliRun.run(
        spec,
        CsvPricing.Mode.PRICE,
        options.model,
        options.americanMethod,
        options.input,
        options.output);
  }
}
