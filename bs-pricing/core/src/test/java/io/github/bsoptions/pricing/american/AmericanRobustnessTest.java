package io.github.bsoptions.pricing.american;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import io.github.bsoptions.pricing.PricingStatus;
import io.github.bsoptions.pricing.formula.ImpliedVolResult;
import io.github.bsoptions.pricing.pricer.AmericanModel;
import io.github.bsoptions.pricing.product.OptionType;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Every method on a wide domain (ln(K/S) in [-3, 3], 1 hour to 30 years, vol 0.5% to 500%, r and q
 * -5% to 20%): finite values between the no-arbitrage bounds, and implied volatility statuses that
 * are OK (reproducing the price) or a documented non-identifiable status.
 */
class AmericanRobustnessTest {

  @Test
  void finiteBoundedValuesAndTypedIvStatuses() {
    AmericanModel model = AmericanModel.create();
    qt().withFixedSeed(31)
        .withExamples(300)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              SplittableRandom rnd = new SplittableRandom(seed);
              boolean c = rnd.nextBoolean();
              double s = 100;
              double k = 100 * Math.exp(rnd.nextDouble(-3, 3));
              double t = Math.exp(rnd.nextDouble(Math.log(1 / (365 * 24.0)), Math.log(30)));
              double r = rnd.nextDouble(-0.05, 0.2);
              double q = rnd.nextDouble(-0.05, 0.2);
              double v = Math.exp(rnd.nextDouble(Math.log(0.005), Math.log(5)));
              double intrinsic = Math.max(c ? s - k : k - s, 0);
              double upper =
                  c ? Math.max(s, s * Math.exp(-q * t)) : Math.max(k, k * Math.exp(-r * t));
              double[] values = {
                AndersenLakeOffengelter.price(c, s, k, t, r, q, v),
                BaroneAdesiWhaley.price(c, s, k, t, r, q, v),
                BjerksundStensland.price(c, s, k, t, r, q, v),
                BinomialTree.price(c, s, k, t, r, q, v, 101, TreeType.LEISEN_REIMER),
                BinomialTree.price(c, s, k, t, r, q, v, 100, TreeType.CRR)
              };
              for (double value : values) {
                assertThat(value)
                    .as("seed %d", seed)
                    .isFinite()
                    .isGreaterThanOrEqualTo(intrinsic - 1e-9 * k)
                    .isLessThanOrEqualTo(upper * (1 + 1e-12));
              }
              OptionType type = c ? OptionType.CALL : OptionType.PUT;
              ImpliedVolResult iv = model.impliedVolatility(type, s, k, t, r, q, values[0]);
              if (iv.isOk()) {
                double back = model.price(type, s, k, t, r, q, iv.volatility());
                assertThat(back)
                    .as("seed %d", seed)
                    .isCloseTo(
                        values[0],
                        org.assertj.core.api.Assertions.within(1e-9 * values[0] + 1e-14 * k));
              } else {
                assertThat(iv.status())
                    .as("seed %d", seed)
                    .isIn(PricingStatus.NO_TIME_VALUE, PricingStatus.ABOVE_UPPER_BOUND);
                assertThat(iv.volatility()).isNaN();
              }
            });
  }
}
