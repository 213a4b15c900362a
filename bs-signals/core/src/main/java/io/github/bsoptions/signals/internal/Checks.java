package io.github.bsoptions.signals.internal;

/**
 * Argument checks that return their argument and name the field and value on failure.
 *
 * <p>Internal API: not exported, unstable.
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

  /** Returns {@code values} if every element is finite and there are at least {@code min}. */
  public static double[] finiteArray(double[] values, int min, String name) {
    if (values == null) {
      throw new IllegalArgumentException(name + " must not be null");
    }
    if (values.length < min) {
      throw new IllegalArgumentException(
          name + " must have at least " + min + " values, had " + values.length);
    }
    for (int i = 0; i < values.length; i++) {
      if (!Double.isFinite(values[i])) {
        throw new IllegalArgumentException(name + "[" + i + "] must be finite, was " + values[i]);
      }
    }
    return values;
  }

  private static IllegalArgumentException fail(String name, String expected, double value) {
    return new IllegalArgumentException(name + " must be " + expected + ", was " + value);
  }
}
