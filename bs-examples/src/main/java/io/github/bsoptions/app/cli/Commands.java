package io.github.bsoptions.app.cli;

import java.util.List;

/** The subcommands of {@code bs}, in the order {@code bs --help} lists them. */
public final class Commands {
  private Commands() {}

  /** Returns a fresh instance of every subcommand. */
  public static List<Object> all() {
    return List.of(
        new VersionCommand(),
        new PriceCommand(),
        new IvCommand(),
        new StressCommand(),
        new DemoCommand(),
        new RunCommand(),
        new BacktestCommand(),
        new DashboardCommand(),
        new ChainCommand(),
        new GarchCommand(),
        new SignalsCommand(),
        new ForecastEvalCommand(),
        new OrderCommand(),
        new OrdersCommand(),
        new PositionsCommand(),
        new CancelCommand());
  }
}
