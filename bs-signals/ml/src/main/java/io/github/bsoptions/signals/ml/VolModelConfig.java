package io.github.bsoptions.signals.ml;

import io.github.bsoptions.signals.internal.Checks;

/**
 * Settings of an LSTM volatility model and its training.
 *
 * @param hybrid whether the model is the hybrid LSTM-GARCH (GARCH variance as an input feature and
 *     the LSTM predicting a log correction to GARCH's forecast) or a plain LSTM
 * @param sequenceLength days of features per input sequence
 * @param hiddenSize LSTM state size
 * @param targetDays days of future realized variance the model predicts
 * @param epochs training epochs
 * @param batchSize minibatch size
 * @param learningRate Adam learning rate
 * @param seed random seed (weights and shuffling)
 * @param garchWindow most recent returns the hybrid's GARCH is fitted on at forecast time
 * @param chainFeatures whether the model also reads the per-day option-chain features (ATM IV,
 *     skew, term slope; {@link io.github.bsoptions.signals.vol.ChainFeatures}), which every
 *     training history and forecast input must then carry
 */
public record VolModelConfig(
    boolean hybrid,
    int sequenceLength,
    int hiddenSize,
    int targetDays,
    int epochs,
    int batchSize,
    double learningRate,
    long seed,
    int garchWindow,
    boolean chainFeatures) {

  /** Validates. */
  public VolModelConfig {
    Checks.positive(sequenceLength, "sequenceLength");
    Checks.positive(hiddenSize, "hiddenSize");
    Checks.positive(targetDays, "targetDays");
    Checks.positive(epochs, "epochs");
    Checks.positive(batchSize, "batchSize");
    Checks.positive(learningRate, "learningRate");
    Checks.positive(garchWindow, "garchWindow");
  }

  /** Settings without chain features. */
  public VolModelConfig(
      boolean hybrid,
      int sequenceLength,
      int hiddenSize,
      int targetDays,
      int epochs,
      int batchSize,
      double learningRate,
      long seed,
      int garchWindow) {
    this(
        hybrid,
        sequenceLength,
        hiddenSize,
        targetDays,
        epochs,
        batchSize,
        learningRate,
        seed,
        garchWindow,
        false);
  }

  /** Returns the defaults: 20-day sequences, 16 units, 5-day target, 6 epochs, batch 64. */
  public static VolModelConfig defaults(boolean hybrid) {
    return new VolModelConfig(hybrid, 20, 16, 5, 6, 64, 3e-3, 42L, 1000);
  }

  /** Returns a copy with other epochs. */
  public VolModelConfig withEpochs(int value) {
    return new VolModelConfig(
        hybrid,
        sequenceLength,
        hiddenSize,
        targetDays,
        value,
        batchSize,
        learningRate,
        seed,
        garchWindow,
        chainFeatures);
  }

  /** Returns a copy that reads chain features (or not). */
  public VolModelConfig withChainFeatures(boolean value) {
    return new VolModelConfig(
        hybrid,
        sequenceLength,
        hiddenSize,
        targetDays,
        epochs,
        batchSize,
        learningRate,
        seed,
        garchWindow,
        value);
  }

  /** Returns the model's forecaster name. */
  public String modelName() {
    return (hybrid ? "hybrid-lstm-garch" : "lstm") + (chainFeatures ? "-chain" : "");
  }

  /** Returns the number of input features per day. */
  public int featureCount() {
    return (hybrid ? 5 : 3) + (chainFeatures ? 3 : 0);
  }
}
