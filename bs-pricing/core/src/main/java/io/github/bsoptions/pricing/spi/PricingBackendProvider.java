package io.github.bsoptions.pricing.spi;

/**
 * Discovers and creates a {@link PricingBackend}; registered with {@link java.util.ServiceLoader}
 * (module {@code provides} and {@code META-INF/services}).
 *
 * <p>Selection: a higher {@link #priority()} wins among available providers when the backend is
 * {@code auto}. {@link #probe()} must be cheap, must never throw, and must have no side effects (no
 * network, no files, no downloads); heavy initialisation belongs in {@link #create()}.
 */
public interface PricingBackendProvider {

  /** Returns the backend name used for selection ({@code scalar}, {@code simd}, {@code cuda}). */
  String name();

  /** Returns the priority; higher wins under {@code auto}. The scalar backend has 0. */
  int priority();

  /** Returns whether the backend can run here, with the reason; never throws. */
  Availability probe();

  /**
   * Creates the backend.
   *
   * @throws IllegalStateException if the backend is not available, with the probe's reason
   */
  PricingBackend create();
}
