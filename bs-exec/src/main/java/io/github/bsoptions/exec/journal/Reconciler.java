package io.github.bsoptions.exec.journal;

import io.github.bsoptions.exec.order.BrokerOrder;
import io.github.bsoptions.exec.order.Fill;
import io.github.bsoptions.exec.order.OrderLeg;
import io.github.bsoptions.exec.order.Position;
import io.github.bsoptions.exec.spi.BrokerClient;
import io.github.bsoptions.exec.spi.BrokerException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reconciles a replayed {@link Ledger} with the brokers before trading, journalling every
 * correction (so the journal stays the single source of truth):
 *
 * <ol>
 *   <li>fills at the broker that the journal lacks are journalled (deduplicated by execution id);
 *   <li>every order that may be at a broker is looked up by client order id: found — its status,
 *       cumulative quantity and broker id are journalled; not found and never confirmed — it never
 *       reached the broker and is journalled {@link EntryType#ABANDONED}; not found but confirmed
 *       before — a discrepancy;
 *   <li>open orders at a broker that the journal does not know are discrepancies (external orders);
 *   <li>positions must match exactly; a symbol the journal holds that the broker does not report is
 *       a discrepancy, never read as flat.
 * </ol>
 *
 * <p>A broker that cannot be queried is a discrepancy: the engine refuses to start rather than
 * guess.
 */
public final class Reconciler {
  private Reconciler() {}

  /**
   * Reconciles.
   *
   * @param journal where corrections are written
   * @param ledger the replayed state; corrections are applied to it as they are written
   * @param brokers brokers by name
   * @param fillsSince how far back to ask for fills
   */
  public static Reconciliation reconcile(
      JournalStore journal, Ledger ledger, Map<String, BrokerClient> brokers, Instant fillsSince) {
    List<String> actions = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    Set<String> touched = new LinkedHashSet<>();
    for (TrackedOrder o : ledger.openOrders()) {
      touched.add(o.clientOrderId());
    }
    // 1. missed fills
    for (BrokerClient b : brokers.values()) {
      List<Fill> fills;
      try {
        fills = b.fills(fillsSince);
      } catch (BrokerException e) {
        problems.add("cannot list fills at " + b.name() + ": " + e.getMessage());
        continue;
      }
      for (Fill f : fills) {
        if (ledger.hasExecution(f.executionId())) {
          continue;
        }
        if (f.clientOrderId() == null || ledger.order(f.clientOrderId()) == null) {
          problems.add(
              "external fill at "
                  + b.name()
                  + ": "
                  + f.executionId()
                  + " "
                  + f.symbol()
                  + " "
                  + f.signedQty());
          continue;
        }
        String cid = f.clientOrderId();
        TrackedOrder mine = ledger.order(cid);
        boolean multiLeg = mine.request().isMultiLeg();
        long journalled = multiLeg ? ledger.fillQty(cid, f.symbol()) : ledger.fillQty(cid);
        if (journalled > 0) {
          // The journal holds fills of this order already, perhaps the same ones under the
          // stream's execution ids (a broker's fill history may use other ids): the broker's
          // cumulative quantity decides. A wrong skip cannot hide anything: positions are
          // compared with the broker's below.
          Optional<BrokerOrder> view;
          try {
            view = b.findByClientOrderId(cid);
          } catch (BrokerException e) {
            problems.add("cannot query " + cid + " at " + b.name() + ": " + e.getMessage());
            continue;
          }
          long cumulative = view.isPresent() ? cumulative(view.get(), mine, f.symbol()) : -1;
          if (view.isPresent() && journalled + f.qty() > cumulative) {
            actions.add(
                "fill "
                    + f.executionId()
                    + " of "
                    + cid
                    + " already journalled under another execution id (broker cumulative "
                    + cumulative
                    + (multiLeg ? " in " + f.symbol() : "")
                    + ")");
            continue;
          }
        }
        append(journal, ledger, EntryType.FILL, cid, fillFields(f, null));
        actions.add("journalled missed fill " + f.executionId() + " of " + cid);
        touched.add(f.clientOrderId());
      }
    }
    // 2. every touched order: status from the broker
    for (String cid : touched) {
      TrackedOrder o = ledger.order(cid);
      BrokerClient b = brokers.get(o.broker());
      if (b == null) {
        problems.add(
            "order " + cid + " is at broker '" + o.broker() + "', which is not configured");
        continue;
      }
      Optional<BrokerOrder> view;
      try {
        view = b.findByClientOrderId(cid);
      } catch (BrokerException e) {
        problems.add("cannot query " + cid + " at " + b.name() + ": " + e.getMessage());
        continue;
      }
      if (view.isEmpty()) {
        if (o.resolution() == Resolution.CONFIRMED) {
          problems.add("order " + cid + " was confirmed but " + b.name() + " does not know it");
        } else if (o.resolution().mayBeAtBroker()) {
          append(journal, ledger, EntryType.ABANDONED, cid, Map.of("broker", b.name()));
          actions.add("abandoned " + cid + ": never reached " + b.name());
        }
        continue;
      }
      BrokerOrder v = view.get();
      Map<String, String> f = new LinkedHashMap<>();
      f.put("broker", b.name());
      f.put("brokerOrderId", v.brokerOrderId());
      f.put("status", v.status().name());
      f.put("cum", Long.toString(v.filledQty()));
      if (v.filledQty() > 0) {
        f.put("avg", Double.toString(v.avgFillPrice()));
      }
      EntryType t = o.resolution() == Resolution.CONFIRMED ? EntryType.STATUS : EntryType.ACK;
      TrackedOrder before = ledger.order(cid);
      if (t == EntryType.ACK
          || before.state().status() != v.status()
          || before.state().filledQty() != v.filledQty()) {
        append(journal, ledger, t, cid, f);
        actions.add((t == EntryType.ACK ? "adopted " : "updated ") + cid + " -> " + v.status());
      }
      TrackedOrder after = ledger.order(cid);
      if (after.state().filledQty() != v.filledQty()) {
        problems.add(
            "order "
                + cid
                + " filled "
                + after.state().filledQty()
                + " in journal, "
                + v.filledQty()
                + " at "
                + b.name());
      }
    }
    // 3. external open orders
    for (BrokerClient b : brokers.values()) {
      try {
        for (BrokerOrder bo : b.orders(true)) {
          if (ledger.order(bo.clientOrderId()) == null) {
            problems.add(
                "external open order at "
                    + b.name()
                    + ": "
                    + bo.clientOrderId()
                    + " "
                    + bo.label());
          }
        }
      } catch (BrokerException e) {
        problems.add("cannot list orders at " + b.name() + ": " + e.getMessage());
      }
    }
    // 4. positions
    Map<String, Long> reported = new TreeMap<>();
    boolean positionsKnown = true;
    for (BrokerClient b : brokers.values()) {
      try {
        for (Position p : b.positions()) {
          reported.merge(p.symbol(), p.qty(), Long::sum);
        }
      } catch (BrokerException e) {
        positionsKnown = false;
        problems.add("cannot list positions at " + b.name() + ": " + e.getMessage());
      }
    }
    if (positionsKnown) {
      Map<String, Long> ours = ledger.positions();
      Set<String> symbols = new TreeSet<>(ours.keySet());
      symbols.addAll(reported.keySet());
      for (String s : symbols) {
        Long theirs = reported.get(s);
        long mine = ours.getOrDefault(s, 0L);
        if (theirs == null) {
          if (mine != 0) {
            problems.add("missing position report for " + s + " (journal holds " + mine + ")");
          }
        } else if (theirs != mine) {
          problems.add("position " + s + ": journal " + mine + ", broker " + theirs);
        }
      }
    }
    return new Reconciliation(actions, problems);
  }

  /**
   * The broker's cumulative executed quantity of an order, or for a multi-leg order of its leg in
   * {@code symbol} (the leg's own figure when the broker reports legs, else order units times the
   * leg's ratio).
   */
  private static long cumulative(BrokerOrder view, TrackedOrder mine, String symbol) {
    if (!mine.request().isMultiLeg()) {
      return view.filledQty();
    }
    long bound = 0;
    for (OrderLeg l : mine.request().legs()) {
      if (l.symbol().equals(symbol)) {
        bound = view.filledQty() * l.ratio();
      }
    }
    for (BrokerOrder.Leg leg : view.legs()) {
      if (leg.symbol().equals(symbol)) {
        bound = Math.max(bound, leg.filledQty());
      }
    }
    return bound;
  }

  static void append(
      JournalStore journal, Ledger ledger, EntryType type, String cid, Map<String, String> fields) {
    ledger.apply(journal.append(type, cid, fields));
  }

  /** The last timestamp written into a fill record and its text. */
  private record Stamp(Instant at, String text) {}

  private static volatile Stamp lastStamp = new Stamp(Instant.EPOCH, Instant.EPOCH.toString());

  /**
   * {@link Instant#toString()}, reusing the last text when the instant is the same (the legs of a
   * multi-leg order fill at one instant, so their records share it).
   */
  static String instantText(Instant t) {
    Stamp s = lastStamp;
    if (s.at().equals(t)) {
      return s.text();
    }
    String text = t.toString();
    lastStamp = new Stamp(t, text);
    return text;
  }

  /**
   * Journal fields of a fill; {@code order} (may be null) supplies cumulative quantity and price.
   */
  public static Map<String, String> fillFields(Fill f, BrokerOrder order) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("exec", f.executionId());
    m.put("brokerOrderId", f.brokerOrderId() == null ? "" : f.brokerOrderId());
    m.put("symbol", f.symbol());
    m.put("side", f.side().wire());
    m.put("qty", Long.toString(f.qty()));
    m.put("price", Double.toString(f.price()));
    m.put("fee", Double.toString(f.fee()));
    m.put("ts", instantText(f.timestamp()));
    if (order != null) {
      m.put("status", order.status().name());
      m.put("cum", Long.toString(order.filledQty()));
      m.put("avg", Double.toString(order.avgFillPrice()));
    }
    return m;
  }
}
