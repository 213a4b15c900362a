package io.github.bsoptions.signals.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import io.github.bsoptions.data.model.EnrichedOption;
import io.github.bsoptions.data.model.GreeksSource;
import io.github.bsoptions.data.model.OptionContract;
import io.github.bsoptions.pricing.product.OptionType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The chain lookups written as loops pick exactly what the stream formulations they replaced picked
 * (kept below as the reference), ties, NaNs and illiquid quotes included.
 */
class StrategySupportTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 1, 5);

  @Test
  void loopsPickWhatTheStreamsPicked() {
    qt().withFixedSeed(31L)
        .withExamples(400)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              List<EnrichedOption> chain = chain(new SplittableRandom(seed));
              for (double target : new double[] {0.0, 14 / 365.0, 28 / 365.0, 63 / 365.0, 1.0}) {
                assertThat(StrategySupport.expiryNear(chain, target))
                    .isEqualTo(expiryNearStream(chain, target));
              }
              for (OptionType type : OptionType.values()) {
                assertThat(StrategySupport.atm(chain, type)).isEqualTo(atmStream(chain, type));
                for (double d : new double[] {0.1, 0.25, 0.5}) {
                  assertThat(StrategySupport.byDelta(chain, type, d))
                      .isEqualTo(byDeltaStream(chain, type, d));
                }
              }
            });
  }

  @Test
  void emptyAndIlliquidChainsGiveNothing() {
    assertThat(StrategySupport.expiryNear(List.of(), 0.1)).isEmpty();
    assertThat(StrategySupport.atm(List.of(), OptionType.CALL)).isEmpty();
    assertThat(StrategySupport.byDelta(List.of(), OptionType.PUT, 0.25)).isEmpty();
    EnrichedOption dead = option(TODAY.plusDays(30), OptionType.CALL, 100, 100, 0, 0, 0.5);
    assertThat(StrategySupport.expiryNear(List.of(dead), 0.1)).isEmpty();
  }

  /** A chain with repeated strikes and expiries (ties), some NaN deltas and illiquid quotes. */
  private static List<EnrichedOption> chain(SplittableRandom r) {
    List<EnrichedOption> out = new ArrayList<>();
    int n = r.nextInt(0, 40);
    double forward = 100;
    for (int i = 0; i < n; i++) {
      LocalDate expiry = TODAY.plusDays(7L * r.nextInt(1, 10));
      OptionType type = r.nextBoolean() ? OptionType.CALL : OptionType.PUT;
      double strike = 80 + 5 * r.nextInt(0, 9);
      double mid = r.nextInt(0, 5) == 0 ? 0 : 0.5 + r.nextInt(0, 20) / 4.0;
      double iv = r.nextInt(0, 6) == 0 ? Double.NaN : 0.1 + r.nextInt(0, 10) / 20.0;
      double delta =
          r.nextInt(0, 6) == 0
              ? Double.NaN
              : (type == OptionType.CALL ? 1 : -1) * r.nextInt(0, 11) / 10.0;
      out.add(option(expiry, type, strike, forward, mid, iv, delta));
    }
    return out;
  }

  private static EnrichedOption option(
      LocalDate expiry,
      OptionType type,
      double strike,
      double forward,
      double mid,
      double iv,
      double delta) {
    double years = (expiry.toEpochDay() - TODAY.toEpochDay()) / 365.0;
    return new EnrichedOption(
        OptionContract.of("XYZ", expiry, type, strike),
        forward,
        forward,
        years,
        mid - 0.05,
        mid + 0.05,
        mid,
        0.01,
        10,
        100,
        iv,
        delta,
        0.01,
        -0.01,
        0.1,
        GreeksSource.COMPUTED,
        Instant.parse("2026-01-05T15:00:00Z"));
  }

  // ---- the stream formulations the loops replaced (the reference)

  private static Optional<LocalDate> expiryNearStream(
      List<EnrichedOption> options, double targetYears) {
    return options.stream()
        .filter(o -> o.mid() > 0 && o.impliedVolatility() > 0)
        .min(
            Comparator.comparingDouble(
                    (EnrichedOption o) -> Math.abs(o.expiryYears() - targetYears))
                .thenComparing(o -> o.contract().expiration()))
        .map(o -> o.contract().expiration());
  }

  private static Optional<EnrichedOption> atmStream(List<EnrichedOption> expiry, OptionType type) {
    return expiry.stream()
        .filter(o -> o.contract().type() == type)
        .min(
            Comparator.comparingDouble((EnrichedOption o) -> Math.abs(o.logMoneyness()))
                .thenComparingDouble(o -> o.contract().strike()));
  }

  private static Optional<EnrichedOption> byDeltaStream(
      List<EnrichedOption> expiry, OptionType type, double absDelta) {
    return expiry.stream()
        .filter(o -> o.contract().type() == type && !Double.isNaN(o.delta()))
        .filter(o -> type == OptionType.CALL ? o.logMoneyness() > 0 : o.logMoneyness() < 0)
        .min(
            Comparator.comparingDouble(
                    (EnrichedOption o) -> Math.abs(Math.abs(o.delta()) - absDelta))
                .thenComparingDouble(o -> o.contract().strike()));
  }
}
