/**
 * Struct-of-arrays batch inputs and outputs with a status per row.
 *
 * <p>Batch operations never throw for a bad row; see {@link
 * io.github.bsoptions.pricing.PricingStatus}.
 */
package io.github.bsoptions.pricing.batch;
