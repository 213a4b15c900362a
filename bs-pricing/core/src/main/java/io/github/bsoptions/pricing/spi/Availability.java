package io.github.bsoptions.pricing.spi;

import java.util.Objects;

/**
 * Whether a backend can run on this machine, and why not when it cannot.
 *
 * @param available true when the backend can be created and used
 * @param reason a human-readable explanation (e.g. "no CUDA driver"); never null
 */
public record Availability(boolean available, String reason) {

  /** Validates the reason. */
  public Availability {
    Objects.requireNonNull(reason, "reason");
  }

  /** Returns an available result with the given note (e.g. the device found). */
  public static Availability available(String note) {
    return new Availability(true, note);
  }

  /** Returns an unavailable result with the reason. */
  public static Availability unavailable(String reason) {
    return new Availability(false, reason);
  }
}
