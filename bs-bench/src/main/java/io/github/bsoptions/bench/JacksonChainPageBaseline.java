package io.github.bsoptions.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.bsoptions.data.internal.Timestamps;
import io.github.bsoptions.data.model.OptionContract;
import io.github.bsoptions.data.model.OptionSnapshot;
import io.github.bsoptions.data.model.ProviderGreeks;
import io.github.bsoptions.data.model.Quote;
import io.github.bsoptions.data.model.Trade;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The Jackson-token chain page parser that bs-data used before its byte-level parser, kept here as
 * the baseline of {@link DataBench} so that both run in the same JMH run (a noisy machine makes
 * separate runs incomparable). Same fields, same validation of the fields it reads.
 */
final class JacksonChainPageBaseline {
  private static final JsonFactory FACTORY = new JsonFactory();

  private JacksonChainPageBaseline() {}

  static String chainPage(byte[] body, Map<String, OptionSnapshot> into) throws IOException {
    try (JsonParser p = FACTORY.createParser(body)) {
      expect(p.nextToken(), JsonToken.START_OBJECT);
      String next = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String f = p.currentName();
        JsonToken t = p.nextToken();
        if (f.equals("snapshots") && t == JsonToken.START_OBJECT) {
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String sym = p.currentName();
            expect(p.nextToken(), JsonToken.START_OBJECT);
            into.put(sym, snapshot(p, sym));
          }
        } else if (f.equals("next_page_token")) {
          next = t == JsonToken.VALUE_NULL ? null : p.getText();
        } else {
          p.skipChildren();
        }
      }
      return next;
    }
  }

  private static OptionSnapshot snapshot(JsonParser p, String sym) throws IOException {
    OptionContract c = OptionContract.parse(sym);
    Quote q = null;
    Trade tr = null;
    long volume = 0;
    double iv = Double.NaN;
    ProviderGreeks g = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String f = p.currentName();
      JsonToken t = p.nextToken();
      if (t == JsonToken.VALUE_NULL) {
        continue;
      }
      switch (f) {
        case "latestQuote" -> q = quote(p, sym);
        case "latestTrade" -> tr = trade(p, sym);
        case "dailyBar" -> volume = dailyVolume(p);
        case "impliedVolatility" -> iv = p.getDoubleValue();
        case "greeks" -> g = greeks(p);
        default -> p.skipChildren();
      }
    }
    return new OptionSnapshot(
        c,
        Optional.ofNullable(q),
        Optional.ofNullable(tr),
        Double.isFinite(iv) ? OptionalDouble.of(iv) : OptionalDouble.empty(),
        Optional.ofNullable(g),
        volume,
        OptionalLong.empty());
  }

  private static ProviderGreeks greeks(JsonParser p) throws IOException {
    double d = Double.NaN;
    double ga = Double.NaN;
    double th = Double.NaN;
    double v = Double.NaN;
    double r = Double.NaN;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String f = p.currentName();
      p.nextToken();
      switch (f) {
        case "delta" -> d = p.getDoubleValue();
        case "gamma" -> ga = p.getDoubleValue();
        case "theta" -> th = p.getDoubleValue();
        case "vega" -> v = p.getDoubleValue();
        case "rho" -> r = p.getDoubleValue();
        default -> p.skipChildren();
      }
    }
    return Double.isNaN(d) ? null : new ProviderGreeks(d, ga, th, v, r);
  }

  private static Quote quote(JsonParser p, String sym) throws IOException {
    Instant t = null;
    double bp = 0;
    double ap = 0;
    long bs = 0;
    long as = 0;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String f = p.currentName();
      p.nextToken();
      switch (f) {
        case "t" -> t = Timestamps.parse(p.getText());
        case "bp" -> bp = p.getDoubleValue();
        case "ap" -> ap = p.getDoubleValue();
        case "bs" -> bs = p.getLongValue();
        case "as" -> as = p.getLongValue();
        default -> p.skipChildren();
      }
    }
    return new Quote(sym, bp, ap, bs, as, t);
  }

  private static Trade trade(JsonParser p, String sym) throws IOException {
    Instant t = null;
    double px = Double.NaN;
    long s = 0;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String f = p.currentName();
      p.nextToken();
      switch (f) {
        case "t" -> t = Timestamps.parse(p.getText());
        case "p" -> px = p.getDoubleValue();
        case "s" -> s = p.getLongValue();
        default -> p.skipChildren();
      }
    }
    return new Trade(sym, px, s, t);
  }

  /** Reads a bar's fields as the old parser did (timestamp, OHLC, counts) and keeps the volume. */
  private static long dailyVolume(JsonParser p) throws IOException {
    long v = 0;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String f = p.currentName();
      p.nextToken();
      switch (f) {
        case "t" -> Timestamps.parse(p.getText());
        case "o", "h", "l", "c", "vw" -> p.getDoubleValue();
        case "v" -> v = p.getLongValue();
        case "n" -> p.getLongValue();
        default -> p.skipChildren();
      }
    }
    return v;
  }

  private static void expect(JsonToken actual, JsonToken wanted) throws IOException {
    if (actual != wanted) {
      throw new IOException("expected " + wanted + " but found " + actual);
    }
  }
}
