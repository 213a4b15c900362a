package io.github.bsoptions.app.cli;

import picocli.CommandLine.Option;

/** The options {@code bs price} and {@code bs iv} share: files and model (a picocli mixin). */
final class CsvModelOptions {
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
}
