package io.github.bsoptions.signals.testing;

import io.github.bsoptions.data.model.EnrichedOption;
import io.github.bsoptions.data.model.OptionChain;
import io.github.bsoptions.data.model.OptionContract;
import io.github.bsoptions.data.model.OptionSnapshot;
import io.github.bsoptions.data.model.Quote;
import io.github.bsoptions.pricing.formula.BlackScholesFormulas;
import io.github.bsoptions.pricing.product.OptionType;
import io.github.bsoptions.signals.ntm.ChainEnricher;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/** Deterministic option chains priced with Black-Scholes on a quadratic smile. */
public final class ChainFixtures {
  public static final Instant AS_OF = Instant.parse("2026-01-05T15:00:00Z");
  public static final double SPOT = 100;
  public static final double RATE = 0.03;

  private ChainFixtures() {}

  /** Smile vol at log-moneyness x: atm - 0.10 x + 0.50 x^2. */
  public static double smile(double atmVol, double x) {
    return atmVol - 0.10 * x + 0.50 * x * x;
  }

  /** A chain with expiries 30, 45 and 90 days out, strikes 70..130 step 2.5. */
  public static OptionChain chain(double atmVol) {
    return chain(atmVol, new int[] {30, 45, 90}, 2.5);
  }

  public static OptionChain chain(double atmVol, int[] days, double step) {
    List<OptionSnapshot> rows = new ArrayList<>();
    LocalDate today = LocalDate.of(2026, 1, 5);
    for (int d : days) {
      LocalDate exp = today.plusDays(d);
      double t = ChainEnricher.years(exp, AS_OF);
      double f = SPOT * Math.exp(RATE * t);
      for (double k = 70; k <= 130 + 1e-9; k += step) {
        double x = Math.log(k / f);
        double vol = smile(atmVol, x);
        for (OptionType type : OptionType.values()) {
          boolean call = type == OptionType.CALL;
          double px = BlackScholesFormulas.price(call, SPOT, k, t, RATE, 0, vol);
          if (px < 0.02) {
            continue;
          }
          double half = 0.005 * px + 0.01;
          Quote q = new Quote("X", px - half, px + half, 10, 10, AS_OF);
          long vol0 = Math.round(5000 * Math.exp(-40 * x * x)) + (call ? 7 : 3);
          rows.add(
              new OptionSnapshot(
                  OptionContract.of("XYZ", exp, type, k),
                  Optional.of(q),
                  Optional.empty(),
                  OptionalDouble.empty(),
                  Optional.empty(),
                  vol0,
                  OptionalLong.of(vol0 * 3)));
        }
      }
    }
    return new OptionChain("XYZ", OptionalDouble.of(SPOT), AS_OF, rows, "fixture");
  }

  /** The enriched chain. */
  public static List<EnrichedOption> enriched(double atmVol) {
    return ChainEnricher.enrich(chain(atmVol), RATE, 0, AS_OF);
  }
}
