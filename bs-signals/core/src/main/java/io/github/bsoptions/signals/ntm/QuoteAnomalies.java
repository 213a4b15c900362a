package io.github.bsoptions.signals.ntm;

import io.github.bsoptions.data.model.EnrichedOption;
import io.github.bsoptions.pricing.product.OptionType;
import io.github.bsoptions.signals.internal.Checks;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Flags contracts whose quotes look wrong, so strategies can skip them: implied volatilities that
 * jump off their smile and spreads that blow out, each by a robust z-score (median and MAD, so the
 * outliers themselves do not mask the test), and mids below the no-arbitrage floor {@code e^{-rT}
 * max(F - K, 0)} (calls; puts alike) taken with r = 10 %.
 */
public final class QuoteAnomalies {
  private static final double MAD_TO_SD = 1.4826;
  // Scale floors: half a vol point for IV residuals, 0.25 in log spread (smooth chains have a
  // near-zero MAD, which would turn rounding into "anomalies").
  private static final double IV_SCALE_FLOOR = 0.005;
  private static final double SPREAD_SCALE_FLOOR = 0.25;

  private QuoteAnomalies() {}

  /** What is wrong with a quote. */
  public enum Kind {
    /** IV far from the median of its strike neighbours (same expiry and type). */
    IV_JUMP,
    /** log spread fraction far above the chain's median. */
    SPREAD_BLOWOUT,
    /** Mid below discounted intrinsic value. */
    BELOW_INTRINSIC
  }

  /**
   * One flagged contract.
   *
   * @param option the contract
   * @param kind what is wrong
   * @param score the robust z-score (or the shortfall below intrinsic for {@link
   *     Kind#BELOW_INTRINSIC})
   */
  public record Anomaly(EnrichedOption option, Kind kind, double score) {
    /** Validates. */
    public Anomaly {
      Objects.requireNonNull(option, "option");
      Objects.requireNonNull(kind, "kind");
    }
  }

  /**
   * Returns the anomalies of the chain (a contract may appear once per kind).
   *
   * @param options the enriched chain
   * @param threshold robust z-score above which a value is flagged, e.g. 5
   * @return the anomalies in input order
   */
  public static List<Anomaly> detect(List<EnrichedOption> options, double threshold) {
    Checks.positive(threshold, "threshold");
    List<Anomaly> out = new ArrayList<>();
    // IV jumps: residual against the median of up to two neighbours on each side.
    Map<LocalDate, Map<OptionType, List<EnrichedOption>>> groups = new HashMap<>();
    for (EnrichedOption o : options) {
      if (o.impliedVolatility() > 0) {
        groups
            .computeIfAbsent(o.contract().expiration(), e -> new HashMap<>())
            .computeIfAbsent(o.contract().type(), t -> new ArrayList<>())
            .add(o);
      }
    }
    Map<EnrichedOption, Double> ivZ = new HashMap<>();
    for (Map<OptionType, List<EnrichedOption>> byType : groups.values()) {
      for (List<EnrichedOption> g : byType.values()) {
        if (g.size() < 5) {
          continue;
        }
        g.sort(Comparator.comparingDouble(o -> o.contract().strike()));
        double[] res = new double[g.size()];
        for (int i = 0; i < g.size(); i++) {
          List<Double> nb = new ArrayList<>();
          for (int j = Math.max(0, i - 2); j <= Math.min(g.size() - 1, i + 2); j++) {
            if (j != i) {
              nb.add(g.get(j).impliedVolatility());
            }
          }
          res[i] = g.get(i).impliedVolatility() - median(nb.stream().mapToDouble(d -> d).toArray());
        }
        double med = median(res.clone());
        double scale = Math.max(MAD_TO_SD * mad(res, med), IV_SCALE_FLOOR);
        for (int i = 0; i < g.size(); i++) {
          double z = (res[i] - med) / scale;
          ivZ.put(g.get(i), z);
        }
      }
    }
    // Spread blowouts on log spread fraction, among contracts with 0.1 <= |delta| <= 0.9 (far
    // wings are wide by nature and are not tested).
    double[] ls =
        options.stream()
            .filter(QuoteAnomalies::spreadTested)
            .mapToDouble(o -> Math.log(o.spreadFraction()))
            .toArray();
    double smed = ls.length > 0 ? median(ls.clone()) : Double.NaN;
    double sscale =
        ls.length > 0 ? Math.max(MAD_TO_SD * mad(ls, smed), SPREAD_SCALE_FLOOR) : Double.NaN;
    for (EnrichedOption o : options) {
      Double z = ivZ.get(o);
      if (z != null && Math.abs(z) > threshold) {
        out.add(new Anomaly(o, Kind.IV_JUMP, z));
      }
      if (spreadTested(o) && sscale > 0) {
        double sz = (Math.log(o.spreadFraction()) - smed) / sscale;
        if (sz > threshold) {
          out.add(new Anomaly(o, Kind.SPREAD_BLOWOUT, sz));
        }
      }
      if (o.mid() > 0 && o.forward() > 0 && o.expiryYears() > 0) {
        // No-arbitrage floor e^{-rT} |F - K|+, with r taken as 10 % so that it never over-flags.
        double df = Math.exp(-0.10 * o.expiryYears());
        double k = o.contract().strike();
        double intrinsic =
            o.contract().type() == OptionType.CALL
                ? Math.max(0, df * (o.forward() - k))
                : Math.max(0, df * (k - o.forward()));
        // 1 cent tolerance for rounding of quotes.
        if (o.mid() < intrinsic - 0.01) {
          out.add(new Anomaly(o, Kind.BELOW_INTRINSIC, intrinsic - o.mid()));
        }
      }
    }
    return out;
  }

  private static boolean spreadTested(EnrichedOption o) {
    double d = Math.abs(o.delta());
    return o.spreadFraction() > 0 && d >= 0.1 && d <= 0.9;
  }

  private static double median(double[] x) {
    Arrays.sort(x);
    int n = x.length;
    return n % 2 == 1 ? x[n / 2] : 0.5 * (x[n / 2 - 1] + x[n / 2]);
  }

  private static double mad(double[] x, double med) {
    double[] d = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      d[i] = Math.abs(x[i] - med);
    }
    return median(d);
  }
}
