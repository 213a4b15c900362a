package io.github.bsoptions.risk.stress;

import java.util.List;
import java.util.Map;

/**
 * Named one-day shocks shaped like past market events, applied uniformly to every underlying
 * (single names typically moved more; scale them with {@link StressScenario} when needed). Spot
 * moves are the S&amp;P 500's close-to-close changes; volatility shifts approximate the change in
 * at-the-money implied volatility (VIX or, for 1987, realized-volatility proxies).
 */
public final class HistoricalScenarios {
  private HistoricalScenarios() {}

  /** 19 October 1987: S&amp;P 500 -20.5% in one day; implied volatility up by about 40 points. */
  public static final StressScenario CRASH_1987 =
      new StressScenario("1987 crash", -0.205, Map.of(), 0.40, 1, 0.0);

  /** 29 September 2008 (Lehman aftermath, TARP vote): -8.8%, volatility +12 points. */
  public static final StressScenario LEHMAN_2008 =
      new StressScenario("2008 Lehman", -0.088, Map.of(), 0.12, 1, 0.0);

  /** 16 March 2020 (COVID): -12.0%, VIX from 57.8 to 82.7 (+25 points). */
  public static final StressScenario COVID_2020 =
      new StressScenario("2020 COVID", -0.12, Map.of(), 0.25, 1, 0.0);

  /** 5 February 2018 ("Volmageddon"): -4.1%, VIX from 17.3 to 37.3 (+20 points). */
  public static final StressScenario VOL_SPIKE_2018 =
      new StressScenario("2018 vol spike", -0.041, Map.of(), 0.20, 1, 0.0);

  /** 6 May 2010 flash crash, close to close: -3.2%, VIX +8 points. */
  public static final StressScenario FLASH_CRASH_2010 =
      new StressScenario("2010 flash crash", -0.032, Map.of(), 0.08, 1, 0.0);

  /** A rally with volatility crush: +5%, volatility -5 points. */
  public static final StressScenario RALLY_VOL_CRUSH =
      new StressScenario("rally, vol crush", 0.05, Map.of(), -0.05, 1, 0.0);

  /** Rates up 100 basis points overnight. */
  public static final StressScenario RATES_UP_100BP =
      new StressScenario("rates +100bp", 0.0, Map.of(), 0.0, 1, 0.01);

  /** Returns every named scenario. */
  public static List<StressScenario> all() {
    return List.of(
        CRASH_1987,
        LEHMAN_2008,
        COVID_2020,
        VOL_SPIKE_2018,
        FLASH_CRASH_2010,
        RALLY_VOL_CRUSH,
        RATES_UP_100BP);
  }
}
