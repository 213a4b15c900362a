/** LSTM and hybrid LSTM-GARCH volatility forecasters on DJL. */
package io.github.bsoptions.signals.ml;
