package io.github.bsoptions.exec.journal;

import io.github.bsoptions.exec.order.OrderLeg;
import io.github.bsoptions.exec.order.OrderRequest;
import io.github.bsoptions.exec.order.OrderType;
import io.github.bsoptions.exec.order.PositionIntent;
import io.github.bsoptions.exec.order.Side;
import io.github.bsoptions.exec.order.TimeInForce;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Encodes an {@link OrderRequest} into journal fields and back, exactly (doubles round-trip). */
public final class OrderCodec {
  private OrderCodec() {}

  /** Adds the order's fields to {@code out} and returns it. */
  public static Map<String, String> encode(OrderRequest r, Map<String, String> out) {
    if (!r.isMultiLeg()) {
      out.put("symbol", r.symbol());
      out.put("side", r.side().wire());
    }
    out.put("qty", Long.toString(r.qty()));
    out.put("type", r.type().wire());
    out.put("tif", r.timeInForce().wire());
    if (!Double.isNaN(r.limitPrice())) {
      out.put("limit", Double.toString(r.limitPrice()));
    }
    if (!Double.isNaN(r.stopPrice())) {
      out.put("stop", Double.toString(r.stopPrice()));
    }
    if (r.intent() != null) {
      out.put("intent", r.intent().wire());
    }
    if (r.isMultiLeg()) {
      StringBuilder b = new StringBuilder();
      for (OrderLeg l : r.legs()) {
        if (b.length() > 0) {
          b.append(';');
        }
        b.append(l.symbol()).append(',').append(l.side().wire()).append(',').append(l.ratio());
        b.append(',').append(l.intent() == null ? "" : l.intent().wire());
      }
      out.put("legs", b.toString());
    }
    return out;
  }

  /** Returns the order's fields. */
  public static Map<String, String> encode(OrderRequest r) {
    return encode(r, new LinkedHashMap<>());
  }

  /**
   * Decodes an order from a record's fields.
   *
   * @throws IllegalArgumentException naming the field when a value is invalid
   */
  public static OrderRequest decode(String clientOrderId, Map<String, String> f) {
    List<OrderLeg> legs = new ArrayList<>();
    String legText = f.get("legs");
    if (legText != null) {
      for (String part : legText.split(";", -1)) {
        String[] x = part.split(",", -1);
        if (x.length != 4) {
          throw new IllegalArgumentException("legs entry must have 4 parts, was '" + part + "'");
        }
        legs.add(
            new OrderLeg(
                x[0],
                Side.parse(x[1]),
                Integer.parseInt(x[2]),
                x[3].isEmpty() ? null : PositionIntent.parse(x[3])));
      }
    }
    String intent = f.get("intent");
    return new OrderRequest(
        clientOrderId,
        f.get("symbol"),
        f.containsKey("side") ? Side.parse(f.get("side")) : null,
        Long.parseLong(req(f, "qty")),
        OrderType.parse(req(f, "type")),
        TimeInForce.parse(req(f, "tif")),
        f.containsKey("limit") ? Double.parseDouble(f.get("limit")) : Double.NaN,
        f.containsKey("stop") ? Double.parseDouble(f.get("stop")) : Double.NaN,
        intent == null ? null : PositionIntent.parse(intent),
        legs);
  }

  private static String req(Map<String, String> f, String k) {
    String v = f.get(k);
    if (v == null) {
      throw new IllegalArgumentException("order field " + k + " missing");
    }
    return v;
  }
}
