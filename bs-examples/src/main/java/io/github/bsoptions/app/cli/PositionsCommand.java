package io.github.bsoptions.app.cli;

import io.github.bsoptions.exec.order.Position;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code bs positions}: lists the broker's positions (after the engine's recovery). */
@Command(name = "positions", description = "Lists the broker's positions.")
public final class PositionsCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin TradingSession.Options options;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (TradingSession s = TradingSession.open(options)) {
      out.printf(Locale.ROOT, "%-24s %10s %12s%n", "symbol", "qty", "avg_entry");
      for (Position p : s.broker().positions()) {
        out.printf(Locale.ROOT, "%-24s %10d %12.4f%n", p.symbol(), p.qty(), p.avgEntryPrice());
      }
      out.flush();
      return 0;
    } catch (IllegalArgumentException | IllegalStateException e) {
      return TradingSession.fail(err, "positions", e.getMessage(), 2);
    } catch (Exception e) {
      return TradingSession.fail(err, "positions", e.toString(), 1);
    }
  }
}
