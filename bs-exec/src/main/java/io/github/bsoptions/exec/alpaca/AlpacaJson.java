package io.github.bsoptions.exec.alpaca;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.bsoptions.exec.order.Account;
import io.github.bsoptions.exec.order.BrokerOrder;
import io.github.bsoptions.exec.order.Fill;
import io.github.bsoptions.exec.order.OrderLeg;
import io.github.bsoptions.exec.order.OrderRequest;
import io.github.bsoptions.exec.order.OrderStatus;
import io.github.bsoptions.exec.order.Position;
import io.github.bsoptions.exec.order.Side;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** JSON mapping for the Alpaca trading API (lenient: unknown fields ignored, "" read as absent). */
final class AlpacaJson {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private AlpacaJson() {}

  static String decimal(double v) {
    return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }

  /** The {@code POST /v2/orders} body. */
  static byte[] orderBody(OrderRequest r) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("client_order_id", r.clientOrderId());
    o.put("qty", Long.toString(r.qty()));
    o.put("type", r.type().wire());
    o.put("time_in_force", r.timeInForce().wire());
    if (r.type().hasLimit()) {
      o.put("limit_price", decimal(r.limitPrice()));
    }
    if (r.type().hasStop()) {
      o.put("stop_price", decimal(r.stopPrice()));
    }
    if (r.isMultiLeg()) {
      o.put("order_class", "mleg");
      ArrayNode legs = o.putArray("legs");
      for (OrderLeg l : r.legs()) {
        ObjectNode lo = legs.addObject();
        lo.put("symbol", l.symbol());
        lo.put("ratio_qty", Integer.toString(l.ratio()));
        lo.put("side", l.side().wire());
        if (l.intent() != null) {
          lo.put("position_intent", l.intent().wire());
        }
      }
    } else {
      o.put("symbol", r.symbol());
      o.put("side", r.side().wire());
      if (r.intent() != null) {
        o.put("position_intent", r.intent().wire());
      }
    }
    return bytes(o);
  }

  /** The {@code PATCH /v2/orders/{id}} body. */
  static byte[] replaceBody(OrderRequest r) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("client_order_id", r.clientOrderId());
    o.put("qty", Long.toString(r.qty()));
    o.put("time_in_force", r.timeInForce().wire());
    if (r.type().hasLimit()) {
      o.put("limit_price", decimal(r.limitPrice()));
    }
    if (r.type().hasStop()) {
      o.put("stop_price", decimal(r.stopPrice()));
    }
    return bytes(o);
  }

  static byte[] bytes(JsonNode n) {
    try {
      return MAPPER.writeValueAsBytes(n);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static JsonNode parse(byte[] body) throws IOException {
    JsonNode n = MAPPER.readTree(body);
    if (n == null || n.isMissingNode()) {
      throw new IOException("empty JSON body");
    }
    return n;
  }

  static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    String s = v.asText();
    return s.isEmpty() ? null : s;
  }

  static String required(JsonNode n, String field) throws IOException {
    String s = text(n, field);
    if (s == null) {
      throw new IOException("missing field " + field);
    }
    return s;
  }

  static long qty(JsonNode n, String field) throws IOException {
    String s = text(n, field);
    if (s == null) {
      return 0;
    }
    try {
      return new BigDecimal(s).longValueExact();
    } catch (ArithmeticException | NumberFormatException e) {
      throw new IOException("field " + field + " is not a whole quantity: " + s);
    }
  }

  static double num(JsonNode n, String field) throws IOException {
    String s = text(n, field);
    if (s == null) {
      return Double.NaN;
    }
    try {
      double d = Double.parseDouble(s);
      if (!Double.isFinite(d)) {
        throw new IOException("field " + field + " is not finite: " + s);
      }
      return d;
    } catch (NumberFormatException e) {
      throw new IOException("field " + field + " is not a number: " + s);
    }
  }

  static OrderStatus status(String s) throws IOException {
    if (s == null) {
      throw new IOException("missing order status");
    }
    OrderStatus st = OrderStatus.parseOrNull(s);
    if (st != null) {
      return st;
    }
    return switch (s.toLowerCase(Locale.ROOT)) {
      case "accepted_for_bidding" -> OrderStatus.ACCEPTED;
      case "held", "pending_review" -> OrderStatus.PENDING_NEW;
      case "stopped", "suspended", "calculated" -> OrderStatus.NEW;
      default -> throw new IOException("unknown order status " + s);
    };
  }

  static BrokerOrder order(JsonNode n) throws IOException {
    String symbol = text(n, "symbol");
    String label = symbol;
    JsonNode legs = n.get("legs");
    List<BrokerOrder.Leg> legViews = new ArrayList<>();
    if (symbol == null && legs != null && legs.isArray()) {
      StringBuilder b = new StringBuilder();
      for (JsonNode l : legs) {
        if (b.length() > 0) {
          b.append('/');
        }
        b.append("sell".equals(text(l, "side")) ? '-' : '+');
        String ratio = text(l, "ratio_qty");
        b.append(ratio == null ? "1" : ratio).append(text(l, "symbol"));
        legViews.add(leg(l, required(n, "id") + "/leg" + legViews.size()));
      }
      label = b.toString();
    }
    long filled = qty(n, "filled_qty");
    return new BrokerOrder(
        required(n, "id"),
        required(n, "client_order_id"),
        label == null ? "" : label,
        status(text(n, "status")),
        qty(n, "qty"),
        filled,
        filled == 0 ? Double.NaN : num(n, "filled_avg_price"),
        legViews);
  }

  /**
   * One leg of an {@code mleg} order (a full order object with {@code ratio_qty}); {@code
   * fallbackId} names a leg that comes without its own id.
   */
  private static BrokerOrder.Leg leg(JsonNode l, String fallbackId) throws IOException {
    long filled = qty(l, "filled_qty");
    long ratio = text(l, "ratio_qty") == null ? 1 : qty(l, "ratio_qty");
    String id = text(l, "id");
    if (ratio < 1 || ratio > Integer.MAX_VALUE) {
      throw new IOException("leg ratio_qty must be a positive integer, was " + ratio);
    }
    try {
      return new BrokerOrder.Leg(
          id == null ? fallbackId : id,
          required(l, "symbol"),
          Side.parse(required(l, "side")),
          (int) ratio,
          filled,
          filled == 0 ? Double.NaN : num(l, "filled_avg_price"));
    } catch (IllegalArgumentException e) {
      throw new IOException("unreadable leg: " + e.getMessage());
    }
  }

  static Position position(JsonNode n) throws IOException {
    return new Position(required(n, "symbol"), qty(n, "qty"), num(n, "avg_entry_price"));
  }

  static Account account(JsonNode n) throws IOException {
    String level = text(n, "options_trading_level");
    return new Account(
        required(n, "id"),
        num(n, "cash"),
        num(n, "buying_power"),
        num(n, "options_buying_power"),
        level == null ? -1 : Integer.parseInt(level),
        n.path("trading_blocked").asBoolean(false) || n.path("account_blocked").asBoolean(false));
  }

  /** A FILL activity; {@code clientOrderId} comes from the order lookup. */
  static Fill activityFill(JsonNode n, String clientOrderId) throws IOException {
    return new Fill(
        required(n, "id"),
        clientOrderId,
        required(n, "order_id"),
        required(n, "symbol"),
        Side.parse(required(n, "side")),
        qty(n, "qty"),
        num(n, "price"),
        0,
        OffsetDateTime.parse(required(n, "transaction_time")).toInstant());
  }

  /** A fill from a trade update's {@code data}. */
  static Fill streamFill(JsonNode data, BrokerOrder order) throws IOException {
    JsonNode o = data.get("order");
    String ts = text(data, "timestamp");
    return new Fill(
        required(data, "execution_id"),
        order.clientOrderId(),
        order.brokerOrderId(),
        required(o, "symbol"),
        Side.parse(required(o, "side")),
        qty(data, "qty"),
        num(data, "price"),
        0,
        ts == null ? Instant.EPOCH : OffsetDateTime.parse(ts).toInstant());
  }
}
