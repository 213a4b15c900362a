package io.github.bsoptions.signals.spi;

/**
 * Service-provider interface for {@link Forecaster}s, discovered with {@link
 * java.util.ServiceLoader} (see {@link io.github.bsoptions.signals.vol.Forecasters}).
 *
 * <p>bs-signals provides {@code "garch"}, {@code "gjr-garch"} and {@code "trailing-rv"};
 * bs-signals-ml adds the LSTM forecasters. Higher {@link #priority()} wins when no name is given.
 * Discovery has no side effects: a provider loads models only in {@link #create()}.
 */
public interface ForecasterProvider {

  /** Returns the name of the forecaster this provider creates. */
  String name();

  /** Returns the priority; the highest wins when a caller asks for the default forecaster. */
  int priority();

  /**
   * Creates the forecaster.
   *
   * @return a ready forecaster
   * @throws IllegalStateException when the forecaster cannot be created (the reason in the message)
   */
  Forecaster create();
}
