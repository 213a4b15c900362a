package io.github.bsoptions.pricing.american;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A randomized accuracy sweep of the default ALO scheme against 20,000-step Leisen-Reimer trees
 * (extrapolated with 10,000 steps: {@code 2 V(20001) - V(10001)}, about 1e-8 of the strike). Long:
 * about 100 s per 100 options. Run with {@code -Plong}.
 */
@Tag("long")
class AloAccuracyLongTest {

  @Test
  void defaultSchemeAgainstLeisenReimer20000() {
    SplittableRandom rnd = new SplittableRandom(20_000);
    int n = Integer.getInteger("bsoptions.alo.sweep", 120);
    double[] absErr = new double[n];
    double maxRel = 0;
    for (int i = 0; i < n; i++) {
      boolean call = rnd.nextBoolean();
      double s = 100;
      double k = 100 * Math.exp(rnd.nextDouble(-0.5, 0.5));
      double t = Math.exp(rnd.nextDouble(Math.log(7 / 365.0), Math.log(5)));
      double r = rnd.nextDouble(0, 0.1);
      double q = rnd.nextDouble(0, 0.1);
      double v = rnd.nextDouble(0.1, 0.8);
      double alo = AndersenLakeOffengelter.price(call, s, k, t, r, q, v);
      double fine = BinomialTree.price(call, s, k, t, r, q, v, 20_001, TreeType.LEISEN_REIMER);
      double coarse = BinomialTree.price(call, s, k, t, r, q, v, 10_001, TreeType.LEISEN_REIMER);
      double ref = 2 * fine - coarse;
      absErr[i] = Math.abs(alo - ref) / k;
      if (ref > 1e-3 * k) {
        maxRel = Math.max(maxRel, Math.abs(alo - ref) / ref);
      }
    }
    double[] sorted = absErr.clone();
    Arrays.sort(sorted);
    double rms = Math.sqrt(Arrays.stream(absErr).map(e -> e * e).sum() / n);
    System.out.printf(
        "ALO default vs LR 20k (%d options): error/K rms %.2e, median %.2e, max %.2e;"
            + " max relative (price > 1e-3 K) %.2e%n",
        n, rms, sorted[n / 2], sorted[n - 1], maxRel);
    assertThat(rms).isLessThan(1e-6);
    assertThat(sorted[n - 1]).isLessThan(5e-6);
  }
}
