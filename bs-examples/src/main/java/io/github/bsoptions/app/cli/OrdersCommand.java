package io.github.bsoptions.app.cli;

import io.github.bsoptions.exec.journal.TrackedOrder;
import io.github.bsoptions.exec.order.BrokerOrder;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bs orders}: lists the broker's orders (after the engine's recovery). */
@Command(name = "orders", description = "Lists the broker's orders (open only with --open).")
public final class OrdersCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin TradingSession.Options options;

  @Option(names = "--open", description = "Only orders that may still fill.")
  boolean openOnly;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (TradingSession s = TradingSession.open(options)) {
      List<BrokerOrder> orders = s.broker().orders(openOnly);
      out.println(header());
      for (BrokerOrder b : orders) {
        out.println(row(b));
      }
      List<TrackedOrder> unresolved =
          s.engine().openOrders().stream()
              .filter(t -> t.brokerOrderId() == null || t.brokerOrderId().isEmpty())
              .toList();
      for (TrackedOrder t : unresolved) {
        out.printf(
            Locale.ROOT,
            "%-24s %-28s %-40s %-16s %6d %6d %10s%n",
            "-",
            t.clientOrderId(),
            t.request().label(),
            "unresolved:" + t.resolution(),
            t.request().qty(),
            t.state().filledQty(),
            "-");
      }
      out.flush();
      return 0;
    } catch (IllegalArgumentException | IllegalStateException e) {
      return TradingSession.fail(err, "orders", e.getMessage(), 2);
    } catch (Exception e) {
      return TradingSession.fail(err, "orders", e.toString(), 1);
    }
  }

  static String header() {
    return String.format(
        Locale.ROOT,
        "%-24s %-28s %-40s %-16s %6s %6s %10s",
        "broker_id",
        "client_id",
        "order",
        "status",
        "qty",
        "filled",
        "avg_price");
  }

  static String row(BrokerOrder b) {
    return String.format(
        Locale.ROOT,
        "%-24s %-28s %-40s %-16s %6d %6d %10s",
        b.brokerOrderId(),
        b.clientOrderId(),
        b.label(),
        b.status().name().toLowerCase(Locale.ROOT),
        b.qty(),
        b.filledQty(),
        b.filledQty() > 0 ? String.format(Locale.ROOT, "%.4f", b.avgFillPrice()) : "-");
  }
}
