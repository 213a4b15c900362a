package io.github.bsoptions.exec.order;

import io.github.bsoptions.data.model.OptionContract;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An order as sent to a broker: single-leg stock or option orders, and multi-leg ({@code mleg})
 * option orders of 2 to 4 legs with ratios and a net limit (positive = net debit, negative = net
 * credit). Quantities are whole units (shares or contracts; for {@code mleg}, strategy units).
 *
 * <p>Absent prices are {@code NaN}. Every order carries its client order id, generated before it is
 * journalled or sent (see {@link ClientOrderIds}).
 *
 * @param clientOrderId client order id (1 to 48 characters of {@code [A-Za-z0-9._-]})
 * @param symbol stock symbol or OCC option symbol; null for multi-leg orders
 * @param side buy or sell; null for multi-leg orders
 * @param qty quantity ({@code >= 1})
 * @param type order type
 * @param timeInForce time in force
 * @param limitPrice limit price ({@code NaN} when the type has none)
 * @param stopPrice stop price ({@code NaN} when the type has none)
 * @param intent position intent, or null
 * @param legs legs of a multi-leg order; empty for single-leg orders
 */
public record OrderRequest(
    String clientOrderId,
    String symbol,
    Side side,
    long qty,
    OrderType type,
    TimeInForce timeInForce,
    double limitPrice,
    double stopPrice,
    PositionIntent intent,
    List<OrderLeg> legs) {

  /** Longest client order id accepted (Alpaca documents 48 in one place and 128 in another). */
  public static final int MAX_CLIENT_ORDER_ID = 48;

  private static final Pattern STOCK = Pattern.compile("[A-Z][A-Z0-9.]{0,9}");

  /**
   * The last symbol that passed validation (identity check only): orders copied with a new client
   * order id ({@link #withClientOrderId}) skip re-parsing the OCC symbol on the submission path.
   */
  private static volatile String lastValidSymbol;

  private static boolean validClientId(String id) {
    int n = id.length();
    if (n < 1 || n > 48) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = id.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '.'
              || c == '_'
              || c == '-';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static boolean validSymbol(String symbol) {
    if (symbol == lastValidSymbol) {
      return true;
    }
    boolean ok = STOCK.matcher(symbol).matches() || OptionContract.isOccSymbol(symbol);
    if (ok) {
      lastValidSymbol = symbol;
    }
    return ok;
  }

  /** Validates the order; every message names the field and the value. */
  public OrderRequest {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(timeInForce, "timeInForce");
    legs = legs == null ? List.of() : List.copyOf(legs);
    if (clientOrderId == null || !validClientId(clientOrderId)) {
      throw new IllegalArgumentException(
          "clientOrderId must be 1-48 characters of [A-Za-z0-9._-], was '" + clientOrderId + "'");
    }
    if (qty < 1) {
      throw new IllegalArgumentException("qty must be >= 1, was " + qty);
    }
    if (legs.isEmpty()) {
      if (symbol == null || !validSymbol(symbol)) {
        throw new IllegalArgumentException(
            "symbol must be a stock symbol or an OCC option symbol, was '" + symbol + "'");
      }
      Objects.requireNonNull(side, "side");
      if (intent != null && intent.side() != side) {
        throw new IllegalArgumentException(
            "position_intent " + intent.wire() + " contradicts side " + side.wire());
      }
      checkPrice("limitPrice", limitPrice, type.hasLimit(), false);
    } else {
      if (symbol != null || side != null) {
        throw new IllegalArgumentException(
            "multi-leg orders carry symbol and side on their legs, was symbol="
                + symbol
                + " side="
                + side);
      }
      if (legs.size() < 2 || legs.size() > 4) {
        throw new IllegalArgumentException("legs must have 2 to 4 items, was " + legs.size());
      }
      if (type != OrderType.MARKET && type != OrderType.LIMIT) {
        throw new IllegalArgumentException(
            "multi-leg type must be market or limit, was " + type.wire());
      }
      Set<String> seen = new HashSet<>();
      for (OrderLeg leg : legs) {
        if (!seen.add(leg.symbol())) {
          throw new IllegalArgumentException("legs repeat symbol " + leg.symbol());
        }
      }
      checkPrice("limitPrice", limitPrice, type.hasLimit(), true);
    }
    checkPrice("stopPrice", stopPrice, type.hasStop(), false);
  }

  private static void checkPrice(String field, double v, boolean required, boolean signed) {
    if (required) {
      boolean ok = signed ? Double.isFinite(v) : (v > 0 && v < Double.POSITIVE_INFINITY);
      if (!ok) {
        throw new IllegalArgumentException(
            field + " must be " + (signed ? "finite" : "finite and > 0") + ", was " + v);
      }
      if (Math.abs(v) >= 1e9) {
        throw new IllegalArgumentException(field + " must be below 1e9 in size, was " + v);
      }
    } else if (!Double.isNaN(v)) {
      throw new IllegalArgumentException(field + " must be absent (NaN) for this type, was " + v);
    }
  }

  /** A market order. */
  public static OrderRequest market(String clientOrderId, String symbol, Side side, long qty) {
    return new OrderRequest(
        clientOrderId,
        symbol,
        side,
        qty,
        OrderType.MARKET,
        TimeInForce.DAY,
        Double.NaN,
        Double.NaN,
        null,
        List.of());
  }

  /** A day limit order. */
  public static OrderRequest limit(
      String clientOrderId, String symbol, Side side, long qty, double limitPrice) {
    return new OrderRequest(
        clientOrderId,
        symbol,
        side,
        qty,
        OrderType.LIMIT,
        TimeInForce.DAY,
        limitPrice,
        Double.NaN,
        null,
        List.of());
  }

  /** A day stop order. */
  public static OrderRequest stop(
      String clientOrderId, String symbol, Side side, long qty, double stopPrice) {
    return new OrderRequest(
        clientOrderId,
        symbol,
        side,
        qty,
        OrderType.STOP,
        TimeInForce.DAY,
        Double.NaN,
        stopPrice,
        null,
        List.of());
  }

  /** A day stop-limit order. */
  public static OrderRequest stopLimit(
      String clientOrderId, String symbol, Side side, long qty, double stopPrice, double limit) {
    return new OrderRequest(
        clientOrderId,
        symbol,
        side,
        qty,
        OrderType.STOP_LIMIT,
        TimeInForce.DAY,
        limit,
        stopPrice,
        null,
        List.of());
  }

  /** A multi-leg limit order; {@code netLimit} positive = net debit, negative = net credit. */
  public static OrderRequest multiLeg(
      String clientOrderId, long qty, double netLimit, List<OrderLeg> legs) {
    return new OrderRequest(
        clientOrderId,
        null,
        null,
        qty,
        OrderType.LIMIT,
        TimeInForce.DAY,
        netLimit,
        Double.NaN,
        null,
        legs);
  }

  /** Returns a copy with another client order id (used for replacements and child orders). */
  public OrderRequest withClientOrderId(String id) {
    return new OrderRequest(
        id, symbol, side, qty, type, timeInForce, limitPrice, stopPrice, intent, legs);
  }

  /** Returns a copy with another quantity. */
  public OrderRequest withQty(long newQty) {
    return new OrderRequest(
        clientOrderId,
        symbol,
        side,
        newQty,
        type,
        timeInForce,
        limitPrice,
        stopPrice,
        intent,
        legs);
  }

  /** Returns a copy with another limit price (the type must carry a limit). */
  public OrderRequest withLimitPrice(double price) {
    return new OrderRequest(
        clientOrderId, symbol, side, qty, type, timeInForce, price, stopPrice, intent, legs);
  }

  /** Returns a copy with another time in force. */
  public OrderRequest withTimeInForce(TimeInForce tif) {
    return new OrderRequest(
        clientOrderId, symbol, side, qty, type, tif, limitPrice, stopPrice, intent, legs);
  }

  /** Returns a copy with a position intent (single-leg orders). */
  public OrderRequest withIntent(PositionIntent positionIntent) {
    return new OrderRequest(
        clientOrderId,
        symbol,
        side,
        qty,
        type,
        timeInForce,
        limitPrice,
        stopPrice,
        positionIntent,
        legs);
  }

  /** Returns true for multi-leg ({@code mleg}) orders. */
  public boolean isMultiLeg() {
    return !legs.isEmpty();
  }

  /** Returns true when every instrument of the order is an option. */
  public boolean isOption() {
    return isMultiLeg() || OptionContract.isOccSymbol(symbol);
  }

  /** Returns a short label for logs: the symbol, or the legs joined by {@code /}. */
  public String label() {
    if (!isMultiLeg()) {
      return symbol;
    }
    StringBuilder b = new StringBuilder();
    for (OrderLeg l : legs) {
      if (b.length() > 0) {
        b.append('/');
      }
      b.append(l.side() == Side.BUY ? '+' : '-').append(l.ratio()).append(l.symbol());
    }
    return b.toString();
  }
}
