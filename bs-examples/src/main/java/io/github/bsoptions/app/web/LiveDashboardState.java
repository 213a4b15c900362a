package io.github.bsoptions.app.web;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import io.github.bsoptions.app.obs.StageLatency;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

/**
 * The in-memory {@link DashboardState}: keeps each topic's latest value as JSON and tells listeners
 * (the server's event streams) about every change. The equity curve keeps the last {@value
 * #EQUITY_POINTS} points.
 */
public final class LiveDashboardState implements DashboardState {
  /** Topics, in the order a new client receives them. */
  public static final List<String> TOPICS =
      List.of(
          "chain", "surface", "signals", "portfolio", "equity", "latency", "health", "backtest");

  /** Points kept in the equity curve. */
  public static final int EQUITY_POINTS = 5000;

  private static final ObjectMapper JSON = mapper();

  private final Map<String, String> latest = new LinkedHashMap<>();
  private final ArrayDeque<Views.EquityPoint> equity = new ArrayDeque<>();
  private final List<BiConsumer<String, String>> listeners = new CopyOnWriteArrayList<>();

  /**
   * Returns the JSON mapper the dashboard uses (non-finite doubles become {@code null}; instants
   * and durations ISO strings).
   */
  public static ObjectMapper mapper() {
    SimpleModule m = new SimpleModule("bs-dashboard");
    JsonSerializer<Double> finiteOrNull =
        new JsonSerializer<>() {
          @Override
          public void serialize(Double v, JsonGenerator g, SerializerProvider p)
              throws IOException {
            if (v == null || !Double.isFinite(v)) {
              g.writeNull();
            } else {
              g.writeNumber(v);
            }
          }
        };
    m.addSerializer(Double.class, finiteOrNull);
    m.addSerializer(Double.TYPE, finiteOrNull);
    m.addSerializer(java.time.Instant.class, ToStringSerializer.instance);
    m.addSerializer(
        java.util.OptionalLong.class,
        new JsonSerializer<java.util.OptionalLong>() {
          @Override
          public void serialize(java.util.OptionalLong v, JsonGenerator g, SerializerProvider p)
              throws IOException {
            if (v.isPresent()) {
              g.writeNumber(v.getAsLong());
            } else {
              g.writeNull();
            }
          }
        });
    m.addSerializer(java.time.Duration.class, ToStringSerializer.instance);
    return new ObjectMapper().registerModule(m);
  }

  /** Serializes a value with the dashboard's mapper. */
  public static String toJson(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Registers a listener called with (topic, JSON) after every change; returns a remover. */
  public Runnable addListener(BiConsumer<String, String> listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  /** Returns the current JSON of every topic that has a value, in {@link #TOPICS} order. */
  public synchronized Map<String, String> current() {
    Map<String, String> out = new LinkedHashMap<>();
    for (String t : TOPICS) {
      String v = current(t);
      if (v != null) {
        out.put(t, v);
      }
    }
    return out;
  }

  /** Returns the current JSON of one topic, or null. */
  public synchronized String current(String topic) {
    if (topic.equals("equity")) {
      return equity.isEmpty() ? null : toJson(new ArrayList<>(equity));
    }
    return latest.get(topic);
  }

  private void put(String topic, Object value) {
    String json = toJson(value);
    synchronized (this) {
      latest.put(topic, json);
    }
    for (BiConsumer<String, String> l : listeners) {
      l.accept(topic, json);
    }
  }

  @Override
  public void publishChain(Views.Chain chain) {
    put("chain", chain);
  }

  @Override
  public void publishSurface(Views.Surface surface) {
    put("surface", surface);
  }

  @Override
  public void publishSignals(List<Views.Signal> signals) {
    put("signals", List.copyOf(signals));
  }

  @Override
  public void publishPortfolio(Views.Portfolio portfolio) {
    put("portfolio", portfolio);
  }

  /**
   * Appends to the curve; listeners receive the single point under the topic {@code equity-point}
   * (the whole curve is sent only to new clients, as topic {@code equity}).
   */
  @Override
  public void appendEquity(Views.EquityPoint point) {
    synchronized (this) {
      equity.addLast(point);
      while (equity.size() > EQUITY_POINTS) {
        equity.removeFirst();
      }
    }
    String json = toJson(point);
    for (BiConsumer<String, String> l : listeners) {
      l.accept("equity-point", json);
    }
  }

  @Override
  public void publishLatency(List<StageLatency> rows) {
    List<Views.LatencyRow> out = new ArrayList<>();
    for (StageLatency r : rows) {
      out.add(
          new Views.LatencyRow(
              r.stage().label(),
              r.count(),
              r.p50Nanos() / 1e3,
              r.p99Nanos() / 1e3,
              r.maxNanos() / 1e3,
              r.target().isPresent() ? r.target().getAsLong() / 1e3 : Double.NaN,
              r.meetsTarget()));
    }
    put("latency", out);
  }

  @Override
  public void publishHealth(List<Views.Health> health) {
    put("health", List.copyOf(health));
  }

  @Override
  public void publishBacktest(Views.Backtest backtest) {
    put("backtest", backtest);
  }
}
