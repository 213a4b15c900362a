package io.github.bsoptions.exec.paper;

import io.github.bsoptions.exec.spi.BrokerClient;
import io.github.bsoptions.exec.spi.BrokerContext;
import io.github.bsoptions.exec.spi.BrokerFactory;
import java.util.List;

/**
 * Creates the {@code paper} broker. Settings: {@code slippage}, {@code feePerUnit}, {@code
 * minFeePerFill}, {@code partialFills} (true/false), {@code initialCash} (default unlimited).
 * Quotes come from the context's market data when present.
 */
public final class PaperBrokerFactory implements BrokerFactory {

  /** Creates the factory (ServiceLoader). */
  public PaperBrokerFactory() {}

  @Override
  public List<String> names() {
    return List.of("paper");
  }

  @Override
  public BrokerClient create(String name, BrokerContext c) {
    FillModel model =
        new FillModel(
            num(c, "slippage", 0),
            num(c, "feePerUnit", 0),
            num(c, "minFeePerFill", 0),
            Boolean.parseBoolean(c.setting("partialFills", "true")),
            (int) num(c, "optionMultiplier", 100));
    QuoteSource src = c.marketData() == null ? null : QuoteSource.of(c.marketData());
    return new PaperBroker(
        name, src, model, c.clock(), num(c, "initialCash", Double.POSITIVE_INFINITY));
  }

  private static double num(BrokerContext c, String key, double def) {
    String v = c.settings().get(key);
    if (v == null) {
      return def;
    }
    try {
      return Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be a number, was '" + v + "'", e);
    }
  }
}
