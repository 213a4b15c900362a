package io.github.bsoptions.data.alpaca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.bsoptions.data.model.OptionContract;
import io.github.bsoptions.data.model.Quote;
import io.github.bsoptions.data.model.Trade;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Reliability checklist F-2 for the Jackson-token parsers (stock and option history endpoints, the
 * contracts endpoint) and the JSON stream decoder: hostile numbers in a price or size field are
 * typed errors, never accepted values.
 */
class AlpacaNumericFieldsTest {
  static final String HUGE = "1" + "0".repeat(10_000);
  static final List<String> HOSTILE =
      List.of("1e1000000", "NaN", "\"NaN\"", "-0", "-0.0", HUGE, "-1", "\"12\"", "true", "null");

  private static byte[] trade(String p, String s) {
    return ("{\"symbol\":\"SPY\",\"trade\":{\"t\":\"2026-09-14T15:45:59.5Z\",\"x\":\"V\",\"p\":"
            + p
            + ",\"s\":"
            + s
            + ",\"c\":[\"@\"]}}")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] quote(String bp, String bs) {
    return ("{\"symbol\":\"SPY\",\"quote\":{\"t\":\"2026-09-14T15:45:59.5Z\",\"bp\":"
            + bp
            + ",\"bs\":"
            + bs
            + ",\"ap\":612.5,\"as\":3}}")
        .getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void documentedValuesStillParse() throws IOException {
    Trade t = AlpacaJson.single(trade("612.34", "100"), "trade", "SPY", AlpacaJson::trade);
    assertThat(t.price()).isEqualTo(612.34);
    assertThat(t.size()).isEqualTo(100);
    Quote q = AlpacaJson.single(quote("0", "0"), "quote", "SPY", AlpacaJson::quote);
    assertThat(q.hasBid()).isFalse();
    assertThat(AlpacaJson.single(quote("1", "3.0"), "quote", "SPY", AlpacaJson::quote).bidSize())
        .isEqualTo(3);
  }

  @Test
  void hostileNumbersInRestPriceAndSizeFieldsAreTypedErrors() {
    for (String v : HOSTILE) {
      for (byte[] body : List.of(trade(v, "1"), trade("1.5", v), quote(v, "1"), quote("1.5", v))) {
        assertThatThrownBy(() -> parseEither(body))
            .as(new String(body, StandardCharsets.UTF_8).substring(0, 60))
            .isInstanceOfAny(IOException.class, IllegalArgumentException.class);
      }
    }
    assertThatThrownBy(() -> parseEither(quote("1", "2.5"))).hasMessageContaining("whole number");
    assertThatThrownBy(() -> parseEither(quote("1", "99999999999999999999")))
        .isInstanceOf(IOException.class);
  }

  private static Object parseEither(byte[] body) throws IOException {
    String text = new String(body, StandardCharsets.UTF_8);
    return text.contains("\"trade\"")
        ? AlpacaJson.single(body, "trade", "SPY", AlpacaJson::trade)
        : AlpacaJson.single(body, "quote", "SPY", AlpacaJson::quote);
  }

  @Test
  void contractFieldsRejectNonDecimalStrikesAndOpenInterest() throws IOException {
    String ok =
        "{\"option_contracts\":[{\"symbol\":\"AAPL240119C00100000\",\"strike_price\":\"100\","
            + "\"open_interest\":\"237\"}],\"next_page_token\":null}";
    List<OptionContract> into = new ArrayList<>();
    HashMap<String, Long> oi = new HashMap<>();
    AlpacaJson.contractsPage(ok.getBytes(StandardCharsets.UTF_8), into, oi);
    assertThat(oi).containsEntry("AAPL240119C00100000", 237L);
    for (String[] bad :
        new String[][] {
          {"NaN", "1"},
          {"1e1000000", "1"},
          {"-0", "1"},
          {"0x64p0", "1"},
          {"100d", "1"},
          {"100", "-0"},
          {"100", "-5"},
          {"100", HUGE},
          {"100", "1e3"}
        }) {
      String body =
          ok.replace("\"100\"", "\"" + bad[0] + "\"").replace("\"237\"", "\"" + bad[1] + "\"");
      assertThatThrownBy(
              () ->
                  AlpacaJson.contractsPage(
                      body.getBytes(StandardCharsets.UTF_8), new ArrayList<>(), new HashMap<>()))
          .as("%s / %s", bad[0], bad[1].length() > 10 ? "huge" : bad[1])
          .isInstanceOfAny(IOException.class, IllegalArgumentException.class);
    }
  }

  @Test
  void streamMessagesWithHostileNumbersAreRejected() throws IOException {
    String ok =
        "[{\"T\":\"q\",\"S\":\"SPY\",\"t\":\"2026-09-14T15:45:59Z\",\"bp\":BP,\"bs\":BS,"
            + "\"ap\":1.5,\"as\":2}]";
    assertThat(
            StreamCodec.quote(
                    StreamCodec.decodeJson(ok.replace("BP", "1.25").replace("BS", "3")).get(0))
                .bid())
        .isEqualTo(1.25);
    for (String v : List.of("1e1000000", "\"NaN\"", "-0.0", "-1", "true")) {
      String msg = ok.replace("BP", v).replace("BS", "3");
      assertThatThrownBy(() -> StreamCodec.quote(StreamCodec.decodeJson(msg).get(0)))
          .as(v)
          .isInstanceOf(IllegalArgumentException.class);
    }
    for (String v : List.of("2.5", "-1", "99999999999999999999", "\"3\"", "-0.0")) {
      String msg = ok.replace("BP", "1.25").replace("BS", v);
      assertThatThrownBy(() -> StreamCodec.quote(StreamCodec.decodeJson(msg).get(0)))
          .as(v)
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> StreamCodec.decodeJson(ok.replace("BP", HUGE).replace("BS", "3")))
        .isInstanceOf(IOException.class);
  }
}
