package io.github.bsoptions.signals.score;

/**
 * Underlying-level volatility metrics computed while scoring (NaN when not computable).
 *
 * @param atmIv ATM implied volatility of the front (nearest) expiry in the chain
 * @param ivRank {@code (atmIv - min) / (max - min)} over the IV history
 * @param ivPercentile fraction of the IV history below {@code atmIv}
 * @param skew front-expiry put-minus-call IV at about 25 |delta|
 * @param termSlope (back ATM IV - front ATM IV) / (back years - front years), per year
 * @param forecastVol forecast annualized vol to the front expiry
 */
public record ChainMetrics(
    double atmIv,
    double ivRank,
    double ivPercentile,
    double skew,
    double termSlope,
    double forecastVol) {}
