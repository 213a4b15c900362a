package io.github.bsoptions.app;

import io.github.bsoptions.app.cli.Commands;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code bs} command-line application. */
@Command(
    name = "bs",
    mixinStandardHelpOptions = true,
    versionProvider = io.github.bsoptions.app.cli.VersionCommand.Provider.class,
    description = "bs-options: option pricing, market data, signals, risk and execution.",
    footer = {
      "",
      "Benchmarks: ./bs bench [--quick] [--format table|csv] (JMH, see README).",
      "Run 'bs <command> --help' for a command's options."
    })
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Runs the application with the given arguments and exits with its status. */
  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the application and returns the exit code (for tests and embedding). */
  public static int run(String... args) {
    return commandLine().execute(args);
  }

  /** Returns the configured command line with every subcommand registered. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Main());
    for (Object sub : Commands.all()) {
      CommandLine subLine = new CommandLine(sub);
      CommandLine.Model.CommandSpec subSpec = subLine.getCommandSpec();
      if (subSpec.findOption("--help") == null) {
        // Every command answers 'bs <command> --help' (the top-level footer promises it).
        subSpec.addOption(
            CommandLine.Model.OptionSpec.builder("-h", "--help")
                .usageHelp(true)
                .description("Show this help message and exit.")
                .build());
      }
      cl.addSubcommand(subLine);
    }
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    return cl;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
