package io.github.bsoptions.signals.ml;

import io.github.bsoptions.signals.spi.Forecaster;
import io.github.bsoptions.signals.spi.ForecasterProvider;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The forecaster providers of bs-signals-ml. They load trained models from the directory named by
 * the system property {@code bsoptions.signals.ml.modelDir} or the environment variable {@code
 * BS_SIGNALS_MODEL_DIR} (subdirectories {@code lstm/} and {@code hybrid-lstm-garch/}, as written by
 * {@link LstmVolForecaster#save}). Without a model, {@code create()} throws {@link
 * IllegalStateException} and {@link io.github.bsoptions.signals.vol.Forecasters#best()} falls back
 * to GARCH. Discovery itself touches nothing.
 */
public final class MlForecasterProviders {
  /** The system property naming the model directory. */
  public static final String MODEL_DIR_PROPERTY = "bsoptions.signals.ml.modelDir";

  private MlForecasterProviders() {}

  /** Returns the configured model directory for a model name, or null when none is configured. */
  static Path modelDir(String name) {
    String dir = System.getProperty(MODEL_DIR_PROPERTY);
    if (dir == null || dir.isBlank()) {
      dir = System.getenv("BS_SIGNALS_MODEL_DIR");
    }
    return dir == null || dir.isBlank() ? null : Path.of(dir).resolve(name);
  }

  static Forecaster load(String name) {
    Path dir = modelDir(name);
    if (dir == null) {
      throw new IllegalStateException(
          "no model directory: set -D" + MODEL_DIR_PROPERTY + " or BS_SIGNALS_MODEL_DIR");
    }
    if (!Files.isDirectory(dir)) {
      throw new IllegalStateException("no trained '" + name + "' model in " + dir);
    }
    return LstmVolForecaster.load(dir);
  }

  /** {@code "hybrid-lstm-garch"}, priority 60 (above GARCH's 50). */
  public static final class Hybrid implements ForecasterProvider {
    /** Creates the provider (for ServiceLoader). */
    public Hybrid() {}

    @Override
    public String name() {
      return "hybrid-lstm-garch";
    }

    @Override
    public int priority() {
      return 60;
    }

    @Override
    public Forecaster create() {
      return load(name());
    }
  }

  /** {@code "lstm"}, priority 30. */
  public static final class Lstm implements ForecasterProvider {
    /** Creates the provider (for ServiceLoader). */
    public Lstm() {}

    @Override
    public String name() {
      return "lstm";
    }

    @Override
    public int priority() {
      return 30;
    }

    @Override
    public Forecaster create() {
      return load(name());
    }
  }
}
