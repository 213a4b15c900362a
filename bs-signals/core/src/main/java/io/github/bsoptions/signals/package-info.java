/** Signals: near-the-money scoring, volatility models, probability of profit and strategies. */
package io.github.bsoptions.signals;
