package io.github.bsoptions.app.config;

import java.util.List;

/** Thrown when the configuration is invalid; lists every problem found, not just the first. */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  /** Creates the exception from its problems (each names the key and the bad value). */
  public ConfigException(List<String> problems) {
    super("invalid configuration: " + String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  /** Returns every problem found. */
  public List<String> problems() {
    return problems;
  }
}
