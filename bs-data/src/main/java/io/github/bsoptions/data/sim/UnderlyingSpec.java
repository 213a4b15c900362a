package io.github.bsoptions.data.sim;

import java.util.Objects;

/**
 * One simulated underlying: its starting state, its stochastic-volatility-with-jumps dynamics and
 * the shape of its implied-volatility surface.
 *
 * <p>Dynamics (per unit of trading time, 252 sessions of 6.5 hours a year): the variance {@code v}
 * follows a Heston (CIR) process {@code dv = kappa (theta - v) dt + xi sqrt(v) dW2}; the log price
 * has drift {@code r - q - lambda k - v / 2}, diffusion {@code sqrt(v) dW1} with {@code corr(dW1,
 * dW2) = rho}, and lognormal jumps at rate {@code lambda}. The implied-volatility surface is the
 * Heston expected average variance over the option's life (term structure) times a quadratic in
 * standardized moneyness {@code x = ln(K/F) / (sigmaAtm sqrt(T))}: {@code sigma = sigmaAtm (1 +
 * skew x + smile x^2)}.
 *
 * @param symbol the ticker
 * @param spot the starting price ({@code > 0})
 * @param volatility the starting and long-run volatility ({@code sqrt(v0) = sqrt(theta)}, a
 *     fraction, e.g. 0.20)
 * @param dividendYield continuous dividend yield
 * @param meanReversion {@code kappa}, per year ({@code > 0})
 * @param volOfVol {@code xi} ({@code >= 0})
 * @param correlation {@code rho} between price and variance shocks, in {@code [-1, 1]}
 * @param jumpIntensity {@code lambda}, expected jumps per year ({@code >= 0})
 * @param jumpMean mean of the log jump size
 * @param jumpStdDev standard deviation of the log jump size ({@code >= 0})
 * @param skew slope of the smile in standardized moneyness (negative: puts richer)
 * @param smile curvature of the smile ({@code >= 0})
 * @param strikeStep spacing of listed strikes; 0 picks one from the spot (0.5, 1, 5 or 10)
 */
public record UnderlyingSpec(
    String symbol,
    double spot,
    double volatility,
    double dividendYield,
    double meanReversion,
    double volOfVol,
    double correlation,
    double jumpIntensity,
    double jumpMean,
    double jumpStdDev,
    double skew,
    double smile,
    double strikeStep) {

  /** Validates every field, naming the bad one. */
  public UnderlyingSpec {
    Objects.requireNonNull(symbol, "symbol");
    if (!symbol.matches("[A-Z0-9.]{1,6}")) {
      throw new IllegalArgumentException("symbol must be 1-6 of A-Z 0-9 '.', was '" + symbol + "'");
    }
    positive("spot", spot);
    positive("volatility", volatility);
    finite("dividendYield", dividendYield);
    positive("meanReversion", meanReversion);
    nonNegative("volOfVol", volOfVol);
    if (!(correlation >= -1 && correlation <= 1)) {
      throw new IllegalArgumentException("correlation must be in [-1, 1], was " + correlation);
    }
    nonNegative("jumpIntensity", jumpIntensity);
    finite("jumpMean", jumpMean);
    nonNegative("jumpStdDev", jumpStdDev);
    finite("skew", skew);
    nonNegative("smile", smile);
    nonNegative("strikeStep", strikeStep);
  }

  /**
   * Returns an equity-index-like underlying: mean reversion 3, vol of vol 0.5, correlation -0.7,
   * two small negative jumps a year, skew -0.12, smile 0.02, strikes spaced by the spot.
   */
  public static UnderlyingSpec of(String symbol, double spot, double volatility) {
    return new UnderlyingSpec(
        symbol, spot, volatility, 0.0, 3.0, 0.5, -0.7, 2.0, -0.03, 0.04, -0.12, 0.02, 0.0);
  }

  /** Returns a copy with another dividend yield. */
  public UnderlyingSpec withDividendYield(double q) {
    return new UnderlyingSpec(
        symbol,
        spot,
        volatility,
        q,
        meanReversion,
        volOfVol,
        correlation,
        jumpIntensity,
        jumpMean,
        jumpStdDev,
        skew,
        smile,
        strikeStep);
  }

  /** Returns a copy without jumps and with constant volatility (geometric Brownian motion). */
  public UnderlyingSpec asGbm() {
    return new UnderlyingSpec(
        symbol,
        spot,
        volatility,
        dividendYield,
        meanReversion,
        0.0,
        0.0,
        0.0,
        0.0,
        0.0,
        skew,
        smile,
        strikeStep);
  }

  /** Returns a copy with another strike spacing. */
  public UnderlyingSpec withStrikeStep(double step) {
    return new UnderlyingSpec(
        symbol,
        spot,
        volatility,
        dividendYield,
        meanReversion,
        volOfVol,
        correlation,
        jumpIntensity,
        jumpMean,
        jumpStdDev,
        skew,
        smile,
        step);
  }

  /** Returns a copy with another smile (skew slope and curvature). */
  public UnderlyingSpec withSmile(double skewSlope, double curvature) {
    return new UnderlyingSpec(
        symbol,
        spot,
        volatility,
        dividendYield,
        meanReversion,
        volOfVol,
        correlation,
        jumpIntensity,
        jumpMean,
        jumpStdDev,
        skewSlope,
        curvature,
        strikeStep);
  }

  /** Returns the strike spacing to use at the given price. */
  double strikeStepAt(double price) {
    if (strikeStep > 0) {
      return strikeStep;
    }
    if (price <= 25) {
      return 0.5;
    }
    if (price <= 200) {
      return 1.0;
    }
    if (price <= 1000) {
      return 5.0;
    }
    return 10.0;
  }

  private static void positive(String name, double v) {
    if (!(v > 0 && v < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException(name + " must be finite and > 0, was " + v);
    }
  }

  private static void nonNegative(String name, double v) {
    if (!(v >= 0 && v < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException(name + " must be finite and >= 0, was " + v);
    }
  }

  private static void finite(String name, double v) {
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException(name + " must be finite, was " + v);
    }
  }
}
