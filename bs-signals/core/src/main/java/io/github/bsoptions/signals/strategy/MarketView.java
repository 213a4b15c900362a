package io.github.bsoptions.signals.strategy;

import io.github.bsoptions.data.model.EnrichedOption;
import io.github.bsoptions.signals.internal.Checks;
import io.github.bsoptions.signals.score.ScoredChain;
import io.github.bsoptions.signals.vol.VolForecast;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything a strategy sees for one underlying at one time.
 *
 * @param underlying the underlying symbol
 * @param spot the underlying price
 * @param rate risk-free rate (continuous)
 * @param dividendYield dividend yield (continuous)
 * @param asOf valuation time (from the injected clock, never the wall clock)
 * @param options the whole enriched chain (wings of spreads may lie outside the NTM selection)
 * @param scored the scored near-the-money selection
 * @param forecast the volatility forecast
 * @param positions current positions in this underlying
 * @param trend the underlying's trend statistic ({@link Trend#tStatistic}: positive when rising, in
 *     units of its standard error), NaN when unknown; directional strategies stay flat on NaN
 */
public record MarketView(
    String underlying,
    double spot,
    double rate,
    double dividendYield,
    Instant asOf,
    List<EnrichedOption> options,
    ScoredChain scored,
    VolForecast forecast,
    List<Position> positions,
    double trend) {

  /** Validates and copies. */
  public MarketView {
    Objects.requireNonNull(underlying, "underlying");
    Checks.positive(spot, "spot");
    Checks.finite(rate, "rate");
    Checks.finite(dividendYield, "dividendYield");
    Objects.requireNonNull(asOf, "asOf");
    options = List.copyOf(options);
    Objects.requireNonNull(scored, "scored");
    Objects.requireNonNull(forecast, "forecast");
    positions = List.copyOf(positions);
    if (Double.isInfinite(trend)) {
      throw new IllegalArgumentException("trend must be finite or NaN, was " + trend);
    }
  }

  /**
   * A view without a trend statistic (NaN): the volatility strategies work, directional ones stay
   * flat.
   */
  public MarketView(
      String underlying,
      double spot,
      double rate,
      double dividendYield,
      Instant asOf,
      List<EnrichedOption> options,
      ScoredChain scored,
      VolForecast forecast,
      List<Position> positions) {
    this(
        underlying,
        spot,
        rate,
        dividendYield,
        asOf,
        options,
        scored,
        forecast,
        positions,
        Double.NaN);
  }

  /** Returns this view with the trend statistic replaced. */
  public MarketView withTrend(double trend) {
    return new MarketView(
        underlying, spot, rate, dividendYield, asOf, options, scored, forecast, positions, trend);
  }
}
