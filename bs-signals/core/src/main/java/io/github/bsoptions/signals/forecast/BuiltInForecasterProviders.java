package io.github.bsoptions.signals.forecast;

import io.github.bsoptions.signals.spi.Forecaster;
import io.github.bsoptions.signals.spi.ForecasterProvider;
import io.github.bsoptions.signals.vol.garch.GarchSpec;

/** The forecaster providers bs-signals registers with {@link java.util.ServiceLoader}. */
public final class BuiltInForecasterProviders {
  private BuiltInForecasterProviders() {}

  /** {@code "garch"}: GARCH(1,1), Student-t innovations, constant mean, last 2,520 returns. */
  public static final class Garch implements ForecasterProvider {
    /** Creates the provider (for ServiceLoader). */
    public Garch() {}

    @Override
    public String name() {
      return "garch";
    }

    @Override
    public int priority() {
      return 50;
    }

    @Override
    public Forecaster create() {
      return new GarchForecaster(
          GarchSpec.garch().withInnovation(GarchSpec.Innovation.STUDENT_T), 2520);
    }
  }

  /** {@code "gjr-garch"}: GJR-GARCH(1,1,1), Student-t innovations, last 2,520 returns. */
  public static final class GjrGarch implements ForecasterProvider {
    /** Creates the provider (for ServiceLoader). */
    public GjrGarch() {}

    @Override
    public String name() {
      return "gjr-garch";
    }

    @Override
    public int priority() {
      return 40;
    }

    @Override
    public Forecaster create() {
      return new GarchForecaster(
          GarchSpec.gjr().withInnovation(GarchSpec.Innovation.STUDENT_T), 2520);
    }
  }

  /** {@code "trailing-rv"}: the 21-day trailing realized variance, the naive baseline. */
  public static final class TrailingRv implements ForecasterProvider {
    /** Creates the provider (for ServiceLoader). */
    public TrailingRv() {}

    @Override
    public String name() {
      return "trailing-rv";
    }

    @Override
    public int priority() {
      return 10;
    }

    @Override
    public Forecaster create() {
      return new TrailingRealizedForecaster(21);
    }
  }

  /**
   * {@code "implied-vol"}: the current ATM implied volatility held flat (needs it in the input).
   */
  public static final class ImpliedVol implements ForecasterProvider {
    /** Creates the provider (for ServiceLoader). */
    public ImpliedVol() {}

    @Override
    public String name() {
      return "implied-vol";
    }

    @Override
    public int priority() {
      return 5;
    }

    @Override
    public Forecaster create() {
      return new ImpliedVolForecaster();
    }
  }
}
