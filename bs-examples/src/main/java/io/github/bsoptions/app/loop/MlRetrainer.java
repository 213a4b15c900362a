package io.github.bsoptions.app.loop;

import io.github.bsoptions.signals.ml.LstmVolForecaster;
import io.github.bsoptions.signals.ml.VolModelConfig;
import io.github.bsoptions.signals.ml.VolModelTrainer;
import io.github.bsoptions.signals.vol.ForecastInput;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The feedback loop's learned model: a small LSTM volatility model (by default the hybrid
 * LSTM-GARCH of bs-signals-ml) retrained at the start of every session on the daily returns known
 * then. The model trained at one session start is put in service at the next one ({@link
 * #promote}), so which model serves which day does not depend on how fast the machine is. Every
 * trained version is kept with its training metrics.
 *
 * <p>Where the training runs is the one choice: on a background thread while the loop trades (the
 * live loop, whose sessions follow the wall clock), or before the session's first cycle on the
 * caller's thread ({@link #betweenSessions}: the demo and the backtest, whose simulated sessions
 * follow each other at once, so the training takes the place of the night a desk retrains in and
 * does not compete with the loop for the cores). The versions and the days they serve are the same
 * either way.
 */
public final class MlRetrainer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(MlRetrainer.class);

  /**
   * One trained model version.
   *
   * @param version 1, 2, ...
   * @param model the model name ({@code hybrid-lstm-garch} or {@code lstm})
   * @param trainedOn the session whose start it was trained at (data up to then)
   * @param histories return histories trained on (one per underlying)
   * @param samples training sequences
   * @param epochs epochs
   * @param firstLoss mean loss of the first epoch (standardized target)
   * @param lastLoss mean loss of the last epoch
   * @param inSampleQlike in-sample QLIKE after calibration
   * @param inSampleRmse in-sample RMSE of annualized volatility
   * @param millis training wall time
   */
  public record Version(
      int version,
      String model,
      LocalDate trainedOn,
      int histories,
      int samples,
      int epochs,
      double firstLoss,
      double lastLoss,
      double inSampleQlike,
      double inSampleRmse,
      long millis) {
    /** The label stored with its forecasts: {@code v2 trained 2026-01-06}. */
    public String label() {
      return "v" + version + " trained " + trainedOn;
    }
  }

  private final VolModelConfig config;
  private final Duration maxWait;
  private final ExecutorService pool;
  private final boolean inline;
  private final List<Version> versions = new ArrayList<>();
  private Future<VolModelTrainer.Result> pending;
  private LocalDate pendingDay;
  private int pendingHistories;
  private LstmVolForecaster current;
  private Version currentVersion;
  private String unavailable;

  /**
   * Creates the retrainer.
   *
   * @param config the model and its training settings
   * @param maxWait how long {@link #promote} waits for a training still running before it keeps the
   *     model in service (and tries again at the next session)
   */
  public MlRetrainer(VolModelConfig config, Duration maxWait) {
    this(config, maxWait, false);
  }

  /**
   * Creates the retrainer, training on the caller's thread when {@code inline} (see the class
   * notes), else in the background.
   *
   * @param config the model and its training settings
   * @param maxWait how long {@link #promote} waits for a background training still running
   * @param inline train in {@link #retrain} itself, before it returns
   */
  public MlRetrainer(VolModelConfig config, Duration maxWait, boolean inline) {
    this.config = Objects.requireNonNull(config, "config");
    this.maxWait = Objects.requireNonNull(maxWait, "maxWait");
    this.inline = inline;
    leaveACoreToTheLoop();
    this.pool =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "bs-ml-retrain");
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * Caps PyTorch's thread pools (read once, when the engine starts) at one inter-op thread and one
   * intra-op thread fewer than the machine has cores, unless they are set already ({@code
   * ai.djl.pytorch.num_threads}, {@code ai.djl.pytorch.num_interop_threads}): with PyTorch's
   * default of one intra-op thread per core, a training running in the background preempts the
   * trading loop's thread and shows up in every stage's p99 (measured on a 2-core machine: data and
   * signal stages at 60-80 ms p99 against a p50 under 1 ms while the first model trained).
   */
  static void leaveACoreToTheLoop() {
    int cores = Runtime.getRuntime().availableProcessors();
    if (System.getProperty("ai.djl.pytorch.num_threads") == null) {
      System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(Math.max(1, cores - 1)));
    }
    if (System.getProperty("ai.djl.pytorch.num_interop_threads") == null) {
      System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
    }
  }

  /**
   * The live loop's model: the hybrid LSTM-GARCH with bs-signals-ml's defaults (6 epochs), trained
   * in the background.
   */
  public static MlRetrainer demo() {
    return new MlRetrainer(VolModelConfig.defaults(true), Duration.ofSeconds(120));
  }

  /**
   * The demo's and the backtest's model: as {@link #demo()}, trained between simulated sessions on
   * the caller's thread.
   */
  public static MlRetrainer betweenSessions() {
    return new MlRetrainer(VolModelConfig.defaults(true), Duration.ofSeconds(120), true);
  }

  /** Returns true when the training runs on the caller's thread, between sessions. */
  public boolean inline() {
    return inline;
  }

  /** Returns the model name. */
  public String model() {
    return config.modelName();
  }

  /**
   * Puts the model trained at the previous session start in service (waiting for its training up to
   * the configured time), and returns the model in service, if any.
   */
  public synchronized Optional<LstmVolForecaster> promote() {
    if (pending != null) {
      try {
        VolModelTrainer.Result r = pending.get(maxWait.toMillis(), TimeUnit.MILLISECONDS);
        var rep = r.report();
        Version v =
            new Version(
                versions.size() + 1,
                rep.model(),
                pendingDay,
                pendingHistories,
                rep.samples(),
                rep.epochs(),
                rep.firstEpochLoss(),
                rep.lastEpochLoss(),
                rep.inSample() == null ? Double.NaN : rep.inSample().qlike(),
                rep.inSample() == null ? Double.NaN : rep.inSample().rmseVol(),
                rep.millis());
        versions.add(v);
        if (current != null) {
          current.close();
        }
        current = r.forecaster();
        currentVersion = v;
        pending = null;
        LOG.info(
            "{} {} in service ({} samples, loss {} -> {}, {} ms)",
            v.model(),
            v.label(),
            v.samples(),
            v.firstLoss(),
            v.lastLoss(),
            v.millis());
      } catch (TimeoutException e) {
        LOG.warn(
            "{} training of {} still running: the model in service stays", model(), pendingDay);
      } catch (ExecutionException e) {
        pending = null;
        unavailable = String.valueOf(e.getCause());
        LOG.warn("{} training failed: {}", model(), unavailable);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return Optional.ofNullable(current);
  }

  /** Returns the version in service, if any. */
  public synchronized Optional<Version> inService() {
    return Optional.ofNullable(currentVersion);
  }

  /**
   * Trains a new version on {@code histories} (data up to the start of {@code day}), in the
   * background or, when inline, before returning; unless a training is still running or the ML
   * engine is unavailable.
   */
  public synchronized void retrain(LocalDate day, List<ForecastInput> histories) {
    if (pending != null || unavailable != null || histories.isEmpty()) {
      return;
    }
    List<ForecastInput> copy = List.copyOf(histories);
    pendingDay = day;
    pendingHistories = copy.size();
    java.util.concurrent.Callable<VolModelTrainer.Result> training =
        () -> {
          try {
            return VolModelTrainer.train(copy, config);
          } catch (LinkageError e) {
            // no DJL PyTorch engine on this machine
            throw new IllegalStateException("ML engine unavailable: " + e, e);
          }
        };
    if (inline) {
      java.util.concurrent.FutureTask<VolModelTrainer.Result> now =
          new java.util.concurrent.FutureTask<>(training);
      now.run();
      pending = now;
    } else {
      pending = pool.submit(training);
    }
  }

  /** Returns every version trained and put in service, oldest first. */
  public synchronized List<Version> versions() {
    return List.copyOf(versions);
  }

  /** Returns why the model could not be trained, if it could not. */
  public synchronized Optional<String> unavailable() {
    return Optional.ofNullable(unavailable);
  }

  /** Stops: a training still running is abandoned (its thread is a daemon); models are closed. */
  @Override
  public synchronized void close() {
    if (pending != null) {
      if (pending.isDone()) {
        try {
          pending.get().forecaster().close();
        } catch (ExecutionException | java.util.concurrent.CancellationException e) {
          // nothing was trained
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      } else {
        pending.cancel(true);
      }
      pending = null;
    }
    pool.shutdownNow();
    if (current != null) {
      current.close();
      current = null;
    }
  }
}
