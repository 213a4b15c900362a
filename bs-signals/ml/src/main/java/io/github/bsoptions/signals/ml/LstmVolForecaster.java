package io.github.bsoptions.signals.ml;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.recurrent.LSTM;
import ai.djl.training.ParameterStore;
import io.github.bsoptions.signals.spi.Forecaster;
import io.github.bsoptions.signals.vol.ForecastInput;
import io.github.bsoptions.signals.vol.VolForecast;
import io.github.bsoptions.signals.vol.garch.GarchFit;
import io.github.bsoptions.signals.vol.garch.GarchModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.Properties;

/**
 * A trained LSTM or hybrid LSTM-GARCH volatility forecaster.
 *
 * <p>The network (one LSTM layer, its last state into a linear unit) reads {@code sequenceLength}
 * days of standardized features and predicts the log of the mean squared return over the next
 * {@code targetDays} days; for the hybrid it predicts the log ratio of that to the GARCH(1,1)
 * forecast, so the hybrid's forecast is GARCH's term structure scaled by the learned correction. A
 * QLIKE-optimal scale fitted on the training set corrects the bias of exponentiating a log
 * prediction. The plain LSTM's forecast is flat over the horizon.
 *
 * <p>Thread-safe: predictions are serialized. Close it to free native memory.
 */
public final class LstmVolForecaster implements Forecaster, AutoCloseable {
  /** Version of the saved format. */
  public static final int FORMAT_VERSION = 1;

  private static final String META = "vol-model.properties";

  private final Model model;
  private final VolModelConfig config;
  private final float[] mean;
  private final float[] sd;
  private final double targetMean;
  private final double targetSd;
  private final double logScale;

  LstmVolForecaster(
      Model model,
      VolModelConfig config,
      float[] mean,
      float[] sd,
      double targetMean,
      double targetSd,
      double logScale) {
    this.model = model;
    this.config = config;
    this.mean = mean.clone();
    this.sd = sd.clone();
    this.targetMean = targetMean;
    this.targetSd = targetSd;
    this.logScale = logScale;
  }

  static Block newBlock(VolModelConfig cfg) {
    return new SequentialBlock()
        .add(
            LSTM.builder()
                .setStateSize(cfg.hiddenSize())
                .setNumLayers(1)
                .optBatchFirst(true)
                .optReturnState(false)
                .build())
        .add(new LambdaBlock(x -> new NDList(x.singletonOrThrow().get(":, -1, :"))))
        .add(Linear.builder().setUnits(1).build());
  }

  /** Returns the configuration the model was trained with. */
  public VolModelConfig config() {
    return config;
  }

  @Override
  public String name() {
    return config.modelName();
  }

  @Override
  public int minHistory() {
    return config.hybrid() ? Math.max(100, config.sequenceLength()) : config.sequenceLength();
  }

  @Override
  public VolForecast forecast(ForecastInput input, int horizon) {
    if (horizon < 1) {
      throw new IllegalArgumentException("horizon must be > 0, was " + horizon);
    }
    if (input.size() < minHistory()) {
      throw new IllegalArgumentException(
          "logReturns must have at least " + minHistory() + " values, had " + input.size());
    }
    ForecastInput window = tail(input, Math.max(config.garchWindow(), config.sequenceLength()));
    GarchFit fit = config.hybrid() ? GarchModel.fit(window.logReturns(), Features.GARCH) : null;
    Features feats = new Features(window, config, fit);
    int t = feats.n - 1;
    double pred = predict(feats, new int[] {t})[0];
    double[] v = new double[horizon];
    if (config.hybrid()) {
      double scale = Math.exp(pred);
      double[] g = fit.forecast(horizon).dailyVariances();
      for (int k = 0; k < horizon; k++) {
        v[k] = g[k] * scale;
      }
    } else {
      Arrays.fill(v, Math.exp(pred));
    }
    return new VolForecast(name(), v, 252);
  }

  /** Returns the calibrated log prediction (log variance, or log ratio to GARCH) at days ts. */
  double[] predict(Features feats, int[] ts) {
    int len = config.sequenceLength();
    int nf = config.featureCount();
    float[] x = new float[ts.length * len * nf];
    for (int i = 0; i < ts.length; i++) {
      feats.sequence(ts[i], len, mean, sd, x, i * len * nf);
    }
    float[] y;
    synchronized (this) {
      try (NDManager m = model.getNDManager().newSubManager()) {
        NDArray in = m.create(x, new Shape(ts.length, len, nf));
        NDList out = model.getBlock().forward(new ParameterStore(m, false), new NDList(in), false);
        y = out.singletonOrThrow().toFloatArray();
      }
    }
    double[] res = new double[ts.length];
    for (int i = 0; i < ts.length; i++) {
      res[i] = y[i] * targetSd + targetMean + logScale;
    }
    return res;
  }

  private static ForecastInput tail(ForecastInput in, int n) {
    return in.size() <= n ? in : in.tail(n);
  }

  /**
   * Saves the weights ({@code <name>-0000.params}) and the metadata ({@code vol-model.properties}:
   * format version, configuration, feature normalization) into {@code dir}.
   */
  public void save(Path dir) {
    try {
      Files.createDirectories(dir);
      model.save(dir, name());
      Properties p = new Properties();
      p.setProperty("formatVersion", Integer.toString(FORMAT_VERSION));
      p.setProperty("name", name());
      p.setProperty("hybrid", Boolean.toString(config.hybrid()));
      p.setProperty("sequenceLength", Integer.toString(config.sequenceLength()));
      p.setProperty("hiddenSize", Integer.toString(config.hiddenSize()));
      p.setProperty("targetDays", Integer.toString(config.targetDays()));
      p.setProperty("epochs", Integer.toString(config.epochs()));
      p.setProperty("batchSize", Integer.toString(config.batchSize()));
      p.setProperty("learningRate", Double.toString(config.learningRate()));
      p.setProperty("seed", Long.toString(config.seed()));
      p.setProperty("garchWindow", Integer.toString(config.garchWindow()));
      p.setProperty("chainFeatures", Boolean.toString(config.chainFeatures()));
      p.setProperty("featureMean", join(mean));
      p.setProperty("featureSd", join(sd));
      p.setProperty("targetMean", Double.toString(targetMean));
      p.setProperty("targetSd", Double.toString(targetSd));
      p.setProperty("logScale", Double.toString(logScale));
      try (OutputStream os = Files.newOutputStream(dir.resolve(META))) {
        p.store(os, "bs-signals-ml volatility model");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save model to " + dir, e);
    }
  }

  /**
   * Loads a model saved by {@link #save}.
   *
   * @param dir the directory
   * @return the forecaster
   * @throws IllegalStateException when the directory holds no model or an unknown format version
   */
  public static LstmVolForecaster load(Path dir) {
    Properties p = new Properties();
    try (InputStream is = Files.newInputStream(dir.resolve(META))) {
      p.load(is);
    } catch (IOException e) {
      throw new IllegalStateException("no volatility model in " + dir + ": " + e.getMessage(), e);
    }
    int version = Integer.parseInt(p.getProperty("formatVersion", "0"));
    if (version != FORMAT_VERSION) {
      throw new IllegalStateException(
          "model format version " + version + " in " + dir + " is not " + FORMAT_VERSION);
    }
    VolModelConfig cfg =
        new VolModelConfig(
            Boolean.parseBoolean(p.getProperty("hybrid")),
            Integer.parseInt(p.getProperty("sequenceLength")),
            Integer.parseInt(p.getProperty("hiddenSize")),
            Integer.parseInt(p.getProperty("targetDays")),
            Integer.parseInt(p.getProperty("epochs")),
            Integer.parseInt(p.getProperty("batchSize")),
            Double.parseDouble(p.getProperty("learningRate")),
            Long.parseLong(p.getProperty("seed")),
            Integer.parseInt(p.getProperty("garchWindow")),
            Boolean.parseBoolean(p.getProperty("chainFeatures", "false")));
    Model model = Model.newInstance(cfg.modelName(), "PyTorch");
    model.setBlock(newBlock(cfg));
    try {
      model.load(dir, cfg.modelName());
    } catch (IOException | MalformedModelException e) {
      model.close();
      throw new IllegalStateException("cannot load model weights from " + dir, e);
    }
    return new LstmVolForecaster(
        model,
        cfg,
        split(p.getProperty("featureMean")),
        split(p.getProperty("featureSd")),
        Double.parseDouble(p.getProperty("targetMean")),
        Double.parseDouble(p.getProperty("targetSd")),
        Double.parseDouble(p.getProperty("logScale")));
  }

  private static String join(float[] x) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < x.length; i++) {
      if (i > 0) {
        b.append(',');
      }
      b.append(Float.toString(x[i]));
    }
    return b.toString();
  }

  private static float[] split(String s) {
    Objects.requireNonNull(s, "metadata");
    String[] parts = s.split(",");
    float[] out = new float[parts.length];
    for (int i = 0; i < parts.length; i++) {
      out[i] = Float.parseFloat(parts[i]);
    }
    return out;
  }

  @Override
  public void close() {
    model.close();
  }
}
