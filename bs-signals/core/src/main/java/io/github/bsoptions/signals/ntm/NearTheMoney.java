package io.github.bsoptions.signals.ntm;

import io.github.bsoptions.data.model.EnrichedOption;
import java.util.ArrayList;
import java.util.List;

/** Selects near-the-money, liquid contracts from an enriched chain. */
public final class NearTheMoney {
  private NearTheMoney() {}

  /**
   * Returns the contracts that pass every test of {@code criteria}, in input order.
   *
   * @param options the enriched chain
   * @param criteria the tests
   * @return the selected contracts
   */
  public static List<EnrichedOption> select(List<EnrichedOption> options, NtmCriteria criteria) {
    List<EnrichedOption> out = new ArrayList<>();
    for (EnrichedOption o : options) {
      if (check(o, criteria) == NtmRejection.NONE) {
        out.add(o);
      }
    }
    return out;
  }

  /** Returns the first test {@code o} fails, or {@link NtmRejection#NONE}. */
  public static NtmRejection check(EnrichedOption o, NtmCriteria c) {
    if (!(o.mid() > 0) || !(o.spreadFraction() >= 0)) {
      return NtmRejection.NO_QUOTE;
    }
    if (!(o.impliedVolatility() > 0)) {
      return NtmRejection.NO_IMPLIED_VOL;
    }
    if (!(o.expiryYears() >= c.minYears() && o.expiryYears() <= c.maxYears())) {
      return NtmRejection.EXPIRY_OUT_OF_RANGE;
    }
    if (!(Math.abs(o.logMoneyness()) <= c.maxAbsLogMoneyness())) {
      return NtmRejection.MONEYNESS_OUT_OF_BAND;
    }
    double d = Math.abs(o.delta());
    if (!Double.isNaN(d) && (d < c.minAbsDelta() || d > c.maxAbsDelta())) {
      return NtmRejection.DELTA_OUT_OF_BAND;
    }
    if (o.spreadFraction() > c.maxSpreadFraction()) {
      return NtmRejection.WIDE_SPREAD;
    }
    if (o.volume() < c.minVolume()) {
      return NtmRejection.LOW_VOLUME;
    }
    if (o.openInterest() >= 0 && o.openInterest() < c.minOpenInterest()) {
      return NtmRejection.LOW_OPEN_INTEREST;
    }
    return NtmRejection.NONE;
  }
}
