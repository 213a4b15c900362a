package io.github.bsoptions.risk.portfolio;

import io.github.bsoptions.pricing.backend.PricingBackends;
import io.github.bsoptions.pricing.pricer.AmericanModel;
import io.github.bsoptions.pricing.pricer.BlackScholesModel;
import io.github.bsoptions.pricing.pricer.PricingModel;
import io.github.bsoptions.pricing.product.ExerciseStyle;
import io.github.bsoptions.pricing.spi.PricingBackend;
import io.github.bsoptions.risk.internal.Checks;

/**
 * The pricing models bs-risk revalues options with: one per exercise style, plus the batch backend
 * used for rows priced by {@link BlackScholesModel}.
 *
 * <p>{@link #DEFAULT} prices European options with {@link BlackScholesModel} and American ones with
 * bs-pricing's default American pricer ({@link AmericanModel#create()}, the
 * Andersen-Lake-Offengelter boundary method). {@link #BLACK_SCHOLES_ONLY} ignores early exercise (a
 * lower bound for American puts and for calls on dividend payers) for speed.
 *
 * <p>Rows whose model is {@link BlackScholesModel#INSTANCE} go through {@code backend}'s batch API
 * (SIMD or GPU when configured); every other model is called row by row.
 *
 * @param european the model for European-style options
 * @param american the model for American-style options
 * @param backend the batch backend for Black-Scholes rows
 */
public record RiskPricers(PricingModel european, PricingModel american, PricingBackend backend) {

  /** Black-Scholes for European, the default American pricer for American, scalar backend. */
  public static final RiskPricers DEFAULT =
      new RiskPricers(BlackScholesModel.INSTANCE, AmericanModel.create(), PricingBackends.scalar());

  /** Black-Scholes for both styles (early exercise ignored) on the scalar backend. */
  public static final RiskPricers BLACK_SCHOLES_ONLY =
      new RiskPricers(
          BlackScholesModel.INSTANCE, BlackScholesModel.INSTANCE, PricingBackends.scalar());

  /** Validates the slots. */
  public RiskPricers {
    Checks.notNull(european, "european");
    Checks.notNull(american, "american");
    Checks.notNull(backend, "backend");
  }

  /** Returns Black-Scholes for European options, {@code american} for American ones. */
  public static RiskPricers withAmerican(PricingModel american) {
    return new RiskPricers(BlackScholesModel.INSTANCE, american, PricingBackends.scalar());
  }

  /** Returns the model for {@code style}. */
  public PricingModel model(ExerciseStyle style) {
    return style == ExerciseStyle.AMERICAN ? american : european;
  }

  /** Returns true when options of {@code style} are priced through the batch backend. */
  public boolean batched(ExerciseStyle style) {
    return model(style) == BlackScholesModel.INSTANCE;
  }
}
