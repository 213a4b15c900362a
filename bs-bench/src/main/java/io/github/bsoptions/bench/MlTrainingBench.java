package io.github.bsoptions.bench;

import io.github.bsoptions.signals.ml.SimulatedVolatility;
import io.github.bsoptions.signals.ml.VolModelConfig;
import io.github.bsoptions.signals.ml.VolModelTrainer;
import io.github.bsoptions.signals.vol.ForecastInput;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The daily retraining of the volatility models (issue 6: "daily retraining on the last N years of
 * daily data in &lt; 5 minutes on 2 cores"): one operation trains the LSTM or the hybrid LSTM-GARCH
 * from scratch with its default settings ({@link VolModelConfig#defaults}) on {@code years} x 252
 * days of each of {@code underlyings} simulated histories (stochastic volatility, {@link
 * SimulatedVolatility#typical()}). Single-shot: each measurement is one full retraining, PyTorch
 * engine on CPU, offline.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {
      "-Dai.djl.offline=true",
      "-Dai.djl.pytorch.num_threads=2",
      "-Dai.djl.pytorch.num_interop_threads=1"
    })
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class MlTrainingBench {
  /** Years of daily data per underlying. */
  @Param({"5"})
  public int years;

  /** Number of underlyings trained together. */
  @Param({"1", "4"})
  public int underlyings;

  /** Hybrid LSTM-GARCH (true) or plain LSTM (false). */
  @Param({"true", "false"})
  public boolean hybrid;

  private List<ForecastInput> histories;

  /** Simulates the histories (fixed seeds). */
  @Setup
  public void setUp() {
    histories = new ArrayList<>();
    for (int i = 0; i < underlyings; i++) {
      histories.add(SimulatedVolatility.typical().path(252 * years, 42 + i));
    }
  }

  /** One full retraining; returns the last epoch's loss. */
  @Benchmark
  public double retrain() {
    VolModelTrainer.Result r = VolModelTrainer.train(histories, VolModelConfig.defaults(hybrid));
    r.forecaster().close();
    return r.report().lastEpochLoss();
  }
}
