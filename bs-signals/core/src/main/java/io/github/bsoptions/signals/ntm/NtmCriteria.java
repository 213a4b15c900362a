package io.github.bsoptions.signals.ntm;

import io.github.bsoptions.signals.internal.Checks;

/**
 * Which contracts count as near the money and liquid enough to trade.
 *
 * @param minAbsDelta smallest |delta| kept (e.g. 0.20); contracts without delta skip this test
 * @param maxAbsDelta largest |delta| kept (e.g. 0.80)
 * @param maxAbsLogMoneyness largest |ln(K / F)| kept (e.g. 0.15)
 * @param maxSpreadFraction widest (ask - bid) / mid kept (e.g. 0.10)
 * @param minVolume smallest day volume kept
 * @param minOpenInterest smallest open interest kept; unknown open interest (-1) passes
 * @param minYears shortest time to expiry kept, in years
 * @param maxYears longest time to expiry kept, in years
 */
public record NtmCriteria(
    double minAbsDelta,
    double maxAbsDelta,
    double maxAbsLogMoneyness,
    double maxSpreadFraction,
    long minVolume,
    long minOpenInterest,
    double minYears,
    double maxYears) {

  /**
   * Delta 0.20-0.80, |ln K/F| at most 0.15, spread at most 10 %, OI at least 10, 1 day-6 months.
   */
  public static final NtmCriteria DEFAULT =
      new NtmCriteria(0.20, 0.80, 0.15, 0.10, 0, 10, 1.0 / 365, 0.5);

  /** Validates the bounds. */
  public NtmCriteria {
    Checks.inRange(minAbsDelta, 0, 1, "minAbsDelta");
    Checks.inRange(maxAbsDelta, minAbsDelta, 1, "maxAbsDelta");
    Checks.positive(maxAbsLogMoneyness, "maxAbsLogMoneyness");
    Checks.positive(maxSpreadFraction, "maxSpreadFraction");
    if (minVolume < 0 || minOpenInterest < 0) {
      throw new IllegalArgumentException(
          "minVolume and minOpenInterest must be >= 0, were " + minVolume + "/" + minOpenInterest);
    }
    Checks.nonNegative(minYears, "minYears");
    Checks.inRange(maxYears, minYears, 100, "maxYears");
  }

  /** Returns these criteria with another delta band. */
  public NtmCriteria withDeltaBand(double min, double max) {
    return new NtmCriteria(
        min,
        max,
        maxAbsLogMoneyness,
        maxSpreadFraction,
        minVolume,
        minOpenInterest,
        minYears,
        maxYears);
  }

  /** Returns these criteria with other liquidity limits. */
  public NtmCriteria withLiquidity(double maxSpread, long minVol, long minOi) {
    return new NtmCriteria(
        minAbsDelta, maxAbsDelta, maxAbsLogMoneyness, maxSpread, minVol, minOi, minYears, maxYears);
  }

  /** Returns these criteria with another expiry range in years. */
  public NtmCriteria withExpiryRange(double min, double max) {
    return new NtmCriteria(
        minAbsDelta,
        maxAbsDelta,
        maxAbsLogMoneyness,
        maxSpreadFraction,
        minVolume,
        minOpenInterest,
        min,
        max);
  }
}
