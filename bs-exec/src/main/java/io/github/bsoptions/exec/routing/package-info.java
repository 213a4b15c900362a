/**
 * Routing among brokers with safe fallback: the next broker is tried only after a definitive
 * refusal at the previous one, or when the previous one provably never received the order; never
 * while an outcome is unknown.
 */
package io.github.bsoptions.exec.routing;
