/** LSTM and hybrid LSTM-GARCH volatility forecasters on DJL (PyTorch engine). */
module io.github.bsoptions.signals.ml {
  requires transitive io.github.bsoptions.signals;
  requires ai.djl.api;

  exports io.github.bsoptions.signals.ml;

  provides io.github.bsoptions.signals.spi.ForecasterProvider with
      io.github.bsoptions.signals.ml.MlForecasterProviders.Hybrid,
      io.github.bsoptions.signals.ml.MlForecasterProviders.Lstm;
}
