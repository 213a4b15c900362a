/** The strategy framework: Strategy SPI, signals with exit rules, and built-in strategies. */
package io.github.bsoptions.signals.strategy;
