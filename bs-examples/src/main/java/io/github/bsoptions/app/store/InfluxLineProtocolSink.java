package io.github.bsoptions.app.store;

import io.github.bsoptions.app.config.AppConfig;
import io.github.bsoptions.app.config.ConfigKey;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Writes time series to InfluxDB with the line protocol over HTTP ({@code POST /api/v2/write},
 * nanosecond precision, {@code Authorization: Token ...} when a token is set). Measurements: {@code
 * option_quote} (tag {@code symbol}) and {@code pnl}. A write that fails or is answered with a
 * status other than 2xx throws {@link StoreException}; writes of time series are idempotent (same
 * series, same timestamp), so the caller may retry them.
 */
public final class InfluxLineProtocolSink implements TimeSeriesSink {
  private final HttpClient http;
  private final URI writeUri;
  private final String token;

  /**
   * Creates a sink.
   *
   * @param baseUrl the server, e.g. {@code http://localhost:8086}
   * @param org the organisation
   * @param bucket the bucket
   * @param token the API token, or empty for none
   */
  public InfluxLineProtocolSink(String baseUrl, String org, String bucket, String token) {
    String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.writeUri =
        URI.create(
            base
                + "/api/v2/write?org="
                + URLEncoder.encode(org, StandardCharsets.UTF_8)
                + "&bucket="
                + URLEncoder.encode(bucket, StandardCharsets.UTF_8)
                + "&precision=ns");
    this.token = token;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  }

  /** Returns the sink the configuration asks for, or empty when {@code influx.url} is empty. */
  public static Optional<InfluxLineProtocolSink> fromConfig(AppConfig c) {
    String url = c.get(ConfigKey.INFLUX_URL);
    if (url.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new InfluxLineProtocolSink(
            url,
            c.get(ConfigKey.INFLUX_ORG),
            c.get(ConfigKey.INFLUX_BUCKET),
            c.get(ConfigKey.INFLUX_TOKEN)));
  }

  @Override
  public void writeQuotes(List<QuotePoint> points) {
    if (points.isEmpty()) {
      return;
    }
    StringBuilder sb = new StringBuilder(points.size() * 160);
    for (QuotePoint q : points) {
      line(sb, q);
    }
    post(sb.toString());
  }

  @Override
  public void writePnl(PnlSnapshot s) {
    StringBuilder sb = new StringBuilder(200);
    sb.append("pnl ");
    field(sb, "equity", s.equity(), true);
    field(sb, "cash", s.cash(), false);
    field(sb, "realized", s.realized(), false);
    field(sb, "unrealized", s.unrealized(), false);
    field(sb, "net_delta", s.netDelta(), false);
    field(sb, "net_gamma", s.netGamma(), false);
    field(sb, "net_vega", s.netVega(), false);
    field(sb, "net_theta", s.netTheta(), false);
    sb.append(' ').append(nanos(s.takenAt())).append('\n');
    post(sb.toString());
  }

  /** Appends the line of one quote point (exposed for tests of the format). */
  static void line(StringBuilder sb, QuotePoint q) {
    sb.append("option_quote,symbol=").append(escapeTag(q.symbol())).append(' ');
    field(sb, "bid", q.bid(), true);
    field(sb, "ask", q.ask(), false);
    field(sb, "underlying", q.underlyingPrice(), false);
    field(sb, "iv", q.impliedVol(), false);
    field(sb, "delta", q.delta(), false);
    field(sb, "gamma", q.gamma(), false);
    field(sb, "vega", q.vega(), false);
    field(sb, "theta", q.theta(), false);
    sb.append(' ').append(nanos(q.observedAt())).append('\n');
  }

  private static void field(StringBuilder sb, String name, double v, boolean first) {
    if (Double.isNaN(v)) {
      return; // line protocol has no NaN: an absent field is the absent value
    }
    if (!first && sb.charAt(sb.length() - 1) != ' ') {
      sb.append(',');
    }
    sb.append(name).append('=').append(Double.toString(v));
  }

  /** Escapes commas, equals signs and spaces in a tag value. */
  static String escapeTag(String s) {
    return s.replace("\\", "\\\\").replace(",", "\\,").replace("=", "\\=").replace(" ", "\\ ");
  }

  private static long nanos(Instant t) {
    return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
  }

  private void post(String body) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(writeUri)
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "text/plain; charset=utf-8")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (!token.isEmpty()) {
      b.header("Authorization", "Token " + token);
    }
    try {
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() / 100 != 2) {
        String msg = r.body() == null ? "" : r.body();
        throw new StoreException(
            "InfluxDB write to "
                + writeUri.getHost()
                + ":"
                + writeUri.getPort()
                + " answered "
                + r.statusCode()
                + ": "
                + msg.substring(0, Math.min(200, msg.length())));
      }
    } catch (IOException e) {
      throw new StoreException("InfluxDB write to " + writeUri.getHost() + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("InfluxDB write interrupted", e);
    }
  }

  @Override
  public String toString() {
    return "InfluxLineProtocolSink{"
        + writeUri
        + ", token="
        + (token.isEmpty() ? "<unset>" : "<set>")
        + "}";
  }
}
