package io.github.bsoptions.signals.ml;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.dataset.Batch;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.translate.TranslateException;
import io.github.bsoptions.signals.vol.ForecastInput;
import io.github.bsoptions.signals.vol.ForecastMetrics;
import io.github.bsoptions.signals.vol.garch.GarchFit;
import io.github.bsoptions.signals.vol.garch.GarchModel;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Trains {@link LstmVolForecaster}s on return histories (CPU, PyTorch engine).
 *
 * <p>Each history contributes one training sequence per day that has {@code sequenceLength} days of
 * features behind it and {@code targetDays} days of returns ahead. Features and targets are
 * standardized with the training set's moments (saved with the model). For the hybrid a GARCH(1,1)
 * is fitted to each history and its filtered variances become features. Training is deterministic
 * for a given seed on one machine.
 */
public final class VolModelTrainer {
  private VolModelTrainer() {}

  /** A trained forecaster and its report. */
  public record Result(LstmVolForecaster forecaster, TrainingReport report) {}

  /**
   * Trains a model.
   *
   * @param histories return histories (with range variances when available), at least one; each
   *     must be longer than {@code sequenceLength + targetDays} (and 100 days for the hybrid)
   * @param cfg model and training settings
   * @return the forecaster (close it when done) and a report
   */
  public static Result train(List<ForecastInput> histories, VolModelConfig cfg) {
    Objects.requireNonNull(cfg, "cfg");
    if (histories == null || histories.isEmpty()) {
      throw new IllegalArgumentException("histories must not be empty");
    }
    long start = System.nanoTime();
    int len = cfg.sequenceLength();
    int h = cfg.targetDays();
    int nf = cfg.featureCount();
    List<Features> feats = new ArrayList<>();
    List<int[]> index = new ArrayList<>(); // {history, day}
    for (int i = 0; i < histories.size(); i++) {
      ForecastInput in = histories.get(i);
      int min = Math.max(len + h + 1, cfg.hybrid() ? 100 : 0);
      if (in.size() < min) {
        throw new IllegalArgumentException(
            "histories[" + i + "] must have at least " + min + " returns, had " + in.size());
      }
      GarchFit fit = cfg.hybrid() ? GarchModel.fit(in.logReturns(), Features.GARCH) : null;
      Features f = new Features(in, cfg, fit);
      feats.add(f);
      for (int t = len - 1; t + h < f.n; t++) {
        index.add(new int[] {i, t});
      }
    }
    int n = index.size();
    // Standardization moments of features (over all days used) and of the target.
    float[] mean = new float[nf];
    float[] sd = new float[nf];
    double[] sum = new double[nf];
    double[] sum2 = new double[nf];
    long cnt = 0;
    for (Features f : feats) {
      for (int t = 0; t < f.n; t++) {
        for (int k = 0; k < nf; k++) {
          sum[k] += f.f[t][k];
          sum2[k] += (double) f.f[t][k] * f.f[t][k];
        }
        cnt++;
      }
    }
    for (int k = 0; k < nf; k++) {
      mean[k] = (float) (sum[k] / cnt);
      sd[k] = (float) Math.sqrt(Math.max(sum2[k] / cnt - mean[k] * (double) mean[k], 1e-12));
    }
    double[] target = new double[n];
    double[] realized = new double[n];
    double tm = 0;
    for (int j = 0; j < n; j++) {
      Features f = feats.get(index.get(j)[0]);
      int t = index.get(j)[1];
      realized[j] = f.realized(t, h);
      double base = cfg.hybrid() ? Math.log(f.garchMean[t]) : 0;
      target[j] = Math.log(realized[j] + 1e-10) - base;
      tm += target[j];
    }
    tm /= n;
    double tv = 0;
    for (double y : target) {
      tv += (y - tm) * (y - tm);
    }
    double tsd = Math.sqrt(tv / n);

    float[] x = new float[n * len * nf];
    float[] y = new float[n];
    for (int j = 0; j < n; j++) {
      Features f = feats.get(index.get(j)[0]);
      f.sequence(index.get(j)[1], len, mean, sd, x, j * len * nf);
      y[j] = (float) ((target[j] - tm) / tsd);
    }

    Engine.getEngine("PyTorch").setRandomSeed((int) cfg.seed());
    Model model = Model.newInstance(cfg.modelName(), "PyTorch");
    model.setBlock(LstmVolForecaster.newBlock(cfg));
    double first = Double.NaN;
    double last = Double.NaN;
    try (NDManager m = model.getNDManager().newSubManager()) {
      ArrayDataset ds =
          new ArrayDataset.Builder()
              .setData(m.create(x, new Shape(n, len, nf)))
              .optLabels(m.create(y, new Shape(n, 1)))
              .setSampling(cfg.batchSize(), true)
              .build();
      DefaultTrainingConfig tc =
          new DefaultTrainingConfig(Loss.l2Loss())
              .optDevices(new Device[] {Device.cpu()})
              .optOptimizer(
                  Optimizer.adam()
                      .optLearningRateTracker(Tracker.fixed((float) cfg.learningRate()))
                      .build());
      try (Trainer trainer = model.newTrainer(tc)) {
        trainer.initialize(new Shape(cfg.batchSize(), len, nf));
        for (int e = 0; e < cfg.epochs(); e++) {
          double total = 0;
          int batches = 0;
          for (Batch b : trainer.iterateDataset(ds)) {
            try (GradientCollector gc = trainer.newGradientCollector()) {
              NDList pred = trainer.forward(b.getData());
              NDArray loss = trainer.getLoss().evaluate(b.getLabels(), pred);
              gc.backward(loss);
              total += loss.getFloat();
              batches++;
            }
            trainer.step();
            b.close();
          }
          double epochLoss = total / Math.max(1, batches);
          if (e == 0) {
            first = epochLoss;
          }
          last = epochLoss;
        }
      }
    } catch (IOException | TranslateException e) {
      model.close();
      throw new IllegalStateException("training failed: " + e.getMessage(), e);
    }
    // QLIKE-optimal scale on the training set: s = mean(realized / predicted).
    LstmVolForecaster raw = new LstmVolForecaster(model, cfg, mean, sd, tm, tsd, 0);
    double[] predVar = predictVariances(raw, feats, index);
    double ratio = 0;
    for (int j = 0; j < n; j++) {
      ratio += realized[j] / predVar[j];
    }
    double logScale = Math.log(ratio / n);
    LstmVolForecaster fc = new LstmVolForecaster(model, cfg, mean, sd, tm, tsd, logScale);
    double[] calibrated = new double[n];
    for (int j = 0; j < n; j++) {
      calibrated[j] = predVar[j] * Math.exp(logScale);
    }
    ForecastMetrics in = ForecastMetrics.of(realized, calibrated);
    long ms = (System.nanoTime() - start) / 1_000_000;
    return new Result(
        fc, new TrainingReport(cfg.modelName(), n, cfg.epochs(), first, last, in, ms));
  }

  private static double[] predictVariances(
      LstmVolForecaster fc, List<Features> feats, List<int[]> index) {
    double[] out = new double[index.size()];
    int chunk = 1024;
    for (int hi = 0; hi < feats.size(); hi++) {
      Features f = feats.get(hi);
      List<Integer> js = new ArrayList<>();
      for (int j = 0; j < index.size(); j++) {
        if (index.get(j)[0] == hi) {
          js.add(j);
        }
      }
      for (int s = 0; s < js.size(); s += chunk) {
        int e = Math.min(js.size(), s + chunk);
        int[] ts = new int[e - s];
        for (int q = s; q < e; q++) {
          ts[q - s] = index.get(js.get(q))[1];
        }
        double[] p = fc.predict(f, ts);
        for (int q = s; q < e; q++) {
          int t = ts[q - s];
          double base = fc.config().hybrid() ? f.garchMean[t] : 1;
          out[js.get(q)] = Math.exp(p[q - s]) * base;
        }
      }
    }
    return out;
  }
}
