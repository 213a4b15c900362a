package io.github.bsoptions.exec.journal;

import io.github.bsoptions.exec.order.OrderRequest;
import io.github.bsoptions.exec.order.OrderState;
import io.github.bsoptions.exec.order.OrderStatus;
import io.github.bsoptions.exec.order.Side;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The state rebuilt from journal records: orders, fills (deduplicated by execution id), positions
 * per symbol, intents per strategy, the kill-switch mode. {@link #apply} is a pure function of the
 * records: replaying a journal issues no broker call and gives the same state as the live run. Not
 * thread-safe; the engine serialises access.
 */
public final class Ledger {
  private final LinkedHashMap<String, TrackedOrder> orders = new LinkedHashMap<>();
  private final Set<String> executions = new HashSet<>();
  private final TreeMap<String, long[]> positions = new TreeMap<>();
  private final Map<String, double[]> cost = new TreeMap<>();
  private final TreeMap<String, long[]> intentsByStrategy = new TreeMap<>();
  private final List<String> anomalies = new ArrayList<>();

  /** Journalled fill quantity and notional per order. */
  private final Map<String, FillSums> fillsByOrder = new java.util.HashMap<>();

  /** Per order and instrument (key: client order id, TAB, symbol). */
  private final Map<String, FillSums> fillsByOrderSymbol = new java.util.HashMap<>();

  /** Quantity and notional (quantity times price) of the fills of an order or an order's leg. */
  private static final class FillSums {
    long qty;
    double notional;

    void add(long q, double px) {
      qty += q;
      notional += q * px;
    }
  }

  private final Set<String> resynced = new HashSet<>();
  private String namespace = "";
  private String killSwitch = "ACTIVE";
  private long maxIdSequence = -1;
  private long lastSeq = -1;

  /** Creates an empty ledger. */
  public Ledger() {}

  /** Replays records into a fresh ledger. */
  public static Ledger replay(List<JournalRecord> records) {
    Ledger l = new Ledger();
    for (JournalRecord r : records) {
      l.apply(r);
    }
    return l;
  }

  /** Applies one record. */
  public void apply(JournalRecord r) {
    apply(r, null);
  }

  /**
   * Applies one record that the caller has just journalled for {@code request}: for an {@link
   * EntryType#INTENT} or {@link EntryType#DENIED} record whose fields are {@link OrderCodec}'s
   * encoding of {@code request} (which decodes to an equal request), the order is taken as it is
   * instead of being decoded again from the fields. The state is the one {@link
   * #apply(JournalRecord)} gives.
   *
   * @param request the order the record encodes, with the record's client order id; null: decode it
   *     from the fields
   */
  public void apply(JournalRecord r, OrderRequest request) {
    lastSeq = r.seq();
    String cid = r.clientOrderId();
    switch (r.type()) {
      case HEADER -> namespace = r.require("namespace");
      case INTENT, DENIED -> {
        OrderRequest req =
            request != null && cid.equals(request.clientOrderId())
                ? request
                : OrderCodec.decode(cid, r.fields());
        String strategy = r.require("strategy");
        noteSequence(cid);
        OrderState st = OrderState.pendingNew(cid, req.qty());
        Resolution res = Resolution.IN_FLIGHT;
        if (r.type() == EntryType.DENIED) {
          st = st.transition(OrderStatus.REJECTED);
          res = Resolution.DENIED;
        } else {
          intentsByStrategy.computeIfAbsent(strategy, k -> new long[1])[0]++;
        }
        orders.put(
            cid,
            new TrackedOrder(
                cid,
                strategy,
                r.fields().getOrDefault("broker", ""),
                req,
                "",
                st,
                res,
                0,
                r.seq()));
      }
      case ACK -> {
        TrackedOrder o = order(r);
        if (o != null) {
          OrderState st = status(o, r);
          put(
              o,
              r.fields().getOrDefault("broker", o.broker()),
              r.require("brokerOrderId"),
              st,
              Resolution.CONFIRMED,
              o.resends());
        }
      }
      case REFUSED -> {
        TrackedOrder o = order(r);
        if (o != null) {
          put(
              o,
              r.fields().getOrDefault("broker", o.broker()),
              o.brokerOrderId(),
              safe(o, OrderStatus.REJECTED),
              Resolution.REFUSED,
              o.resends());
        }
      }
      case UNKNOWN -> {
        TrackedOrder o = order(r);
        if (o != null) {
          put(
              o,
              r.fields().getOrDefault("broker", o.broker()),
              o.brokerOrderId(),
              o.state(),
              Resolution.UNKNOWN,
              o.resends());
        }
      }
      case RESEND -> {
        TrackedOrder o = order(r);
        if (o != null) {
          put(o, o.broker(), o.brokerOrderId(), o.state(), Resolution.IN_FLIGHT, o.resends() + 1);
        }
      }
      case ROUTE -> {
        TrackedOrder o = order(r);
        if (o != null) {
          put(o, r.require("broker"), "", o.state(), Resolution.IN_FLIGHT, o.resends());
        }
      }
      case ABANDONED -> {
        TrackedOrder o = order(r);
        if (o != null) {
          put(
              o,
              o.broker(),
              o.brokerOrderId(),
              safe(o, OrderStatus.CANCELED),
              Resolution.ABANDONED,
              o.resends());
        }
      }
      case FILL -> applyFill(r);
      case STATUS -> {
        TrackedOrder o = order(r);
        if (o != null) {
          put(
              o,
              o.broker(),
              r.fields().getOrDefault("brokerOrderId", o.brokerOrderId()),
              status(o, r),
              o.resolution() == Resolution.UNKNOWN || o.resolution() == Resolution.IN_FLIGHT
                  ? Resolution.CONFIRMED
                  : o.resolution(),
              o.resends());
        }
      }
      case CANCEL_REQUEST -> order(r);
      case KILL_SWITCH -> killSwitch = r.require("mode");
    }
  }

  private void noteSequence(String cid) {
    String prefix = namespace + "-";
    if (!namespace.isEmpty() && cid.startsWith(prefix)) {
      int dash = cid.lastIndexOf('-');
      try {
        maxIdSequence = Math.max(maxIdSequence, Long.parseLong(cid.substring(dash + 1), 36));
      } catch (NumberFormatException e) {
        anomalies.add("unparsable id sequence in " + cid);
      }
    }
  }

  private TrackedOrder order(JournalRecord r) {
    TrackedOrder o = orders.get(r.clientOrderId());
    if (o == null) {
      anomalies.add(
          "record " + r.seq() + " " + r.type() + " for unknown order " + r.clientOrderId());
    }
    return o;
  }

  private void put(
      TrackedOrder o,
      String broker,
      String brokerOrderId,
      OrderState st,
      Resolution res,
      int resends) {
    orders.put(
        o.clientOrderId(),
        new TrackedOrder(
            o.clientOrderId(),
            o.strategy(),
            broker,
            o.request(),
            brokerOrderId,
            st,
            res,
            resends,
            o.intentSeq()));
  }

  private OrderState safe(TrackedOrder o, OrderStatus to) {
    try {
      return o.state().transition(to);
    } catch (IllegalStateException e) {
      anomalies.add(e.getMessage());
      return o.state();
    }
  }

  /** Applies the broker's cumulative quantity and status carried by a record. */
  private OrderState status(TrackedOrder o, JournalRecord r) {
    OrderState st = withCumulative(o.state(), r);
    String s = r.get("status");
    OrderStatus to = s == null ? null : OrderStatus.valueOf(s);
    if (to != null && to != st.status()) {
      try {
        st = st.transition(to);
      } catch (IllegalStateException e) {
        anomalies.add(e.getMessage());
      }
    }
    return st;
  }

  private OrderState withCumulative(OrderState st, JournalRecord r) {
    String cumText = r.get("cum");
    if (cumText == null) {
      return st;
    }
    long cum = Long.parseLong(cumText);
    if (cum <= st.filledQty()) {
      return st;
    }
    double avg = Double.parseDouble(r.require("avg"));
    long delta = cum - st.filledQty();
    double oldNotional = st.filledQty() == 0 ? 0 : st.avgFillPrice() * st.filledQty();
    double px = (avg * cum - oldNotional) / delta;
    try {
      return st.fill(delta, px);
    } catch (IllegalStateException e) {
      anomalies.add(e.getMessage());
      return st;
    }
  }

  private void applyFill(JournalRecord r) {
    String exec = r.require("exec");
    if (!executions.add(exec)) {
      anomalies.add("duplicate execution " + exec + " in journal");
      return;
    }
    String symbol = r.require("symbol");
    long qty = Long.parseLong(r.require("qty")) * Side.parse(r.require("side")).sign();
    double px = Double.parseDouble(r.require("price"));
    long[] q = positions.computeIfAbsent(symbol, k -> new long[1]);
    double[] c = cost.computeIfAbsent(symbol, k -> new double[1]);
    long before = q[0];
    long after = before + qty;
    if (before == 0 || Long.signum(before) == Long.signum(qty)) {
      c[0] += qty * px;
    } else if (after == 0) {
      c[0] = 0;
    } else if (Long.signum(after) == Long.signum(before)) {
      c[0] = c[0] * ((double) after / before);
    } else {
      c[0] = after * px;
    }
    q[0] = after;
    String cid = r.clientOrderId();
    fillsByOrder.computeIfAbsent(cid, k -> new FillSums()).add(Math.abs(qty), px);
    fillsByOrderSymbol
        .computeIfAbsent(cid + '\t' + symbol, k -> new FillSums())
        .add(Math.abs(qty), px);
    if (exec.startsWith(RESYNC_PREFIX)) {
      resynced.add(cid);
    }
    TrackedOrder o = orders.get(cid);
    if (o != null) {
      OrderState st = withCumulative(o.state(), r);
      Resolution res =
          o.resolution() == Resolution.IN_FLIGHT || o.resolution() == Resolution.UNKNOWN
              ? Resolution.CONFIRMED
              : o.resolution();
      String bid = r.get("brokerOrderId");
      if (bid == null || bid.isEmpty()) {
        bid = o.brokerOrderId();
      }
      put(o, o.broker(), bid, st, res, o.resends());
    }
  }

  /** Execution ids of fills the engine derived from a broker's order after a stream gap. */
  public static final String RESYNC_PREFIX = "resync:";

  /** Returns the quantity of the journalled fills of an order (0 when none). */
  public long fillQty(String clientOrderId) {
    FillSums f = fillsByOrder.get(clientOrderId);
    return f == null ? 0 : f.qty;
  }

  /** Returns the notional (quantity times price) of the journalled fills of an order. */
  public double fillNotional(String clientOrderId) {
    FillSums f = fillsByOrder.get(clientOrderId);
    return f == null ? 0 : f.notional;
  }

  /**
   * Returns the quantity of the journalled fills of an order in one instrument (a leg of a
   * multi-leg order), 0 when none.
   */
  public long fillQty(String clientOrderId, String symbol) {
    FillSums f = fillsByOrderSymbol.get(clientOrderId + '\t' + symbol);
    return f == null ? 0 : f.qty;
  }

  /** Returns the notional (quantity times price) of an order's journalled fills in one symbol. */
  public double fillNotional(String clientOrderId, String symbol) {
    FillSums f = fillsByOrderSymbol.get(clientOrderId + '\t' + symbol);
    return f == null ? 0 : f.notional;
  }

  /** Returns true when a fill of the order was derived by a resync ({@link #RESYNC_PREFIX}). */
  public boolean resynced(String clientOrderId) {
    return resynced.contains(clientOrderId);
  }

  /** Returns true when the execution id was already applied. */
  public boolean hasExecution(String executionId) {
    return executions.contains(executionId);
  }

  /** Returns the order, or null. */
  public TrackedOrder order(String clientOrderId) {
    return orders.get(clientOrderId);
  }

  /** Returns every order in journal order. */
  public List<TrackedOrder> orders() {
    return List.copyOf(orders.values());
  }

  /** Returns the orders that may still change at a broker. */
  public List<TrackedOrder> openOrders() {
    List<TrackedOrder> out = new ArrayList<>();
    for (TrackedOrder o : orders.values()) {
      if (o.isOpen()) {
        out.add(o);
      }
    }
    return out;
  }

  /** Returns the signed position per symbol (flat symbols omitted). */
  public Map<String, Long> positions() {
    Map<String, Long> out = new TreeMap<>();
    positions.forEach(
        (k, v) -> {
          if (v[0] != 0) {
            out.put(k, v[0]);
          }
        });
    return out;
  }

  /** Returns the signed position in the symbol (0 when flat or never traded). */
  public long position(String symbol) {
    long[] v = positions.get(symbol);
    return v == null ? 0 : v[0];
  }

  /** Returns the average entry price of the position, NaN when flat. */
  public double averagePrice(String symbol) {
    long q = position(symbol);
    return q == 0 ? Double.NaN : cost.get(symbol)[0] / q;
  }

  /** Returns journalled intents (orders sent or about to be sent) per strategy. */
  public Map<String, Long> intentsByStrategy() {
    Map<String, Long> out = new TreeMap<>();
    intentsByStrategy.forEach((k, v) -> out.put(k, v[0]));
    return out;
  }

  /** Returns the journal namespace. */
  public String namespace() {
    return namespace;
  }

  /** Returns the largest client-order-id sequence seen, -1 when none. */
  public long maxIdSequence() {
    return maxIdSequence;
  }

  /**
   * Returns the kill-switch mode recorded last ({@code ACTIVE}, {@code REDUCING}, {@code HALTED}).
   */
  public String killSwitch() {
    return killSwitch;
  }

  /** Returns the sequence of the last applied record. */
  public long lastSeq() {
    return lastSeq;
  }

  /** Returns inconsistencies met while applying records (never silently ignored). */
  public List<String> anomalies() {
    return List.copyOf(anomalies);
  }

  /** Returns a canonical text of the whole state (for comparisons). */
  public String snapshot() {
    StringBuilder b = new StringBuilder();
    b.append("ns=")
        .append(namespace)
        .append(";ks=")
        .append(killSwitch)
        .append(";maxSeq=")
        .append(maxIdSequence)
        .append('\n');
    new TreeMap<>(orders).forEach((k, o) -> b.append(o).append('\n'));
    positions.forEach(
        (k, v) ->
            b.append(k).append('=').append(v[0]).append('@').append(cost.get(k)[0]).append('\n'));
    b.append(new TreeMap<>(intentsByStrategy()));
    new java.util.TreeSet<>(executions).forEach(e -> b.append(e).append(','));
    return b.toString();
  }

  /** Returns the SHA-256 of {@link #snapshot()} in hex. */
  public String snapshotHash() {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(snapshot().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
