package io.github.bsoptions.signals.vol;

import io.github.bsoptions.signals.spi.Forecaster;
import io.github.bsoptions.signals.spi.ForecasterProvider;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Discovers {@link ForecasterProvider}s with {@link ServiceLoader} and creates forecasters by name.
 *
 * <p>Higher {@link ForecasterProvider#priority()} wins for {@link #best()}. Providers on the class
 * path or module path of the caller's class loader are found; bs-signals-ml adds its LSTM
 * forecasters just by being present.
 */
public final class Forecasters {
  private Forecasters() {}

  /** Returns every discovered provider, highest priority first. */
  public static List<ForecasterProvider> providers() {
    List<ForecasterProvider> out = new ArrayList<>();
    ServiceLoader.load(ForecasterProvider.class, Forecasters.class.getClassLoader())
        .forEach(out::add);
    if (out.isEmpty()) {
      ServiceLoader.load(ForecasterProvider.class).forEach(out::add);
    }
    out.sort(
        Comparator.comparingInt(ForecasterProvider::priority)
            .reversed()
            .thenComparing(ForecasterProvider::name));
    return List.copyOf(out);
  }

  /** Returns the names of the discovered forecasters, highest priority first. */
  public static List<String> names() {
    return providers().stream().map(ForecasterProvider::name).toList();
  }

  /**
   * Creates the forecaster with the given name.
   *
   * @param name the provider name, e.g. {@code "garch"}
   * @return the forecaster
   * @throws IllegalArgumentException when no provider has that name (the known names listed)
   */
  public static Forecaster create(String name) {
    for (ForecasterProvider p : providers()) {
      if (p.name().equals(name)) {
        return p.create();
      }
    }
    throw new IllegalArgumentException("forecaster '" + name + "' not found; known: " + names());
  }

  /**
   * Creates the highest-priority forecaster that can be created; a provider whose {@code create()}
   * throws {@link IllegalStateException} (e.g. an ML model without trained weights) is skipped for
   * the next one.
   */
  public static Forecaster best() {
    List<String> reasons = new ArrayList<>();
    for (ForecasterProvider p : providers()) {
      try {
        return p.create();
      } catch (IllegalStateException e) {
        reasons.add(p.name() + ": " + e.getMessage());
      }
    }
    throw new IllegalStateException("no forecaster could be created " + reasons);
  }
}
