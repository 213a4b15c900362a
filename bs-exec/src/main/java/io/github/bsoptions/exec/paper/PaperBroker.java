package io.github.bsoptions.exec.paper;

import io.github.bsoptions.data.model.OptionContract;
import io.github.bsoptions.data.model.Quote;
import io.github.bsoptions.exec.order.Account;
import io.github.bsoptions.exec.order.BrokerOrder;
import io.github.bsoptions.exec.order.Fill;
import io.github.bsoptions.exec.order.OrderLeg;
import io.github.bsoptions.exec.order.OrderRequest;
import io.github.bsoptions.exec.order.OrderState;
import io.github.bsoptions.exec.order.OrderStatus;
import io.github.bsoptions.exec.order.OrderType;
import io.github.bsoptions.exec.order.OrderUpdate;
import io.github.bsoptions.exec.order.Position;
import io.github.bsoptions.exec.order.Side;
import io.github.bsoptions.exec.order.TimeInForce;
import io.github.bsoptions.exec.spi.BrokerCapability;
import io.github.bsoptions.exec.spi.BrokerClient;
import io.github.bsoptions.exec.spi.BrokerException;
import io.github.bsoptions.exec.spi.Idempotency;
import io.github.bsoptions.exec.spi.OrderUpdateListener;
import io.github.bsoptions.exec.spi.Outcome;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An embedded, deterministic paper broker.
 *
 * <p>Matching rules: a buy fills at the ask plus slippage (a sell at the bid minus slippage); a
 * limit order fills only when marketable (buy: ask at or below the limit; sell: bid at or above it)
 * and never beyond its limit; a stop (stop-limit) order becomes a market (limit) order once the ask
 * reaches the stop (buy) or the bid falls to it (sell). With {@link
 * FillModel#partialByDisplayedSize()} a fill takes at most the displayed size, which is consumed
 * until the next quote. A multi-leg order fills when its net price (buy legs at the ask, sell legs
 * at the bid, times ratio) is at or below its net limit (positive = debit, negative = credit), in
 * whole strategy units limited by every leg's displayed size. IOC cancels what does not fill at
 * once; FOK fills completely at once or is canceled. Client order ids are unique forever ({@link
 * Idempotency#DURABLE}), as at Alpaca. Ids are counters, so the same inputs give the same events.
 *
 * <p>Resting orders are re-matched by {@link #onQuote} (supplied quotes) and {@link #matchAll}
 * (re-read the {@link QuoteSource}). Each operation (a submission, a replacement, a re-match pass,
 * a {@link #quote} call) reads the source at most once per symbol: all its checks and fills use
 * that one quote. Listeners are called after the broker's lock is released.
 */
public final class PaperBroker implements BrokerClient {
  private final String name;
  private final QuoteSource source;
  private final FillModel model;
  private final Clock clock;
  private final Map<String, Quote> supplied = new HashMap<>();
  private final Map<String, Book> books = new HashMap<>();
  private final LinkedHashMap<String, Working> orders = new LinkedHashMap<>();

  /** The orders that may still change, in submission order (quotes re-match only these). */
  private final LinkedHashMap<String, Working> open = new LinkedHashMap<>();

  private final Map<String, String> idByClient = new HashMap<>();
  private final Set<String> usedClientIds = new HashSet<>();
  private final Map<String, Double> multipliers = new HashMap<>();
  private final List<Fill> fills = new ArrayList<>();
  private final TreeMap<String, long[]> posQty = new TreeMap<>();
  private final Map<String, double[]> posCost = new HashMap<>();
  private final List<OrderUpdateListener> listeners = new CopyOnWriteArrayList<>();
  private double cash;
  private long orderSeq;
  private long execSeq;

  /**
   * Creates a paper broker.
   *
   * @param name broker name
   * @param source where quotes come from (null: only quotes given to {@link #onQuote})
   * @param model the fill model
   * @param clock the clock for timestamps
   * @param initialCash starting cash; buys beyond it are refused with 403 ({@code +Infinity}: no
   *     check)
   */
  public PaperBroker(
      String name, QuoteSource source, FillModel model, Clock clock, double initialCash) {
    this.name = Objects.requireNonNull(name, "name");
    this.source = source == null ? s -> null : source;
    this.model = Objects.requireNonNull(model, "model");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (Double.isNaN(initialCash) || initialCash < 0) {
      throw new IllegalArgumentException("initialCash must be >= 0, was " + initialCash);
    }
    this.cash = initialCash;
  }

  /** A paper broker named {@code paper} with unlimited cash, filling against supplied quotes. */
  public static PaperBroker withSuppliedQuotes(FillModel model, Clock clock) {
    return new PaperBroker("paper", null, model, clock, Double.POSITIVE_INFINITY);
  }

  private static final class Book {
    Quote quote;
    long bidLeft;
    long askLeft;

    /** The {@link #operation} in which {@link #quote} was last read from the source. */
    long readIn = -1;
  }

  /**
   * Counts the broker's operations (submit, replace, quote, re-match): the quote source is read at
   * most once per symbol per operation, so every leg check, cost estimate, match and fill of one
   * operation sees the same quote, and a four-leg order costs four quote reads instead of twenty.
   */
  private long operation;

  private static final class Working {
    final OrderRequest req;
    final String brokerId;

    /** The order's label, built once (every event carries it). */
    final String label;

    OrderState state;
    boolean triggered;

    Working(OrderRequest req, String brokerId) {
      this.req = req;
      this.brokerId = brokerId;
      this.label = req.label();
      this.state = OrderState.pendingNew(req.clientOrderId(), req.qty());
    }

    BrokerOrder view() {
      return new BrokerOrder(
          brokerId,
          req.clientOrderId(),
          label,
          state.status(),
          state.qty(),
          state.filledQty(),
          state.avgFillPrice());
    }
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Set<BrokerCapability> capabilities() {
    return EnumSet.allOf(BrokerCapability.class);
  }

  @Override
  public Idempotency idempotency() {
    return Idempotency.DURABLE;
  }

  @Override
  public Outcome submit(OrderRequest order) {
    Objects.requireNonNull(order, "order");
    List<OrderUpdate> events = listeners.isEmpty() ? NO_EVENTS : new ArrayList<>(4);
    Outcome out;
    synchronized (this) {
      operation++;
      out = submitLocked(order, events);
    }
    dispatch(events);
    return out;
  }

  /**
   * Collects nothing: used when no listener is subscribed, so that the submission path does not
   * build events nobody reads.
   */
  private static final List<OrderUpdate> NO_EVENTS =
      new java.util.AbstractList<>() {
        @Override
        public OrderUpdate get(int index) {
          throw new IndexOutOfBoundsException(index);
        }

        @Override
        public int size() {
          return 0;
        }

        @Override
        public boolean add(OrderUpdate u) {
          return false;
        }
      };

  private Outcome submitLocked(OrderRequest order, List<OrderUpdate> events) {
    String cid = order.clientOrderId();
    if (usedClientIds.contains(cid)) {
      return new Outcome.Refused(
          cid, name, 422, "40010001", "client_order_id must be unique", true);
    }
    if (!order.isMultiLeg()) {
      if (book(order.symbol()) == null) {
        return unknownSymbol(cid, order.symbol());
      }
    } else {
      for (OrderLeg l : order.legs()) {
        if (book(l.symbol()) == null) {
          return unknownSymbol(cid, l.symbol());
        }
      }
    }
    if (Double.isFinite(cash)) {
      double cost = estimatedCost(order);
      if (cost > cash) {
        return new Outcome.Refused(cid, name, 403, "40310000", "insufficient buying power", true);
      }
    }
    usedClientIds.add(cid);
    Working w = new Working(order, name + "-" + (++orderSeq));
    orders.put(w.brokerId, w);
    idByClient.put(cid, w.brokerId);
    w.state = w.state.transition(OrderStatus.NEW);
    events.add(new OrderUpdate(w.view(), null));
    TimeInForce tif = order.timeInForce();
    if (tif == TimeInForce.FOK && !canFillCompletely(w)) {
      cancelLocked(w, events);
    } else {
      match(w, events);
      if ((tif == TimeInForce.IOC || tif == TimeInForce.FOK) && w.state.status().isOpen()) {
        cancelLocked(w, events);
      }
    }
    if (w.state.status().isOpen()) {
      open.put(w.brokerId, w);
    }
    return new Outcome.Confirmed(cid, name, w.view());
  }

  private Outcome unknownSymbol(String cid, String sym) {
    return new Outcome.Refused(
        cid, name, 422, "42210000", "no quote for symbol " + sym + " (unknown symbol)", true);
  }

  private static List<String> symbols(OrderRequest r) {
    if (!r.isMultiLeg()) {
      return List.of(r.symbol());
    }
    List<String> out = new ArrayList<>();
    for (OrderLeg l : r.legs()) {
      out.add(l.symbol());
    }
    return out;
  }

  private double multiplier(String symbol) {
    Double m = multipliers.get(symbol);
    if (m == null) {
      m = OptionContract.isOccSymbol(symbol) ? model.optionMultiplier() : 1.0;
      multipliers.put(symbol, m);
    }
    return m;
  }

  private double estimatedCost(OrderRequest r) {
    if (r.isMultiLeg()) {
      double net = r.type() == OrderType.LIMIT ? r.limitPrice() : netPrice(r);
      return Math.max(0, net) * model.optionMultiplier() * r.qty();
    }
    if (r.side() != Side.BUY) {
      return 0;
    }
    Quote q = book(r.symbol()).quote;
    double px = r.type().hasLimit() ? r.limitPrice() : q.hasAsk() ? q.ask() : 0;
    return px * r.qty() * multiplier(r.symbol());
  }

  private Book book(String symbol) {
    Quote q = supplied.get(symbol); // never holds null values
    Book b = books.get(symbol);
    if (q == null) {
      if (b != null && b.readIn == operation) {
        return b; // read from the source already in this operation
      }
      q = source.quote(symbol);
      if (q == null) {
        return b;
      }
      if (b == null) {
        b = new Book();
        books.put(symbol, b);
      }
      b.readIn = operation;
    } else if (b == null) {
      b = new Book();
      books.put(symbol, b);
    }
    if (q != b.quote && !q.equals(b.quote)) {
      b.quote = q;
      b.bidLeft = q.bidSize();
      b.askLeft = q.askSize();
    }
    return b;
  }

  private double legPrice(Side side, Quote q) {
    return side == Side.BUY ? q.ask() + model.slippage() : Math.max(0, q.bid() - model.slippage());
  }

  private double netPrice(OrderRequest r) {
    double net = 0;
    for (OrderLeg l : r.legs()) {
      Book b = book(l.symbol());
      if (b == null || !(l.side() == Side.BUY ? b.quote.hasAsk() : b.quote.hasBid())) {
        return Double.NaN;
      }
      net += l.side().sign() * l.ratio() * legPrice(l.side(), b.quote);
    }
    return net;
  }

  /** Returns the quantity that could fill now, 0 when none. */
  private long fillableQty(Working w) {
    OrderRequest r = w.req;
    long leaves = w.state.leavesQty();
    if (leaves <= 0) {
      return 0;
    }
    if (r.isMultiLeg()) {
      double net = netPrice(r);
      if (Double.isNaN(net) || (r.type() == OrderType.LIMIT && net > r.limitPrice() + 1e-12)) {
        return 0;
      }
      long units = leaves;
      if (model.partialByDisplayedSize()) {
        for (OrderLeg l : r.legs()) {
          Book b = book(l.symbol());
          long left = l.side() == Side.BUY ? b.askLeft : b.bidLeft;
          units = Math.min(units, left / l.ratio());
        }
      }
      return units;
    }
    Book b = book(r.symbol());
    if (b == null) {
      return 0;
    }
    Quote q = b.quote;
    boolean buy = r.side() == Side.BUY;
    if (r.type().hasStop() && !w.triggered) {
      boolean hit =
          buy ? q.hasAsk() && q.ask() >= r.stopPrice() : q.hasBid() && q.bid() <= r.stopPrice();
      if (!hit) {
        return 0;
      }
      w.triggered = true;
    }
    if (buy ? !q.hasAsk() : !q.hasBid()) {
      return 0;
    }
    if (r.type().hasLimit()) {
      if (buy ? q.ask() > r.limitPrice() : q.bid() < r.limitPrice()) {
        return 0;
      }
    }
    long avail = model.partialByDisplayedSize() ? (buy ? b.askLeft : b.bidLeft) : leaves;
    return Math.min(leaves, avail);
  }

  private boolean canFillCompletely(Working w) {
    boolean before = w.triggered;
    long q = fillableQty(w);
    w.triggered = before;
    return q >= w.state.leavesQty();
  }

  private void match(Working w, List<OrderUpdate> events) {
    if (!w.state.status().isOpen() || w.state.status() == OrderStatus.PENDING_CANCEL) {
      return;
    }
    long qty = fillableQty(w);
    if (qty <= 0) {
      return;
    }
    OrderRequest r = w.req;
    Instant now = clock.instant();
    if (r.isMultiLeg()) {
      double net = 0;
      List<Fill> legFills = new ArrayList<>();
      for (OrderLeg l : r.legs()) {
        Book b = book(l.symbol());
        double px = legPrice(l.side(), b.quote);
        long legQty = qty * l.ratio();
        consume(b, l.side(), legQty);
        net += l.side().sign() * l.ratio() * px;
        legFills.add(newFill(w, l.symbol(), l.side(), legQty, px, now));
      }
      w.state = w.state.fill(qty, net);
      for (Fill f : legFills) {
        book(f);
        events.add(new OrderUpdate(w.view(), f));
      }
      return;
    }
    Book b = book(r.symbol());
    boolean buy = r.side() == Side.BUY;
    double px = legPrice(r.side(), b.quote);
    if (r.type().hasLimit()) {
      px = buy ? Math.min(px, r.limitPrice()) : Math.max(px, r.limitPrice());
    }
    consume(b, r.side(), qty);
    Fill f = newFill(w, r.symbol(), r.side(), qty, px, now);
    w.state = w.state.fill(qty, px);
    book(f);
    events.add(new OrderUpdate(w.view(), f));
  }

  private void consume(Book b, Side side, long qty) {
    if (!model.partialByDisplayedSize()) {
      return;
    }
    if (side == Side.BUY) {
      b.askLeft -= qty;
    } else {
      b.bidLeft -= qty;
    }
  }

  private Fill newFill(Working w, String symbol, Side side, long qty, double px, Instant now) {
    return new Fill(
        name + "-x" + (++execSeq),
        w.req.clientOrderId(),
        w.brokerId,
        symbol,
        side,
        qty,
        px,
        model.fee(qty),
        now);
  }

  private void book(Fill f) {
    fills.add(f);
    double mult = multiplier(f.symbol());
    cash -= f.signedQty() * f.price() * mult + f.fee();
    long[] q = posQty.computeIfAbsent(f.symbol(), k -> new long[1]);
    double[] cost = posCost.computeIfAbsent(f.symbol(), k -> new double[1]);
    long before = q[0];
    long after = before + f.signedQty();
    if (before == 0 || Long.signum(before) == Long.signum(f.signedQty())) {
      cost[0] += f.signedQty() * f.price();
    } else if (Long.signum(after) == Long.signum(before) || after == 0) {
      cost[0] = after == 0 ? 0 : cost[0] * ((double) after / before);
    } else {
      cost[0] = after * f.price();
    }
    q[0] = after;
  }

  private void cancelLocked(Working w, List<OrderUpdate> events) {
    w.state = w.state.transition(OrderStatus.PENDING_CANCEL).transition(OrderStatus.CANCELED);
    events.add(new OrderUpdate(w.view(), null));
  }

  private void dispatch(List<OrderUpdate> events) {
    for (OrderUpdate u : events) {
      for (OrderUpdateListener l : listeners) {
        l.onUpdate(u);
      }
    }
  }

  /**
   * Supplies a quote (overriding the quote source for its symbol) and re-matches resting orders.
   */
  public void onQuote(Quote quote) {
    Objects.requireNonNull(quote, "quote");
    List<OrderUpdate> events = new ArrayList<>();
    synchronized (this) {
      operation++;
      supplied.put(quote.symbol(), quote);
      for (Working w : List.copyOf(open.values())) {
        if (w.state.status().isOpen() && symbols(w.req).contains(quote.symbol())) {
          match(w, events);
        }
      }
      pruneOpen();
    }
    dispatch(events);
  }

  /** Re-reads quotes and re-matches every resting order, oldest first. */
  public void matchAll() {
    List<OrderUpdate> events = new ArrayList<>();
    synchronized (this) {
      operation++;
      for (Working w : List.copyOf(open.values())) {
        if (w.state.status().isOpen()) {
          match(w, events);
        }
      }
      pruneOpen();
    }
    dispatch(events);
  }

  /** Expires every open DAY order (end of the trading day). */
  public void endOfDay() {
    List<OrderUpdate> events = new ArrayList<>();
    synchronized (this) {
      for (Working w : open.values()) {
        if (w.state.status().isOpen() && w.req.timeInForce() == TimeInForce.DAY) {
          w.state = w.state.transition(OrderStatus.EXPIRED);
          events.add(new OrderUpdate(w.view(), null));
        }
      }
      pruneOpen();
    }
    dispatch(events);
  }

  @Override
  public BrokerOrder cancel(String brokerOrderId) {
    List<OrderUpdate> events = new ArrayList<>();
    BrokerOrder out;
    synchronized (this) {
      Working w = require(brokerOrderId);
      if (!w.state.status().isOpen()) {
        throw new BrokerException.Rejected(422, "order is not cancelable: " + w.state.status());
      }
      cancelLocked(w, events);
      out = w.view();
      open.remove(w.brokerId);
    }
    dispatch(events);
    return out;
  }

  @Override
  public Outcome replace(String brokerOrderId, OrderRequest replacement) {
    List<OrderUpdate> events = new ArrayList<>();
    Outcome out;
    synchronized (this) {
      operation++;
      Working old = orders.get(brokerOrderId);
      String cid = replacement.clientOrderId();
      if (old == null) {
        return new Outcome.Refused(cid, name, 404, "40410000", "order not found", true);
      }
      OrderStatus s = old.state.status();
      if (s != OrderStatus.NEW && s != OrderStatus.PARTIALLY_FILLED) {
        return new Outcome.Refused(
            cid, name, 422, "42210000", "order is not replaceable: " + s, true);
      }
      if (usedClientIds.contains(cid)) {
        return new Outcome.Refused(
            cid, name, 422, "40010001", "client_order_id must be unique", true);
      }
      old.state =
          old.state.transition(OrderStatus.PENDING_REPLACE).transition(OrderStatus.REPLACED);
      events.add(new OrderUpdate(old.view(), null));
      open.remove(old.brokerId);
      out = submitLocked(replacement, events);
    }
    dispatch(events);
    return out;
  }

  private void pruneOpen() {
    open.values().removeIf(w -> !w.state.status().isOpen());
  }

  private Working require(String brokerOrderId) {
    Working w = orders.get(brokerOrderId);
    if (w == null) {
      throw new BrokerException.Rejected(404, "order not found: " + brokerOrderId);
    }
    return w;
  }

  @Override
  public synchronized BrokerOrder order(String brokerOrderId) {
    return require(brokerOrderId).view();
  }

  @Override
  public synchronized Optional<BrokerOrder> findByClientOrderId(String clientOrderId) {
    String id = idByClient.get(clientOrderId);
    return id == null ? Optional.empty() : Optional.of(orders.get(id).view());
  }

  @Override
  public synchronized List<BrokerOrder> orders(boolean openOnly) {
    List<BrokerOrder> out = new ArrayList<>();
    for (Working w : (openOnly ? open : orders).values()) {
      if (!openOnly || w.state.status().isOpen()) {
        out.add(w.view());
      }
    }
    return out;
  }

  @Override
  public synchronized List<Position> positions() {
    List<Position> out = new ArrayList<>();
    for (Map.Entry<String, long[]> e : posQty.entrySet()) {
      long q = e.getValue()[0];
      if (q != 0) {
        out.add(new Position(e.getKey(), q, posCost.get(e.getKey())[0] / q));
      }
    }
    return out;
  }

  @Override
  public synchronized Account account() {
    return new Account(name, cash, cash, cash, 3, false);
  }

  @Override
  public synchronized List<Fill> fills(Instant since) {
    List<Fill> out = new ArrayList<>();
    for (Fill f : fills) {
      if (!f.timestamp().isBefore(since)) {
        out.add(f);
      }
    }
    return out;
  }

  /**
   * Returns the quote the broker matches against for the symbol, or null (usable as a {@link
   * QuoteSource}).
   */
  public synchronized Quote quote(String symbol) {
    operation++;
    Book b = book(symbol);
    return b == null ? null : b.quote;
  }

  /** Returns how many orders this broker has received (for tests and audits). */
  public synchronized int orderCount() {
    return orders.size();
  }

  @Override
  public AutoCloseable subscribe(OrderUpdateListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
    return () -> listeners.remove(listener);
  }

  @Override
  public void close() {
    listeners.clear();
  }
}
