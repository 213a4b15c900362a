package io.github.bsoptions.pricing.backend;

import io.github.bsoptions.pricing.spi.Availability;

/**
 * What discovery found about one backend.
 *
 * @param name the backend name
 * @param priority its priority (higher wins under {@code auto})
 * @param availability whether it can run here, and why not
 */
public record BackendInfo(String name, int priority, Availability availability) {}
