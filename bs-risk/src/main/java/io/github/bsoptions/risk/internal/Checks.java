package io.github.bsoptions.risk.internal;

/** Argument checks shared by the bs-risk records; each message names the field and the value. */
public final class Checks {
  private Checks() {}

  /** Returns the stripped text, or throws when it is null or blank. */
  public static String symbol(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " must not be blank, was '" + value + "'");
    }
    return value.strip();
  }

  /** Throws when {@code value} is null. */
  public static <T> T notNull(T value, String field) {
    if (value == null) {
      throw new IllegalArgumentException(field + " must not be null");
    }
    return value;
  }

  /** Throws unless {@code value} is finite. */
  public static double finite(double value, String field) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(field + " must be finite, was " + value);
    }
    return value;
  }

  /** Throws unless {@code value} is finite and {@code > 0}. */
  public static double positive(double value, String field) {
    if (!(value > 0 && value < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException(field + " must be finite and > 0, was " + value);
    }
    return value;
  }

  /** Throws unless {@code value} is finite and {@code >= 0}. */
  public static double nonNegative(double value, String field) {
    if (!(value >= 0 && value < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException(field + " must be finite and >= 0, was " + value);
    }
    return value;
  }

  /** Throws unless {@code value} is {@code >= 0} (positive infinity allowed: "no limit"). */
  public static double limit(double value, String field) {
    if (!(value >= 0)) {
      throw new IllegalArgumentException(field + " must be >= 0 (or infinite), was " + value);
    }
    return value;
  }

  /** Throws unless {@code lo <= value <= hi}. */
  public static double inRange(double value, double lo, double hi, String field) {
    if (!(value >= lo && value <= hi)) {
      throw new IllegalArgumentException(
          field + " must be in [" + lo + ", " + hi + "], was " + value);
    }
    return value;
  }
}
