package io.github.bsoptions.app.cli;

import io.github.bsoptions.exec.engine.RecoveryException;
import io.github.bsoptions.exec.order.BrokerOrder;
import io.github.bsoptions.exec.order.OrderRequest;
import io.github.bsoptions.exec.order.OrderType;
import io.github.bsoptions.exec.order.Side;
import io.github.bsoptions.exec.order.TimeInForce;
import io.github.bsoptions.exec.spi.Outcome;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bs order}: submits one order through the execution engine (journal, pre-trade gate,
 * routing) and prints its outcome. Exit codes: 0 accepted (filled or resting), 1 refused, denied or
 * unknown, 2 bad input or configuration.
 */
@Command(
    name = "order",
    description = {
      "Submits one order through the execution engine (journal, routing) and prints the outcome.",
      "The paper broker fills against the seeded simulated market; its state persists in"
          + " --state-dir."
    })
public final class OrderCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin TradingSession.Options options;

  @Option(names = "--symbol", required = true, description = "OCC option symbol or stock.")
  String symbol;

  @Option(names = "--side", required = true, description = "buy or sell.")
  String side;

  @Option(names = "--qty", required = true, description = "Quantity (contracts or shares).")
  long qty;

  @Option(
      names = "--type",
      defaultValue = "market",
      description = "market, limit, stop or stop_limit (default ${DEFAULT-VALUE}).")
  String type;

  @Option(
      names = {"--limit-price", "--limit"},
      description = "Limit price (limit, stop_limit).")
  Double limitPrice;

  @Option(
      names = {"--stop-price", "--stop"},
      description = "Stop price (stop, stop_limit).")
  Double stopPrice;

  @Option(
      names = "--tif",
      defaultValue = "day",
      description = "day, gtc, ioc or fok (default ${DEFAULT-VALUE}).")
  String tif;

  @Option(
      names = "--strategy",
      defaultValue = "cli",
      description = "Strategy tag in the journal (default ${DEFAULT-VALUE}).")
  String strategy;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    OrderRequest req;
    try {
      req = request();
    } catch (IllegalArgumentException e) {
      return TradingSession.fail(err, "order", e.getMessage(), 2);
    }
    try (TradingSession s = TradingSession.open(options)) {
      Outcome o = s.engine().submit(strategy, req);
      return print(o, out, err);
    } catch (IllegalArgumentException | IllegalStateException e) {
      return TradingSession.fail(err, "order", e.getMessage(), 2);
    } catch (RecoveryException e) {
      return TradingSession.fail(err, "order", "recovery refused: " + e.getMessage(), 1);
    } catch (Exception e) {
      return TradingSession.fail(err, "order", e.toString(), 1);
    }
  }

  private OrderRequest request() {
    Side s = Side.parse(side);
    if (qty <= 0) {
      throw new IllegalArgumentException("--qty must be > 0, was " + qty);
    }
    OrderType t = OrderType.parse(type.replace('-', '_'));
    String sym = symbol.toUpperCase(Locale.ROOT);
    String draft = "draft";
    OrderRequest r =
        switch (t) {
          case MARKET -> OrderRequest.market(draft, sym, s, qty);
          case LIMIT -> OrderRequest.limit(draft, sym, s, qty, need(limitPrice, "--limit-price"));
          case STOP -> OrderRequest.stop(draft, sym, s, qty, need(stopPrice, "--stop-price"));
          case STOP_LIMIT ->
              OrderRequest.stopLimit(
                  draft,
                  sym,
                  s,
                  qty,
                  need(stopPrice, "--stop-price"),
                  need(limitPrice, "--limit-price"));
        };
    return r.withTimeInForce(TimeInForce.parse(tif));
  }

  private double need(Double v, String flag) {
    if (v == null) {
      throw new IllegalArgumentException(flag + " is required with --type " + type);
    }
    return v;
  }

  private static int print(Outcome o, PrintWriter out, PrintWriter err) {
    if (o instanceof Outcome.Confirmed c) {
      BrokerOrder b = c.order();
      out.println(OrdersCommand.header());
      out.println(OrdersCommand.row(b));
      out.flush();
      return 0;
    }
    return TradingSession.fail(err, "order", describe(o), 1);
  }

  private static String describe(Outcome o) {
    if (o instanceof Outcome.Refused r) {
      return "refused by the broker: " + r.message() + " (" + r + ")";
    }
    if (o instanceof Outcome.Denied d) {
      return "denied before sending: " + String.join("; ", d.reasons());
    }
    if (o instanceof Outcome.Unknown u) {
      return "outcome unknown ("
          + u.reason()
          + "); client order id "
          + u.clientOrderId()
          + " is journaled and will be resolved by asking the broker, never by resending";
    }
    return o.toString();
  }
}
