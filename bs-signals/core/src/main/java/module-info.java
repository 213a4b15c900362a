/**
 * Near-the-money scoring, GARCH volatility models, probability of profit and a strategy framework.
 */
module io.github.bsoptions.signals {
  requires transitive io.github.bsoptions.pricing;
  requires transitive io.github.bsoptions.data;
  requires commons.math3;

  exports io.github.bsoptions.signals.spi;
  exports io.github.bsoptions.signals.vol;
  exports io.github.bsoptions.signals.vol.garch;
  exports io.github.bsoptions.signals.forecast;
  exports io.github.bsoptions.signals.pop;
  exports io.github.bsoptions.signals.ntm;
  exports io.github.bsoptions.signals.score;
  exports io.github.bsoptions.signals.strategy;
  exports io.github.bsoptions.signals.internal to
      io.github.bsoptions.signals.ml;

  uses io.github.bsoptions.signals.spi.ForecasterProvider;
  uses io.github.bsoptions.signals.strategy.Strategy;

  provides io.github.bsoptions.signals.spi.ForecasterProvider with
      io.github.bsoptions.signals.forecast.BuiltInForecasterProviders.Garch,
      io.github.bsoptions.signals.forecast.BuiltInForecasterProviders.GjrGarch,
      io.github.bsoptions.signals.forecast.BuiltInForecasterProviders.TrailingRv,
      io.github.bsoptions.signals.forecast.BuiltInForecasterProviders.ImpliedVol;
  provides io.github.bsoptions.signals.strategy.Strategy with
      io.github.bsoptions.signals.strategy.ShortPremiumStrategy,
      io.github.bsoptions.signals.strategy.LongVolatilityStrategy,
      io.github.bsoptions.signals.strategy.DirectionalDeltaStrategy;
}
