package io.github.bsoptions.data.alpaca;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.bsoptions.data.internal.JsonHttp;
import io.github.bsoptions.data.internal.Timestamps;
import io.github.bsoptions.data.model.Quote;
import io.github.bsoptions.data.model.Trade;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.msgpack.core.ExtensionTypeHeader;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.value.ValueType;

/**
 * Encodes and decodes Alpaca market-data stream messages: MessagePack (options; {@code t} is a
 * timestamp extension, type -1) and JSON (stocks). Every server frame is an array of maps.
 */
final class StreamCodec {
  private StreamCodec() {}

  /** Decodes a MessagePack frame into a list of messages (maps of plain Java values). */
  static List<Map<String, Object>> decodeMsgpack(byte[] frame) throws IOException {
    try (MessageUnpacker u = MessagePack.newDefaultUnpacker(frame)) {
      Object v = read(u, 0);
      if (u.hasNext()) {
        throw new IOException("trailing bytes after the message array");
      }
      return messages(v);
    }
  }

  /** Decodes a JSON frame into a list of messages. */
  static List<Map<String, Object>> decodeJson(String frame) throws IOException {
    JsonNode n = JsonHttp.MAPPER.readTree(frame);
    return messages(fromJson(n));
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> messages(Object v) throws IOException {
    List<Map<String, Object>> out = new ArrayList<>();
    if (v instanceof Map<?, ?> m) {
      out.add((Map<String, Object>) m); // tolerate a bare object
      return out;
    }
    if (!(v instanceof List<?> l)) {
      throw new IOException("frame is not an array of messages");
    }
    for (Object o : l) {
      if (!(o instanceof Map<?, ?> m)) {
        throw new IOException("message is not a map");
      }
      out.add((Map<String, Object>) m);
    }
    return out;
  }

  private static Object read(MessageUnpacker u, int depth) throws IOException {
    if (depth > 16) {
      throw new IOException("message nested too deeply");
    }
    ValueType t = u.getNextFormat().getValueType();
    switch (t) {
      case NIL:
        u.unpackNil();
        return null;
      case BOOLEAN:
        return u.unpackBoolean();
      case INTEGER:
        return u.unpackLong();
      case FLOAT:
        return u.unpackDouble();
      case STRING:
        return u.unpackString();
      case BINARY:
        {
          int n = u.unpackBinaryHeader();
          u.readPayload(n);
          return null;
        }
      case ARRAY:
        {
          int n = u.unpackArrayHeader();
          List<Object> l = new ArrayList<>(Math.min(n, 1024));
          for (int i = 0; i < n; i++) {
            l.add(read(u, depth + 1));
          }
          return l;
        }
      case MAP:
        {
          int n = u.unpackMapHeader();
          Map<String, Object> m = new LinkedHashMap<>();
          for (int i = 0; i < n; i++) {
            Object k = read(u, depth + 1);
            m.put(String.valueOf(k), read(u, depth + 1));
          }
          return m;
        }
      case EXTENSION:
        {
          ExtensionTypeHeader h = u.unpackExtensionTypeHeader();
          if (h.isTimestampType()) {
            return u.unpackTimestamp(h);
          }
          u.readPayload(h.getLength());
          return null;
        }
      default:
        throw new IOException("unsupported msgpack type " + t);
    }
  }

  private static Object fromJson(JsonNode n) {
    if (n == null || n.isNull()) {
      return null;
    }
    if (n.isArray()) {
      List<Object> l = new ArrayList<>();
      n.forEach(e -> l.add(fromJson(e)));
      return l;
    }
    if (n.isObject()) {
      Map<String, Object> m = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> e : n.properties()) {
        m.put(e.getKey(), fromJson(e.getValue()));
      }
      return m;
    }
    if (n.isIntegralNumber()) {
      return n.canConvertToLong() ? (Object) n.asLong() : n.bigIntegerValue();
    }
    if (n.isNumber()) {
      return n.asDouble();
    }
    if (n.isBoolean()) {
      return n.asBoolean();
    }
    return n.asText();
  }

  /** Returns a quote from a {@code "T":"q"} message. */
  static Quote quote(Map<String, Object> m) {
    return new Quote(str(m, "S"), dbl(m, "bp"), dbl(m, "ap"), lng(m, "bs"), lng(m, "as"), time(m));
  }

  /** Returns a trade from a {@code "T":"t"} message. */
  static Trade trade(Map<String, Object> m) {
    return new Trade(str(m, "S"), dbl(m, "p"), lng(m, "s"), time(m));
  }

  static String str(Map<String, Object> m, String k) {
    Object v = m.get(k);
    if (!(v instanceof String s)) {
      throw new IllegalArgumentException("field '" + k + "' missing or not a string");
    }
    return s;
  }

  /** A price: a finite number, not negative, not a negative zero. */
  static double dbl(Map<String, Object> m, String k) {
    Object v = m.get(k);
    if (!(v instanceof Double || v instanceof Long)) {
      throw new IllegalArgumentException("field '" + k + "' missing or not a number");
    }
    double d = ((Number) v).doubleValue();
    if (!(d >= 0 && d < Double.POSITIVE_INFINITY)
        || Double.doubleToRawLongBits(d) == Long.MIN_VALUE) {
      throw new IllegalArgumentException("field '" + k + "' must be a finite price >= 0, was " + v);
    }
    return d;
  }

  /** A size: absent is 0; otherwise a whole number {@code >= 0} within {@code long}. */
  static long lng(Map<String, Object> m, String k) {
    Object v = m.get(k);
    if (v == null) {
      return 0;
    }
    if (v instanceof Long l && l >= 0) {
      return l;
    }
    if (v instanceof Double d
        && d >= 0
        && d <= 0x1p53
        && d == Math.rint(d)
        && Double.doubleToRawLongBits(d) != Long.MIN_VALUE) {
      return d.longValue();
    }
    throw new IllegalArgumentException("field '" + k + "' must be a whole number >= 0, was " + v);
  }

  static Instant time(Map<String, Object> m) {
    Object v = m.get("t");
    if (v instanceof Instant i) {
      return i;
    }
    if (v instanceof String s) {
      return Timestamps.parse(s);
    }
    throw new IllegalArgumentException("field 't' missing or not a timestamp");
  }

  /** Encodes a client message (auth/subscribe/unsubscribe) as MessagePack. */
  static byte[] encodeMsgpack(Map<String, Object> msg) {
    try (MessageBufferPacker p = MessagePack.newDefaultBufferPacker()) {
      p.packMapHeader(msg.size());
      for (Map.Entry<String, Object> e : msg.entrySet()) {
        p.packString(e.getKey());
        Object v = e.getValue();
        if (v instanceof Collection<?> c) {
          p.packArrayHeader(c.size());
          for (Object o : c) {
            p.packString(String.valueOf(o));
          }
        } else {
          p.packString(String.valueOf(v));
        }
      }
      return p.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException("msgpack encoding failed", e);
    }
  }

  /** Encodes a client message as JSON. */
  static String encodeJson(Map<String, Object> msg) {
    try {
      return JsonHttp.MAPPER.writeValueAsString(msg);
    } catch (IOException e) {
      throw new IllegalStateException("JSON encoding failed", e);
    }
  }
}
