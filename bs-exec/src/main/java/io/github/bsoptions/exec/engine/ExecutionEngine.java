package io.github.bsoptions.exec.engine;

import io.github.bsoptions.exec.journal.EntryType;
import io.github.bsoptions.exec.journal.JournalStore;
import io.github.bsoptions.exec.journal.Ledger;
import io.github.bsoptions.exec.journal.OrderCodec;
import io.github.bsoptions.exec.journal.Reconciler;
import io.github.bsoptions.exec.journal.Reconciliation;
import io.github.bsoptions.exec.journal.Resolution;
import io.github.bsoptions.exec.journal.TrackedOrder;
import io.github.bsoptions.exec.order.BrokerOrder;
import io.github.bsoptions.exec.order.ClientOrderIds;
import io.github.bsoptions.exec.order.Fill;
import io.github.bsoptions.exec.order.OrderLeg;
import io.github.bsoptions.exec.order.OrderRequest;
import io.github.bsoptions.exec.order.OrderUpdate;
import io.github.bsoptions.exec.routing.SmartOrderRouter;
import io.github.bsoptions.exec.spi.BrokerClient;
import io.github.bsoptions.exec.spi.BrokerException;
import io.github.bsoptions.exec.spi.GateDecision;
import io.github.bsoptions.exec.spi.OrderUpdateListener;
import io.github.bsoptions.exec.spi.Outcome;
import io.github.bsoptions.exec.spi.PreTradeGate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The execution engine. For each order: kill switch and pre-trade gate (a denial is journalled and
 * nothing is sent); a fresh client order id; the intent written and forced to the journal; the send
 * through the router; the outcome journalled. Fills and status changes from broker streams are
 * journalled (fills once per execution id) before they change the ledger. Unknown outcomes are
 * resolved by {@link #resolveUnknowns()} — a query by client order id, and a resend with the
 * <em>same</em> id only after the order was found absent {@code absentChecksBeforeResend} times.
 *
 * <p>{@link #start} replays the journal without side effects and reconciles with every broker
 * before trading; it throws {@link RecoveryException} naming each discrepancy otherwise.
 *
 * <p>What is durable before what (reliability.md rule 2): the records that precede an action or a
 * decision that must survive a restart — intent (before the send, with its client order id),
 * fallback route, resend, cancel request, refusal, unknown outcome, local denial, kill-switch
 * change — are appended with {@link JournalStore#append}, which returns only once they are durable.
 * The records that restate what a broker has said about an order already durably intended — its
 * acknowledgement, status changes and fills — are appended with {@link
 * JournalStore#appendDeferred}: the ledger applies them at once, and the journal commits them with
 * the next durable record (one transaction on a database journal) or after its flush delay.
 * Durability is in sequence order, so a durable record implies every deferred record before it; a
 * crash can lose only the last deferred records, and {@link #start} recovers them: an intent
 * without its acknowledgement is in flight and is looked up by client order id (adopted, never
 * resent while the broker may hold it), fills missing from the journal are fetched from the broker
 * and deduplicated by execution id and by the broker's cumulative quantity, statuses are taken from
 * the broker, and positions must then equal the broker's or the engine refuses to start. On the
 * submission path this leaves one durable write per order (the intent, carrying the previous
 * order's acknowledgement and fills with it) instead of three.
 *
 * <p>Intents in = orders out: an order update for an order the journal does not know trips the kill
 * switch to {@link KillSwitch#HALTED}. Thread-safe (one lock).
 */
public final class ExecutionEngine implements AutoCloseable {
  private final JournalStore journal;
  private final Ledger ledger;
  private final SmartOrderRouter router;
  private final PreTradeGate gate;
  private final ClientOrderIds ids;
  private final int absentChecksBeforeResend;
  private final Map<String, Integer> absentChecks = new HashMap<>();
  private final List<AutoCloseable> subscriptions = new ArrayList<>();
  private final List<String> alerts = new ArrayList<>();
  private KillSwitch killSwitch;

  private ExecutionEngine(
      JournalStore journal,
      Ledger ledger,
      SmartOrderRouter router,
      PreTradeGate gate,
      int absentChecksBeforeResend) {
    this.journal = journal;
    this.ledger = ledger;
    this.router = router;
    this.gate = gate;
    this.absentChecksBeforeResend = absentChecksBeforeResend;
    this.ids = new ClientOrderIds(journal.namespace(), ledger.maxIdSequence() + 1);
    this.killSwitch = KillSwitch.valueOf(ledger.killSwitch());
  }

  /**
   * Replays the journal, reconciles with every broker of the router, subscribes to their order
   * streams and returns a running engine.
   *
   * @param journal the opened journal (file or database); its records are read again and replayed
   * @param router the brokers
   * @param gate pre-trade checks
   * @param fillsSince how far back reconciliation asks brokers for fills
   * @param absentChecksBeforeResend how many "not found" answers (spaced beyond the broker's own
   *     timeout by the caller) before an unknown order is resent with the same id ({@code >= 1})
   * @throws RecoveryException when reconciliation leaves discrepancies
   */
  public static ExecutionEngine start(
      JournalStore journal,
      SmartOrderRouter router,
      PreTradeGate gate,
      Instant fillsSince,
      int absentChecksBeforeResend) {
    Objects.requireNonNull(journal, "journal");
    Objects.requireNonNull(router, "router");
    Objects.requireNonNull(gate, "gate");
    if (absentChecksBeforeResend < 1) {
      throw new IllegalArgumentException(
          "absentChecksBeforeResend must be >= 1, was " + absentChecksBeforeResend);
    }
    Ledger ledger = Ledger.replay(journal.readAll());
    Map<String, BrokerClient> brokers = new LinkedHashMap<>();
    for (BrokerClient b : router.brokers()) {
      brokers.put(b.name(), b);
    }
    Reconciliation rec = Reconciler.reconcile(journal, ledger, brokers, fillsSince);
    if (!rec.ok()) {
      throw new RecoveryException(rec);
    }
    ExecutionEngine e =
        new ExecutionEngine(journal, ledger, router, gate, absentChecksBeforeResend);
    for (BrokerClient b : brokers.values()) {
      String name = b.name();
      OrderUpdateListener l =
          new OrderUpdateListener() {
            @Override
            public void onUpdate(OrderUpdate update) {
              e.onUpdate(update);
            }

            @Override
            public void onDisconnected(String reason) {
              e.alert("stream of " + name + " disconnected: " + reason);
            }

            @Override
            public void onReconnected() {
              e.resync(name);
            }
          };
      e.subscriptions.add(b.subscribe(l));
    }
    e.lastReconciliation = rec;
    return e;
  }

  private Reconciliation lastReconciliation;

  /** Returns the reconciliation done at start. */
  public Reconciliation startupReconciliation() {
    return lastReconciliation;
  }

  /**
   * Submits an order for a strategy. The engine assigns a fresh client order id (the one in {@code
   * order} is replaced); the returned outcome carries it.
   */
  public synchronized Outcome submit(String strategy, OrderRequest order) {
    String cid = ids.next(strategy);
    OrderRequest req = order.withClientOrderId(cid);
    List<String> denied = new ArrayList<>();
    if (killSwitch == KillSwitch.HALTED) {
      denied.add("kill switch HALTED");
    } else if (killSwitch == KillSwitch.REDUCING && !reducesExposure(req)) {
      denied.add("kill switch REDUCING: order does not reduce exposure");
    }
    if (denied.isEmpty()) {
      GateDecision d = gate.check(strategy, req);
      if (!d.accepted()) {
        denied.addAll(d.reasons());
      }
    }
    if (!denied.isEmpty()) {
      Map<String, String> f = intentFields(strategy, "", req);
      f.put("reasons", String.join("; ", denied));
      ledger.apply(journal.append(EntryType.DENIED, cid, f), req);
      return new Outcome.Denied(cid, denied);
    }
    List<BrokerClient> cands = router.candidates(req);
    String target = cands.isEmpty() ? "" : cands.get(0).name();
    ledger.apply(journal.append(EntryType.INTENT, cid, intentFields(strategy, target, req)), req);
    Outcome o =
        router.route(
            req,
            cands,
            (next, previous) -> {
              Map<String, String> f = new LinkedHashMap<>();
              f.put("broker", next.name());
              f.put(
                  "previous",
                  previous.broker() + ": " + previous.httpStatus() + " " + previous.message());
              append(EntryType.ROUTE, cid, f);
            });
    record(o);
    return o;
  }

  private Map<String, String> intentFields(String strategy, String broker, OrderRequest req) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("strategy", strategy);
    f.put("broker", broker);
    return OrderCodec.encode(req, f);
  }

  private void record(Outcome o) {
    if (o instanceof Outcome.Confirmed c) {
      appendDeferred(EntryType.ACK, c.clientOrderId(), ackFields(c.broker(), c.order()));
    } else if (o instanceof Outcome.Refused r) {
      Map<String, String> f = new LinkedHashMap<>();
      f.put("broker", r.broker());
      f.put("http", Integer.toString(r.httpStatus()));
      f.put("code", r.code());
      f.put("message", r.message());
      f.put("reached", Boolean.toString(r.reachedBroker()));
      append(EntryType.REFUSED, r.clientOrderId(), f);
    } else if (o instanceof Outcome.Unknown u) {
      Map<String, String> f = new LinkedHashMap<>();
      f.put("broker", u.broker());
      f.put("reason", u.reason() == null ? "" : u.reason());
      append(EntryType.UNKNOWN, u.clientOrderId(), f);
    } else {
      throw new IllegalStateException("brokers never deny: " + o);
    }
  }

  private static Map<String, String> ackFields(String broker, BrokerOrder v) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("broker", broker);
    f.put("brokerOrderId", v.brokerOrderId());
    f.put("status", v.status().name());
    f.put("cum", Long.toString(v.filledQty()));
    if (v.filledQty() > 0) {
      f.put("avg", Double.toString(v.avgFillPrice()));
    }
    return f;
  }

  /** A record that precedes an action (or a decision that must survive a restart): durable now. */
  private void append(EntryType type, String cid, Map<String, String> fields) {
    ledger.apply(journal.append(type, cid, fields));
  }

  /**
   * A record that restates what a broker said about an order whose intent is durable already
   * (acknowledgement, status change, fill): group-committed with the next durable record or after
   * the journal's flush delay. Losing it in a crash loses nothing that recovery does not ask the
   * broker for again by client order id (see the class comment).
   */
  private void appendDeferred(EntryType type, String cid, Map<String, String> fields) {
    ledger.apply(journal.appendDeferred(type, cid, fields));
  }

  private boolean reducesExposure(OrderRequest r) {
    if (r.isMultiLeg()) {
      for (OrderLeg l : r.legs()) {
        if (!reduces(l.symbol(), l.side().sign() * (long) l.ratio() * r.qty())) {
          return false;
        }
      }
      return true;
    }
    return reduces(r.symbol(), r.side().sign() * r.qty());
  }

  private boolean reduces(String symbol, long signedQty) {
    long pos = ledger.position(symbol);
    long pending = 0;
    for (TrackedOrder o : ledger.openOrders()) {
      if (!o.request().isMultiLeg()
          && symbol.equals(o.request().symbol())
          && o.request().side().sign() == Long.signum(signedQty)) {
        pending += o.request().side().sign() * o.state().leavesQty();
      }
    }
    long after = pos + pending + signedQty;
    return pos != 0
        && Long.signum(signedQty) == -Long.signum(pos)
        && Math.abs(after) <= Math.abs(pos)
        && (after == 0 || Long.signum(after) == Long.signum(pos));
  }

  /**
   * Applies an order update from a broker stream: a new fill is journalled once per execution id; a
   * status change is journalled when it is legal from the current state (stale, reordered events
   * are dropped). An update for an order the journal does not know trips {@link KillSwitch#HALTED}.
   */
  public synchronized void onUpdate(OrderUpdate u) {
    BrokerOrder v = u.order();
    TrackedOrder o = ledger.order(v.clientOrderId());
    if (o == null) {
      alert("order update for unknown order " + v.clientOrderId() + " (" + v.label() + ")");
      if (killSwitch != KillSwitch.HALTED) {
        setKillSwitch(KillSwitch.HALTED, "intents in != orders out: " + v.clientOrderId());
      }
      return;
    }
    if (u.fill() != null) {
      Fill f = u.fill();
      if (ledger.hasExecution(f.executionId())) {
        return;
      }
      String cid = v.clientOrderId();
      if (ledger.resynced(cid) && coveredByResync(o, v, f)) {
        // a resync already journalled this quantity from the broker's cumulative figure
        alert("fill " + f.executionId() + " of " + cid + " already covered by a resync");
        return;
      }
      appendDeferred(EntryType.FILL, cid, Reconciler.fillFields(f, v));
      return;
    }
    if (o.request().isMultiLeg() && !v.legs().isEmpty()) {
      catchUpLegs(o, v);
      o = ledger.order(v.clientOrderId());
    }
    boolean newer =
        v.filledQty() > o.state().filledQty()
            || (v.status() != o.state().status() && o.state().status().next().contains(v.status()));
    if (newer || o.brokerOrderId().isEmpty()) {
      Map<String, String> f = ackFields(o.broker(), v);
      appendDeferred(
          o.brokerOrderId().isEmpty() ? EntryType.ACK : EntryType.STATUS, v.clientOrderId(), f);
    }
  }

  /**
   * True when a stream fill would take the order's (or, for a multi-leg order, the leg's)
   * journalled quantity beyond the broker's cumulative figure: a resync journalled it already.
   */
  private boolean coveredByResync(TrackedOrder o, BrokerOrder v, Fill f) {
    String cid = o.clientOrderId();
    if (!o.request().isMultiLeg()) {
      return ledger.fillQty(cid) + f.qty() > Math.max(v.filledQty(), o.state().filledQty());
    }
    long ratio = 0;
    for (OrderLeg l : o.request().legs()) {
      if (l.symbol().equals(f.symbol())) {
        ratio = l.ratio();
      }
    }
    long bound = Math.max(v.filledQty(), o.state().filledQty()) * ratio;
    for (BrokerOrder.Leg leg : v.legs()) {
      if (leg.symbol().equals(f.symbol())) {
        bound = Math.max(bound, leg.filledQty());
      }
    }
    return ledger.fillQty(cid, f.symbol()) + f.qty() > bound;
  }

  /**
   * Journals, for each leg of a multi-leg order, the part of the broker's cumulative leg execution
   * that the journal lacks, as one fill per leg with execution id {@code resync:<leg broker order
   * id>:<cumulative leg qty>} at the price that brings the leg's journalled average to the
   * broker's. The id depends only on the broker's figure, so a repeated or reordered update
   * journals nothing twice; a leg the order does not have, or on the other side, is reported and
   * skipped.
   *
   * @return how many fills were journalled
   */
  private int catchUpLegs(TrackedOrder o, BrokerOrder v) {
    String cid = o.clientOrderId();
    int n = 0;
    for (BrokerOrder.Leg leg : v.legs()) {
      OrderLeg mine = null;
      for (OrderLeg l : o.request().legs()) {
        if (l.symbol().equals(leg.symbol())) {
          mine = l;
        }
      }
      if (mine == null || mine.side() != leg.side()) {
        alert(
            "leg "
                + leg.side().wire()
                + " "
                + leg.symbol()
                + " reported for "
                + cid
                + " is not a leg of the order; not journalled");
        continue;
      }
      long have = ledger.fillQty(cid, leg.symbol());
      if (leg.filledQty() <= have || !Double.isFinite(leg.avgFillPrice())) {
        continue;
      }
      long qty = leg.filledQty() - have;
      double px =
          (leg.avgFillPrice() * leg.filledQty() - ledger.fillNotional(cid, leg.symbol())) / qty;
      Fill f =
          new Fill(
              Ledger.RESYNC_PREFIX + leg.brokerOrderId() + ":" + leg.filledQty(),
              cid,
              v.brokerOrderId(),
              leg.symbol(),
              leg.side(),
              qty,
              px,
              0,
              router.clock().instant());
      if (!ledger.hasExecution(f.executionId())) {
        appendDeferred(EntryType.FILL, cid, Reconciler.fillFields(f, v));
        n++;
      }
    }
    return n;
  }

  /**
   * Resyncs the confirmed open orders at one broker after its stream was down: each is queried by
   * client order id; a cumulative filled quantity above the journalled fills is journalled as one
   * fill with execution id {@code resync:<broker order id>:<cumulative qty>} (price from the
   * broker's average), then the status is applied as a stream update would be. Stream fills that
   * arrive later for the same quantity are recognised by the cumulative figure and not counted
   * twice. A broker that cannot be queried, or an order it does not report, is left as it is and
   * reported in {@link #alerts()} (missing evidence is not evidence). A multi-leg order is resynced
   * per leg from the legs' cumulative executions the broker reports with it (Alpaca's {@code mleg}
   * legs are orders with their own {@code filled_qty} and {@code filled_avg_price}): each leg's
   * missing quantity is journalled as one fill {@code resync:<leg broker order id>:<cumulative leg
   * qty>}, then the parent's status; a broker that reports no leg detail leaves the order to the
   * startup reconciliation (reported in {@link #alerts()}).
   *
   * @param brokerName the broker whose stream reconnected
   * @return how many orders changed
   */
  public synchronized int resync(String brokerName) {
    BrokerClient b = router.broker(brokerName);
    if (b == null) {
      throw new IllegalArgumentException("unknown broker '" + brokerName + "'");
    }
    int changed = 0;
    for (TrackedOrder o : List.copyOf(ledger.openOrders())) {
      if (!o.broker().equals(brokerName) || o.resolution() != Resolution.CONFIRMED) {
        continue;
      }
      String cid = o.clientOrderId();
      Optional<BrokerOrder> found;
      try {
        found = b.findByClientOrderId(cid);
      } catch (BrokerException e) {
        alert("resync of " + cid + " at " + brokerName + " failed: " + e.getMessage());
        continue;
      }
      if (found.isEmpty()) {
        alert("resync: " + cid + " not reported by " + brokerName);
        continue;
      }
      BrokerOrder v = found.get();
      String before = o.state().status() + "/" + ledger.fillQty(cid);
      long have = ledger.fillQty(cid);
      if (o.request().isMultiLeg()) {
        if (v.legs().isEmpty()) {
          alert(
              "resync of multi-leg order "
                  + cid
                  + ": "
                  + brokerName
                  + " reports no leg detail; reconcile at the next start");
          continue;
        }
        // the legs' cumulative executions are journalled by onUpdate below
      } else if (v.filledQty() > have && Double.isFinite(v.avgFillPrice())) {
        long qty = v.filledQty() - have;
        double px = (v.avgFillPrice() * v.filledQty() - ledger.fillNotional(cid)) / qty;
        Fill f =
            new Fill(
                Ledger.RESYNC_PREFIX + v.brokerOrderId() + ":" + v.filledQty(),
                cid,
                v.brokerOrderId(),
                o.request().symbol(),
                o.request().side(),
                qty,
                px,
                0,
                router.clock().instant());
        if (!ledger.hasExecution(f.executionId())) {
          appendDeferred(EntryType.FILL, cid, Reconciler.fillFields(f, v));
        }
      }
      onUpdate(new OrderUpdate(v, null));
      TrackedOrder after = ledger.order(cid);
      if (!before.equals(after.state().status() + "/" + ledger.fillQty(cid))) {
        changed++;
      }
    }
    return changed;
  }

  /**
   * Resolves unknown and in-flight outcomes by asking each order's broker by client order id: found
   * — adopted; not found {@code absentChecksBeforeResend} times in a row — resent once with the
   * same client order id (so a durable-idempotency broker refuses a late first copy). Call it
   * periodically, spaced beyond the broker's own request timeout.
   *
   * @return how many orders are still unresolved
   */
  public synchronized int resolveUnknowns() {
    int left = 0;
    for (TrackedOrder o : ledger.orders()) {
      if (o.resolution() != Resolution.UNKNOWN && o.resolution() != Resolution.IN_FLIGHT) {
        continue;
      }
      BrokerClient b = router.broker(o.broker());
      if (b == null) {
        left++;
        continue;
      }
      Optional<BrokerOrder> found;
      try {
        found = b.findByClientOrderId(o.clientOrderId());
      } catch (BrokerException e) {
        left++;
        continue;
      }
      if (found.isPresent()) {
        absentChecks.remove(o.clientOrderId());
        append(EntryType.ACK, o.clientOrderId(), ackFields(b.name(), found.get()));
        continue;
      }
      int n = absentChecks.merge(o.clientOrderId(), 1, Integer::sum);
      if (n < absentChecksBeforeResend) {
        left++;
        continue;
      }
      absentChecks.remove(o.clientOrderId());
      append(EntryType.RESEND, o.clientOrderId(), Map.of("broker", b.name()));
      Outcome out = b.submit(o.request());
      if (out instanceof Outcome.Refused r && r.message().contains("must be unique")) {
        // the first copy exists after all: adopt it on the next pass
        append(
            EntryType.UNKNOWN,
            o.clientOrderId(),
            Map.of("broker", b.name(), "reason", "duplicate id"));
        left++;
        continue;
      }
      record(out);
      if (!out.isDefinitive()) {
        left++;
      }
    }
    return left;
  }

  /**
   * Requests cancellation of an order (journalled first). Returns the broker's view after the
   * request.
   *
   * @throws IllegalStateException when the order is unknown or its outcome is not confirmed yet
   */
  public synchronized BrokerOrder cancel(String clientOrderId) {
    TrackedOrder o = ledger.order(clientOrderId);
    if (o == null) {
      throw new IllegalStateException("unknown order " + clientOrderId);
    }
    if (o.brokerOrderId().isEmpty()) {
      throw new IllegalStateException(
          "order "
              + clientOrderId
              + " has no broker id yet ("
              + o.resolution()
              + "); resolve first");
    }
    BrokerClient b = router.broker(o.broker());
    append(EntryType.CANCEL_REQUEST, clientOrderId, Map.of("broker", b.name()));
    BrokerOrder v = b.cancel(o.brokerOrderId());
    onUpdate(new OrderUpdate(v, null));
    return v;
  }

  /**
   * Sets the kill switch (journalled). {@link KillSwitch#HALTED} also requests cancellation of
   * every open confirmed order; cancels that fail are reported in {@link #alerts()}.
   */
  public synchronized void setKillSwitch(KillSwitch mode, String reason) {
    append(EntryType.KILL_SWITCH, "", Map.of("mode", mode.name(), "reason", reason));
    killSwitch = mode;
    if (mode == KillSwitch.HALTED) {
      for (TrackedOrder o : ledger.openOrders()) {
        if (!o.brokerOrderId().isEmpty()) {
          try {
            cancel(o.clientOrderId());
          } catch (RuntimeException e) {
            alert("cancel of " + o.clientOrderId() + " failed: " + e.getMessage());
          }
        }
      }
    }
  }

  /** Returns the kill-switch mode. */
  public synchronized KillSwitch killSwitch() {
    return killSwitch;
  }

  /**
   * Compares, per strategy, the orders a broker reports with the journalled intents (intents in =
   * orders out); an excess trips {@link KillSwitch#HALTED}.
   *
   * @return the strategies with more broker orders than intents (empty when all is well)
   */
  public synchronized List<String> auditOrdersOut() {
    Map<String, Long> out = new HashMap<>();
    for (BrokerClient b : router.brokers()) {
      for (BrokerOrder bo : b.orders(false)) {
        TrackedOrder o = ledger.order(bo.clientOrderId());
        String strategy = o == null ? "<external>" : o.strategy();
        out.merge(strategy, 1L, Long::sum);
      }
    }
    Map<String, Long> in = ledger.intentsByStrategy();
    List<String> excess = new ArrayList<>();
    out.forEach(
        (s, n) -> {
          if (n > in.getOrDefault(s, 0L)) {
            excess.add(s + ": " + n + " orders out, " + in.getOrDefault(s, 0L) + " intents");
          }
        });
    if (!excess.isEmpty() && killSwitch != KillSwitch.HALTED) {
      setKillSwitch(KillSwitch.HALTED, "intents in != orders out: " + excess);
    }
    return excess;
  }

  private synchronized void alert(String message) {
    alerts.add(message);
  }

  /** Returns operational alerts (stream drops, unknown orders, failed cancels). */
  public synchronized List<String> alerts() {
    return List.copyOf(alerts);
  }

  /** Returns the order, or null. */
  public synchronized TrackedOrder order(String clientOrderId) {
    return ledger.order(clientOrderId);
  }

  /** Returns the orders that may still change. */
  public synchronized List<TrackedOrder> openOrders() {
    return ledger.openOrders();
  }

  /** Returns positions per symbol from journalled fills. */
  public synchronized Map<String, Long> positions() {
    return ledger.positions();
  }

  /** Returns the ledger's canonical state hash (for replay checks). */
  public synchronized String stateHash() {
    return ledger.snapshotHash();
  }

  /** Returns the ledger's canonical state text. */
  public synchronized String stateSnapshot() {
    return ledger.snapshot();
  }

  /** Returns the ledger's anomalies. */
  public synchronized List<String> anomalies() {
    return ledger.anomalies();
  }

  /** Unsubscribes from broker streams (the journal and brokers stay open; the caller owns them). */
  @Override
  public synchronized void close() {
    for (AutoCloseable s : subscriptions) {
      try {
        s.close();
      } catch (Exception e) {
        alerts.add("unsubscribe failed: " + e.getMessage());
      }
    }
    subscriptions.clear();
  }
}
