package io.github.bsoptions.exec.alpaca;

import java.util.Objects;

/**
 * A credential. {@link #toString()} never shows it; {@link #masked()} shows at most the first and
 * last four characters of values longer than 8. Equality is by identity, so no comparison can print
 * it.
 */
public final class Secret {
  private final String value;

  private Secret(String value) {
    this.value = value;
  }

  /**
   * Wraps a value.
   *
   * @throws IllegalArgumentException when blank (the message does not include the value)
   */
  public static Secret of(String value) {
    Objects.requireNonNull(value, "secret value");
    if (value.isBlank()) {
      throw new IllegalArgumentException("secret must not be blank");
    }
    return new Secret(value);
  }

  /** Returns the value, for building a request header only. */
  public String reveal() {
    return value;
  }

  /** Returns {@code abcd...wxyz}, or stars when 8 characters or fewer. */
  public String masked() {
    return value.length() <= 8
        ? "*".repeat(value.length())
        : value.substring(0, 4) + "..." + value.substring(value.length() - 4);
  }

  /** Returns {@code <redacted>}. */
  @Override
  public String toString() {
    return "<redacted>";
  }
}
