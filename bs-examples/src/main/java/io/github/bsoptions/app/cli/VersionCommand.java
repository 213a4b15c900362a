package io.github.bsoptions.app.cli;

import io.github.bsoptions.pricing.Version;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code bs version}: prints the version of every bs-options artifact on the path. */
@Command(name = "version", description = "Print the version of every bs-options artifact.")
public final class VersionCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    for (String line : lines()) {
      out.println(line);
    }
    out.flush();
    return 0;
  }

  /** Returns one line per deployable artifact: {@code artifactId version}. */
  static List<String> lines() {
    List<String> out = new ArrayList<>();
    out.add(String.format("%-22s %s", "java", System.getProperty("java.version")));
    for (String artifact : artifacts()) {
      out.add(
          String.format("%-22s %s", artifact, Version.of(artifact).orElse("(not on the path)")));
    }
    return out;
  }

  /** Returns the deployable artifacts listed in the shipped versions.txt, excluding the BOM. */
  static List<String> artifacts() {
    List<String> names = new ArrayList<>();
    try (InputStream in =
        VersionCommand.class.getResourceAsStream("/META-INF/io.github.bsoptions/versions.txt")) {
      if (in == null) {
        throw new IllegalStateException("versions.txt missing from the application jar");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line; (line = r.readLine()) != null; ) {
        String t = line.strip();
        if (t.startsWith("# Not deployed")) {
          break;
        }
        if (t.isEmpty() || t.startsWith("#")) {
          continue;
        }
        String id = t.substring(0, t.indexOf('='));
        if (!id.equals("bs-bom") && !id.equals("bs-build-parent")) {
          names.add(id);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return names;
  }

  /** Supplies {@code bs --version}. */
  public static final class Provider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return lines().toArray(String[]::new);
    }
  }
}
