package io.github.bsoptions.app.cli;

import io.github.bsoptions.exec.order.BrokerOrder;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code bs cancel ID}: cancels an open order by client order id or broker order id. */
@Command(name = "cancel", description = "Cancels an open order (client or broker order id).")
public final class CancelCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin TradingSession.Options options;

  @Parameters(index = "0", description = "Client order id (as bs orders prints) or broker id.")
  String id;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (TradingSession s = TradingSession.open(options)) {
      String clientId = id;
      if (s.engine().order(id) == null) {
        clientId =
            s.broker().orders(false).stream()
                .filter(b -> b.brokerOrderId().equals(id))
                .map(BrokerOrder::clientOrderId)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no order with id '" + id + "'"));
      }
      BrokerOrder b = s.engine().cancel(clientId);
      out.println(OrdersCommand.header());
      out.println(OrdersCommand.row(b));
      out.flush();
      return 0;
    } catch (IllegalArgumentException | IllegalStateException e) {
      return TradingSession.fail(err, "cancel", e.getMessage(), 2);
    } catch (Exception e) {
      return TradingSession.fail(err, "cancel", e.toString(), 1);
    }
  }
}
