package io.github.bsoptions.pricing.internal;

/**
 * Argument checks that return their argument and name the field and value on failure.
 *
 * <p>Every check is written so that NaN fails ({@code !(x > 0)} rather than {@code x <= 0}). The
 * message building lives in separate methods so the checks stay small enough to inline.
 *
 * <p>Internal API: exported only to sibling bs-options modules, unstable.
 */
public final class Checks {
  private Checks() {}

  /** Returns {@code value} if it is finite and strictly positive; throws otherwise. */
  public static double positive(double value, String name) {
    if (!(value > 0 && value < Double.POSITIVE_INFINITY)) {
      throw fail(name, "> 0 and finite", value);
    }
    return value;
  }

  /** Returns {@code value} if it is finite and not negative; throws otherwise. */
  public static double nonNegative(double value, String name) {
    if (!(value >= 0 && value < Double.POSITIVE_INFINITY)) {
      throw fail(name, ">= 0 and finite", value);
    }
    return value;
  }

  /** Returns {@code value} if it is finite; throws otherwise. */
  public static double finite(double value, String name) {
    if (!Double.isFinite(value)) {
      throw fail(name, "finite", value);
    }
    return value;
  }

  /** Returns {@code value} if it lies in {@code [min, max]}; throws otherwise (NaN fails). */
  public static double inRange(double value, double min, double max, String name) {
    if (!(value >= min && value <= max)) {
      throw fail(name, "in [" + min + ", " + max + "]", value);
    }
    return value;
  }

  /** Returns {@code value} if it is strictly positive; throws otherwise. */
  public static int positive(int value, String name) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be > 0, was " + value);
    }
    return value;
  }

  /** Returns {@code value} if it is not negative; throws otherwise. */
  public static int nonNegative(int value, String name) {
    if (value < 0) {
      throw new IllegalArgumentException(name + " must be >= 0, was " + value);
    }
    return value;
  }

  /** Returns {@code value} if it is not null; throws {@link NullPointerException} naming it. */
  public static <T> T notNull(T value, String name) {
    if (value == null) {
      throw new NullPointerException(name + " must not be null");
    }
    return value;
  }

  private static IllegalArgumentException fail(String name, String rule, double value) {
    return new IllegalArgumentException(name + " must be " + rule + ", was " + value);
  }
}
