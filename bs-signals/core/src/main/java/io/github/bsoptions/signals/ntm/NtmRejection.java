package io.github.bsoptions.signals.ntm;

/** Why a contract was not selected as near the money (or {@link #NONE} when it was). */
public enum NtmRejection {
  /** Selected. */
  NONE,
  /** No two-sided quote. */
  NO_QUOTE,
  /** No implied volatility. */
  NO_IMPLIED_VOL,
  /** Time to expiry outside the range. */
  EXPIRY_OUT_OF_RANGE,
  /** |ln(K/F)| too large. */
  MONEYNESS_OUT_OF_BAND,
  /** |delta| outside the band. */
  DELTA_OUT_OF_BAND,
  /** Spread too wide. */
  WIDE_SPREAD,
  /** Volume too low. */
  LOW_VOLUME,
  /** Open interest too low. */
  LOW_OPEN_INTEREST
}
