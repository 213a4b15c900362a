package io.github.bsoptions.app.cli;

import io.github.bsoptions.pricing.pricer.PricingModel;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;

/** Shared body of {@code bs price} and {@code bs iv}. */
final class CliRun {
  private CliRun() {}

  static int run(
      CommandLine.Model.CommandSpec spec,
      CsvPricing.Mode mode,
      String modelName,
      String americanMethod,
      String input,
      String output) {
    PrintWriter err = spec.commandLine().getErr();
    PricingModel model;
    try {
      model = PricingModels.named(modelName, americanMethod);
    } catch (IllegalArgumentException e) {
      err.println("bs " + spec.name() + ": " + e.getMessage());
      err.flush();
      return 2;
    }
    try {
      CsvPricing.run(mode, model, input, output, System.err);
      return 0;
    } catch (NoSuchFileException e) {
      err.println("bs " + spec.name() + ": no such file: " + e.getFile());
    } catch (IllegalArgumentException | IOException e) {
      err.println("bs " + spec.name() + ": " + e.getMessage());
    }
    err.flush();
    return 1;
  }
}
