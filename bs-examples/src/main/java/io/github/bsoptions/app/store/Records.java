package io.github.bsoptions.app.store;

/** Shared argument checks for the store's records. */
final class Records {
  private Records() {}

  static String text(String value, String field, int maxLength) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " must not be blank, was '" + value + "'");
    }
    if (value.length() > maxLength) {
      throw new IllegalArgumentException(
          field + " must be at most " + maxLength + " characters, was " + value.length());
    }
    return value;
  }

  static double finite(double value, String field) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(field + " must be finite, was " + value);
    }
    return value;
  }

  /** NaN means "absent" for optional columns; infinities are refused. */
  static double finiteOrNaN(double value, String field) {
    if (Double.isInfinite(value)) {
      throw new IllegalArgumentException(field + " must be finite or NaN (absent), was " + value);
    }
    return value;
  }

  static <T> T notNull(T value, String field) {
    if (value == null) {
      throw new IllegalArgumentException(field + " must not be null");
    }
    return value;
  }
}
