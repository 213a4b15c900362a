package io.github.bsoptions.data.alpaca;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.bsoptions.data.model.OptionContract;
import io.github.bsoptions.data.model.OptionSnapshot;
import io.github.bsoptions.data.model.ProviderGreeks;
import io.github.bsoptions.data.model.Quote;
import io.github.bsoptions.data.model.Trade;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The Jackson-token chain page parser that {@link ChainPageParser} replaced, kept as the reference
 * of a differential test: on every page both accept, both must give equal snapshots.
 */
final class JacksonChainPageReference {
  private JacksonChainPageReference() {}

  static String chainPage(byte[] body, Map<String, OptionSnapshot> into) throws IOException {
    try (JsonParser p = AlpacaJson.FACTORY.createParser(body)) {
      expectToken(p.nextToken(), JsonToken.START_OBJECT);
      String next = null;
      boolean sawSnapshots = false;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String f = p.currentName();
        JsonToken t = p.nextToken();
        if (f.equals("snapshots")) {
          sawSnapshots = true;
          if (t == JsonToken.VALUE_NULL) {
            continue;
          }
          expectToken(t, JsonToken.START_OBJECT);
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String sym = p.currentName();
            expectToken(p.nextToken(), JsonToken.START_OBJECT);
            into.put(sym, optionSnapshot(p, sym));
          }
        } else if (f.equals("next_page_token")) {
          next = t == JsonToken.VALUE_NULL ? null : p.getText();
        } else {
          p.skipChildren();
        }
      }
      if (!sawSnapshots) {
        throw new IOException("no 'snapshots' in chain response");
      }
      return next == null || next.isEmpty() ? null : next;
    }
  }

  static OptionSnapshot optionSnapshot(JsonParser p, String sym) throws IOException {
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
        case "latestQuote" -> q = AlpacaJson.quote(p, sym);
        case "latestTrade" -> tr = AlpacaJson.trade(p, sym);
        case "dailyBar" -> volume = AlpacaJson.bar(p, sym).volume();
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

  static ProviderGreeks greeks(JsonParser p) throws IOException {
    expectToken(p.currentToken(), JsonToken.START_OBJECT);
    double d = Double.NaN;
    double ga = Double.NaN;
    double th = Double.NaN;
    double v = Double.NaN;
    double r = Double.NaN;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String f = p.currentName();
      JsonToken t = p.nextToken();
      if (t == JsonToken.VALUE_NULL) {
        continue;
      }
      switch (f) {
        case "delta" -> d = p.getDoubleValue();
        case "gamma" -> ga = p.getDoubleValue();
        case "theta" -> th = p.getDoubleValue();
        case "vega" -> v = p.getDoubleValue();
        case "rho" -> r = p.getDoubleValue();
        default -> p.skipChildren();
      }
    }
    if (Double.isNaN(d)) {
      return null; // an empty greeks object is "no greeks", never zeros
    }
    return new ProviderGreeks(d, ga, th, v, r);
  }

  private static void expectToken(JsonToken actual, JsonToken wanted) throws IOException {
    if (actual != wanted) {
      throw new IOException("expected " + wanted + " but found " + actual);
    }
  }
}
