package io.github.bsoptions.pricing.simd;

import io.github.bsoptions.pricing.spi.Availability;
import io.github.bsoptions.pricing.spi.PricingBackend;
import io.github.bsoptions.pricing.spi.PricingBackendProvider;

/**
 * Provides the {@code simd} backend (priority {@value #PRIORITY}, above the scalar backend's 0).
 *
 * <p>The probe never links the Vector API before it knows the module is there: it reports the
 * backend unavailable when {@code jdk.incubator.vector} is not in the boot layer (start the JVM
 * with {@code --add-modules jdk.incubator.vector}), when the preferred vector shape holds a single
 * double, or when a short self-check on a fixed batch disagrees with the scalar reference. The
 * result is computed once and cached; any {@link Throwable} from the Vector API becomes the reason.
 */
public final class SimdBackendProvider implements PricingBackendProvider {
  /** Priority under {@code auto}: above scalar (0), below a GPU backend. */
  public static final int PRIORITY = 10;

  /** The incubator module the backend needs. */
  public static final String VECTOR_MODULE = "jdk.incubator.vector";

  private static volatile Availability cached;

  /** Creates the provider (for {@link java.util.ServiceLoader}). */
  public SimdBackendProvider() {}

  @Override
  public String name() {
    return "simd";
  }

  @Override
  public int priority() {
    return PRIORITY;
  }

  @Override
  public Availability probe() {
    Availability a = cached;
    if (a == null) {
      a = probeOnce(ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent());
      cached = a;
    }
    return a;
  }

  /** Probes given whether the incubator module is present (a seam for tests). */
  static Availability probeOnce(boolean modulePresent) {
    if (!modulePresent) {
      return Availability.unavailable(
          VECTOR_MODULE + " not in boot layer; start the JVM with --add-modules " + VECTOR_MODULE);
    }
    try {
      return SelfCheck.run();
    } catch (RuntimeException | LinkageError e) {
      return Availability.unavailable("Vector API failed to start: " + e);
    }
  }

  @Override
  public PricingBackend create() {
    Availability a = probe();
    if (!a.available()) {
      throw new IllegalStateException("pricing backend 'simd' is unavailable: " + a.reason());
    }
    return new SimdPricingBackend();
  }
}
