package io.github.bsoptions.signals.ml;

/**
 * What training did.
 *
 * @param model the model name
 * @param samples training sequences
 * @param epochs epochs run
 * @param firstEpochLoss mean L2 loss of the first epoch (standardized target)
 * @param lastEpochLoss mean L2 loss of the last epoch
 * @param inSample in-sample forecast metrics after training and calibration
 * @param millis wall time of training in milliseconds
 */
public record TrainingReport(
    String model,
    int samples,
    int epochs,
    double firstEpochLoss,
    double lastEpochLoss,
    io.github.bsoptions.signals.vol.ForecastMetrics inSample,
    long millis) {}
