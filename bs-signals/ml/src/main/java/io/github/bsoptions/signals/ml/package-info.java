/**
 * LSTM and hybrid LSTM-GARCH volatility forecasters on DJL (PyTorch engine, CPU, offline).
 *
 * <p>{@link io.github.bsoptions.signals.ml.VolModelTrainer} trains a {@link
 * io.github.bsoptions.signals.ml.LstmVolForecaster} from return histories; the forecaster saves and
 * loads itself with version metadata and is discovered as a {@link
 * io.github.bsoptions.signals.spi.ForecasterProvider} when a model directory is configured.
 */
package io.github.bsoptions.signals.ml;
