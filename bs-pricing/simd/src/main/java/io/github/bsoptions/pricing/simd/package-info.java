/** Batch pricing on the JDK Vector API. */
package io.github.bsoptions.pricing.simd;
