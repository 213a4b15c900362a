package io.github.bsoptions.app.cli;

import io.github.bsoptions.pricing.pricer.AmericanMethod;
import io.github.bsoptions.pricing.pricer.AmericanModel;
import io.github.bsoptions.pricing.pricer.BachelierModel;
import io.github.bsoptions.pricing.pricer.Black76Model;
import io.github.bsoptions.pricing.pricer.BlackScholesModel;
import io.github.bsoptions.pricing.pricer.PricingModel;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** The models the CLI knows, by name: {@code bsm}, {@code black76}, {@code bachelier}, ... */
final class PricingModels {
  /** Name to factory (the argument is the American method name, ignored by European models). */
  private static final Map<String, Function<String, PricingModel>> MODELS = new LinkedHashMap<>();

  static {
    MODELS.put("bsm", m -> BlackScholesModel.INSTANCE);
    MODELS.put("black76", m -> Black76Model.INSTANCE);
    MODELS.put("bachelier", m -> BachelierModel.INSTANCE);
    MODELS.put(
        "american",
        m -> m == null ? AmericanModel.create() : AmericanModel.of(AmericanMethod.parse(m)));
  }

  private PricingModels() {}

  /**
   * Returns the model with the given name.
   *
   * @param americanMethod the American method name, or null for the default
   * @throws IllegalArgumentException for an unknown or unavailable model
   */
  static PricingModel named(String name, String americanMethod) {
    String key = name.strip().toLowerCase(Locale.ROOT);
    Function<String, PricingModel> f = MODELS.get(key);
    if (f != null) {
      return f.apply(americanMethod);
    }
    throw new IllegalArgumentException(
        "unknown model '" + name + "'; known: " + String.join(", ", MODELS.keySet()));
  }
}
