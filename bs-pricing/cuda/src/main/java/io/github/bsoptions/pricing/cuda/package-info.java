/** Batch pricing on NVIDIA GPUs through JCuda. */
package io.github.bsoptions.pricing.cuda;
