package io.github.bsoptions.pricing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Properties;

/**
 * Reports the version of any bs-options artifact on the class or module path, read from the
 * resource {@code META-INF/io.github.bsoptions/<artifactId>.properties} that each artifact's build
 * writes.
 */
public final class Version {
  private Version() {}

  /** Returns the version of bs-pricing itself. */
  public static String current() {
    return of("bs-pricing").orElse("unknown");
  }

  /**
   * Returns the version of the artifact with the given id (e.g. {@code bs-data}), or empty when it
   * is not on the path.
   */
  public static Optional<String> of(String artifactId) {
    String resource = "META-INF/io.github.bsoptions/" + artifactId + ".properties";
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    if (loader == null) {
      loader = Version.class.getClassLoader();
    }
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        return Optional.empty();
      }
      Properties p = new Properties();
      p.load(in);
      return Optional.ofNullable(p.getProperty("version"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }
}
