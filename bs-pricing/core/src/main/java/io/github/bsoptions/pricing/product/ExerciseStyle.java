package io.github.bsoptions.pricing.product;

/** When an option may be exercised. */
public enum ExerciseStyle {
  /** Only at expiry. */
  EUROPEAN,
  /** At any time up to expiry. */
  AMERICAN
}
