package io.github.bsoptions.app.cli;

import io.github.bsoptions.app.config.AppConfig;
import io.github.bsoptions.app.config.ConfigKey;
import io.github.bsoptions.app.obs.Logging;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Options every command that reads the configuration shares ({@code --config}, {@code --output}),
 * mixed in with {@code @Mixin}. Order of precedence: command line, environment, YAML, defaults.
 */
public final class ConfigOptions {
  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "YAML configuration (default: $BS_CONFIG, else ./bs.yaml when present). "
              + "Environment variables BS_* override it; see bs-examples/README.md.")
  Path config;

  @Option(
      names = "--output",
      paramLabel = "DIR",
      description = "Output folder for reports, charts and the embedded database (output.dir).")
  Path output;

  /** Loads the configuration, applies command-line overrides and sets up logging. */
  public AppConfig load() {
    Path file = config;
    if (file == null) {
      String env = System.getenv("BS_CONFIG");
      if (env != null && !env.isBlank()) {
        file = Path.of(env);
      } else if (Files.isRegularFile(Path.of("bs.yaml"))) {
        file = Path.of("bs.yaml");
      }
    }
    AppConfig c = AppConfig.load(file, System::getenv);
    if (output != null) {
      c = c.with(ConfigKey.OUTPUT_DIR, output.toString());
    }
    Logging.configure(c.get(ConfigKey.LOG_FORMAT), c.get(ConfigKey.LOG_LEVEL));
    return c;
  }
}
