package io.github.bsoptions.signals.strategy;

import java.util.List;

/**
 * A trading strategy: from a {@link MarketView} to zero or more {@link Signal}s.
 *
 * <p>Strategies are pure functions of the view: no clock, no I/O, no randomness, so the same code
 * runs in backtests, paper and live trading. Built-ins are {@link ShortPremiumStrategy}, {@link
 * LongVolatilityStrategy} and {@link DirectionalDeltaStrategy}; users add their own by implementing
 * this interface (and may register it with {@link java.util.ServiceLoader} for discovery through
 * {@link Strategies}).
 */
public interface Strategy {

  /** Returns the strategy's name. */
  String name();

  /**
   * Returns the signals for this view (empty when there is nothing to do).
   *
   * @param view the market
   * @return signals, best first
   */
  List<Signal> evaluate(MarketView view);
}
