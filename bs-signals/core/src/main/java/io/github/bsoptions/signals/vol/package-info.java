/** Realized-volatility estimators, variance forecasts and the forecaster API. */
package io.github.bsoptions.signals.vol;
