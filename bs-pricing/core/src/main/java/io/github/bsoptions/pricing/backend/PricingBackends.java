package io.github.bsoptions.pricing.backend;

import io.github.bsoptions.pricing.spi.Availability;
import io.github.bsoptions.pricing.spi.PricingBackend;
import io.github.bsoptions.pricing.spi.PricingBackendProvider;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Discovers pricing backends with {@link ServiceLoader} and selects one.
 *
 * <p>Selection: by name ({@code scalar}, {@code simd}, {@code cuda}, ...) or {@code auto}. The
 * configured choice comes from the system property {@value #PROPERTY}, else the environment
 * variable {@value #ENVIRONMENT}, else {@code auto}. {@code auto} routes each call to the
 * highest-priority available backend that supports the operation and model and finds the batch
 * large enough ({@link PricingBackend#minimumEfficientBatch()}), falling back to the scalar
 * backend, which is always available. An unknown name is an error; so is naming an unavailable
 * backend (the message carries its reason).
 */
public final class PricingBackends {
  /** System property selecting a backend by name. */
  public static final String PROPERTY = "bsoptions.pricing.backend";

  /** Environment variable selecting a backend by name (the property wins). */
  public static final String ENVIRONMENT = "BS_PRICING_BACKEND";

  private static final System.Logger LOG = System.getLogger(PricingBackends.class.getName());
  private static final Map<String, PricingBackend> CREATED = new ConcurrentHashMap<>();

  private PricingBackends() {}

  private static final class Holder {
    static final List<PricingBackendProvider> PROVIDERS = load();

    private static List<PricingBackendProvider> load() {
      List<PricingBackendProvider> list = new ArrayList<>();
      for (PricingBackendProvider p :
          ServiceLoader.load(
              PricingBackendProvider.class, PricingBackends.class.getClassLoader())) {
        list.add(p);
      }
      // Also see providers only visible to the context class loader (class-path users, plug-ins).
      ClassLoader ctx = Thread.currentThread().getContextClassLoader();
      if (ctx != null && ctx != PricingBackends.class.getClassLoader()) {
        for (PricingBackendProvider p : ServiceLoader.load(PricingBackendProvider.class, ctx)) {
          if (list.stream().noneMatch(q -> q.name().equals(p.name()))) {
            list.add(p);
          }
        }
      }
      if (list.stream().noneMatch(p -> p.name().equals("scalar"))) {
        list.add(new ScalarBackendProvider());
      }
      list.sort(Comparator.comparingInt(PricingBackendProvider::priority).reversed());
      return List.copyOf(list);
    }
  }

  /** Returns every discovered provider, highest priority first. */
  public static List<PricingBackendProvider> providers() {
    return Holder.PROVIDERS;
  }

  /** Returns what discovery found, highest priority first (probes every provider). */
  public static List<BackendInfo> describe() {
    return providers().stream()
        .map(p -> new BackendInfo(p.name(), p.priority(), safeProbe(p)))
        .collect(Collectors.toList());
  }

  /** Returns the always-available pure-Java backend. */
  public static PricingBackend scalar() {
    return named("scalar");
  }

  /** Returns the routing backend over every available backend. */
  public static PricingBackend auto() {
    PricingBackend existing = CREATED.get("auto");
    if (existing != null) {
      return existing;
    }
    // Build outside computeIfAbsent: availableBackends() itself fills CREATED, and a
    // ConcurrentHashMap mapping function must not update the map ("Recursive update").
    PricingBackend built = new AutoPricingBackend(availableBackends());
    PricingBackend raced = CREATED.putIfAbsent("auto", built);
    return raced != null ? raced : built;
  }

  /** Returns the backend chosen by {@value #PROPERTY} / {@value #ENVIRONMENT}, else auto. */
  public static PricingBackend configured() {
    String name = System.getProperty(PROPERTY);
    if (name == null || name.isBlank()) {
      name = System.getenv(ENVIRONMENT);
    }
    return name == null || name.isBlank() ? auto() : named(name);
  }

  /**
   * Returns the backend with the given name, or the routing backend for {@code auto}.
   *
   * @throws IllegalArgumentException for an unknown name (the message lists the known ones)
   * @throws IllegalStateException when the backend is not available here (with its reason)
   */
  public static PricingBackend named(String name) {
    String key = name.strip().toLowerCase(Locale.ROOT);
    if (key.equals("auto")) {
      return auto();
    }
    if (key.equals("cpu")) {
      key = "scalar";
    }
    String wanted = key;
    PricingBackendProvider provider =
        providers().stream().filter(p -> p.name().equals(wanted)).findFirst().orElse(null);
    if (provider == null) {
      throw new IllegalArgumentException(
          "unknown pricing backend '"
              + name
              + "'; known: auto, cpu, "
              + providers().stream()
                  .map(PricingBackendProvider::name)
                  .collect(Collectors.joining(", ")));
    }
    Availability a = safeProbe(provider);
    if (!a.available()) {
      throw new IllegalStateException(
          "pricing backend '" + provider.name() + "' is unavailable: " + a.reason());
    }
    return created(provider);
  }

  /** Returns the cached backend of {@code p}, creating it outside any map update. */
  private static PricingBackend created(PricingBackendProvider p) {
    PricingBackend existing = CREATED.get(p.name());
    if (existing != null) {
      return existing;
    }
    PricingBackend made = p.create();
    PricingBackend raced = CREATED.putIfAbsent(p.name(), made);
    return raced != null ? raced : made;
  }

  private static List<PricingBackend> availableBackends() {
    List<PricingBackend> out = new ArrayList<>();
    for (PricingBackendProvider p : providers()) {
      Availability a = safeProbe(p);
      if (!a.available()) {
        LOG.log(
            System.Logger.Level.DEBUG,
            "Skipped [{0}] backend (unavailable): {1}",
            p.name(),
            a.reason());
        continue;
      }
      try {
        out.add(created(p));
      } catch (RuntimeException | LinkageError e) {
        LOG.log(
            System.Logger.Level.WARNING,
            "Skipped [{0}] backend (failed to start): {1}",
            p.name(),
            e.toString());
      }
    }
    return out;
  }

  private static Availability safeProbe(PricingBackendProvider p) {
    try {
      return p.probe();
    } catch (RuntimeException | LinkageError e) {
      return Availability.unavailable("probe failed: " + e);
    }
  }
}
