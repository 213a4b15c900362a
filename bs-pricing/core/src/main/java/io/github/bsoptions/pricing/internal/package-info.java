/**
 * Internal helpers shared with the SIMD and CUDA backends (argument checks, row validation).
 *
 * <p>Unstable: exported only to sibling bs-options modules; may change in any release.
 */
package io.github.bsoptions.pricing.internal;
